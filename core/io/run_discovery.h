#pragma once
// Finds the runs under a log directory: every directory that directly holds an event file.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct EventFileInfo {
    std::filesystem::path path;
    std::uint64_t size = 0;
    std::filesystem::file_time_type modified {};
};

struct RunLocation {
    std::string name; // path relative to the log directory, "/"-separated; "." for the root
    std::filesystem::path directory;
    std::vector<EventFileInfo> eventFiles; // in name order, which is start-time order
};

struct DiscoveryResult {
    std::vector<RunLocation> runs; // sorted by name
    std::vector<std::string> problems; // unreadable directories, symlink loops
    std::size_t directoriesScanned = 0;
    // The log directory's host could not be reached (ssh://): nothing is known about its runs,
    // which is not the same as their being gone.
    bool unreachable = false;
};

// Event files are named `*tfevents*`; TensorFlow's profiler leaves `*.profile-empty` markers.
bool isEventFileName(std::string_view fileName);

// Called with every entry the walk lists (files and folders), for whoever needs to know
// about more than event files without walking the folders again.
using DirectoryEntryVisitor = std::function<void(const std::filesystem::directory_entry&)>;

// Walks `logdir` recursively, following symbolic links but never a directory twice. An
// ssh:// URL is listed on its host (remote_discovery.h); `visit` sees local entries only.
DiscoveryResult discoverRuns(
    const std::filesystem::path& logdir, const DirectoryEntryVisitor& visit = {});

} // namespace lantern::core
