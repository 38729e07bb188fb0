#pragma once
// Tells a plain TFRecord file from a GZIP- or ZLIB-compressed one by its first bytes.

#include <string_view>

namespace lantern::core {

enum class RecordCompression { Unknown, None, Gzip, Zlib };

// Unknown means fewer bytes than a record header: too few to decide (a file just begun).
// A plain record header is checked first: its length bytes can look like a ZLIB header.
RecordCompression detectRecordCompression(std::string_view firstBytes);

} // namespace lantern::core
