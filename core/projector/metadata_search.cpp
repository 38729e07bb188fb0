#include "core/projector/metadata_search.h"

#include <algorithm>
#include <cctype>
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

// Why `pattern` is not given to std::regex, or empty. std::regex backtracks without limit: a
// repeated part that itself repeats or alternates
// ("(a*)*", "(a|ab)+", "a**") can take exponential time on a short cell, and nothing can stop
// it. Such patterns are refused; what remains is at worst polynomial in the capped cell.
std::string unsafePattern(std::string_view pattern)
{
    struct Group {
        bool repeats = false; // holds a quantifier
        bool alternates = false; // holds a '|'
    };
    std::vector<Group> groups(1);
    Group lastGroup; // the group just closed, when it is the atom before a quantifier
    bool afterGroup = false, afterQuantifier = false, afterAtom = false, lazy = false;
    const auto quantifierAt = [&](std::size_t at) -> std::size_t { // its length, or 0
        const char c = pattern[at];
        if (c == '*' || c == '+' || c == '?')
            return 1;
        if (c != '{')
            return 0;
        std::size_t end = at + 1;
        while (end < pattern.size()
            && (std::isdigit(static_cast<unsigned char>(pattern[end])) || pattern[end] == ','))
            ++end;
        return end < pattern.size() && pattern[end] == '}' && end > at + 1 ? end - at + 1 : 0;
    };
    // libstdc++ reads a count or back-reference number into a long without checking for
    // overflow; no real search needs one past four digits.
    const auto digitsFrom = [&](std::size_t at) {
        std::size_t end = at;
        while (end < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[end])))
            ++end;
        return end - at;
    };
    for (std::size_t at = 0; at < pattern.size(); ++at)
        if (digitsFrom(at) > 4 && at > 0
            && (pattern[at - 1] == '\\' || pattern[at - 1] == '{' || pattern[at - 1] == ','))
            return "a count or back-reference has more than four digits";
    for (std::size_t at = 0; at < pattern.size();) {
        const char c = pattern[at];
        if (const std::size_t length = quantifierAt(at)) {
            at += length;
            if (afterQuantifier && !lazy && c == '?' && length == 1) {
                lazy = true; // a?? a*? are one quantifier (but a*?* repeats it)
                continue;
            }
            if (afterQuantifier)
                return "a repetition is repeated, which can take exponential time";
            if (afterGroup && (lastGroup.repeats || lastGroup.alternates))
                return "a repeated group itself repeats or has alternatives, which can take "
                       "exponential time";
            if (afterAtom || afterGroup)
                groups.back().repeats = true;
            afterQuantifier = true;
            lazy = false;
            afterGroup = afterAtom = false;
            continue;
        }
        afterQuantifier = afterGroup = false;
        afterAtom = true;
        if (c == '\\') {
            at += 2;
        } else if (c == '[') {
            // A class: up to the first unescaped ']' after its first character.
            ++at;
            if (at < pattern.size() && pattern[at] == '^')
                ++at;
            if (at < pattern.size() && pattern[at] == ']')
                ++at;
            while (at < pattern.size() && pattern[at] != ']')
                at += pattern[at] == '\\' ? 2 : 1;
            ++at;
        } else if (c == '(') {
            groups.emplace_back();
            afterAtom = false;
            ++at;
            if (at < pattern.size() && pattern[at] == '?')
                at += 2; // (?: (?= (?!
        } else if (c == ')') {
            if (groups.size() > 1) {
                lastGroup = groups.back();
                groups.pop_back();
                groups.back().repeats = groups.back().repeats || lastGroup.repeats;
                groups.back().alternates = groups.back().alternates || lastGroup.alternates;
            }
            afterGroup = true;
            afterAtom = false;
            ++at;
        } else {
            if (c == '|')
                groups.back().alternates = true;
            afterAtom = c != '|' && c != '^' && c != '$';
            ++at;
        }
    }
    return {};
}

std::string_view searchedPart(std::string_view cell)
{
    return cell.substr(0, std::min(cell.size(), kSearchedCellLength));
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
    if (const std::string why = unsafePattern(pattern); !why.empty()) {
        result.error = "This regular expression is not searched: " + why;
        return result;
    }
    try {
        const std::regex expression(pattern.begin(), pattern.end(),
            std::regex_constants::ECMAScript | std::regex_constants::icase);
        for (std::size_t row = 0; row < table.rows.size() && !stop(row); ++row) {
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
