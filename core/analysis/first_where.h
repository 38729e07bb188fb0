#pragma once
// Binary search over positions, for decimation's chunk and point searches: std::partition_point
// over std::views::iota would do, but clang 14 cannot compile that against libstdc++ 12.

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

} // namespace lantern::core
