// `lantern-cli bench`: how fast a full load is, against a baseline measured in the same process
// on the same files: reading every byte and verifying every record's CRC32C, the least any
// loader must do. Also how many bytes each scalar point costs in memory.

#include "app/cli/commands.h"
#include "core/io/crc32c.h"
#include "core/io/file_access.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/record_compression.h"
#include "core/io/run_discovery.h"
#include "core/load/logdir_loader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#if defined(__linux__)
#include <unistd.h>
#endif

namespace lantern::cli {

using namespace lantern::core;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Resident set size of this process, from /proc/self/statm (Linux only).
std::optional<std::uint64_t> residentSetBytes()
{
#if defined(__linux__)
    std::ifstream statm("/proc/self/statm");
    std::uint64_t totalPages = 0, residentPages = 0;
    if (statm >> totalPages >> residentPages)
        return residentPages * std::uint64_t(sysconf(_SC_PAGESIZE));
#endif
    return std::nullopt;
}

class MemoryByteSource final : public ByteSource {
public:
    explicit MemoryByteSource(std::string_view bytes)
        : m_bytes(bytes)
    {
    }
    std::size_t read(char* buffer, std::size_t size) override
    {
        const std::size_t n = std::min(size, m_bytes.size());
        std::memcpy(buffer, m_bytes.data(), n);
        m_bytes.remove_prefix(n);
        return n;
    }
    const std::string& error() const override { return m_error; }

private:
    std::string_view m_bytes;
    std::string m_error;
};

bool readWholeFile(const std::filesystem::path& path, std::string& bytes)
{
    const FileStatus status = fileStatus(path); // local, or over SFTP for ssh:// paths
    const std::unique_ptr<ByteSource> source = openByteSource(path, 0);
    if (!status.error.empty() || !source->error().empty())
        return false;
    bytes.resize(status.size);
    std::size_t got = 0;
    while (got < bytes.size()) {
        const std::size_t n = source->read(bytes.data() + got, bytes.size() - got);
        if (n == 0)
            break;
        got += n;
    }
    bytes.resize(got);
    return true;
}

struct BaselineCounts {
    std::uint64_t records = 0;
    std::uint64_t badRecords = 0;
};

// The framing loop with nothing else: verify both checksums of every record. A bad header
// ends the file (no resynchronising: this is a lower bound, not a reader).
void verifyRecords(std::string_view stream, BaselineCounts& counts)
{
    std::size_t offset = 0;
    while (stream.size() - offset >= 12) {
        const char* header = stream.data() + offset;
        if (maskCrc(crc32c(header, 8)) != loadLittleEndian32(header + 8)) {
            ++counts.badRecords;
            return;
        }
        const std::uint64_t length = loadLittleEndian64(header);
        if (length > stream.size() - offset - 12 || stream.size() - offset - 12 - length < 4)
            return; // a partial record at the end
        if (maskCrc(crc32c(header + 12, length)) == loadLittleEndian32(header + 12 + length))
            ++counts.records;
        else
            ++counts.badRecords;
        offset += 16 + length;
    }
}

BaselineCounts runBaseline(const std::vector<std::filesystem::path>& files)
{
    BaselineCounts counts;
    std::string bytes, inflated;
    for (const auto& path : files) {
        if (!readWholeFile(path, bytes))
            continue;
        const RecordCompression compression = detectRecordCompression(bytes);
        if (compression == RecordCompression::Gzip || compression == RecordCompression::Zlib) {
            InflatingByteSource source(std::make_unique<MemoryByteSource>(bytes));
            inflated.clear();
            char chunk[1 << 16];
            for (std::size_t n; (n = source.read(chunk, sizeof chunk)) > 0;)
                inflated.append(chunk, n);
            verifyRecords(inflated, counts);
        } else {
            verifyRecords(bytes, counts);
        }
    }
    return counts;
}

struct Spread {
    double median = 0, min = 0, max = 0;
};

Spread spreadOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.front(), values.back()};
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string jsonSpread(const Spread& spread, const std::vector<double>& all)
{
    std::string out = "{\"median\": " + formatValue(spread.median) + ", \"min\": "
        + formatValue(spread.min) + ", \"max\": " + formatValue(spread.max) + ", \"all\": [";
    for (std::size_t i = 0; i < all.size(); ++i)
        out += (i ? ", " : "") + formatValue(all[i]);
    return out + "]}";
}

} // namespace

