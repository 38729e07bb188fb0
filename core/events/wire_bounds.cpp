// Walks the wire format with the message types' descriptors, checking each length against the
// bytes of the message that holds it; groups are followed as unknown fields.

#include "core/events/wire_bounds.h"

#include "core/events/wire_reader.h"

#include <google/protobuf/descriptor.h>
#include <vector>

namespace lantern::core {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// libprotobuf refuses messages nested deeper than this; past it the check stops looking.
constexpr int kMaxDepth = 100;

enum : std::uint8_t { kStartGroup = 3, kEndGroup = 4 };

bool fits(std::string_view bytes, const Descriptor* type, int depth)
{
    if (depth > kMaxDepth)
        return true;
    WireReader in(bytes);
    std::uint32_t number = 0;
    WireType wire {};
    int groups = 0; // open groups: their fields are unknown ones
    while (in.nextField(number, wire)) {
        const auto raw = static_cast<std::uint8_t>(wire);
        if (raw == kStartGroup) {
            if (++groups > kMaxDepth)
                return true;
            continue;
        }
        if (raw == kEndGroup) {
            if (--groups < 0)
                return true; // malformed: libprotobuf judges
            continue;
        }
        if (wire != WireType::LengthDelimited) {
            in.skip(wire);
            continue;
        }
        const std::string_view field = in.lengthDelimited();
        if (!in.ok())
            return false; // the length passes the end of its message
        const FieldDescriptor* known
            = type && groups == 0 ? type->FindFieldByNumber(int(number)) : nullptr;
        if (known && known->type() == FieldDescriptor::TYPE_MESSAGE
            && !fits(field, known->message_type(), depth + 1))
            return false;
    }
    return true;
}

} // namespace

bool lengthsFitTheirMessages(std::string_view bytes, const Descriptor* type)
{
    return fits(bytes, type, 0);
}

} // namespace lantern::core
