#pragma once
// Decodes Event records with libprotobuf and normalizes every summary style into SummaryItems.
// Writers attach plugin metadata only to a tag's first value, so the decoder remembers it per
// tag; use one decoder per run.

#include "core/events/decoded_event.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lantern::pb {
class Event;
}

namespace lantern::core {

class EventDecoder {
public:
    // nullopt when the bytes are not a parseable Event.
    std::optional<DecodedEvent> decode(std::string_view record);

    // The plugin a tag's first value declared, or empty.
    const std::string& pluginOf(const std::string& tag) const;

private:
    DecodedEvent normalize(const pb::Event& event);

    std::unordered_map<std::string, std::string> m_pluginByTag;
};

} // namespace lantern::core
