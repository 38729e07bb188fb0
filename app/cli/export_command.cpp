// `lantern-cli export`: every scalar point of the given log directories, as CSV or JSON, with
// values printed so that they read back bit for bit (core/export/scalar_export.h: as a float
// for float32 series, so 0.1f prints as 0.1 rather than 0.10000000149011612).
//
// CSV: a header row, then `run,tag,step,wall_time,value` per point; the root run is `.`;
// non-finite values are nan, inf, -inf. JSON: one object per series,
//   [{"run": ".", "tag": "loss", "type": "float32"|"float64"|"integer",
//     "points": [[step, wall_time, value], ...]}, ...]
// with non-finite values as the strings "NaN", "Infinity" and "-Infinity". Read a float32
// value back as a float: its text is the shortest that identifies that float, not the double.
// Names are valid UTF-8, and CSV names that a spreadsheet would run as formulas start with '.
// `--kind histograms|distributions` writes histogram buckets or basis-point values instead, as
// CSV (core/export/histogram_csv.h).

#include "app/cli/commands.h"
#include "core/export/histogram_csv.h"
#include "core/export/scalar_export.h"
#include "core/export/text_encoding.h"
#include "core/io/file_access.h"
#include "core/io/open_file.h"
#include "core/io/opened_logdirs.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

namespace lantern::cli {

using namespace lantern::core;

namespace {

enum class ExportFormat { Csv, Json };
enum class ExportKind { Scalars, Histograms, Distributions };

// Buffers output and writes it in large pieces; remembers whether any write failed.
class Output {
public:
    explicit Output(std::FILE* file)
        : m_file(file)
    {
    }
    ~Output() { flush(); }

    std::string& buffer() { return m_buffer; }
    void write(std::string_view piece)
    {
        m_buffer += piece;
        maybeFlush();
    }
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

// Every scalar series, as CSV or JSON (core/export/scalar_export.h): the document the app
// writes for a card holding the same series.
void writeScalars(Output& output, const LogdirLoader& loader, ExportFormat format)
{
    std::vector<ScalarExportSeries> series;
    for (const auto& run : loader.runs())
        for (const auto& [tag, data] : run->tags)
            if (data.kind == ValueKind::Scalar)
                series.push_back({run->name, std::string(tag), data.scalars().snapshot()});
    const ExportSink sink = [&output](std::string_view piece) { output.write(piece); };
    if (format == ExportFormat::Csv)
        writeScalarsCsv(series, sink);
    else
        writeScalarsJson(series, sink);
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
            const auto entries = data.histograms().snapshot();
            if (kind == ExportKind::Histograms)
                appendHistogramBucketsCsv(out, run->name, tag, entries);
            else
                appendDistributionCsv(out, run->name, tag, entries);
            output.maybeFlush();
        }
}

} // namespace

bool logdirsReadable(const std::vector<LogdirSpec>& specs, std::string_view verb)
{
    bool readable = true;
    for (const LogdirSpec& spec : specs) {
        // Not found, not a directory, not allowed to list it; for ssh:// also the connection.
        const std::string error = logdirError(spec.path);
        if (error.empty())
            continue;
        std::cerr << "lantern-cli " << verb << ": cannot read log directory "
                  << printableText(pathText(spec.path)) << ": " << printableText(error) << "\n";
        readable = false;
    }
    return readable;
}

int runExport(const std::vector<std::string>& arguments)
{
    std::vector<std::string> opened;
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
            opened.push_back(argument);
        }
    }
    std::vector<LogdirSpec> specs;
    for (const std::string& spec : openedLogdirSpecs(opened)) // an event file opens its folder
        specs.push_back(parseLogdirSpec(spec));
    if (specs.empty()) {
        printExportUsage(std::cerr);
        return 2;
    }
    if (kind != ExportKind::Scalars && format != ExportFormat::Csv) {
        std::cerr << "lantern-cli export: histograms and distributions are exported as CSV only\n";
        return 2;
    }

    if (!logdirsReadable(specs, "export"))
        return 1;
    LogdirLoader loader(specs, options);
    loader.setSettlePolicy(SettlePolicy::settledNow());
    loader.reload();

    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, FileCloser> file;
    if (!outPath.empty()) {
        file.reset(openFile(pathFromText(outPath), "wb"));
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
