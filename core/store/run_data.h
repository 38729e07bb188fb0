#pragma once
// Everything loaded for one run: tags with their series, the graph's location, diagnostics.
// Owned and written by the loader thread only; readers get a RunSnapshot.

#include "core/events/decoded_event.h"
#include "core/store/diagnostic.h"
#include "core/store/generation.h"
#include "core/store/tag_data.h"
#include "core/store/tag_table.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lantern::core {

class EventDecoder;

struct GraphLocation {
    RecordLocation location;
    bool isMetaGraph = false; // a MetaGraphDef whose graph_def is used when no GraphDef exists
};

class RunData {
public:
    RunData() = default;
    RunData(const RunData&) = delete; // m_hidden points into `tags`
    RunData& operator=(const RunData&) = delete;

    std::string name;
    std::string logdirName; // the NAME of the NAME:PATH spec it was found under; may be empty
    std::filesystem::path logdirPath; // the PATH of that spec: the log directory it belongs to
    std::filesystem::path directory;
    std::string fileVersion;
    std::vector<std::filesystem::path> files; // RecordLocation::file indexes this
    TagTable tags; // one entry per (tag, kind)
    std::optional<GraphLocation> graph;
    std::uint64_t graphCount = 0;
    std::uint64_t metaGraphCount = 0;
    std::uint64_t runMetadataCount = 0;
    std::uint64_t eventCount = 0;
    std::vector<Diagnostic> diagnostics;
    // Keep every point as written, instead of TensorBoard's rule (see add()). Set it before
    // the first event is added.
    bool keepOrphanedData = false;

    // Adds one decoded event read from `where`. TensorBoard's rule, per series (run, tag): a
    // point at step s first removes the points kept so far with step >= s, so a repeated step
    // keeps its newest value and a restart replaces what it writes again. SessionLog START on
    // its own removes nothing. One diagnostic per series counts the points it hid.
    // `decoder` is the run's decoder, which remembers each tag's metadata.
    void add(const DecodedEvent& event, const RecordLocation& where, const EventDecoder& decoder);
    // The scalar fast path's entry: one scalar value of one event.
    void addScalar(std::string_view tag, std::int64_t step, double wallTime, double value,
        ScalarType type, const RecordLocation& where);
    void countEvent() { ++eventCount; }

    std::uint64_t countOf(ValueKind kind) const;
    // Changes whenever anything in the run changes; the loader calls touch() after it
    // added records or diagnostics.
    std::uint64_t generation() const { return m_generation; }
    void touch() { m_generation = nextGeneration(); }
    // Drawn once per RunData: a run re-read from scratch is a new RunData, so a view can tell
    // "only appended to" from "read again" (core/load/snapshot_change.h).
    std::uint64_t incarnation() const { return m_incarnation; }

private:
    TagData& tagFor(std::string_view tag, ValueKind kind, const SharedTagMetadata* metadata);
    // Applies TensorBoard's rule before a point at `step` is appended to `data`.
    void replaceFromStep(
        std::string_view tag, TagData& data, std::int64_t step, const RecordLocation& where);
    void reportHidden(std::string_view tag, const TagData& data, std::size_t removed,
        const RecordLocation& where);

    struct HiddenPoints {
        std::size_t diagnostic = 0; // index into `diagnostics`
        std::uint64_t count = 0;
    };
    std::unordered_map<const TagData*, HiddenPoints> m_hidden; // series the rule removed from
    std::uint64_t m_generation = 0;
    std::uint64_t m_incarnation = nextGeneration();
};

} // namespace lantern::core
