#include "core/projector/metadata_search.h"

#include <algorithm>
#include <regex>

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

std::string_view searchedPart(std::string_view cell)
{
    return cell.substr(0, std::min(cell.size(), kSearchedCellLength));
}

} // namespace

MetadataSearchResult searchMetadata(
    const MetadataTable& table, std::size_t column, std::string_view pattern, MetadataMatch how)
{
    MetadataSearchResult result;
    if (pattern.empty() || column >= table.columns.size())
        return result;
    if (how == MetadataMatch::Substring) {
        for (std::size_t row = 0; row < table.rows.size(); ++row)
            if (containsIgnoringCase(searchedPart(table.cell(row, column)), pattern))
                result.rows.push_back(row);
        return result;
    }
    // The pattern is capped like a cell: compiling is recursive too.
    if (pattern.size() > kSearchedCellLength) {
        result.error = "The regular expression is longer than "
            + std::to_string(kSearchedCellLength) + " characters";
        return result;
    }
    try {
        const std::regex expression(pattern.begin(), pattern.end(),
            std::regex_constants::ECMAScript | std::regex_constants::icase);
        for (std::size_t row = 0; row < table.rows.size(); ++row) {
            const std::string_view cell = searchedPart(table.cell(row, column));
            if (std::regex_search(cell.begin(), cell.end(), expression))
                result.rows.push_back(row);
        }
    } catch (const std::regex_error& error) {
        // Invalid syntax, or a pattern too complex to run (error_complexity, error_stack).
        result.rows.clear();
        result.error = std::string("Not a valid regular expression: ") + error.what();
    }
    return result;
}

} // namespace lantern::core
