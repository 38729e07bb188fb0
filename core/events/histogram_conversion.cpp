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

std::vector<HistogramBucket> histogramFromTensor(const pb::TensorProto& tensor, std::string* error)
{
    const std::vector<std::int64_t> shape = tensorShape(tensor);
    std::vector<HistogramBucket> buckets;
    if (shape.size() != 2 || shape[1] != 3)
        return buckets;
    const std::vector<double> held = tensorNumbers(tensor);
    if (std::string why = tensorShapeError(tensor, held.size()); !why.empty()) {
        if (error)
            *error = std::move(why);
        return buckets;
    }
    const auto rows = std::uint64_t(shape[0]);
    const std::uint64_t whole = held.size() / 3; // rows the file holds completely
    buckets.reserve(whole + 2);
    for (std::size_t i = 0; i < whole; ++i)
        buckets.push_back({held[3 * i], held[3 * i + 1], held[3 * i + 2]});
    // A broadcast: the row the values end in, then rows that all repeat the last value,
    // merged into one bucket with their summed count so the declared size costs nothing.
    std::uint64_t row = whole;
    if (row < rows && held.size() % 3 != 0) {
        buckets.push_back({broadcastElement(held, 3 * row), broadcastElement(held, 3 * row + 1),
            broadcastElement(held, 3 * row + 2)});
        ++row;
    }
    if (row < rows) {
        const double last = broadcastElement(held, held.size());
        buckets.push_back({last, last, last * double(rows - row)});
    }
    return buckets;
}

} // namespace lantern::core
