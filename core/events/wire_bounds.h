#pragma once
// A check before libprotobuf parses hostile bytes. libprotobuf trusts a nested message's
// declared length until it runs out of bytes, and inside such a message it reserves up to
// 50 MB for a string whose declared length is past the record's end: a 117-byte record cost
// 50 MB at its peak. A length past the end of the bytes that hold it makes the parse fail
// anyway, so refusing it first changes no result and costs no memory.

#include <string_view>

namespace google::protobuf {
class Descriptor;
}

namespace lantern::core {

// False when some length-delimited field of `bytes`, read as a `type` message (nested
// messages by their own types, unknown fields and groups as such), claims more bytes than the
// message holding it has. True otherwise, including for bytes malformed in other ways, which
// are left for libprotobuf to judge.
bool lengthsFitTheirMessages(std::string_view bytes, const google::protobuf::Descriptor* type);

} // namespace lantern::core
