#pragma once
// The table a line plot's tooltip shows: one row per run at the cursor's x, with the columns
// Run, Smoothed, Value, Step, Wall time and Relative, in the order the user chose (nearest the
// cursor, by value either way, or by run name), cut to at most a number of rows with a last line
// saying how many more there are.

#include "ui/widgets/line_layout.h"

#include <QString>

#include <vector>

namespace lantern::ui {

enum class HoverSort { Nearest, ValueDescending, ValueAscending, RunName };

struct HoverTableOptions {
    HoverSort sort = HoverSort::Nearest;
    int maxRows = 12; // at least 1
    bool timeColumns = true; // Wall time and Relative: the pinned readout leaves them out
};

// Orders `rows` (as hoverRowsAt returns them, nearest first). By value means by the value the
// line shows (smoothed); rows without a number sort last either way. Ties keep their order.
void sortHoverRows(std::vector<HoverRow>& rows, HoverSort sort);
// The rows, sorted and cut, as an HTML table; empty for no rows.
QString hoverTableHtml(std::vector<HoverRow> rows, const HoverTableOptions& options);
// A span of hours as a person reads it: "42.0 s", "12.0 min", "5.25 h", "3.10 d".
QString formatDuration(double hours);
// Seconds since the epoch as a local date and time, to the second.
QString formatWallTime(double seconds);

} // namespace lantern::ui
