#include "tests/support/test_support.h"

#include "core/analysis/percentiles.h"
#include "core/io/crc32c.h"
#include "core/io/little_endian.h"
#include "core/io/record_writer.h"
#include "core/load/logdir_loader.h"
#include "core/store/entry_series.h"
#include "core/store/run_data.h"
#include "core/store/scalar_series.h"
#include "core/store/tag_entries.h"
#include "core/write/event_file_writer.h"

#include "event.pb.h"

#include <bit>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <zlib.h>

namespace lantern::test {

std::optional<std::filesystem::path> corpusDirectory()
{
    std::filesystem::path directory = LANTERN_CORPUS_DIR;
    if (const char* overridden = std::getenv("LANTERN_CORPUS"))
        directory = overridden;
    std::error_code error;
    if (std::filesystem::is_regular_file(directory / "MANIFEST.tsv", error))
        return directory;
    return std::nullopt;
}

QString corpusMissingMessage()
{
    return QStringLiteral("real-log corpus not found (../shared/corpus or $LANTERN_CORPUS); "
                          "skipping corpus checks");
}

std::shared_ptr<const core::LogdirSnapshot> loadCorpusLogdir(std::string_view name)
{
    const auto corpus = corpusDirectory();
    if (!corpus)
        return nullptr;
    core::LogdirLoader loader({{"", *corpus / name}});
    loader.reload();
    return loader.snapshot();
}

std::string fileVersionEvent(double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_file_version("brain.Event:2");
    return event.SerializeAsString();
}

std::string scalarEvent(const std::string& tag, long long step, float value, double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_step(step);
    auto* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(tag);
    summaryValue->set_simple_value(value);
    return event.SerializeAsString();
}

void writeMixedDtypeTag(const std::filesystem::path& directory)
{
    core::EventFileWriter writer(directory);
    writer.addScalar("mixed", 0, 0.5f, 1.0);
    writer.addScalarTensor("mixed", 1, 1e300, core::ScalarType::Float64, 2.0);
    writer.addScalarTensor("mixed", 2, 1.0000000001, core::ScalarType::Float64, 3.0);
}

std::string framedRecords(const std::vector<std::string>& records)
{
    std::string bytes;
    for (const std::string& record : records)
        bytes += core::frameRecord(record);
    return bytes;
}

std::string headerClaiming(std::uint64_t length)
{
    std::string header(12, '\0');
    core::storeLittleEndian64(header.data(), length);
    core::storeLittleEndian32(header.data() + 8, core::maskCrc(core::crc32c(header.data(), 8)));
    return header;
}

void appendRecords(const std::filesystem::path& path, const std::vector<std::string>& records)
{
    std::filesystem::create_directories(path.parent_path());
    core::RecordWriter writer(path);
    for (const std::string& record : records)
        writer.write(record);
    writer.flush();
}

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes, bool append)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc))
        .write(bytes.data(), std::streamsize(bytes.size()));
}

