#pragma once
// A count with its noun in the right number ("1 run", "2 runs"): Qt's "%n run(s)" needs a
// translation file to say either, and Lantern ships none.

#include <QString>

#include <cstdint>

namespace lantern::ui {

inline QString counted(std::uint64_t count, const QString& singular, const QString& plural)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? singular : plural);
}

} // namespace lantern::ui
