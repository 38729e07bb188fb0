#pragma once
// Colours for an embedding's points from one metadata column, with what a legend shows: a
// categorical palette when the column has at most kMaxCategories distinct values, else a
// gradient from its minimum to its maximum when it is numeric, else nothing (the plot's
// default colour).

#include "core/projector/metadata_table.h"

#include <QColor>

#include <string>
#include <utility>
#include <vector>

namespace lantern::ui {

inline constexpr std::size_t kMaxCategories = 50;
inline constexpr QRgb kMissingValueColor = 0xffbdbdbd;

struct ColumnColoring {
    std::vector<QRgb> colors; // one per row of the table, or empty
    std::vector<std::pair<std::string, QRgb>> categories; // value and colour, in legend order
    bool gradient = false;
    double low = 0, high = 0; // the gradient's range
    QRgb lowColor = 0, highColor = 0;
};

ColumnColoring coloringForColumn(const core::MetadataTable& table, std::size_t column);

// One colour per row of `table`, or empty when the column cannot colour points.
inline std::vector<QRgb> colorsForColumn(const core::MetadataTable& table, std::size_t column)
{
    return coloringForColumn(table, column).colors;
}

} // namespace lantern::ui
