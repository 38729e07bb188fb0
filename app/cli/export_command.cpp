// `lantern-cli export`: every scalar point of the given log directories, as CSV or JSON, with
// values printed so that they read back bit for bit (std::to_chars' shortest round trip, as a
// float for float32 series, so 0.1f prints as 0.1 rather than 0.10000000149011612).
//
// CSV: a header row, then `run,tag,step,wall_time,value` per point; the root run is `.`;
// non-finite values are nan, inf, -inf. JSON: one object per series,
//   [{"run": ".", "tag": "loss", "type": "float32"|"float64"|"integer",
//     "points": [[step, wall_time, value], ...]}, ...]
// with non-finite values as the strings "NaN", "Infinity" and "-Infinity". Read a float32
// value back as a float: its text is the shortest that identifies that float, not the double.
// `--kind histograms|distributions` writes histogram buckets or basis-point values instead, as
// CSV (core/export/histogram_csv.h).

#include "app/cli/commands.h"
#include "core/export/csv_text.h"
#include "core/export/histogram_csv.h"
#include "core/load/logdir_loader.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>

namespace lantern::cli {

using namespace lantern::core;

namespace {

template <typename Number> std::string shortest(Number value, std::chars_format format)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    return std::string(buffer, result.ptr);
}

enum class ExportFormat { Csv, Json };
enum class ExportKind { Scalars, Histograms, Distributions };

// JSON has no NaN or infinity; they are written as the strings JavaScript would print.
std::string jsonNumber(double value, ScalarType type)
{
    if (std::isnan(value))
        return "\"NaN\"";
    if (std::isinf(value))
        return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    return formatValue(value, type);
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

// Buffers output and writes it in large pieces; remembers whether any write failed.
class Output {
public:
    explicit Output(std::FILE* file)
        : m_file(file)
    {
    }
    ~Output() { flush(); }

    std::string& buffer() { return m_buffer; }
    void maybeFlush()
    {
        if (m_buffer.size() >= (1u << 20))
            flush();
    }
    bool flush()
    {
        if (!m_buffer.empty()
            && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
            m_failed = true;
        m_buffer.clear();
        if (std::fflush(m_file) != 0)
            m_failed = true;
        return !m_failed;
    }

private:
    std::FILE* m_file;
    std::string m_buffer;
    bool m_failed = false;
};

void printExportUsage(std::ostream& out)
{
    out << "Usage: lantern-cli export SPEC... [--kind scalars|histograms|distributions]"
           " [--format csv|json] [--out FILE] [--keep-orphaned-data]\n";
}

// Every scalar point, as CSV or JSON (the file's opening comment).
void writeScalars(Output& output, const LogdirLoader& loader, ExportFormat format)
{
    std::string& out = output.buffer();
    if (format == ExportFormat::Csv)
        out += "run,tag,step,wall_time,value\n";
    else
        out += "[";
    bool firstSeries = true;
    for (const auto& run : loader.runs()) {
        for (const auto& [tag, data] : run->tags) {
            if (data.kind != ValueKind::Scalar)
                continue;
            const ScalarSnapshot points = data.scalars.snapshot();
            const ScalarType type = points.type();
            if (format == ExportFormat::Csv) {
                // The run and tag columns are the same for every row of a series.
                std::string prefix;
                appendCsvField(prefix, run->name);
                prefix += ',';
                appendCsvField(prefix, tag);
                prefix += ',';
                points.forEach([&](const ScalarPoint& point) {
                    out += prefix;
                    out += std::to_string(point.step);
                    out += ',';
                    out += formatWallTime(point.wallTime);
                    out += ',';
                    out += formatValue(point.value, type);
                    out += '\n';
                    output.maybeFlush();
                });
            } else {
                out += firstSeries ? "\n" : ",\n";
                firstSeries = false;
                out += "{\"run\":" + jsonString(run->name) + ",\"tag\":" + jsonString(tag)
                    + ",\"type\":\"" + std::string(scalarTypeName(type)) + "\",\"points\":[";
                bool firstPoint = true;
                points.forEach([&](const ScalarPoint& point) {
                    if (!firstPoint)
                        out += ',';
                    firstPoint = false;
                    out += '[';
                    out += std::to_string(point.step);
                    out += ',';
                    out += std::isfinite(point.wallTime) ? formatWallTime(point.wallTime)
                                                         : jsonNumber(point.wallTime, type);
                    out += ',';
                    out += jsonNumber(point.value, type);
                    out += ']';
                    output.maybeFlush();
                });
                out += "]}";
            }
        }
    }
    if (format == ExportFormat::Json)
        out += firstSeries ? "]\n" : "\n]\n";
}

// Every histogram series' buckets or basis-point values (core/export/histogram_csv.h).
void writeHistogramCsv(Output& output, const LogdirLoader& loader, ExportKind kind)
{
    std::string& out = output.buffer();
    out += kind == ExportKind::Histograms ? histogramBucketsCsvHeader() : distributionCsvHeader();
    for (const auto& run : loader.runs())
        for (const auto& [tag, data] : run->tags) {
            if (data.kind != ValueKind::Histogram)
                continue;
            const auto entries = data.histograms.snapshot();
            if (kind == ExportKind::Histograms)
                appendHistogramBucketsCsv(out, run->name, tag, entries);
            else
                appendDistributionCsv(out, run->name, tag, entries);
            output.maybeFlush();
        }
}

} // namespace

std::string jsonString(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::string formatValue(double value, ScalarType type)
{
    if (std::isnan(value))
        return "nan"; // never "-nan": the sign of a NaN carries no meaning here
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    switch (type) {
    case ScalarType::Float32:
        return shortest(static_cast<float>(value), std::chars_format::general);
    case ScalarType::Integer:
        // Integers were stored as doubles; those beyond 2^53 are already rounded.
        if (value == std::floor(value) && std::fabs(value) < 9.2e18)
            return std::to_string(static_cast<long long>(value));
        break;
    case ScalarType::Float64:
        break;
    }
    return shortest(value, std::chars_format::general);
}

int runExport(const std::vector<std::string>& arguments)
{
    std::vector<LogdirSpec> specs;
    ExportFormat format = ExportFormat::Csv;
    ExportKind kind = ExportKind::Scalars;
    std::string outPath;
    LoadOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--kind" && hasValue) {
            const std::string& name = arguments[++i];
            if (name == "scalars")
                kind = ExportKind::Scalars;
            else if (name == "histograms")
                kind = ExportKind::Histograms;
            else if (name == "distributions")
                kind = ExportKind::Distributions;
            else {
                std::cerr << "lantern-cli export: unknown kind '" << name << "'\n";
                return 2;
            }
        } else if (argument == "--format" && hasValue) {
            const std::string& name = arguments[++i];
            if (name != "csv" && name != "json") {
                std::cerr << "lantern-cli export: unknown format '" << name << "'\n";
                return 2;
            }
            format = name == "csv" ? ExportFormat::Csv : ExportFormat::Json;
        } else if (argument == "--out" && hasValue) {
            outPath = arguments[++i];
        } else if (argument == "--keep-orphaned-data") {
            options.keepOrphanedData = true;
        } else if (argument.starts_with("--")) {
            printExportUsage(std::cerr);
            return 2;
        } else {
            specs.push_back(parseLogdirSpec(argument));
        }
    }
    if (specs.empty()) {
        printExportUsage(std::cerr);
        return 2;
    }
    if (kind != ExportKind::Scalars && format != ExportFormat::Csv) {
        std::cerr << "lantern-cli export: histograms and distributions are exported as CSV only\n";
        return 2;
    }

    LogdirLoader loader(specs, options);
    loader.reload();

    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, FileCloser> file;
    if (!outPath.empty()) {
        file.reset(std::fopen(outPath.c_str(), "wb"));
        if (!file) {
            std::cerr << "lantern-cli export: cannot write " << outPath << ": "
                      << std::strerror(errno) << "\n";
            return 1;
        }
    }
    Output output(file ? file.get() : stdout);
    if (kind == ExportKind::Scalars)
        writeScalars(output, loader, format);
    else
        writeHistogramCsv(output, loader, kind);
    if (!output.flush()) {
        std::cerr << "lantern-cli export: writing failed\n";
        return 1;
    }
    return 0;
}

} // namespace lantern::cli
