// EventDecoder::decode and the store behind it, over a run's worth of fuzzed records (see
// fuzz_input.h): each record goes the loader's way (scalar fast path, else the decoder) into a
// RunData, so normalization, per-tag metadata and TensorBoard's restart rule all see hostile
// data. Checks: no crash or leak; normalized values are well formed; the store keeps exactly
// what a plain-vector replay of the rule keeps, and every point when asked to; and the peak of
// live heap bytes while the input is decoded and stored stays within kBytesPerInputByte times
// its size plus kFixedBytes (fuzz_allocation.h counts them): memory follows the input, never a
// declared size. The factor is wide because protobuf makes a ~100-byte message of two input
// bytes.

#include "core/events/event_decoder.h"
#include "core/events/scalar_fast_path.h"
#include "core/store/run_data.h"

#include "fuzz/fuzz_allocation.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_input.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

constexpr std::size_t kBytesPerInputByte = 256;
constexpr std::size_t kFixedBytes = 256 * 1024;

// TensorBoard's rule, as plainly as possible: per (tag, kind), a point at step s removes the
// points kept so far with step >= s. `values` holds each kept point's step and scalar.
struct Reference {
    std::map<std::pair<std::string, ValueKind>, std::vector<std::pair<std::int64_t, double>>>
        series;
    std::size_t offered = 0;

    void offer(std::string_view tag, ValueKind kind, std::int64_t step, double value)
    {
        auto& kept = series[{std::string(tag), kind}];
        std::erase_if(kept, [step](const auto& point) { return point.first >= step; });
        kept.emplace_back(step, value);
        ++offered;
    }
};

// Decodes every record into `run`, offering each value to `reference` when one is given.
void decodeInto(const std::uint8_t* data, std::size_t size, RunData& run, Reference* reference)
{
    EventDecoder decoder;
    run.files.emplace_back("fuzz");
    FastScalarEvent fast;
    std::uint64_t offset = 0;
    for (const std::string_view record : lantern::fuzz::splitRecords(data, size)) {
        const RecordLocation where {0, offset, static_cast<std::uint32_t>(record.size())};
        offset += record.size() + 16;
        if (decodeScalarsFast(record, decoder, fast)) {
            check(fast.count > 0 && fast.count <= FastScalarEvent::kMaxValues, "fast count");
            run.countEvent();
            for (std::size_t i = 0; i < fast.count; ++i) {
                run.addScalar(fast.values[i].tag, fast.step, fast.wallTime, fast.values[i].value,
                    fast.values[i].type, where);
                if (reference)
                    reference->offer(
                        fast.values[i].tag, ValueKind::Scalar, fast.step, fast.values[i].value);
            }
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
            if (reference && event->kind == EventKind::Summary)
                reference->offer(item.tag, item.kind, event->step, item.scalar);
        }
        if (reference && event->kind == EventKind::TaggedRunMetadata)
            reference->offer(event->runMetadataTag, ValueKind::RunMetadata, event->step, 0);
        run.add(*event, where, decoder);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::size_t liveBefore = lantern::fuzz::startPeakMeasurement();
    RunData run;
    decodeInto(data, size, run, nullptr);
    const std::size_t peak = lantern::fuzz::peakBytes() - liveBefore;
    if (peak > kBytesPerInputByte * size + kFixedBytes) {
        std::fprintf(stderr, "peak %zu bytes for %zu input bytes\n", peak, size);
        check(false, "peak allocation beyond a multiple of the input");
    }

    Reference reference;
    RunData everything; // keeps every point as written
    everything.keepOrphanedData = true;
    decodeInto(data, size, everything, &reference);

    // The store keeps exactly what the reference keeps, series by series, and every point as
    // written when asked to.
    std::size_t series = 0, stored = 0;
    for (const auto& [tag, tagData] : run.tags) {
        const auto found = reference.series.find({std::string(tag), tagData.kind});
        check(found != reference.series.end(), "a series the reference does not have");
        const auto& kept = found->second;
        ++series;
        check(tagData.size() == kept.size(), "the rule kept another number of points");
        const auto points = tagData.scalars().snapshot().points();
        for (std::size_t i = 0; i < points.size(); ++i)
            check(points[i].step == kept[i].first
                    && std::bit_cast<std::uint64_t>(points[i].value)
                        == std::bit_cast<std::uint64_t>(kept[i].second),
                "the rule kept another scalar point");
        for (std::size_t i = 1; i < points.size(); ++i)
            check(points[i - 1].step < points[i].step, "scalar steps not increasing");
    }
    check(series == reference.series.size(), "a reference series is missing");
    for (const auto& [tag, tagData] : everything.tags)
        stored += tagData.size();
    check(stored == reference.offered, "keeping orphaned data lost a point");
    return 0;
}
