#pragma once
// Finds the Summary.value a store entry refers to in a re-read Event: by its position, checked
// by its tag (the node_name for TF <= 1.2 values, as the decoder names them), so a record
// that no longer holds it is reported rather than misread.

#include <cstdint>
#include <string>
#include <string_view>

namespace lantern::pb {
class Event;
class Summary_Value;
} // namespace lantern::pb

namespace lantern::core {

// nullptr, with `error` saying why, when the event has no such value or it is tagged otherwise.
const pb::Summary_Value* storedSummaryValue(
    const pb::Event& event, std::uint32_t valueIndex, std::string_view tag, std::string& error);

} // namespace lantern::core
