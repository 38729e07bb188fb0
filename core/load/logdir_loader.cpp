#include "core/load/logdir_loader.h"

#include "core/io/run_discovery.h"
#include "core/load/event_file_state.h"

#include <algorithm>

namespace lantern::core {

struct LogdirLoader::RunState {
    RunData* run = nullptr;
    EventDecoder decoder;
    std::vector<std::unique_ptr<EventFileState>> files;

    EventFileState& file(const std::filesystem::path& path)
    {
        for (auto& state : files)
            if (state->path() == path)
                return *state;
        files.push_back(std::make_unique<EventFileState>(path));
        return *files.back();
    }
};

LogdirLoader::LogdirLoader(std::vector<LogdirSpec> logdirs)
    : m_logdirs(std::move(logdirs))
{
}

LogdirLoader::~LogdirLoader() = default;

LogdirLoader::RunState& LogdirLoader::runState(
    const std::string& name, const std::filesystem::path& directory)
{
    for (auto& state : m_states)
        if (state->run->name == name)
            return *state;
    auto run = std::make_unique<RunData>();
    run->name = name;
    run->directory = directory;
    auto state = std::make_unique<RunState>();
    state->run = run.get();
    m_runs.push_back(std::move(run));
    m_states.push_back(std::move(state));
    return *m_states.back();
}

LoadStatistics LogdirLoader::reload()
{
    LoadStatistics statistics;
    m_discoveryProblems.clear();
    for (const LogdirSpec& logdir : m_logdirs) {
        DiscoveryResult found = discoverRuns(logdir.path);
        statistics.directoriesScanned += found.directoriesScanned;
        m_discoveryProblems.insert(
            m_discoveryProblems.end(), found.problems.begin(), found.problems.end());
        for (const RunLocation& location : found.runs) {
            const std::string name = logdir.name.empty() ? location.name
                : location.name == "."                   ? logdir.name
                                                         : logdir.name + "/" + location.name;
            RunState& state = runState(name, location.directory);
            for (const EventFileInfo& info : location.eventFiles) {
                ++statistics.eventFiles;
                statistics.bytesRead
                    += state.file(info.path).readNew(state.decoder, *state.run, statistics.records);
            }
        }
    }
    std::sort(m_runs.begin(), m_runs.end(),
        [](const auto& a, const auto& b) { return a->name < b->name; });
    return statistics;
}

} // namespace lantern::core
