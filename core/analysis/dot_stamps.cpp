#include "core/analysis/dot_stamps.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {

DotStamps::DotStamps(double radius, double alpha, const std::vector<std::uint32_t>& colors)
    : m_colors(colors.size())
{
    radius = std::max(radius, 0.0);
    // A centre anywhere inside its pixel reaches at most radius + 0.5 + 1 pixels away.
    m_reach = int(std::ceil(radius + 1.5));
    m_side = 2 * m_reach + 1;
    const std::size_t area = std::size_t(m_side) * std::size_t(m_side);
    m_tiles.assign(m_colors * kPhases * kPhases * area, 0);
    // The tiles are blendDot's output on a transparent buffer: the same coverage by construction.
    for (std::size_t color = 0; color < m_colors; ++color)
        for (int phaseY = 0; phaseY < kPhases; ++phaseY)
            for (int phaseX = 0; phaseX < kPhases; ++phaseX) {
                std::uint32_t* pixels = m_tiles.data()
                    + ((color * kPhases + std::size_t(phaseY)) * kPhases + std::size_t(phaseX))
                        * area;
                const PixelBuffer tile {pixels, m_side, m_side, m_side};
                blendDot(tile, m_reach + (phaseX + 0.5) / kPhases,
                    m_reach + (phaseY + 0.5) / kPhases, radius, colors[color] & 0xffffff, alpha);
            }
}

const std::uint32_t* DotStamps::tile(std::size_t color, int phaseX, int phaseY) const
{
    const std::size_t area = std::size_t(m_side) * std::size_t(m_side);
    return m_tiles.data()
        + ((color * kPhases + std::size_t(phaseY)) * kPhases + std::size_t(phaseX)) * area;
}

void DotStamps::stamp(PixelBuffer buffer, double x, double y, std::size_t color) const
{
    if (color >= m_colors || !std::isfinite(x) || !std::isfinite(y))
        return;
    if (x < -m_side || y < -m_side || x > buffer.width + m_side || y > buffer.height + m_side)
        return;
    const double cellX = std::floor(x), cellY = std::floor(y);
    const int phaseX = std::min(int((x - cellX) * kPhases), kPhases - 1);
    const int phaseY = std::min(int((y - cellY) * kPhases), kPhases - 1);
    const int left = int(cellX) - m_reach, top = int(cellY) - m_reach;
    const std::uint32_t* source = tile(color, phaseX, phaseY);
    const int fromX = std::max(0, -left), toX = std::min(m_side, buffer.width - left);
    const int fromY = std::max(0, -top), toY = std::min(m_side, buffer.height - top);
    for (int ty = fromY; ty < toY; ++ty) {
        const std::uint32_t* from = source + std::size_t(ty) * std::size_t(m_side) + fromX;
        std::uint32_t* target = buffer.pixels + std::size_t(top + ty) * std::size_t(buffer.stride)
            + std::size_t(left + fromX);
        for (int i = 0; i < toX - fromX; ++i)
            if (const std::uint32_t src = from[i]; src != 0) // source-over, premultiplied
                target[i] = src + scaledBytes(target[i], 255 - (src >> 24));
    }
}

} // namespace lantern::core
