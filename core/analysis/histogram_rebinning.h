#pragma once
// Puts many steps' histograms on one common set of bins, as TensorBoard's histogram dashboard
// does (30 equal bins over the range every step covers), so steps can be drawn against one
// value axis; and picks the steps a plot draws when there are more than it can show.

#include "core/events/decoded_event.h"

#include <cstddef>
#include <span>
#include <vector>

namespace lantern::core {

inline constexpr std::size_t kDefaultHistogramBins = 30; // TensorBoard's choice

struct HistogramRange {
    double left = 0;
    double right = 0;
    bool valid = false; // false until a finite bucket was seen

    // Widens the range to cover every bucket with finite edges (empty ones too: they were
    // written, so they are part of what the writer saw).
    void include(std::span<const HistogramBucket> buckets);
};

// Adds `buckets` onto `bins.size()` equal bins spanning [left, right]. A bucket's count is
// split between the bins it overlaps in proportion to the overlap; a zero-width bucket puts
// its whole count in the bin containing it (the last bin holds its right edge). The parts
// of buckets outside [left, right] are dropped, so totals are conserved only when the range
// covers every bucket (see HistogramRange). Buckets with non-finite edges or counts are
// skipped. When left == right every count goes to the middle bin.
void rebinInto(
    std::span<const HistogramBucket> buckets, double left, double right, std::span<double> bins);

struct RebinnedHistograms {
    double left = 0; // the bins' common range
    double right = 0;
    std::size_t binCount = 0;
    std::size_t stepCount = 0;
    std::vector<double> counts; // stepCount rows of binCount, row-major

    std::span<const double> row(std::size_t step) const
    {
        return std::span<const double>(counts).subspan(step * binCount, binCount);
    }
    // Both stay finite for a range as wide as the doubles go (right - left would overflow).
    double binLeft(std::size_t bin) const
    {
        const double t = double(bin) / double(binCount);
        return left * (1 - t) + right * t;
    }
    double binWidth() const
    {
        return binCount ? right / double(binCount) - left / double(binCount) : 0;
    }
};

// Rebins every step onto `binCount` bins over min left .. max right of all the steps. A range
// of zero width (every value equal) is widened around its value so the bins have a width:
// by 10% of |value| each side, or by 0.5 for 0.
RebinnedHistograms rebinHistograms(std::span<const std::span<const HistogramBucket>> steps,
    std::size_t binCount = kDefaultHistogramBins);

// At most `maxCount` indices out of [0, count), evenly spaced in index, always with the first
// and the last; every index when count <= maxCount. A maxCount below 2 is taken as 2.
std::vector<std::size_t> sampleStepIndices(std::size_t count, std::size_t maxCount);

} // namespace lantern::core
