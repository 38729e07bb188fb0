#pragma once
// Shared fixtures: where the real-world corpus is, and a writer for small event files.

#include <QString>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lantern::pb {
class Event;
}
namespace lantern::core {
class RunData;
struct ScalarPoint;
} // namespace lantern::core

namespace lantern::test {

// ../shared/corpus (or $LANTERN_CORPUS), or nullopt when this checkout has none.
std::optional<std::filesystem::path> corpusDirectory();

// The message a test skips with when the corpus is absent.
QString corpusMissingMessage();

// Serialized events for fixtures.
std::string fileVersionEvent(double wallTime = 1.0);
std::string scalarEvent(const std::string& tag, long long step, float value, double wallTime);

// Writes framed records to `path` (appending).
void appendRecords(const std::filesystem::path& path, const std::vector<std::string>& records);

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

} // namespace lantern::test
