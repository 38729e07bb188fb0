#pragma once
// Colours for an embedding's points from one metadata column: a categorical palette when the
// column has at most 20 distinct values, else a gradient from its minimum to its maximum when
// it is numeric, else nothing (the plot's default colour).

#include "core/projector/metadata_table.h"

#include <QColor>

#include <vector>

namespace lantern::ui {

inline constexpr std::size_t kMaxCategories = 20;
inline constexpr QRgb kMissingValueColor = 0xffbdbdbd;

// One colour per row of `table`, or empty when the column cannot colour points.
std::vector<QRgb> colorsForColumn(const core::MetadataTable& table, std::size_t column);

} // namespace lantern::ui
