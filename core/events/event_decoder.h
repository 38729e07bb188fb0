#pragma once
// Decodes Event records with libprotobuf and normalizes every summary style into SummaryItems.
// Writers attach plugin metadata only to a tag's first value, so the decoder remembers it per
// tag; use one decoder per run.

#include "core/events/decoded_event.h"
#include "core/store/tag_entries.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lantern::pb {
class Event;
}

namespace lantern::core {

class EventDecoder {
public:
    // nullopt when the bytes are not a parseable Event.
    std::optional<DecodedEvent> decode(std::string_view record);

    // The plugin a tag's first value declared, or empty.
    const std::string& pluginOf(std::string_view tag) const;
    // The metadata a tag's first value carried, or nullptr.
    const SharedTagMetadata* metadataOf(std::string_view tag) const;

private:
    DecodedEvent normalize(const pb::Event& event);

    std::map<std::string, SharedTagMetadata, std::less<>> m_metadataByTag;
    SharedTagMetadata m_lastMetadata; // shared by the next tag that declares the same
};

} // namespace lantern::core
