#include "ui/widgets/dense_line.h"

#include <QImage>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

void widen(ColumnExtent& extent, double y0, double y1)
{
    const double lo = std::min(y0, y1), hi = std::max(y0, y1);
    if (extent.empty()) {
        extent = {lo, hi};
        return;
    }
    extent.top = std::min(extent.top, lo);
    extent.bottom = std::max(extent.bottom, hi);
}

// Every channel of a premultiplied ARGB pixel times a / 255 (a in 0–255), rounded: the red and
// blue channels in one 32-bit product, alpha and green in another.
std::uint32_t scaled(std::uint32_t pixel, std::uint32_t a)
{
    const auto times = [a](std::uint32_t pair) { // two channels at bits 0–7 and 16–23
        std::uint32_t t = pair * a + 0x00800080;
        t += (t >> 8) & 0x00ff00ff;
        return (t >> 8) & 0x00ff00ff;
    };
    return times(pixel & 0x00ff00ff) | (times((pixel >> 8) & 0x00ff00ff) << 8);
}

// `source` (premultiplied) over `pixel`.
std::uint32_t over(std::uint32_t pixel, std::uint32_t source)
{
    return source + scaled(pixel, 255 - (source >> 24));
}

} // namespace

void addColumnExtents(std::span<const QPointF> points, std::vector<ColumnExtent>& out)
{
    const auto width = double(out.size());
    const auto columnOf = [](double x) { return std::int64_t(std::floor(x)); };
    if (points.size() == 1) {
        const QPointF& p = points[0];
        if (p.x() >= 0 && p.x() < width)
            widen(out[std::size_t(columnOf(p.x()))], p.y(), p.y());
        return;
    }
    for (std::size_t i = 1; i < points.size(); ++i) {
        QPointF a = points[i - 1], b = points[i];
        if (a.x() > b.x())
            std::swap(a, b);
        if (b.x() < 0 || a.x() >= width)
            continue;
        const std::int64_t first = std::max<std::int64_t>(0, columnOf(a.x()));
        const std::int64_t last = std::min(std::int64_t(out.size()) - 1, columnOf(b.x()));
        const double dx = b.x() - a.x();
        const auto yAt = [&](double x) {
            return dx > 0 ? a.y() + (b.y() - a.y()) * ((x - a.x()) / dx) : a.y();
        };
        for (std::int64_t c = first; c <= last; ++c) {
            // The part of the segment inside column c, and the y at its two ends.
            const double x0 = std::max(a.x(), double(c)), x1 = std::min(b.x(), double(c + 1));
            const double y0 = x0 == a.x() ? a.y() : yAt(x0);
            const double y1 = x1 == b.x() ? b.y() : yAt(x1);
            widen(out[std::size_t(c)], y0, y1);
        }
    }
}

void fillColumnExtents(
    QImage& image, const std::vector<ColumnExtent>& extents, QColor color, double thickness)
{
    const std::uint32_t source = qPremultiply(color.rgba());
    const int height = image.height();
    const int width = std::min(image.width(), int(extents.size()));
    auto* const bits = reinterpret_cast<std::uint32_t*>(image.bits());
    const auto stride = std::size_t(image.bytesPerLine() / 4);
    const auto partial = [source](double coverage) {
        return scaled(source, std::uint32_t(std::clamp(coverage, 0.0, 1.0) * 255 + 0.5));
    };
    for (int c = 0; c < width; ++c) {
        const ColumnExtent& extent = extents[std::size_t(c)];
        if (extent.empty())
            continue;
        // A line `thickness` thick: half of it beyond either end.
        const double top = std::max(0.0, extent.top - thickness / 2);
        const double bottom = std::min(double(height), extent.bottom + thickness / 2);
        if (!(top < bottom))
            continue;
        const int firstRow = int(top), lastRow = std::min(height - 1, int(std::ceil(bottom)) - 1);
        std::uint32_t* pixel = bits + std::size_t(firstRow) * stride + std::size_t(c);
        if (firstRow == lastRow) {
            *pixel = over(*pixel, partial(bottom - top));
            continue;
        }
        *pixel = over(*pixel, partial(double(firstRow + 1) - top));
        for (int row = firstRow + 1; row < lastRow; ++row) {
            pixel += stride;
            *pixel = over(*pixel, source);
        }
        pixel += stride;
        *pixel = over(*pixel, partial(bottom - double(lastRow)));
    }
}

} // namespace lantern::ui
