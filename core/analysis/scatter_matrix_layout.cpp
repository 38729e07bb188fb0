#include "core/analysis/scatter_matrix_layout.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {

ScatterMatrixLayout ScatterMatrixLayout::fit(std::size_t rows, std::size_t columns, double width,
    double height, double leftMargin, double topMargin, double gap, double minCell)
{
    ScatterMatrixLayout layout {rows, columns, leftMargin, topMargin, minCell, minCell, gap};
    if (columns > 0)
        layout.cellWidth
            = std::max(minCell, (width - leftMargin - gap * double(columns)) / double(columns));
    if (rows > 0)
        layout.cellHeight
            = std::max(minCell, (height - topMargin - gap * double(rows)) / double(rows));
    return layout;
}

double ScatterMatrixLayout::totalWidth() const
{
    return left + double(columns) * (cellWidth + gap);
}

double ScatterMatrixLayout::totalHeight() const
{
    return top + double(rows) * (cellHeight + gap);
}

CellBox ScatterMatrixLayout::box(MatrixCell cell) const
{
    return {left + double(cell.column) * (cellWidth + gap),
        top + double(cell.row) * (cellHeight + gap), cellWidth, cellHeight};
}

std::optional<MatrixCell> ScatterMatrixLayout::cellAt(double x, double y) const
{
    if (x < left || y < top || cellWidth <= 0 || cellHeight <= 0)
        return std::nullopt;
    const double column = std::floor((x - left) / (cellWidth + gap));
    const double row = std::floor((y - top) / (cellHeight + gap));
    if (column >= double(columns) || row >= double(rows))
        return std::nullopt;
    const MatrixCell cell {std::size_t(row), std::size_t(column)};
    const CellBox b = box(cell);
    if (x > b.left + b.width || y > b.top + b.height)
        return std::nullopt; // in the gap after the cell
    return cell;
}

void ScatterMatrixLayout::toPixel(MatrixCell cell, double fx, double fy, double& x, double& y) const
{
    const CellBox b = box(cell);
    x = b.left + fx * b.width;
    y = b.top + (1 - fy) * b.height;
}

} // namespace lantern::core
