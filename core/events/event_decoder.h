#pragma once
// Decodes Event records with libprotobuf and normalizes every summary style into SummaryItems.
// Writers attach plugin metadata only to a tag's first value, so the decoder remembers it per
// tag; use one decoder per run, sharing the run's tag names (TagTable::names()).

#include "core/events/decoded_event.h"
#include "core/store/tag_entries.h"
#include "core/store/tag_names.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::pb {
class Event;
}

namespace lantern::core {

class EventDecoder {
public:
    // Names are interned in `names`: give the run's, and each tag's name is stored once.
    explicit EventDecoder(std::shared_ptr<TagNames> names = std::make_shared<TagNames>())
        : m_names(std::move(names))
    {
    }

    // nullopt when the bytes are not a parseable Event.
    std::optional<DecodedEvent> decode(std::string_view record);

    // The plugin a tag's first value declared, or empty.
    const std::string& pluginOf(std::string_view tag) const;
    // The metadata a tag's first value carried, or nullptr.
    const SharedTagMetadata* metadataOf(std::string_view tag) const;

private:
    DecodedEvent normalize(const pb::Event& event);

    void remember(const std::string& tag, TagMetadata metadata);

    std::shared_ptr<TagNames> m_names;
    // By name number: 1 + where in m_metadata the metadata of the tag's first value that had
    // any is, or 0. Four bytes a tag: a map of 300,000 TF2 tags cost 112 bytes each.
    std::vector<std::uint32_t> m_metadataOfName;
    // Each value once, as long as it was among the last few seen (runs alternate between a
    // handful: the scalars plugin's, the histograms', …); a deque, so pointers stay valid.
    std::deque<SharedTagMetadata> m_metadata;
};

} // namespace lantern::core
