#pragma once
// A table (the HParams sessions as shown) as JSON or as a LaTeX tabular, and both read back, so
// an export can be checked to lose nothing. Numbers are written as the shortest text that reads
// back as the same double; unset cells stay empty (JSON null).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct TableCell {
    enum class Kind { Empty, Number, Text };
    Kind kind = Kind::Empty;
    double number = 0;
    std::string text;

    static TableCell of(double value) { return {Kind::Number, value, {}}; }
    static TableCell of(std::string text) { return {Kind::Text, 0, std::move(text)}; }
    bool operator==(const TableCell&) const = default;
};

struct ExportTable {
    std::vector<std::string> columns;
    std::vector<bool> numeric; // per column: right-aligned in LaTeX, read back as numbers
    std::vector<std::vector<TableCell>> rows;
    bool operator==(const ExportTable&) const = default;
};

// {"columns": [titles], "rows": [[cells], ...]}: numbers as JSON numbers (non-finite ones as
// the strings "NaN", "Infinity", "-Infinity"), text as strings, unset cells as null.
std::string tableJson(const ExportTable& table);
// The table from tableJson's text (numeric columns: those whose cells are all numbers or null),
// or nullopt with `error` saying what is wrong.
std::optional<ExportTable> parseTableJson(std::string_view text, std::string* error = nullptr);

// A booktabs-free tabular (\hline rules) ready for \input: numeric columns right-aligned, the
// others left; LaTeX's special characters escaped; line breaks in text become spaces.
std::string tableLatex(const ExportTable& table);
// The table from tableLatex's text, or nullopt with `error` set.
std::optional<ExportTable> parseTableLatex(std::string_view text, std::string* error = nullptr);

} // namespace lantern::core
