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

// A premultiplied ARGB pixel plus `source` (premultiplied, 0–255 per channel) at `weight`
// (0–256), source-over.
std::uint32_t blend(std::uint32_t pixel, const std::uint32_t (&source)[4], std::uint32_t weight)
{
    const std::uint32_t alpha = (source[3] * weight) >> 8;
    const std::uint32_t keep = 255 - alpha;
    std::uint32_t out = 0;
    for (int channel = 0; channel < 4; ++channel) {
        const int shift = channel * 8;
        const std::uint32_t d = (pixel >> shift) & 0xff;
        const std::uint32_t s = (source[channel] * weight) >> 8;
        out |= std::min<std::uint32_t>(255, s + (d * keep + 127) / 255) << shift;
    }
    return out;
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

void fillColumnExtents(QImage& image, const std::vector<ColumnExtent>& extents, QColor color)
{
    const double alpha = color.alphaF();
    const std::uint32_t source[4] = {std::uint32_t(std::lround(color.blueF() * alpha * 255)),
        std::uint32_t(std::lround(color.greenF() * alpha * 255)),
        std::uint32_t(std::lround(color.redF() * alpha * 255)),
        std::uint32_t(std::lround(alpha * 255))};
    const int height = image.height();
    const int width = std::min(image.width(), int(extents.size()));
    auto* const bits = reinterpret_cast<std::uint32_t*>(image.bits());
    const auto stride = std::size_t(image.bytesPerLine() / 4);
    for (int c = 0; c < width; ++c) {
        const ColumnExtent& extent = extents[std::size_t(c)];
        if (extent.empty())
            continue;
        // A line one pixel thick: half a pixel beyond either end.
        const double top = std::max(0.0, extent.top - 0.5);
        const double bottom = std::min(double(height), extent.bottom + 0.5);
        if (!(top < bottom))
            continue;
        const int firstRow = int(top), lastRow = std::min(height - 1, int(std::ceil(bottom)) - 1);
        for (int row = firstRow; row <= lastRow; ++row) {
            const double coverage = std::min(double(row + 1), bottom) - std::max(double(row), top);
            const auto weight = std::uint32_t(std::lround(std::clamp(coverage, 0.0, 1.0) * 256));
            std::uint32_t& pixel = bits[std::size_t(row) * stride + std::size_t(c)];
            pixel = blend(pixel, source, weight);
        }
    }
}

} // namespace lantern::ui
