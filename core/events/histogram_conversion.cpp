#include "core/events/histogram_conversion.h"

#include "core/events/tensor_values.h"

#include "summary.pb.h"

#include <algorithm>

namespace lantern::core {

std::vector<HistogramBucket> histogramFromProto(const pb::HistogramProto& histogram)
{
    const auto& counts = histogram.bucket();
    const auto& limits = histogram.bucket_limit();
    const int size = std::min(counts.size(), limits.size());
    int first = 0;
    while (first < size && counts[first] == 0)
        ++first;
    int last = size - 1;
    while (last >= first && counts[last] == 0)
        --last;
    std::vector<HistogramBucket> buckets;
    if (first > last)
        return buckets;
    buckets.reserve(static_cast<std::size_t>(last - first + 1));
    for (int i = first; i <= last; ++i) {
        const double left = i == first ? histogram.min() : limits[i - 1];
        const double right = i == last ? histogram.max() : limits[i];
        // Some writers record min/max outside the outer limits; keep every bucket ordered.
        buckets.push_back({std::min(left, right), std::max(left, right), counts[i]});
    }
    return buckets;
}

std::vector<HistogramBucket> histogramFromTensor(const pb::TensorProto& tensor)
{
    const std::vector<std::int64_t> shape = tensorShape(tensor);
    std::vector<HistogramBucket> buckets;
    if (shape.size() != 2 || shape[1] != 3)
        return buckets;
    const std::vector<double> numbers = tensorNumbers(tensor);
    buckets.reserve(numbers.size() / 3);
    for (std::size_t i = 0; i + 3 <= numbers.size(); i += 3)
        buckets.push_back({numbers[i], numbers[i + 1], numbers[i + 2]});
    return buckets;
}

} // namespace lantern::core
