#include "core/load/logdir_loader.h"

#include "core/io/file_access.h"
#include "core/io/path_text.h"
#include "core/io/run_discovery.h"
#include "core/load/event_file_state.h"
#include "core/remote/ssh_hosts.h"
#include "core/remote/ssh_url.h"

#include <algorithm>
#include <map>
#include <optional>

namespace lantern::core {

struct LogdirLoader::RunState {
    RunData run;
    EventDecoder decoder {run.tags.names()}; // each tag's name stored once
    std::vector<std::unique_ptr<EventFileState>> files;
    std::map<std::filesystem::path, EventFileState*> byPath;
    std::shared_ptr<const RunSnapshot> lastSnapshot;

    RunState(std::string name, const LogdirSpec& logdir, std::filesystem::path directory,
        const LoadOptions& options)
    {
        run.keepOrphanedData = options.keepOrphanedData;
        run.name = std::move(name);
        run.logdirName = logdir.name;
        run.logdirPath = logdir.path;
        run.directory = std::move(directory);
    }

    EventFileState& add(const std::filesystem::path& path)
    {
        run.files.push_back(path);
        files.push_back(std::make_unique<EventFileState>(
            path, static_cast<std::uint32_t>(run.files.size() - 1)));
        byPath.emplace(path, files.back().get());
        return *files.back();
    }

    struct Read {
        EventFileState* file;
        EventFileInfo info;
        bool settled;
    };

