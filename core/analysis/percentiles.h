#pragma once
// TensorBoard's distribution compression: a histogram reduced to the values at nine basis
// points (hundredths of a percent) placed where a normal distribution has its min, ±1.5σ, ±1σ,
// ±0.5σ, median and max, which the distributions dashboard draws as bands per step.

#include "core/events/decoded_event.h"

#include <array>
#include <optional>
#include <span>

namespace lantern::core {

inline constexpr std::array<int, 9> kDistributionBasisPoints
    = {0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000};

using DistributionValues = std::array<double, 9>; // one value per basis point

// Cumulative counts are scaled to 10000; each basis point b is located in the first bucket
// whose cumulative count exceeds b and interpolated linearly between that bucket's edges, the
// result clamped to [min, max] (the left edge of the first and the right edge of the last
// bucket holding counts). Basis point 0 is the min and 10000 the max. Buckets with
// non-finite edges or counts, or negative counts, are ignored. nullopt when nothing is left
// (no buckets, or a total count of 0): there is no distribution to draw.
std::optional<DistributionValues> compressHistogram(std::span<const HistogramBucket> buckets);

} // namespace lantern::core
