// The debiased EMA exactly as FORMATS.md states it (TensorBoard's line chart). Two deliberate
// differences from TensorBoard's code: w^n is a running product rather than Math.pow (the same to
// within a few ulps, and what makes resuming cheap), and a series whose values are all equal is
// not special-cased (TensorBoard then skips smoothing to hide rounding; doing that would need the
// whole series up front, which appending cannot offer).

#include "core/analysis/smoothing.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace lantern::core {

double SmoothingState::next(double value)
{
    if (!std::isfinite(value))
        return value;
    const double w = weight > 0 ? std::min(weight, 0.999) : 0.0; // NaN weight: no smoothing
    last = last * w + (1 - w) * value;
    ++count;
    weightPower *= w;
    return last / (1 - weightPower);
}

void smooth(std::span<const double> values, SmoothingState& state, std::span<double> out)
{
    assert(out.size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = state.next(values[i]);
}

std::vector<double> smooth(std::span<const double> values, double weight)
{
    std::vector<double> out(values.size());
    SmoothingState state;
    state.weight = weight;
    smooth(values, state, out);
    return out;
}

} // namespace lantern::core
