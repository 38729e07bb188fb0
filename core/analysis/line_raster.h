#pragma once
// Antialiased one-pixel lines and dots written straight into a 32-bit premultiplied ARGB pixel
// buffer (Xiaolin Wu's method: each step along the major axis covers the two pixels the line passes
// between, in proportion). The parallel coordinates draw thousands of lines this way on every
// brush change: QPainter hands long spans to a thread pool and waits for it, which on a busy
// machine costs far more than the pixels.

#include <cstdint>
#include <vector>

namespace lantern::core {

struct PixelBuffer {
    std::uint32_t* pixels = nullptr; // 0xAARRGGBB, premultiplied
    int width = 0;
    int height = 0;
    int stride = 0; // pixels per row
};

// Each of x's four bytes times a / 255, rounded: two bytes at a time in one 32-bit multiply.
inline std::uint32_t scaledBytes(std::uint32_t x, std::uint32_t a)
{
    std::uint32_t low = (x & 0xff00ff) * a;
    low = ((low + ((low >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
    std::uint32_t high = ((x >> 8) & 0xff00ff) * a;
    high = (high + ((high >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
    return high | low;
}

// Blends the colour (straight, not premultiplied: 0xRRGGBB) at `alpha` (0..1) along the line
// from (x0, y0) to (x1, y1), in pixel units (a pixel's centre at +0.5). Parts outside the
// buffer are skipped.
void blendLine(PixelBuffer buffer, double x0, double y0, double x1, double y1, std::uint32_t rgb,
    double alpha);

// One line to blend, in pixel units, its colour straight (0xRRGGBB).
struct ColoredSegment {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::uint32_t rgb = 0;
};

// blendLine for each segment in order, all at `alpha`.
void blendLines(PixelBuffer buffer, const std::vector<ColoredSegment>& segments, double alpha);

// Blends a disc of `radius` pixels centred at (x, y), its edge antialiased (a pixel's coverage
// falls from 1 to 0 over the pixel across the rim).
void blendDot(
    PixelBuffer buffer, double x, double y, double radius, std::uint32_t rgb, double alpha);

} // namespace lantern::core
