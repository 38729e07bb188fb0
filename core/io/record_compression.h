#pragma once
// Tells a plain TFRecord file from a GZIP- or ZLIB-compressed one by its first bytes.

#include <string_view>

namespace lantern::core {

enum class RecordCompression { Unknown, None, Gzip, Zlib };

// Unknown means fewer bytes than a record header: too few to decide (a file just begun).
// A plain record header is checked first: its length bytes can look like a ZLIB header. A ZLIB
// header is confirmed by inflating what follows it, so pass as many first bytes as are at hand
// (a few KiB): a damaged plain header can look like one too.
RecordCompression detectRecordCompression(std::string_view firstBytes);

} // namespace lantern::core
