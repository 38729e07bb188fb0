#pragma once
// Every point a line plot holds, written out as data: CSV (run,tag,step,wall_time,value) or
// JSON, by core/export/scalar_export.h, so a card's export and lantern-cli's are the same
// bytes. Numbers are written in the shortest text that reads back as the same value, so an
// export round-trips exactly (a wall time keeps its microseconds).

#include "ui/widgets/line_plot.h"

#include <QString>

#include <vector>

class QTextStream;

namespace lantern::ui {

// The shortest text that reads back as exactly `value`; plain digits for everyday magnitudes
// (a wall time as 1700000000.25, not 1.70000000025e+09). "nan", "inf" and "-inf" otherwise.
QString exactNumber(double value);

// One row per point of every series. A series without a tag of its own is written with `tag`;
// one without a run of its own with its name. Reads only the series' snapshots: safe on any
// thread.
void writeScalarsCsv(
    QTextStream& out, const std::vector<LinePlot::Series>& series, const QString& tag);

// {"tag": title, "runs": [{"run": …, "tag": …, "type": …, "points": [[step, wall_time, value],
// …]}, …]}
// with a series' run and tag chosen as for CSV. JSON has no NaN or infinity: those values are
// written as the strings "NaN", "Infinity" and "-Infinity".
void writeScalarsJson(
    QTextStream& out, const std::vector<LinePlot::Series>& series, const QString& title);

} // namespace lantern::ui
