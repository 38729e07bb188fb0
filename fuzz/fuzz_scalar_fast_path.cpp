// The scalar fast path against EventDecoder on fuzzed records (see fuzz_input.h): whenever
// decodeScalarsFast accepts a record, the full decoder must decode it to the same wall time,
// step and scalars (tag, value to the bit or both NaN, type), or the loader would store
// something the reference decoder does not see. Aborts on any disagreement.

#include "core/events/event_decoder.h"
#include "core/events/scalar_fast_path.h"

#include "fuzz/fuzz_input.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace lantern::core;

namespace {

[[noreturn]] void disagree(std::string_view record, const std::string& what)
{
    std::fprintf(
        stderr, "fuzz_scalar_fast_path: fast path and EventDecoder disagree: %s\n", what.c_str());
    std::fprintf(stderr, "record (%zu bytes):", record.size());
    for (const char c : record)
        std::fprintf(stderr, " %02x", static_cast<unsigned char>(c));
    std::fprintf(stderr, "\n");
    std::abort();
}

bool sameNumber(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b)
        || (std::isnan(a) && std::isnan(b));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    EventDecoder decoder;
    FastScalarEvent fast;
    for (const std::string_view record : lantern::fuzz::splitRecords(data, size)) {
        const bool accepted = decodeScalarsFast(record, decoder, fast);
        // Decode every record: the decoder's per-tag metadata is what lets the fast path take
        // TF2 scalar tensors, exactly as in the loader (which decodes whatever it declines).
        const auto event = decoder.decode(record);
        if (!accepted)
            continue;
        if (!event)
            disagree(record, "the decoder rejects the record");
        if (event->kind != EventKind::Summary)
            disagree(record, "the decoder sees no summary");
        if (!sameNumber(event->wallTime, fast.wallTime))
            disagree(record, "wall time");
        if (event->step != fast.step)
            disagree(record, "step");
        if (event->items.size() != fast.count)
            disagree(record,
                "value count " + std::to_string(event->items.size()) + " vs "
                    + std::to_string(fast.count));
        for (std::size_t i = 0; i < fast.count; ++i) {
            const SummaryItem& item = event->items[i];
            const FastScalar& value = fast.values[i];
            if (item.tag != value.tag)
                disagree(record, "tag of value " + std::to_string(i));
            if (item.kind != ValueKind::Scalar)
                disagree(record, "value " + std::to_string(i) + " is not a scalar to the decoder");
            if (!sameNumber(item.scalar, value.value))
                disagree(record,
                    "value " + std::to_string(i) + ": " + std::to_string(item.scalar) + " vs "
                        + std::to_string(value.value));
            if (item.scalarType != value.type)
                disagree(record, "scalar type of value " + std::to_string(i));
        }
    }
    return 0;
}
