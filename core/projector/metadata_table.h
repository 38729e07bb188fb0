#pragma once
// Reading an embedding's metadata TSV, the way the projector reads it: when the first
// non-blank line holds a tab it names the columns, otherwise the file is one unnamed column
// called "label"; blank lines are skipped, an empty cell is a missing value, and a column
// whose every present value is a number is numeric (it can colour points by a gradient).

#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct MetadataColumn {
    std::string name;
    bool numeric = false;
};

struct MetadataTable {
    std::vector<MetadataColumn> columns;
    // One entry per data row, holding the cells the line had (at most columns.size()); cells
    // past a short row's end are missing. Stored as written so that a hostile file of tabs
    // and newlines cannot make rows × columns empty strings.
    std::vector<std::vector<std::string>> rows;
    // Rows with more cells than there are columns; the extra cells are dropped.
    std::size_t overlongRows = 0;

    // The cell at (row, column), "" when missing.
    std::string_view cell(std::size_t row, std::size_t column) const
    {
        const auto& cells = rows.at(row);
        return column < cells.size() ? std::string_view(cells[column]) : std::string_view();
    }
};

MetadataTable parseMetadataTsv(std::string_view text);

} // namespace lantern::core
