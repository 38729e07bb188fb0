#pragma once
// How the runs table writes times: a wall time as a local date and time, a duration in the two
// largest units it spans ("2 h 05 min"), and an age as "3 s ago".

#include <QString>

namespace lantern::ui {

QString wallTimeText(double seconds);
QString durationText(double seconds);
QString ageText(qint64 milliseconds);

} // namespace lantern::ui
