// Compression of a histogram into the values at the distribution dashboard's basis points.

#include "core/analysis/percentiles.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lantern::core {

std::optional<DistributionValues> compressHistogram(std::span<const HistogramBucket> buckets)
{
    struct Bucket {
        double left, right, cumulative;
    };
    std::vector<Bucket> used;
    used.reserve(buckets.size());
    double total = 0;
    for (const HistogramBucket& bucket : buckets) {
        if (!std::isfinite(bucket.left) || !std::isfinite(bucket.right)
            || !std::isfinite(bucket.count) || bucket.count <= 0)
            continue;
        total += bucket.count;
        used.push_back(
            {std::min(bucket.left, bucket.right), std::max(bucket.left, bucket.right), total});
    }
    if (used.empty() || !(total > 0))
        return std::nullopt;

    double min = used.front().left, max = used.back().right;
    for (const Bucket& bucket : used) {
        min = std::min(min, bucket.left);
        max = std::max(max, bucket.right);
    }
    constexpr double kScale = 10000;
    DistributionValues values {};
    std::size_t i = 0; // basis points rise, so the search resumes where the last one stopped
    double previous = 0;
    for (std::size_t k = 0; k < kDistributionBasisPoints.size(); ++k) {
        const double point = kDistributionBasisPoints[k];
        if (point <= 0) {
            values[k] = min;
            continue;
        }
        while (i < used.size() && used[i].cumulative * kScale / total <= point) {
            previous = used[i].cumulative * kScale / total;
            ++i;
        }
        if (i == used.size()) { // 10000 itself, or rounding just below it
            values[k] = max;
            continue;
        }
        const double cumulative = used[i].cumulative * kScale / total;
        const double fraction = (point - previous) / (cumulative - previous);
        // Weighted, not left + fraction · width: a bucket spanning ±1.8e308 (diverged weights)
        // has a width that overflows to infinity.
        const double value = used[i].left * (1 - fraction) + used[i].right * fraction;
        values[k] = std::clamp(value, min, max);
    }
    return values;
}

} // namespace lantern::core
