#pragma once
// Where the cells of the HParams scatter-plot matrix go: one row per metric, one column per
// hparam, cells of equal size separated by a gap, with room at the left for the rows' titles
// and at the top for the columns'. Maps a cell's 0..1 fractions to pixels and back, and a
// pixel to the cell under it.

#include <cstddef>
#include <optional>

namespace lantern::core {

struct MatrixCell {
    std::size_t row = 0; // metric
    std::size_t column = 0; // hparam
    bool operator==(const MatrixCell&) const = default;
};

struct CellBox {
    double left = 0, top = 0, width = 0, height = 0;
};

struct ScatterMatrixLayout {
    std::size_t rows = 0;
    std::size_t columns = 0;
    double left = 0; // where the first cell starts
    double top = 0;
    double cellWidth = 0;
    double cellHeight = 0;
    double gap = 0;

    // Cells as large as `width` × `height` allows after the margins, but at least `minCell`
    // (the widget then scrolls).
    static ScatterMatrixLayout fit(std::size_t rows, std::size_t columns, double width,
        double height, double leftMargin, double topMargin, double gap, double minCell);

    double totalWidth() const;
    double totalHeight() const;
    CellBox box(MatrixCell cell) const;
    // The cell under (x, y), or nullopt in a margin or a gap.
    std::optional<MatrixCell> cellAt(double x, double y) const;
    // The pixel of a point at fractions (fx, fy) of a cell: fy = 0 at its bottom.
    void toPixel(MatrixCell cell, double fx, double fy, double& x, double& y) const;
};

} // namespace lantern::core
