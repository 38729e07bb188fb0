#pragma once
// Every point a line plot holds, written out as data: CSV (run,tag,step,wall_time,value) or
// JSON, by core/export/scalar_export.h, so a card's export and lantern-cli's are the same
// bytes. Numbers are written in the shortest text that reads back as the same value, so an
// export round-trips exactly (a wall time keeps its microseconds).

#include "ui/widgets/line_plot.h"

#include <QString>

#include <string_view>
#include <vector>

class QIODevice;

namespace lantern::ui {

// The shortest text that reads back as exactly `value`; plain digits for everyday magnitudes
// (a wall time as 1700000000.25, not 1.70000000025e+09). "nan", "inf" and "-inf" otherwise.
QString exactNumber(double value);

// A run or tag name from the log as a line's `run` or `tag`: ill-formed UTF-8 replaced as core's
// exports replace it (QString::fromStdString would put one U+FFFD per byte of a cut-off
// sequence, where core puts one per sequence), so the card's export writes lantern-cli's bytes.
QString exportedName(std::string_view name);

// One row per point of every series. A series without a tag of its own is written with `tag`;
// one without a run of its own with its name. Reads only the series' snapshots: safe on any
// thread. False when writing to `out` failed.
bool writeScalarsCsv(
    QIODevice& out, const std::vector<LinePlot::Series>& series, const QString& tag);

// [{"run": …, "tag": …, "type": …, "points": [[step, wall_time, value], …]}, …], with a series'
// run and tag chosen as for CSV. JSON has no NaN or infinity: those values are written as the
// strings "NaN", "Infinity" and "-Infinity".
bool writeScalarsJson(
    QIODevice& out, const std::vector<LinePlot::Series>& series, const QString& tag);

} // namespace lantern::ui