    // The files to read now (new, grown, or newly settled with a cut-short end), or nullopt
    // when a file already read was replaced or removed: its data can only be undone by
    // reading the run again from the start.
    std::optional<std::vector<Read>> plan(const RunLocation& location, const SettlePolicy& settle)
    {
        std::vector<Read> reads;
        const std::size_t knownBefore = byPath.size();
        std::size_t known = 0;
        const auto now = settle.now();
        for (std::size_t i = 0; i < location.eventFiles.size(); ++i) {
            const EventFileInfo& info = location.eventFiles[i];
            const bool settled
                = i + 1 < location.eventFiles.size() || now - info.modified >= settle.quietFor;
            const auto it = byPath.find(info.path);
            EventFileState* file = it == byPath.end() ? nullptr : it->second;
            if (file) {
                ++known;
                const EventFileState::Change change = file->check(info);
                if (change == EventFileState::Change::Replaced)
                    return std::nullopt;
                if (change == EventFileState::Change::Unchanged
                    && !(settled && file->awaitsSettling()))
                    continue;
            } else {
                file = &add(info.path);
            }
            reads.push_back({file, info, settled});
        }
        if (known != knownBefore)
            return std::nullopt; // a file we had read is gone
        return reads;
    }
};

const RunSnapshot* LogdirSnapshot::find(std::string_view run) const
{
    for (const auto& snapshot : runs)
        if (snapshot->name == run)
            return snapshot.get();
    return nullptr;
}

LogdirLoader::LogdirLoader(std::vector<LogdirSpec> logdirs, LoadOptions options)
    : m_logdirs(std::move(logdirs))
    , m_options(options)
    , m_projector(std::make_shared<const ProjectorDiscovery>())
{
}

LogdirLoader::~LogdirLoader() = default;

LoadStatistics LogdirLoader::reload(
    const ProgressCallback& progress, const std::function<bool()>& cancelled)
{
    LoadStatistics statistics;
    m_discoveryProblems.clear();
    std::map<std::string, std::unique_ptr<RunState>> previous;
    for (auto& state : m_runs)
        previous.emplace(state->run.name, std::move(state));

    // First find everything, so progress can be told against a total.
    struct FileToRead {
        RunState* run;
        EventFileState* file;
        EventFileInfo info;
        bool settled;
    };
    std::map<std::string, std::unique_ptr<RunState>> current;
    std::vector<FileToRead> toRead;
    LoadProgress total;
    ProjectorFingerprint projectorFiles;
    const auto visit = [&projectorFiles](const std::filesystem::directory_entry& e) {
        projectorFiles.addEntry(e);
    };
    for (const LogdirSpec& logdir : m_logdirs) {
        DiscoveryResult found = discoverRuns(logdir.path, visit);
        statistics.directoriesScanned += found.directoriesScanned;
        m_discoveryProblems.insert(
            m_discoveryProblems.end(), found.problems.begin(), found.problems.end());
        if (found.unreachable) {
            // A host that cannot be reached now: keep its runs as loaded, read nothing, and
            // go on from their saved offsets once it answers again.
            const std::string root = pathText(logdir.path);
            for (auto& [name, state] : previous)
                if (state && pathText(state->run.directory).starts_with(root)
                    && !current.contains(name)) {
                    statistics.eventFiles += state->files.size();
                    current.emplace(name, std::move(state));
                }
            continue;
        }
        for (RunLocation& location : found.runs) {
            std::string name = location.name;
            if (!logdir.name.empty())
                name = location.name == "." ? logdir.name : logdir.name + "/" + location.name;
            if (current.contains(name))
                continue; // the same run reached through two logdir specs
            std::unique_ptr<RunState> state;
            if (auto it = previous.find(name); it != previous.end())
                state = std::move(it->second);
            if (!state)
                state = std::make_unique<RunState>(name, logdir, location.directory, m_options);
            auto reads = state->plan(location, m_settle);
            if (!reads) {
                state = std::make_unique<RunState>(name, logdir, location.directory, m_options);
                reads = state->plan(location, m_settle);
            }
            statistics.eventFiles += location.eventFiles.size();
            for (auto& [file, info, settled] : *reads) {
                toRead.push_back({state.get(), file, info, settled});
                ++total.filesTotal;
                total.bytesTotal += info.size;
            }
            current.emplace(std::move(name), std::move(state));
        }
    }

    LoadProgress done = total;
    for (const FileToRead& item : toRead) {
        ReadCounts counts;
        statistics.cancelled = (cancelled && cancelled())
            || !item.file->readNew(
                item.info, item.settled, item.run->decoder, item.run->run, counts, cancelled);
        statistics.records += counts.records;
        statistics.fastPathRecords += counts.fastPathRecords;
        statistics.bytesRead += counts.bytes;
        if (statistics.cancelled)
            break;
        ++done.filesDone;
        done.bytesDone += item.info.size;
        if (progress)
            progress(done);
    }

    m_runs.clear();
    for (auto& [name, state] : current) // std::map: already in name order
        m_runs.push_back(std::move(state));
    if (!statistics.cancelled)
        statistics.projectorSearches = findProjectorData(std::move(projectorFiles)) ? 1 : 0;
    m_lastReload = statistics;
    return statistics;
}

bool LogdirLoader::findProjectorData(ProjectorFingerprint fingerprint)
{
    // Remote folders too: the projector reads through file_access.h. Their files are not
    // stamped (the walk lists only event files there), so they are searched again when the
    // runs change.
    // A host that could not be reached is not tried again here: that would ask again for a
    // password just refused.
    const auto reachable = [](const std::filesystem::path& path) {
        if (!isRemotePath(path))
            return true;
        const std::optional<SshUrl> url = parseSshUrl(pathText(path));
        return url && SshHosts::shared().unreachableReason(*url).empty();
    };
    std::vector<ProjectorRunDirectory> runs;
    for (const auto& state : m_runs)
        if (reachable(state->run.directory))
            runs.push_back({state->run.name, state->run.directory});
    std::vector<std::pair<std::string, std::filesystem::path>> roots;
    for (const LogdirSpec& logdir : m_logdirs)
        if (reachable(logdir.path))
            roots.emplace_back(logdir.name, logdir.path);
    fingerprint.addFolders(runs, roots);
    // A fingerprint taken within the file system's time resolution of a change may miss a
    // second change in the same tick: look once more when it has settled.
    const bool settled = fingerprint.settledAt(m_settle.now());
    if (fingerprint == m_projectorFingerprint && (m_projectorSettled || !settled))
        return false;
    m_projector
        = std::make_shared<const ProjectorDiscovery>(discoverProjectorEmbeddings(runs, roots));
    m_projectorFingerprint = std::move(fingerprint);
    m_projectorSettled = settled;
    return true;
}

std::vector<const RunData*> LogdirLoader::runs() const
{
    std::vector<const RunData*> result;
    result.reserve(m_runs.size());
    for (const auto& state : m_runs)
        result.push_back(&state->run);
    return result;
}

std::shared_ptr<const LogdirSnapshot> LogdirLoader::snapshot()
{
    auto snapshot = std::make_shared<LogdirSnapshot>();
    snapshot->discoveryProblems = m_discoveryProblems;
    snapshot->projector = m_projector;
    snapshot->lastReload = m_lastReload;
    for (auto& state : m_runs) {
        if (!state->lastSnapshot || state->lastSnapshot->generation != state->run.generation())
            state->lastSnapshot = snapshotOf(state->run, state->lastSnapshot.get());
        snapshot->totalEventFiles += state->files.size();
        snapshot->runs.push_back(state->lastSnapshot);
    }
    return snapshot;
}

} // namespace lantern::core
