#pragma once
// What a scalar series reads at a step and over a range of steps, for the Scalars data table:
// the point nearest a step, and a range's first and last values, change, min, max, mean and
// number of points. Ranges are answered in O(log n) from a summary pyramid — the store's own
// min/max pyramid plus ScalarSumPyramid's finite sums and counts, node for node — decoding only
// the two chunks at the range's ends; scanRangeStatistics decodes every point in the range
// instead (the baseline, and the reference the fast answer is tested against).
//
// Steps are non-decreasing in a series (the store keeps them so). Min, max and mean are over
// the finite values; NaN and ±inf count as points but take no part in them.

#include "core/store/scalar_series.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace lantern::core {

// Indices [first, last) of a series' points.
struct IndexRange {
    std::size_t first = 0;
    std::size_t last = 0;
    bool empty() const { return last <= first; }
};

// The points with lo <= step <= hi.
IndexRange indicesWithin(const ScalarSnapshot& series, std::int64_t lo, std::int64_t hi);
// The index of the point whose step is nearest `step` (the lower one on a tie); none when empty.
std::optional<std::size_t> indexNearestStep(const ScalarSnapshot& series, std::int64_t step);

struct RangeStatistics {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::size_t count = 0; // points in the range
    std::size_t finiteCount = 0; // of them with a finite value
    ScalarPoint first {}; // the range's first and last points (when count > 0)
    ScalarPoint last {};
    double change() const { return count > 0 ? last.value - first.value : kNaN; }
    double min = kNaN; // over the finite values; NaN when there are none
    double max = kNaN;
    double sum = 0;
    double mean() const { return finiteCount > 0 ? sum / double(finiteCount) : kNaN; }
};

// Per node of the store's pyramid (level l, node i: chunks [i·kFanout^l, (i+1)·kFanout^l)),
// the sum and number of the finite values. Built once per series by decoding every value, then
// extended by the chunks sealed since (a series that only appended), so that a range's mean
// costs as little as its min and max.
class ScalarSumPyramid {
public:
    // For `series`, reusing `previous` (built for an earlier snapshot of the same series) when
    // the series only appended since.
    static ScalarSumPyramid of(const ScalarSnapshot& series, const ScalarSumPyramid* previous);

    std::size_t chunkCount() const { return m_levels.empty() ? 0 : m_levels[0].sums.size(); }
    std::uint64_t removals() const { return m_removals; }
    // The range's statistics; `series` is the snapshot this was built for, or one that extends
    // it (its newer chunks are then decoded as the tail is).
    RangeStatistics statistics(
        const ScalarSnapshot& series, std::int64_t lo, std::int64_t hi) const;

private:
    struct Level {
        std::vector<double> sums;
        std::vector<std::uint64_t> counts;
    };
    std::vector<Level> m_levels; // level l holds the complete nodes of the chunks it covers
    std::uint64_t m_removals = 0;
};

// The same statistics from every point in the range, one by one.
RangeStatistics scanRangeStatistics(const ScalarSnapshot& series, std::int64_t lo, std::int64_t hi);

} // namespace lantern::core
