#pragma once
// Loads one or more log directories into RunData, and on each reload reads only what is new:
// every event file continues from the offset of its last whole record.

#include "core/io/logdir_spec.h"
#include "core/store/run_data.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lantern::core {

struct LoadStatistics {
    std::uint64_t eventFiles = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t records = 0;
    std::uint64_t directoriesScanned = 0;
};

class LogdirLoader {
public:
    explicit LogdirLoader(std::vector<LogdirSpec> logdirs);
    ~LogdirLoader();

    // Scans for runs and files, then reads whatever was appended since the last call.
    LoadStatistics reload();

    // Runs in name order; a logdir given as NAME:PATH prefixes its runs with "NAME/".
    const std::vector<std::unique_ptr<RunData>>& runs() const { return m_runs; }
    const std::vector<LogdirSpec>& logdirs() const { return m_logdirs; }
    // Problems found while scanning directories (unreadable folders, symlink loops).
    const std::vector<std::string>& discoveryProblems() const { return m_discoveryProblems; }

private:
    struct RunState;
    RunState& runState(const std::string& name, const std::filesystem::path& directory);

    std::vector<LogdirSpec> m_logdirs;
    std::vector<std::unique_ptr<RunData>> m_runs;
    std::vector<std::unique_ptr<RunState>> m_states;
    std::vector<std::string> m_discoveryProblems;
};

} // namespace lantern::core
