#pragma once
// Shared fixtures: where the real-world corpus is, and a writer for small event files.

#include <QString>

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::pb {
class Event;
}
namespace lantern::core {
class RunData;
struct LogdirSnapshot;
struct ScalarPoint;
class ScalarSnapshot;
struct HistogramEntry;
template <typename Entry> class EntrySnapshot;
} // namespace lantern::core

namespace lantern::test {

// ../shared/corpus (or $LANTERN_CORPUS), or nullopt when this checkout has none.
std::optional<std::filesystem::path> corpusDirectory();

// The message a test skips with when the corpus is absent.
QString corpusMissingMessage();

// The corpus logdir `name` loaded whole, or nullptr when the corpus is absent.
std::shared_ptr<const core::LogdirSnapshot> loadCorpusLogdir(std::string_view name);

// Serialized events for fixtures.
std::string fileVersionEvent(double wallTime = 1.0);
std::string scalarEvent(const std::string& tag, long long step, float value, double wallTime);

// A tag `mixed` whose dtype changes: float32 0.5 at step 0, then float64 1e300 and
// 1.0000000001 at steps 1 and 2 (values a float32 would turn into inf and 1).
void writeMixedDtypeTag(const std::filesystem::path& directory);
inline const std::vector<double> kMixedDtypeValues {0.5, 1e300, 1.0000000001};

// `records`, each framed as TFRecord writes it.
std::string framedRecords(const std::vector<std::string>& records);
// A framing header with a valid length checksum, claiming `length` bytes of data.
std::string headerClaiming(std::uint64_t length);

// Writes framed records to `path` (appending).
void appendRecords(const std::filesystem::path& path, const std::vector<std::string>& records);

// Resident memory of this process in MiB, or -1 where /proc is not available.
double residentMiB();

// The whole file, or "" when it cannot be read.
std::string readBytes(const std::filesystem::path& path);

// Writes raw bytes to `path` (creating folders), replacing it or appending.
void writeBytes(const std::filesystem::path& path, const std::string& bytes, bool append = false);

// Deflates `data` with zlib; windowBits 15 + 16 gives GZIP, 15 gives ZLIB.
std::string compress(const std::string& data, int windowBits);

// The steps of a run's scalar tag, in order (empty when the tag is absent).
std::vector<std::int64_t> scalarSteps(const core::RunData& run, const std::string& tag);

// The bits of a double: values compared bit for bit (NaN payloads, -0.0) in store tests.
std::uint64_t bitsOf(double value);
// Two points with bit-identical steps, wall times and values.
bool sameBits(const core::ScalarPoint& a, const core::ScalarPoint& b);

// first, first + 1, …, last.
std::vector<std::int64_t> stepRange(std::int64_t first, std::int64_t last);

// A float64 scalar series of `values` at steps stepStart, stepStart + 1, … and wall times
// wallStart, wallStart + wallStep, …, as plots are handed it.
core::ScalarSnapshot scalarSnapshotOf(const std::vector<double>& values, double wallStart = 1000,
    double wallStep = 360, std::int64_t stepStart = 0);

// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parseCsv(std::string_view text);

// Reads the whole of `text` as a number, as exports write it ("nan", "inf", "-inf" included).
template <typename Number> bool parseExactly(const std::string& text, Number& value)
{
    if (text == "nan" || text == "inf" || text == "-inf") {
        value = text == "nan" ? std::numeric_limits<Number>::quiet_NaN()
            : text == "inf"   ? std::numeric_limits<Number>::infinity()
                              : -std::numeric_limits<Number>::infinity();
        return true;
    }
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// One histogram series as exported: its run, its tag and every stored entry.
struct HistogramSeriesRows {
    std::string run;
    std::string tag;
    const core::EntrySnapshot<core::HistogramEntry>* entries = nullptr;
};
// Checks that a CSV export (header included) holds exactly `series` in order: every bucket of
// every step (run,tag,step,wall_time,left,right,count), or every step's basis-point values as
// core::compressHistogram computes them (nan for an empty histogram), each number reading back
// bit for bit. Returns an empty string or the first problem.
std::string compareBucketsCsv(std::string_view csv, const std::vector<HistogramSeriesRows>& series);
std::string compareDistributionCsv(
    std::string_view csv, const std::vector<HistogramSeriesRows>& series);

} // namespace lantern::test
