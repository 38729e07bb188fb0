#pragma once
// Something the loader skipped or could not read, with enough detail to find it on disk.

#include <cstdint>
#include <string>

namespace lantern::core {

struct Diagnostic {
    std::string file; // the event file, or the directory for discovery problems
    std::uint64_t offset = 0; // byte offset in the (decompressed) stream
    std::uint64_t bytesSkipped = 0;
    std::string reason;
};

} // namespace lantern::core
