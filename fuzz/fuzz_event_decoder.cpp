// EventDecoder::decode and the store behind it, over a run's worth of fuzzed records (see
// fuzz_input.h): each record goes the loader's way (scalar fast path, else the decoder) into a
// RunData, so normalization, per-tag metadata and restart purges all see hostile data.
// Checks: no crash or leak; normalized values are well formed; and the peak of live heap bytes
// while the input is decoded and stored stays within kBytesPerInputByte times its size plus
// kFixedBytes (fuzz_allocation.h counts them): memory follows the input, never a declared
// size. The factor is wide because protobuf makes a ~100-byte message of two input bytes.

#include "core/events/event_decoder.h"
#include "core/events/scalar_fast_path.h"
#include "core/store/run_data.h"

#include "fuzz/fuzz_allocation.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_input.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

constexpr std::size_t kBytesPerInputByte = 256;
constexpr std::size_t kFixedBytes = 256 * 1024;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::size_t liveBefore = lantern::fuzz::startPeakMeasurement();
    EventDecoder decoder;
    RunData run;
    run.files.emplace_back("fuzz");
    FastScalarEvent fast;
    std::uint64_t offset = 0;
    for (const std::string_view record : lantern::fuzz::splitRecords(data, size)) {
        const RecordLocation where {0, offset, static_cast<std::uint32_t>(record.size())};
        offset += record.size() + 16;
        if (decodeScalarsFast(record, decoder, fast)) {
            check(fast.count > 0 && fast.count <= FastScalarEvent::kMaxValues, "fast count");
            run.countEvent();
            for (std::size_t i = 0; i < fast.count; ++i)
                run.addScalar(fast.values[i].tag, fast.step, fast.wallTime, fast.values[i].value,
                    fast.values[i].type, where);
            continue;
        }
        const auto event = decoder.decode(record);
        if (!event)
            continue;
        for (const SummaryItem& item : event->items) {
            for (const HistogramBucket& bucket : item.histogram)
                if (!std::isnan(bucket.left) && !std::isnan(bucket.right)
                    && item.pluginName != "histograms")
                    check(bucket.left <= bucket.right, "TF1 histogram bucket reversed");
            check(item.kind != ValueKind::Scalar || item.histogram.empty(), "scalar with buckets");
        }
        run.add(*event, where, decoder);
    }
    // Every stored series stays in step order (the purge rule's precondition).
    for (const auto& [tag, tagData] : run.tags) {
        const auto points = tagData.scalars.snapshot().points();
        for (std::size_t i = 1; i < points.size(); ++i)
            check(points[i - 1].step <= points[i].step, "scalar steps out of order");
    }
    const std::size_t peak = lantern::fuzz::peakBytes() - liveBefore;
    if (peak > kBytesPerInputByte * size + kFixedBytes) {
        std::fprintf(stderr, "peak %zu bytes for %zu input bytes\n", peak, size);
        check(false, "peak allocation beyond a multiple of the input");
    }
    return 0;
}
