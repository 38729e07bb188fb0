#include "core/load/logdir_loader.h"

#include "core/io/run_discovery.h"
#include "core/load/event_file_state.h"

#include <algorithm>
#include <map>

namespace lantern::core {

struct LogdirLoader::RunState {
    RunData run;
    EventDecoder decoder;
    std::vector<std::unique_ptr<EventFileState>> files;
    std::shared_ptr<const RunSnapshot> lastSnapshot;

    RunState(std::string name, std::filesystem::path directory)
    {
        run.name = std::move(name);
        run.directory = std::move(directory);
    }

    EventFileState* find(const std::filesystem::path& path)
    {
        for (auto& state : files)
            if (state->path() == path)
                return state.get();
        return nullptr;
    }

    EventFileState& add(const std::filesystem::path& path)
    {
        run.files.push_back(path);
        files.push_back(std::make_unique<EventFileState>(
            path, static_cast<std::uint32_t>(run.files.size() - 1)));
        return *files.back();
    }

    // True when a file we read was replaced or removed: its data can only be undone by
    // reading the run again.
    bool needsRereading(const RunLocation& location) const
    {
        for (const auto& state : files) {
            const auto it = std::find_if(location.eventFiles.begin(), location.eventFiles.end(),
                [&](const EventFileInfo& f) { return f.path == state->path(); });
            if (it == location.eventFiles.end()
                || state->check(*it) == EventFileState::Change::Replaced)
                return true;
        }
        return false;
    }
};

const RunSnapshot* LogdirSnapshot::find(std::string_view run) const
{
    for (const auto& snapshot : runs)
        if (snapshot->name == run)
            return snapshot.get();
    return nullptr;
}

LogdirLoader::LogdirLoader(std::vector<LogdirSpec> logdirs)
    : m_logdirs(std::move(logdirs))
{
}

LogdirLoader::~LogdirLoader() = default;

LoadStatistics LogdirLoader::reload()
{
    LoadStatistics statistics;
    m_discoveryProblems.clear();
    std::map<std::string, std::unique_ptr<RunState>> previous;
    for (auto& state : m_runs)
        previous.emplace(state->run.name, std::move(state));
    std::map<std::string, std::unique_ptr<RunState>> current;

    for (const LogdirSpec& logdir : m_logdirs) {
        DiscoveryResult found = discoverRuns(logdir.path);
        statistics.directoriesScanned += found.directoriesScanned;
        m_discoveryProblems.insert(
            m_discoveryProblems.end(), found.problems.begin(), found.problems.end());
        for (const RunLocation& location : found.runs) {
            std::string name = location.name;
            if (!logdir.name.empty())
                name = location.name == "." ? logdir.name : logdir.name + "/" + location.name;
            if (current.contains(name))
                continue; // the same run reached through two logdir specs
            std::unique_ptr<RunState> state;
            if (auto it = previous.find(name); it != previous.end())
                state = std::move(it->second);
            if (!state || state->needsRereading(location))
                state = std::make_unique<RunState>(name, location.directory);
            ReadCounts counts;
            for (const EventFileInfo& info : location.eventFiles) {
                ++statistics.eventFiles;
                EventFileState* file = state->find(info.path);
                if (!file)
                    file = &state->add(info.path);
                else if (file->check(info) == EventFileState::Change::Unchanged)
                    continue;
                file->readNew(info, state->decoder, state->run, counts);
            }
            statistics.records += counts.records;
            statistics.fastPathRecords += counts.fastPathRecords;
            statistics.bytesRead += counts.bytes;
            current.emplace(std::move(name), std::move(state));
        }
    }
    m_runs.clear();
    for (auto& [name, state] : current) // std::map: already in name order
        m_runs.push_back(std::move(state));
    m_lastReload = statistics;
    return statistics;
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
    snapshot->lastReload = m_lastReload;
    for (auto& state : m_runs) {
        if (!state->lastSnapshot || state->lastSnapshot->generation != state->run.generation())
            state->lastSnapshot = snapshotOf(state->run);
        snapshot->totalEventFiles += state->files.size();
        snapshot->runs.push_back(state->lastSnapshot);
    }
    return snapshot;
}

} // namespace lantern::core
