#include "core/projector/metadata_search.h"

#include <algorithm>
#include <re2/re2.h>

namespace lantern::core {
namespace {

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool containsIgnoringCase(std::string_view text, std::string_view needle)
{
    const auto equal = [](char a, char b) { return lower(a) == lower(b); };
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(), equal) != text.end();
}

} // namespace

MetadataSearchResult searchMetadata(const MetadataTable& table, std::size_t column,
    std::string_view pattern, MetadataMatch how, const std::function<bool()>& cancelled)
{
    const auto stop
        = [&cancelled](std::size_t row) { return row % 256 == 0 && cancelled && cancelled(); };
    MetadataSearchResult result;
    if (pattern.empty() || column >= table.columns.size())
        return result;
    if (how == MetadataMatch::Substring) {
        for (std::size_t row = 0; row < table.rows.size() && !stop(row); ++row)
            if (containsIgnoringCase(table.cell(row, column), pattern))
                result.rows.push_back(row);
        return result;
    }
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_never_capture(true); // only whether it matches
    options.set_log_errors(false); // said in the result instead
    const RE2 expression(re2::StringPiece(pattern.data(), pattern.size()), options);
    if (!expression.ok()) {
        // Invalid syntax, or a pattern whose program would pass RE2's memory budget.
        result.error = "Not a valid regular expression: " + expression.error();
        return result;
    }
    for (std::size_t row = 0; row < table.rows.size() && !stop(row); ++row) {
        const std::string_view cell = table.cell(row, column);
        if (RE2::PartialMatch(re2::StringPiece(cell.data(), cell.size()), expression))
            result.rows.push_back(row);
    }
    return result;
}

} // namespace lantern::core
