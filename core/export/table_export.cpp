#include "core/export/table_export.h"

#include "core/events/json_value.h"
#include "core/export/csv_text.h"
#include "core/export/json_text.h"

#include <charconv>
#include <cmath>

namespace lantern::core {
namespace {

void fail(std::string* error, std::string message)
{
    if (error)
        *error = std::move(message);
}

std::string jsonCell(const TableCell& cell)
{
    switch (cell.kind) {
    case TableCell::Kind::Number:
        return jsonNumber(cell.number);
    case TableCell::Kind::Text:
        return jsonString(cell.text);
    case TableCell::Kind::Empty:
        break;
    }
    return "null";
}

// LaTeX's ten special characters as text-mode commands; line breaks as spaces.
std::string latexEscaped(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\textbackslash{}";
            break;
        case '~':
            out += "\\textasciitilde{}";
            break;
        case '^':
            out += "\\textasciicircum{}";
            break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            out += '\\';
            out += c;
            break;
        case '\n':
        case '\r':
            out += ' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string latexCell(const TableCell& cell)
{
    switch (cell.kind) {
    case TableCell::Kind::Number:
        return latexEscaped(shortestNumber(cell.number));
    case TableCell::Kind::Text:
        return latexEscaped(cell.text);
    case TableCell::Kind::Empty:
        break;
    }
    return {};
}

// latexEscaped read back.
std::string latexUnescaped(std::string_view text)
{
    static constexpr std::pair<std::string_view, char> kCommands[]
        = {{"\\textbackslash{}", '\\'}, {"\\textasciitilde{}", '~'}, {"\\textasciicircum{}", '^'}};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        bool matched = false;
        for (const auto& [command, c] : kCommands)
            if (text.substr(i).starts_with(command)) {
                out += c;
                i += command.size() - 1;
                matched = true;
                break;
            }
        if (!matched && i + 1 < text.size())
            out += text[++i];
    }
    return out;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// A row's cells: split at '&' not escaped, without the closing "\\".
std::vector<std::string_view> latexCells(std::string_view line)
{
    line = trimmed(line);
    if (line.ends_with("\\\\"))
        line.remove_suffix(2);
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i; // an escaped character, '&' included
            continue;
        }
        if (line[i] == '&') {
            cells.push_back(trimmed(line.substr(start, i - start)));
            start = i + 1;
        }
    }
    cells.push_back(trimmed(line.substr(start)));
    return cells;
}

std::optional<double> numberOf(const std::string& text)
{
    if (text == "nan")
        return NAN;
    if (text == "inf")
        return INFINITY;
    if (text == "-inf")
        return -INFINITY;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

std::string tableJson(const ExportTable& table)
{
    std::string out = "{\"columns\": [";
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        out += (i ? ", " : "") + jsonString(table.columns[i]);
    out += "],\n \"rows\": [";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out += r ? ",\n  [" : "\n  [";
        for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            out += (c ? ", " : "") + jsonCell(table.rows[r][c]);
        out += ']';
    }
    out += "]}\n";
    return out;
}

std::optional<ExportTable> parseTableJson(std::string_view text, std::string* error)
{
    const JsonParseResult parsed = parseJson(text);
    if (!parsed.error.empty()) {
        fail(error, parsed.error);
        return std::nullopt;
    }
    const JsonValue* columns = parsed.value.member("columns");
    const JsonValue* rows = parsed.value.member("rows");
    if (!columns || !columns->isArray() || !rows || !rows->isArray()) {
        fail(error, "expected an object with the arrays \"columns\" and \"rows\"");
        return std::nullopt;
    }
    ExportTable table;
    for (const JsonValue& column : columns->elements)
        table.columns.push_back(column.string);
    table.numeric.assign(table.columns.size(), true);
    for (const JsonValue& row : rows->elements) {
        if (!row.isArray() || row.elements.size() != table.columns.size()) {
            fail(error,
                "row " + std::to_string(table.rows.size() + 1) + " has "
                    + std::to_string(row.elements.size()) + " cells, not "
                    + std::to_string(table.columns.size()));
            return std::nullopt;
        }
        std::vector<TableCell>& cells = table.rows.emplace_back();
        for (std::size_t c = 0; c < row.elements.size(); ++c) {
            const JsonValue& value = row.elements[c];
            if (value.isNumber())
                cells.push_back(TableCell::of(value.number));
            else if (value.isString()) {
                cells.push_back(TableCell::of(value.string));
                table.numeric[c] = false;
            } else
                cells.emplace_back();
        }
    }
    return table;
}

std::string tableLatex(const ExportTable& table)
{
    std::string out = "\\begin{tabular}{";
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        out += c < table.numeric.size() && table.numeric[c] ? 'r' : 'l';
    out += "}\n\\hline\n";
    auto appendRow = [&out](const auto& cells, auto&& text) {
        for (std::size_t c = 0; c < cells.size(); ++c)
            out += (c ? " & " : "") + text(cells[c]);
        out += " \\\\\n";
    };
    appendRow(table.columns, [](const std::string& title) { return latexEscaped(title); });
    out += "\\hline\n";
    for (const auto& row : table.rows)
        appendRow(row, latexCell);
    out += "\\hline\n\\end{tabular}\n";
    return out;
}

std::optional<ExportTable> parseTableLatex(std::string_view text, std::string* error)
{
    const std::string_view begin = "\\begin{tabular}{";
    const std::size_t start = text.find(begin);
    const std::size_t specEnd
        = start == text.npos ? text.npos : text.find('}', start + begin.size());
    const std::size_t end = text.find("\\end{tabular}");
    if (specEnd == text.npos || end == text.npos || end < specEnd) {
        fail(error, "no \\begin{tabular}{…} … \\end{tabular}");
        return std::nullopt;
    }
    ExportTable table;
    for (const char align : text.substr(start + begin.size(), specEnd - start - begin.size()))
        table.numeric.push_back(align == 'r');
    bool header = true;
    std::string_view body = text.substr(specEnd + 1, end - specEnd - 1);
    while (!body.empty()) {
        const std::size_t newline = body.find('\n');
        const std::string_view line = trimmed(body.substr(0, newline));
        body = newline == body.npos ? std::string_view() : body.substr(newline + 1);
        if (line.empty() || line == "\\hline")
            continue;
        const std::vector<std::string_view> cells = latexCells(line);
        if (cells.size() != table.numeric.size()) {
            fail(error,
                "a row has " + std::to_string(cells.size()) + " cells, not "
                    + std::to_string(table.numeric.size()));
            return std::nullopt;
        }
        if (header) {
            for (const std::string_view cell : cells)
                table.columns.push_back(latexUnescaped(cell));
            header = false;
            continue;
        }
        std::vector<TableCell>& row = table.rows.emplace_back();
        for (std::size_t c = 0; c < cells.size(); ++c) {
            std::string value = latexUnescaped(cells[c]);
            const std::optional<double> number = table.numeric[c] ? numberOf(value) : std::nullopt;
            row.push_back(value.empty() ? TableCell()
                    : number            ? TableCell::of(*number)
                                        : TableCell::of(std::move(value)));
        }
    }
    if (header) {
        fail(error, "the tabular has no header row");
        return std::nullopt;
    }
    return table;
}

} // namespace lantern::core
