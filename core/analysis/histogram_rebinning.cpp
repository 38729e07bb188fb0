// Rebinning of histograms onto common bins, and the even sampling of steps for drawing.

#include "core/analysis/histogram_rebinning.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {
namespace {

bool isUsable(const HistogramBucket& bucket)
{
    return std::isfinite(bucket.left) && std::isfinite(bucket.right) && std::isfinite(bucket.count);
}

} // namespace

void HistogramRange::include(std::span<const HistogramBucket> buckets)
{
    for (const HistogramBucket& bucket : buckets) {
        if (!isUsable(bucket))
            continue;
        // Writers occasionally reverse an outer bucket; its extent is what counts.
        const double lo = std::min(bucket.left, bucket.right);
        const double hi = std::max(bucket.left, bucket.right);
        if (!valid) {
            left = lo;
            right = hi;
            valid = true;
        } else {
            left = std::min(left, lo);
            right = std::max(right, hi);
        }
    }
}

void rebinInto(
    std::span<const HistogramBucket> buckets, double left, double right, std::span<double> bins)
{
    const std::size_t n = bins.size();
    if (n == 0)
        return;
    if (!(right > left)) {
        for (const HistogramBucket& bucket : buckets)
            if (isUsable(bucket))
                bins[n / 2] += bucket.count;
        return;
    }
    // Work with halved coordinates: a range such as [-1e308, 1e308] (weights that diverged)
    // overflows to infinity when subtracted, and an infinite or NaN bin index never ends.
    const double halfLeft = left * 0.5, halfRight = right * 0.5;
    const double halfWidth = (halfRight - halfLeft) / double(n);
    auto binOf = [&](double halfX) {
        const double position = std::floor((halfX - halfLeft) / halfWidth);
        if (!(position > 0)) // also catches NaN
            return std::size_t(0);
        return position >= double(n - 1) ? n - 1 : std::size_t(position);
    };
    for (const HistogramBucket& bucket : buckets) {
        if (!isUsable(bucket) || bucket.count == 0)
            continue;
        const double lo = std::min(bucket.left, bucket.right);
        const double hi = std::max(bucket.left, bucket.right);
        if (hi < left || lo > right)
            continue;
        if (hi == lo) {
            bins[binOf(lo * 0.5)] += bucket.count;
            continue;
        }
        const double from = std::max(lo, left) * 0.5, to = std::min(hi, right) * 0.5;
        // The part of the count that lies inside [left, right], split in proportion to the
        // overlaps. Normalising by the overlaps actually found keeps the total exact even where
        // bin edges round (far from zero, edges are coarser than small buckets).
        const double share = bucket.count * ((to - from) / (hi * 0.5 - lo * 0.5));
        const std::size_t first = binOf(from), last = binOf(to);
        auto overlapWith = [&](std::size_t bin) {
            // The last bin ends exactly at `right`, not at left + n·width, which may round.
            const double binLo = halfLeft + halfWidth * double(bin);
            const double binHi = bin + 1 == n ? halfRight : halfLeft + halfWidth * double(bin + 1);
            return std::max(0.0, std::min(to, binHi) - std::max(from, binLo));
        };
        // Overlaps as fractions of the bucket's part inside: near ±1.8e308 their sum, and a
        // count times an overlap, would overflow.
        const double extent = to - from;
        double total = 0;
        for (std::size_t bin = first; bin <= last; ++bin)
            total += overlapWith(bin) / extent;
        if (!(total > 0)) {
            bins[binOf(from * 0.5 + to * 0.5)] += share;
            continue;
        }
        for (std::size_t bin = first; bin <= last; ++bin)
            bins[bin] += share * (overlapWith(bin) / extent / total);
    }
}

RebinnedHistograms rebinHistograms(
    std::span<const std::span<const HistogramBucket>> steps, std::size_t binCount)
{
    RebinnedHistograms out;
    HistogramRange range;
    for (const auto& buckets : steps)
        range.include(buckets);
    if (range.valid && range.left == range.right) {
        const double pad = range.left != 0 ? std::abs(range.left) * 0.1 : 0.5;
        range.left -= pad;
        range.right += pad;
    }
    out.left = range.left;
    out.right = range.right;
    out.binCount = binCount;
    out.stepCount = steps.size();
    out.counts.assign(steps.size() * binCount, 0.0);
    if (!range.valid || binCount == 0)
        return out;
    for (std::size_t i = 0; i < steps.size(); ++i)
        rebinInto(steps[i], out.left, out.right,
            std::span<double>(out.counts).subspan(i * binCount, binCount));
    return out;
}

std::vector<std::size_t> sampleStepIndices(std::size_t count, std::size_t maxCount)
{
    std::vector<std::size_t> indices;
    if (count == 0)
        return indices;
    maxCount = std::max<std::size_t>(maxCount, 2);
    if (count <= maxCount) {
        indices.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            indices[i] = i;
        return indices;
    }
    // With count > maxCount the spacing exceeds 1, so rounding never repeats an index.
    indices.reserve(maxCount);
    const double spacing = double(count - 1) / double(maxCount - 1);
    for (std::size_t i = 0; i < maxCount; ++i)
        indices.push_back(std::min(count - 1, std::size_t(std::llround(spacing * double(i)))));
    indices.back() = count - 1;
    return indices;
}

} // namespace lantern::core
