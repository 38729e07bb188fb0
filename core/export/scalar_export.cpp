// Scalar series as CSV and JSON, for the app and lantern-cli alike.

#include "core/export/scalar_export.h"

#include "core/export/csv_text.h"
#include "core/export/json_text.h"

#include <charconv>
#include <cmath>

namespace lantern::core {
namespace {

template <typename Number> std::string shortest(Number value)
{
    char buffer[64];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general);
    return std::string(buffer, result.ptr);
}

// Passes `text` on to `sink` once it holds `atLeast` bytes, and empties it.
void drain(std::string& text, const ExportSink& sink, std::size_t atLeast)
{
    if (text.size() < atLeast || text.empty())
        return;
    sink(text);
    text.clear();
}

constexpr std::size_t kPieceBytes = 1 << 20;

std::string jsonWallTime(double seconds)
{
    return std::isfinite(seconds) ? formatWallTime(seconds) : jsonNumber(seconds);
}

} // namespace

std::string scalarValueText(double value, ScalarType type)
{
    if (!std::isfinite(value))
        return shortestNumber(value); // nan, inf, -inf
    switch (type) {
    case ScalarType::Float32:
        return shortest(static_cast<float>(value));
    case ScalarType::Integer:
        // Integers were stored as doubles; those beyond 2^53 are already rounded.
        if (value == std::floor(value) && std::fabs(value) < 9.2e18)
            return std::to_string(static_cast<long long>(value));
        break;
    case ScalarType::Float64:
        break;
    }
    return shortest(value);
}

std::string_view scalarTypeName(ScalarType type)
{
    switch (type) {
    case ScalarType::Float32:
        return "float32";
    case ScalarType::Float64:
        return "float64";
    case ScalarType::Integer:
        return "integer";
    }
    return "unknown";
}

std::string scalarsCsvHeader()
{
    return "run,tag,step,wall_time,value\n";
}

void appendScalarsCsv(std::string& out, std::string_view run, std::string_view tag,
    const ScalarSnapshot& points, const AfterPoint& afterPoint)
{
    // The run and tag columns are the same for every row of a series.
    std::string prefix;
    appendCsvField(prefix, run);
    prefix += ',';
    appendCsvField(prefix, tag);
    prefix += ',';
    const ScalarType type = points.type();
    points.forEach([&](const ScalarPoint& point) {
        out += prefix;
        out += std::to_string(point.step);
        out += ',';
        out += formatWallTime(point.wallTime);
        out += ',';
        out += scalarValueText(point.value, type);
        out += '\n';
        if (afterPoint)
            afterPoint();
    });
}

void appendScalarsJson(std::string& out, std::string_view run, std::string_view tag,
    const ScalarSnapshot& points, const AfterPoint& afterPoint)
{
    const ScalarType type = points.type();
    out += "{\"run\":" + jsonString(run) + ",\"tag\":" + jsonString(tag) + ",\"type\":\""
        + std::string(scalarTypeName(type)) + "\",\"points\":[";
    bool first = true;
    points.forEach([&](const ScalarPoint& point) {
        out += first ? "[" : ",[";
        first = false;
        out += std::to_string(point.step);
        out += ',';
        out += jsonWallTime(point.wallTime);
        out += ',';
        out += jsonNumber(point.value, type);
        out += ']';
        if (afterPoint)
            afterPoint();
    });
    out += "]}";
}

void writeScalarsCsv(const std::vector<ScalarExportSeries>& series, const ExportSink& sink)
{
    std::string text = scalarsCsvHeader();
    const AfterPoint drainWhenLarge = [&] { drain(text, sink, kPieceBytes); };
    for (const ScalarExportSeries& one : series)
        appendScalarsCsv(text, one.run, one.tag, one.points, drainWhenLarge);
    drain(text, sink, 0);
}

void writeScalarsJson(const std::vector<ScalarExportSeries>& series, const ExportSink& sink)
{
    std::string text = "[";
    const AfterPoint drainWhenLarge = [&] { drain(text, sink, kPieceBytes); };
    for (std::size_t i = 0; i < series.size(); ++i) {
        text += i ? ",\n" : "\n";
        appendScalarsJson(text, series[i].run, series[i].tag, series[i].points, drainWhenLarge);
    }
    text += series.empty() ? "]\n" : "\n]\n";
    drain(text, sink, 0);
}

} // namespace lantern::core
