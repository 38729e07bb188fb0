#pragma once
// Walking every entry of a LevelDB-format table held in memory, checksums verified: the
// format of a V2 checkpoint's `.index` and of each V1 checkpoint file (TensorFlow copied
// LevelDB's table code, magic number included), so libleveldb reads both.

#include <functional>
#include <string>
#include <string_view>

namespace lantern::core {

// Calls `visit(key, value)` for each entry in key order until it returns false. Returns why the
// table could not be read to its end (damaged, truncated, a block larger than memory), or empty.
std::string forEachTableEntry(std::string_view bytes,
    const std::function<bool(std::string_view key, std::string_view value)>& visit);

} // namespace lantern::core
