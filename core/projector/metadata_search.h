#pragma once
// Finding the points whose metadata matches what the user typed, as the projector's search
// does: a case-insensitive substring, or a regular expression (RE2's syntax, which is
// ECMAScript's without back-references and lookaround; case-insensitive).

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

// Rows of `table` whose cell in `column` matches `pattern`; an empty pattern or a column out
// of range matches nothing. Substrings are compared ASCII case-insensitively (other bytes
// exactly). Regular expressions run on RE2, whose time is linear in the cell whatever the
// pattern ("(a+)+b", "a*a*a*c" included), so every pattern is searched and every cell whole.
// `cancelled`, when given, is asked between rows: true stops the search (its result is then
// partial).
MetadataSearchResult searchMetadata(const MetadataTable& table, std::size_t column,
    std::string_view pattern, MetadataMatch how, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