std::string compress(const std::string& data, int windowBits)
{
    z_stream z {};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::vector<std::int64_t> scalarSteps(const core::RunData& run, const std::string& tag)
{
    std::vector<std::int64_t> steps;
    if (const auto it = run.tags.find(tag); it != run.tags.end())
        it->second.scalars().snapshot().forEach(
            [&](const core::ScalarPoint& p) { steps.push_back(p.step); });
    return steps;
}

std::uint64_t bitsOf(double value)
{
    return std::bit_cast<std::uint64_t>(value);
}

bool sameBits(const core::ScalarPoint& a, const core::ScalarPoint& b)
{
    return a.step == b.step && bitsOf(a.wallTime) == bitsOf(b.wallTime)
        && bitsOf(a.value) == bitsOf(b.value);
}

std::vector<std::int64_t> stepRange(std::int64_t first, std::int64_t last)
{
    std::vector<std::int64_t> steps;
    for (std::int64_t step = first; step <= last; ++step)
        steps.push_back(step);
    return steps;
}

core::ScalarSnapshot scalarSnapshotOf(
    const std::vector<double>& values, double wallStart, double wallStep, std::int64_t stepStart)
{
    core::ScalarSeries series;
    series.type = core::ScalarType::Float64; // values are doubles
    for (std::size_t i = 0; i < values.size(); ++i)
        series.append({stepStart + std::int64_t(i), wallStart + wallStep * double(i), values[i]});
    return series.snapshot();
}

std::vector<std::vector<std::string>> parseCsv(std::string_view text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, fieldStarted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"' && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            fieldStarted = false;
        } else if (c == '\n') {
            row.push_back(std::move(field));
            rows.push_back(std::move(row));
            field.clear();
            row.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    return rows;
}

namespace {

// The fields of one exported row after its run and tag columns, checked against the entry.
std::string compareRowStart(const std::vector<std::string>& row, std::size_t columns,
    const HistogramSeriesRows& series, const core::HistogramEntry& entry)
{
    std::int64_t step = 0;
    double wallTime = 0;
    if (row.size() != columns)
        return "a row has " + std::to_string(row.size()) + " fields";
    if (row[0] != series.run || row[1] != series.tag)
        return "run or tag differ: " + row[0] + "," + row[1];
    if (!parseExactly(row[2], step) || step != entry.step)
        return "step differs: " + row[2];
    if (!parseExactly(row[3], wallTime) || bitsOf(wallTime) != bitsOf(entry.wallTime))
        return "wall time differs: " + row[3];
    return {};
}

bool sameNumberText(const std::string& text, double expected)
{
    double value = 0;
    return parseExactly(text, value)
        && (bitsOf(value) == bitsOf(expected) || (std::isnan(value) && std::isnan(expected)));
}

} // namespace

std::string compareBucketsCsv(std::string_view csv, const std::vector<HistogramSeriesRows>& series)
{
    const auto rows = parseCsv(csv);
    if (rows.empty()
        || rows[0]
            != std::vector<std::string> {
                "run", "tag", "step", "wall_time", "left", "right", "count"})
        return "bad header";
    std::size_t row = 1;
    for (const HistogramSeriesRows& one : series)
        for (std::size_t i = 0; i < one.entries->size(); ++i)
            for (const core::HistogramBucket& bucket : (*one.entries)[i].buckets) {
                if (row >= rows.size())
                    return "too few rows";
                const std::vector<std::string>& fields = rows[row++];
                if (auto problem = compareRowStart(fields, 7, one, (*one.entries)[i]);
                    !problem.empty())
                    return problem + " in row " + std::to_string(row - 1);
                if (!sameNumberText(fields[4], bucket.left)
                    || !sameNumberText(fields[5], bucket.right)
                    || !sameNumberText(fields[6], bucket.count))
                    return "bucket differs in row " + std::to_string(row - 1);
            }
    return row == rows.size() ? std::string() : "extra rows";
}

std::string compareDistributionCsv(
    std::string_view csv, const std::vector<HistogramSeriesRows>& series)
{
    const auto rows = parseCsv(csv);
    std::vector<std::string> header {"run", "tag", "step", "wall_time"};
    for (const int point : core::kDistributionBasisPoints)
        header.push_back(std::string(1, 'p').append(std::to_string(point)));
    if (rows.empty() || rows[0] != header)
        return "bad header";
    std::size_t row = 1;
    for (const HistogramSeriesRows& one : series)
        for (std::size_t i = 0; i < one.entries->size(); ++i) {
            if (row >= rows.size())
                return "too few rows";
            const std::vector<std::string>& fields = rows[row++];
            const core::HistogramEntry& entry = (*one.entries)[i];
            if (auto problem = compareRowStart(fields, header.size(), one, entry); !problem.empty())
                return problem + " in row " + std::to_string(row - 1);
            const auto values = core::compressHistogram(entry.buckets);
            for (std::size_t k = 0; k < core::kDistributionBasisPoints.size(); ++k)
                if (!sameNumberText(fields[4 + k],
                        values ? (*values)[k] : std::numeric_limits<double>::quiet_NaN()))
                    return header[4 + k] + " differs in row " + std::to_string(row - 1) + ": "
                        + fields[4 + k];
        }
    return row == rows.size() ? std::string() : "extra rows";
}

double residentMiB()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = -1;
    if (!(statm >> pages >> resident))
        return -1;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

} // namespace lantern::test
