#pragma once
// Binary searches over positions, for decimation's chunk and point searches: std::partition_point
// over std::views::iota would do, but clang 14 cannot compile that against libstdc++ 12.

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace lantern::core {

// The first i in [lo, hi) with pred(i), or hi; pred is false, then true.
template <typename Pred> std::size_t firstWhere(std::size_t lo, std::size_t hi, Pred&& pred)
{
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (pred(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

// firstWhere for an answer likely near lo: steps that double, then a binary search between the
// last two, so that a short hop costs a few probes of nearby positions.
template <typename Pred> std::size_t firstWhereNear(std::size_t lo, std::size_t hi, Pred&& pred)
{
    for (std::size_t step = 1; lo < hi; step *= 2) {
        const std::size_t probe = lo + std::min(step, hi - lo) - 1;
        if (pred(probe))
            return firstWhere(lo, probe, pred);
        lo = probe + 1;
    }
    return hi;
}

// firstWhere for an answer likely near `guess`: the same doubling steps, out from the guess in
// the direction the answer lies.
template <typename Pred>
std::size_t firstWhereFrom(std::size_t lo, std::size_t hi, std::size_t guess, Pred&& pred)
{
    if (lo >= hi)
        return hi;
    guess = std::clamp(guess, lo, hi - 1);
    if (!pred(guess))
        return firstWhereNear(guess + 1, hi, pred);
    std::size_t upper = guess; // pred(upper)
    for (std::size_t step = 1; upper > lo; step *= 2) {
        const std::size_t probe = upper - std::min(step, upper - lo);
        if (!pred(probe))
            return firstWhere(probe + 1, upper, pred);
        upper = probe;
    }
    return lo;
}

// The position `fraction` of the way from lo to hi, rounded and kept in [lo, hi] (lo for NaN).
inline std::size_t positionAt(std::size_t lo, std::size_t hi, double fraction)
{
    const double offset = std::round(fraction * double(hi - lo));
    if (!(offset > 0))
        return lo;
    return offset < double(hi - lo) ? lo + std::size_t(offset) : hi;
}

} // namespace lantern::core
