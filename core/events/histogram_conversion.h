#pragma once
// Converts both histogram encodings into (left, right, count) buckets.

#include "core/events/decoded_event.h"

#include <vector>

namespace lantern::pb {
class HistogramProto;
class TensorProto;
} // namespace lantern::pb

namespace lantern::core {

// TF1: bucket i spans (bucket_limit[i-1], bucket_limit[i]]; empty buckets at both ends are
// dropped, and the outermost edges become the recorded min and max.
std::vector<HistogramBucket> histogramFromProto(const pb::HistogramProto& histogram);

// TF2: a [k, 3] tensor of rows (left, right, count).
std::vector<HistogramBucket> histogramFromTensor(const pb::TensorProto& tensor);

} // namespace lantern::core
