#pragma once
// Loads one or more log directories into RunData and keeps them current. Each reload scans
// for runs and files, skips files that have not changed, reads only what was appended to the
// others, re-reads a run whose file was replaced or removed, and drops runs that are gone.
// Use it from one thread; hand readers the immutable snapshot().

#include "core/io/logdir_spec.h"
#include "core/load/projector_fingerprint.h"
#include "core/projector/projector_discovery.h"
#include "core/store/run_data.h"
#include "core/store/run_snapshot.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lantern::core {

struct LoadStatistics {
    std::uint64_t eventFiles = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t records = 0;
    std::uint64_t fastPathRecords = 0;
    std::uint64_t directoriesScanned = 0;
    // 1 when this reload looked for the projector's embeddings again (the folders or their
    // projector files changed), else 0.
    std::uint64_t projectorSearches = 0;
    // The reload was cancelled before it read everything (see LogdirLoader::reload).
    bool cancelled = false;
};

// How far a reload has got, in files and bytes of the files it has to read.
struct LoadProgress {
    std::uint64_t filesDone = 0;
    std::uint64_t filesTotal = 0;
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
};
using ProgressCallback = std::function<void(const LoadProgress&)>;

// When a file that ends inside a record is done (truncated) rather than still being written:
// once it has not changed for `quietFor`, or a newer event file exists in its run. TensorFlow's
// writers flush every 120 s by default, so a record can sit half-written for that long.
struct SettlePolicy {
    std::chrono::nanoseconds quietFor = std::chrono::minutes(3);
    std::function<std::filesystem::file_time_type()> now
        = [] { return std::filesystem::file_time_type::clock::now(); };

    // For a single look (lantern-cli): the files as they are now are all there is, so a record
    // cut short is reported rather than waited for.
    static SettlePolicy settledNow() { return {.quietFor = std::chrono::nanoseconds(0)}; }
};

struct LogdirSnapshot {
    std::vector<std::shared_ptr<const RunSnapshot>> runs; // sorted by name
    std::vector<std::string> discoveryProblems;
    // The projector's embeddings in the run folders and logdir roots, and the problems met
    // finding them; the same object while nothing it was found from changed. Null only in a
    // snapshot not made by a loader.
    std::shared_ptr<const ProjectorDiscovery> projector;
    LoadStatistics lastReload;
    std::uint64_t totalEventFiles = 0;

    const RunSnapshot* find(std::string_view run) const;
};

struct LoadOptions {
    // Keep every point as written instead of TensorBoard's rule, where a point replaces the
    // earlier ones of its series with the same or a later step (RunData::add).
    bool keepOrphanedData = false;
};

class LogdirLoader {
public:
    explicit LogdirLoader(std::vector<LogdirSpec> logdirs, LoadOptions options = {});
    ~LogdirLoader();

    void setSettlePolicy(SettlePolicy policy) { m_settle = std::move(policy); }

    // `progress`, when given, is called after each file read. `cancelled`, when given, is
    // asked between files and every thousand records or so: once it says yes, the reload
    // stops after a whole record, keeps what it read (runs found, files read in part) and
    // leaves the rest, and the projector's search, to the next reload.
    LoadStatistics reload(
        const ProgressCallback& progress = {}, const std::function<bool()>& cancelled = {});

    // Runs in name order; a logdir given as NAME:PATH prefixes its runs with "NAME/".
    std::vector<const RunData*> runs() const;
    const std::vector<LogdirSpec>& logdirs() const { return m_logdirs; }
    // Problems found while scanning directories (unreadable folders, symlink loops).
    const std::vector<std::string>& discoveryProblems() const { return m_discoveryProblems; }
    // The embeddings found by the last reload (see LogdirSnapshot::projector).
    const std::shared_ptr<const ProjectorDiscovery>& projector() const { return m_projector; }

    // An immutable view of everything loaded; runs that did not change since the previous
    // snapshot are shared with it.
    std::shared_ptr<const LogdirSnapshot> snapshot();

private:
    struct RunState;

    // Looks for the projector's embeddings again when their fingerprint (gathered by this
    // reload's walk) changed; true if so.
    bool findProjectorData(ProjectorFingerprint fingerprint);

    std::vector<LogdirSpec> m_logdirs;
    LoadOptions m_options;
    std::vector<std::unique_ptr<RunState>> m_runs; // sorted by name
    std::vector<std::string> m_discoveryProblems;
    LoadStatistics m_lastReload;
    SettlePolicy m_settle;
    std::shared_ptr<const ProjectorDiscovery> m_projector;
    std::optional<ProjectorFingerprint> m_projectorFingerprint; // of m_projector's search
    bool m_projectorSettled = false; // whether that fingerprint had settled (see settledAt)
};

} // namespace lantern::core