int runBench(const std::vector<std::string>& arguments)
{
    std::vector<LogdirSpec> specs;
    int repeat = 5;
    bool json = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--repeat" && i + 1 < arguments.size()) {
            repeat = std::atoi(arguments[++i].c_str());
        } else if (arguments[i] == "--json") {
            json = true;
        } else if (arguments[i].starts_with("--")) {
            specs.clear();
            break;
        } else {
            specs.push_back(parseLogdirSpec(arguments[i]));
        }
    }
    if (specs.empty() || repeat < 1) {
        std::cerr << "Usage: lantern-cli bench SPEC... [--repeat N] [--json]\n";
        return 2;
    }

    std::vector<std::filesystem::path> files;
    std::uint64_t diskBytes = 0;
    for (const LogdirSpec& spec : specs)
        for (const RunLocation& run : discoverRuns(spec.path).runs)
            for (const EventFileInfo& file : run.eventFiles) {
                files.push_back(file.path);
                diskBytes += file.size;
            }

    std::vector<double> loadSeconds, baselineSeconds;
    std::uint64_t records = 0, points = 0, storeBytes = 0, runCount = 0;
    std::optional<std::uint64_t> rssGrowth;
    BaselineCounts baseline;
    for (int i = 0; i < repeat; ++i) {
        // The first load runs before anything else has touched the heap, so the growth of the
        // resident set it causes is the loaded data's (plus allocator slack).
        const auto rssBefore = residentSetBytes();
        const auto loadStart = Clock::now();
        {
            LogdirLoader loader(specs);
            records = loader.reload().records;
            loadSeconds.push_back(secondsSince(loadStart));
            if (i == 0) {
                const auto rssAfter = residentSetBytes();
                if (rssBefore && rssAfter)
                    rssGrowth = *rssAfter > *rssBefore ? *rssAfter - *rssBefore : 0;
                points = storeBytes = runCount = 0;
                for (const auto& run : loader.runs()) {
                    ++runCount;
                    for (const auto& [tag, data] : run->tags) {
                        points += data.scalars().size();
                        storeBytes += data.scalars().residentBytes();
                    }
                }
            }
        }
        const auto baselineStart = Clock::now();
        baseline = runBaseline(files);
        baselineSeconds.push_back(secondsSince(baselineStart));
    }

    const Spread load = spreadOf(loadSeconds), base = spreadOf(baselineSeconds);
    const double megabytes = double(diskBytes) / 1e6;
    const double ratio = base.median > 0 ? load.median / base.median : 0;
    const double storePerPoint = points ? double(storeBytes) / double(points) : 0;
    // RSS is unknown off Linux.
    const bool haveRss = rssGrowth.has_value() && points > 0;
    const double rssPerPoint = haveRss ? double(rssGrowth.value()) / double(points) : 0;

    if (json) {
        std::ostringstream out;
        out << "{\n  \"runs\": " << runCount << ",\n  \"event_files\": " << files.size()
            << ",\n  \"bytes_on_disk\": " << diskBytes << ",\n  \"records\": " << records
            << ",\n  \"baseline_records\": " << baseline.records
            << ",\n  \"baseline_bad_records\": " << baseline.badRecords
            << ",\n  \"scalar_points\": " << points << ",\n  \"repeat\": " << repeat
            << ",\n  \"crc32c\": " << jsonString(crc32cImplementation())
            << ",\n  \"load_seconds\": " << jsonSpread(load, loadSeconds)
            << ",\n  \"baseline_seconds\": " << jsonSpread(base, baselineSeconds)
            << ",\n  \"load_to_baseline_ratio\": " << formatValue(ratio)
            << ",\n  \"load_mb_per_second\": " << formatValue(megabytes / load.median)
            << ",\n  \"load_points_per_second\": " << formatValue(double(points) / load.median)
            << ",\n  \"baseline_mb_per_second\": " << formatValue(megabytes / base.median)
            << ",\n  \"store_bytes_per_point\": " << formatValue(storePerPoint)
            << ",\n  \"rss_growth_bytes\": "
            << (rssGrowth ? std::to_string(*rssGrowth) : std::string("null"))
            << ",\n  \"rss_bytes_per_point\": "
            << (haveRss ? formatValue(rssPerPoint) : std::string("null")) << "\n}\n";
        std::cout << out.str();
        return 0;
    }

    std::cout << "lantern-cli bench: " << runCount << " run(s), " << files.size()
              << " event file(s), " << fixed(megabytes, 1) << " MB on disk, " << records
              << " records, " << points << " scalar points\n"
              << repeat << " repetition(s); median [min - max]; MB = 10^6 bytes on disk; CRC32C: "
              << crc32cImplementation() << "\n\n";
    const auto row = [](std::string_view name, const Spread& spread, std::string_view rates) {
        std::cout << "  " << name << std::string(26 - name.size(), ' ') << fixed(spread.median, 3)
                  << " s  [" << fixed(spread.min, 3) << " - " << fixed(spread.max, 3) << "]   "
                  << rates << "\n";
    };
    row("full load (LogdirLoader)", load,
        fixed(megabytes / load.median, 1) + " MB/s, " + fixed(double(points) / load.median / 1e6, 2)
            + " M points/s");
    row("baseline (read + CRC32C)", base, fixed(megabytes / base.median, 1) + " MB/s");
    std::cout << "  load / baseline           " << fixed(ratio, 2) << "x\n\n"
              << "  memory per scalar point   " << fixed(storePerPoint, 1)
              << " B in the store (ScalarSeries::residentBytes), "
              << (haveRss ? fixed(rssPerPoint, 1) + " B" : std::string("n/a"))
              << " of RSS growth (first load, /proc/self/statm)\n";
    if (baseline.records != records || baseline.badRecords > 0)
        std::cout << "  note: the baseline verified " << baseline.records << " record(s) and found "
                  << baseline.badRecords << " bad one(s); the loader read " << records << "\n";
    return 0;
}

} // namespace lantern::cli
