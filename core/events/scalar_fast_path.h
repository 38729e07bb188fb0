#pragma once
// The common case, an Event holding only scalar summary values, read straight from the wire
// without building protobuf objects. Anything else (or anything unusual) is declined, and the
// caller decodes the record with EventDecoder instead; both must give the same scalars.

#include "core/events/decoded_event.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace lantern::core {

class EventDecoder;

struct FastScalar {
    std::string_view tag; // points into the record
    double value = 0;
    ScalarType type = ScalarType::Float32;
};

struct FastScalarEvent {
    static constexpr std::size_t kMaxValues = 16;
    double wallTime = 0;
    std::int64_t step = 0;
    std::array<FastScalar, kMaxValues> values;
    std::size_t count = 0;
    // Tags the decoder has confirmed as "scalars" plugin data, a few slots picked by the tag's
    // length and ends: a tag keeps its plugin once known, and one comparison is cheaper than
    // a map lookup for every value. Reuse an event only with the same decoder.
    std::array<std::string, 8> knownScalarTags;
};

// Accepts an Event whose only payload is a Summary of values that are `simple_value`s, or
// rank-0 float/double tensors of tags the decoder already knows as "scalars" plugin data,
// with no metadata attached. Returns false (and leaves the record to EventDecoder) otherwise.
bool decodeScalarsFast(std::string_view record, const EventDecoder& decoder, FastScalarEvent& out);

} // namespace lantern::core
