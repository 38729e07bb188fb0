#include "core/projector/metadata_table.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lantern::core {

namespace {

bool isBlank(std::string_view line)
{
    return std::all_of(line.begin(), line.end(),
        [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::vector<std::string_view> splitTabs(std::string_view line)
{
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
        cells.push_back(line.substr(start, tab - start));
    cells.push_back(line.substr(start));
    return cells;
}

bool isNumber(std::string_view cell)
{
    while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.front())))
        cell.remove_prefix(1);
    while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.back())))
        cell.remove_suffix(1);
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return !cell.empty() && error == std::errc() && end == cell.data() + cell.size();
}

} // namespace

MetadataTable parseMetadataTsv(std::string_view text)
{
    MetadataTable table;
    bool first = true;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (isBlank(line))
            continue;
        if (first) {
            first = false;
            if (line.find('\t') != std::string_view::npos) {
                for (const std::string_view name : splitTabs(line))
                    table.columns.push_back({std::string(name)});
                continue;
            }
            table.columns.push_back({"label"});
        }
        const std::vector<std::string_view> cells
            = table.columns.size() == 1 ? std::vector<std::string_view> {line} : splitTabs(line);
        if (cells.size() > table.columns.size())
            ++table.overlongRows;
        std::vector<std::string>& row = table.rows.emplace_back();
        row.reserve(std::min(cells.size(), table.columns.size()));
        for (std::size_t i = 0; i < std::min(cells.size(), table.columns.size()); ++i)
            row.emplace_back(cells[i]);
    }
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
        bool anyValue = false;
        bool allNumbers = true;
        for (const auto& row : table.rows) {
            if (column >= row.size() || row[column].empty())
                continue;
            anyValue = true;
            if (!isNumber(row[column])) {
                allNumbers = false;
                break;
            }
        }
        table.columns[column].numeric = anyValue && allNumbers;
    }
    return table;
}

} // namespace lantern::core
