#include "core/analysis/line_raster.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace lantern::core {
namespace {

// Source-over of a straight colour at `alpha` (0..255) onto a premultiplied pixel.
void blendPixel(PixelBuffer& b, int x, int y, std::uint32_t rgb, int alpha)
{
    if (x < 0 || y < 0 || x >= b.width || y >= b.height || alpha <= 0)
        return;
    std::uint32_t& dst = b.pixels[std::size_t(y) * std::size_t(b.stride) + std::size_t(x)];
    const std::uint32_t a = std::uint32_t(std::min(alpha, 255));
    dst = scaledBytes(0xff000000u | rgb, a) + scaledBytes(dst, 255 - a);
}

} // namespace

void blendLine(
    PixelBuffer buffer, double x0, double y0, double x1, double y1, std::uint32_t rgb, double alpha)
{
    if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1))
        return;
    // Pixel centres at integers.
    x0 -= 0.5, y0 -= 0.5, x1 -= 0.5, y1 -= 0.5;
    const bool steep = std::abs(y1 - y0) > std::abs(x1 - x0);
    if (steep) {
        std::swap(x0, y0);
        std::swap(x1, y1);
    }
    if (x0 > x1) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const double gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0;
    const int major = steep ? buffer.height : buffer.width;
    const int minor = steep ? buffer.width : buffer.height;
    // Clamped while still doubles: a far end must not overflow an int.
    const double from = std::max(x0, 0.0), to = std::min(x1, major - 1.0);
    if (from > to)
        return;
    const double strength = std::clamp(alpha, 0.0, 1.0) * 255;
    for (int x = int(std::lround(from)); x <= int(std::lround(to)); ++x) {
        const double y = y0 + gradient * (x - x0);
        if (!(y > -2 && y < minor + 1))
            continue;
        const int below = int(std::floor(y));
        const double f = y - below;
        const int a = int(strength * (1 - f) + 0.5), b = int(strength * f + 0.5);
        if (steep) {
            blendPixel(buffer, below, x, rgb, a);
            blendPixel(buffer, below + 1, x, rgb, b);
        } else {
            blendPixel(buffer, x, below, rgb, a);
            blendPixel(buffer, x, below + 1, rgb, b);
        }
    }
}

void blendLines(PixelBuffer buffer, const std::vector<ColoredSegment>& segments, double alpha)
{
    for (const ColoredSegment& s : segments)
        blendLine(buffer, s.x0, s.y0, s.x1, s.y1, s.rgb, alpha);
}

void blendDot(
    PixelBuffer buffer, double x, double y, double radius, std::uint32_t rgb, double alpha)
{
    if (!std::isfinite(x) || !std::isfinite(y) || !(radius > 0))
        return;
    const double reach = radius + 0.5;
    if (x < -reach || y < -reach || x > buffer.width + reach || y > buffer.height + reach)
        return;
    const double strength = std::clamp(alpha, 0.0, 1.0) * 255;
    // Squared distances spare a square root for pixels wholly inside or outside the rim.
    const double outside = reach * reach,
                 inside = radius > 0.5 ? (radius - 0.5) * (radius - 0.5) : -1;
    for (int py = int(std::floor(y - reach)); py <= int(std::floor(y + reach)); ++py)
        for (int px = int(std::floor(x - reach)); px <= int(std::floor(x + reach)); ++px) {
            const double dx = px + 0.5 - x, dy = py + 0.5 - y, squared = dx * dx + dy * dy;
            if (squared >= outside)
                continue;
            const double coverage
                = squared <= inside ? 1.0 : std::clamp(reach - std::sqrt(squared), 0.0, 1.0);
            blendPixel(buffer, px, py, rgb, int(strength * coverage + 0.5));
        }
}

} // namespace lantern::core
