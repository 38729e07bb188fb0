#pragma once
// Shared fixtures: where the real-world corpus is, and a writer for small event files.

#include <QString>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lantern::pb {
class Event;
}

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

} // namespace lantern::test
