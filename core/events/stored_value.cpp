#include "core/events/stored_value.h"

#include "event.pb.h"

namespace lantern::core {

const pb::Summary_Value* storedSummaryValue(
    const pb::Event& event, std::uint32_t valueIndex, std::string_view tag, std::string& error)
{
    if (valueIndex >= std::uint32_t(event.summary().value_size())) {
        error = "the record has no summary value " + std::to_string(valueIndex);
        return nullptr;
    }
    const pb::Summary::Value& value = event.summary().value(int(valueIndex));
    const std::string& stored = value.tag().empty() ? value.node_name() : value.tag();
    if (stored != tag) {
        error = "the record's value is tagged '" + stored + "', not '" + std::string(tag)
            + "': the file changed";
        return nullptr;
    }
    return &value;
}

} // namespace lantern::core
