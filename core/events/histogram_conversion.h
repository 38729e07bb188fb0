#pragma once
// Converts both histogram encodings into (left, right, count) buckets.

#include "core/events/decoded_event.h"

#include <string>
#include <vector>

namespace lantern::pb {
class HistogramProto;
class TensorProto;
} // namespace lantern::pb

namespace lantern::core {

// TF1: bucket i spans (bucket_limit[i-1], bucket_limit[i]]; empty buckets at both ends are
// dropped, and the outermost edges become the recorded min and max.
std::vector<HistogramBucket> histogramFromProto(const pb::HistogramProto& histogram);

// TF2: a [k, 3] tensor of rows (left, right, count); empty for another shape. A broadcast
// tensor's rows that repeat its last value become one bucket with their summed count, so k
// never sets the size. Values that do not fit the shape give no buckets and, when `error` is
// given, say why there.
std::vector<HistogramBucket> histogramFromTensor(
    const pb::TensorProto& tensor, std::string* error = nullptr);

} // namespace lantern::core
