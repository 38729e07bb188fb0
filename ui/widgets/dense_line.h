#pragma once
// Draws a dense polyline (several points per pixel column, as decimation hands the line plot)
// the way it looks: in each pixel column, the vertical extent its segments cover there, as one
// run of pixels a line's width taller, with fractional coverage at both ends. QPainter strokes
// every segment and blends each pixel of it as its own span, which for a line zig-zagging four
// times per column costs several times more and, with a translucent pen, darkens wherever
// segments overlap.

#include <QColor>
#include <QPointF>

#include <span>
#include <vector>

class QImage;

namespace lantern::ui {

// The y range (pixels, top <= bottom) a polyline covers in one pixel column; empty when
// top > bottom.
struct ColumnExtent {
    double top = 0;
    double bottom = -1;
    bool empty() const { return top > bottom; }
};

// Widens out[c] (column c covers x in [c, c + 1)) by every point of the polyline through
// `points` whose x falls in that column; points must be finite. out.size() is the width;
// what lies left of 0 or right of the width is left out.
void addColumnExtents(std::span<const QPointF> points, std::vector<ColumnExtent>& out);

// Blends `color` (its alpha included) into `image` (Format_ARGB32_Premultiplied, one pixel per
// column and row of `extents`): in column c, the extent widened by half of `thickness` (pixels)
// above and below, each pixel weighted by how much of it that covers.
void fillColumnExtents(
    QImage& image, const std::vector<ColumnExtent>& extents, QColor color, double thickness = 1);

} // namespace lantern::ui
