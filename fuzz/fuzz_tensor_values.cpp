// TensorProto and HistogramProto conversion on fuzzed messages. Byte 0 picks the message:
// even → TensorProto (tensorNumbers, tensorStrings, tensorShape, tensorScalar,
// histogramFromTensor), odd → HistogramProto (histogramFromProto).
// Checks: no crash or runaway memory; results consistent with each other.

#include "core/events/histogram_conversion.h"
#include "core/events/tensor_values.h"

#include "fuzz/fuzz_check.h"
#include "summary.pb.h"
#include "tensor.pb.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace lantern::core;
using lantern::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const char* bytes = reinterpret_cast<const char*>(data) + 1;
    const int length = static_cast<int>(size - 1);
    if ((data[0] & 1) == 0) {
        lantern::pb::TensorProto tensor;
        if (!tensor.ParseFromArray(bytes, length))
            return 0;
        const auto numbers = tensorNumbers(tensor);
        const auto strings = tensorStrings(tensor);
        const auto shape = tensorShape(tensor);
        const auto count = tensorElementCount(tensor);
        const auto scalar = tensorScalar(tensor);
        check(scalar.has_value() == (numbers.size() == 1 && count == 1u),
            "tensorScalar vs tensorNumbers and the shape");
        check(strings.empty() || numbers.empty(), "both numbers and strings");
        check(static_cast<int>(shape.size()) == tensor.tensor_shape().dim_size(), "shape rank");
        // Memory stays proportional to the input: a broadcast is never expanded.
        const std::size_t typed = std::size_t(tensor.float_val_size() + tensor.double_val_size()
            + tensor.int_val_size() + tensor.int64_val_size() + tensor.half_val_size()
            + tensor.bool_val_size() + tensor.uint32_val_size() + tensor.uint64_val_size());
        check(numbers.size() <= std::max(typed, tensor.tensor_content().size()),
            "more numbers than the tensor holds");
        // A broadcast adds at most the row the values end in and one merged row.
        const auto buckets = histogramFromTensor(tensor);
        check(buckets.size() <= numbers.size() / 3 + 2, "more buckets than rows");
    } else {
        lantern::pb::HistogramProto histogram;
        if (!histogram.ParseFromArray(bytes, length))
            return 0;
        const auto buckets = histogramFromProto(histogram);
        check(buckets.size()
                <= std::size_t(std::min(histogram.bucket_size(), histogram.bucket_limit_size())),
            "more buckets than limits");
        for (const HistogramBucket& bucket : buckets) {
            if (!std::isnan(bucket.left) && !std::isnan(bucket.right))
                check(bucket.left <= bucket.right, "bucket reversed");
        }
        if (!buckets.empty()) {
            check(buckets.front().count != 0, "leading empty bucket kept");
            check(buckets.back().count != 0, "trailing empty bucket kept");
        }
    }
    return 0;
}
