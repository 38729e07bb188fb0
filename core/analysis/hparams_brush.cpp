#include "core/analysis/hparams_brush.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {

BrushRange brushBetween(double a, double b)
{
    return {std::clamp(std::min(a, b), 0.0, 1.0), std::clamp(std::max(a, b), 0.0, 1.0)};
}

std::vector<std::uint8_t> brushedSessions(const std::vector<std::vector<double>>& fractions,
    const std::vector<std::vector<BrushRange>>& brushes, std::size_t sessionCount)
{
    std::vector<std::uint8_t> shown(sessionCount, 1);
    for (std::size_t axis = 0; axis < brushes.size() && axis < fractions.size(); ++axis) {
        const std::vector<BrushRange>& ranges = brushes[axis];
        if (ranges.empty())
            continue;
        const std::vector<double>& column = fractions[axis];
        for (std::size_t session = 0; session < sessionCount; ++session) {
            if (!shown[session])
                continue;
            const double f = session < column.size() ? column[session] : NAN;
            shown[session] = !std::isnan(f)
                && std::any_of(ranges.begin(), ranges.end(),
                    [f](const BrushRange& range) { return range.contains(f); });
        }
    }
    return shown;
}

std::size_t dropIndex(const std::vector<double>& axisXs, std::size_t from, double x)
{
    std::size_t left = 0;
    for (std::size_t i = 0; i < axisXs.size(); ++i)
        if (i != from && axisXs[i] < x)
            ++left;
    return left;
}

} // namespace lantern::core
