#pragma once
// Finding the points whose metadata matches what the user typed, as the projector's search
// does: a case-insensitive substring, or a regular expression (ECMAScript, case-insensitive).

#include "core/projector/metadata_table.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

enum class MetadataMatch { Substring, RegularExpression };

struct MetadataSearchResult {
    std::vector<std::size_t> rows; // matching rows, ascending
    std::string error; // why nothing was searched (an invalid regular expression); else empty
};

// Only the first kSearchedCellLength bytes of a cell are looked at: std::regex recurses once
// per character, so a hostile megabyte-long cell would otherwise overflow the stack.
inline constexpr std::size_t kSearchedCellLength = 1000;

// Rows of `table` whose cell in `column` matches `pattern`; an empty pattern or a column out
// of range matches nothing. Substrings are compared ASCII case-insensitively (other bytes
// exactly). A regular expression whose backtracking could explode (a repeated part that itself
// repeats or has alternatives, such as "(a+)+" or "(a|ab)*") is refused with an error, since
// std::regex cannot be stopped once it runs. `cancelled`, when given, is asked between rows:
// true stops the search (its result is then partial).
MetadataSearchResult searchMetadata(const MetadataTable& table, std::size_t column,
    std::string_view pattern, MetadataMatch how, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
