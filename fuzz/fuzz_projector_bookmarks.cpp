// The projector's bookmarks and metadata search on fuzzed bytes. Byte 0 picks: 0 → a
// bookmarks JSON file; 1 → a substring search, 2 → a regular-expression search, where the
// bytes up to the first newline are the pattern and the rest a metadata TSV.
// Checks: no crash, hang or runaway memory, no exception escaping; every result is consistent
// with itself (an error and nothing else, or bookmarks each well formed; matches that exist).

#include "core/projector/metadata_search.h"
#include "core/projector/projector_bookmarks.h"

#include "fuzz/fuzz_check.h"

#include <algorithm>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

void fuzzBookmarks(std::string_view text)
{
    const ProjectorBookmarks parsed = parseProjectorBookmarks(text);
    if (!parsed.error.empty()) {
        check(parsed.bookmarks.empty(), "bookmarks beside an error");
        return;
    }
    for (const ProjectorBookmark& bookmark : parsed.bookmarks) {
        check(!bookmark.label.empty(), "a bookmark without a label");
        check(bookmark.dimensions == 2 || bookmark.dimensions == 3, "dimensions not 2 or 3");
        if (bookmark.unsupported.empty()) {
            check(bookmark.projection == "pca", "an applicable bookmark that is not PCA");
            check(bookmark.pcaComponents.size() == std::size_t(bookmark.dimensions),
                "components ≠ dimensions");
            for (const std::size_t component : bookmark.pcaComponents)
                check(component < 10, "a component past the first 10");
        }
    }
}

void fuzzSearch(std::string_view input, MetadataMatch how)
{
    const std::size_t newline = std::min(input.find('\n'), input.size());
    const std::string_view pattern = input.substr(0, newline);
    const std::string_view tsv = input.substr(std::min(input.size(), newline + 1));
    // RE2's time is linear in the cells whatever the pattern: neither is cut short. The first
    // few columns and one past the last are searched (each search compiles the pattern anew).
    const MetadataTable table = parseMetadataTsv(tsv);
    const std::size_t columns = table.columns.size();
    for (std::size_t column = 0; column <= columns;
         column = column + 1 == 8 && columns > 8 ? columns : column + 1) {
        const MetadataSearchResult found = searchMetadata(table, column, pattern, how);
        check(found.error.empty() || found.rows.empty(), "matches beside an error");
        check(std::is_sorted(found.rows.begin(), found.rows.end()), "matches out of order");
        check(found.rows.empty() || found.rows.back() < table.rows.size(), "a row past the end");
        if (how == MetadataMatch::Substring) {
            check(found.error.empty(), "a substring search failed");
            for (const std::size_t row : found.rows)
                check(table.cell(row, column).size() >= pattern.size(), "a match shorter than it");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
    case 0:
        fuzzBookmarks(rest);
        break;
    case 1:
        fuzzSearch(rest, MetadataMatch::Substring);
        break;
    default:
        fuzzSearch(rest, MetadataMatch::RegularExpression);
        break;
    }
    return 0;
}
