#pragma once
// Antialiased dots of one radius and a few colours stamped from images rendered once: each
// colour's disc drawn premultiplied at a grid of sub-pixel offsets, so that a dot costs one
// blend per covered pixel and no coverage maths. The HParams scatter matrix stamps hundreds of
// thousands of them (every session in every cell) each time its colours or filters change.

#include "core/analysis/line_raster.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lantern::core {

class DotStamps {
public:
    // Discs of `radius` pixels in each colour of `colors` (straight, 0xRRGGBB) at `alpha` (0..1),
    // covered as blendDot covers them.
    DotStamps(double radius, double alpha, const std::vector<std::uint32_t>& colors);

    // Blends the dot of colour `color` (an index into the constructor's colours) centred at
    // (x, y), in pixel units, its centre rounded to a quarter pixel. Parts outside the buffer,
    // non-finite centres and unknown colours are skipped.
    void stamp(PixelBuffer buffer, double x, double y, std::size_t color) const;

    int side() const { return m_side; }

private:
    static constexpr int kPhases = 4; // sub-pixel offsets per axis

    const std::uint32_t* tile(std::size_t color, int phaseX, int phaseY) const;

    int m_reach = 0; // pixels from the tile's centre pixel to its edge
    int m_side = 0; // 2 * m_reach + 1
    std::size_t m_colors = 0;
    std::vector<std::uint32_t> m_tiles; // [colour][phaseY][phaseX][side × side], premultiplied
};

} // namespace lantern::core
