// Directory walking with std::filesystem and error codes throughout: a logdir can hold
// unreadable folders, dangling links and loops, and none of that may stop the scan.

#include "core/io/run_discovery.h"

#include "core/io/path_text.h"
#include "core/remote/remote_discovery.h"

#include <algorithm>
#include <set>

namespace fs = std::filesystem;

namespace lantern::core {
namespace {

std::string runName(const fs::path& logdir, const fs::path& directory)
{
    const fs::path relative = directory.lexically_relative(logdir);
    // UTF-8 on every system, with '/' between folders as TensorBoard names runs.
    const std::string name = genericPathText(relative);
    return name.empty() ? "." : name;
}

struct DirectoryWalker {
    fs::path logdir;
    const DirectoryEntryVisitor& visit;
    DiscoveryResult result;
    std::set<fs::path> visited; // canonical paths, so a symlink loop is entered once

    void walk(const fs::path& directory)
    {
        std::error_code error;
        const fs::path canonical = fs::canonical(directory, error);
        if (error) {
            result.problems.push_back(pathText(directory) + ": " + error.message());
            return;
        }
        if (!visited.insert(canonical).second) {
            if (directory != logdir)
                result.problems.push_back(
                    pathText(directory) + ": already scanned (symbolic link loop or alias)");
            return;
        }
        ++result.directoriesScanned;
        // An unreadable folder is reported with the system's reason, never passed over silently.
        fs::directory_iterator it(directory, error);
        if (error) {
            result.problems.push_back(pathText(directory) + ": " + error.message());
            return;
        }
        RunLocation run {runName(logdir, directory), directory, {}};
        std::vector<fs::path> subdirectories;
        for (; it != fs::directory_iterator(); it.increment(error)) {
            if (error)
                break;
            const fs::directory_entry& entry = *it;
            if (visit)
                visit(entry);
            std::error_code statError;
            const fs::file_status status = entry.status(statError);
            if (statError && statError != std::errc::no_such_file_or_directory) {
                // A folder listed without search permission: its entries cannot be examined.
                result.problems.push_back(pathText(entry.path()) + ": " + statError.message());
            } else if (fs::is_directory(status)) {
                subdirectories.push_back(entry.path());
            } else if (fs::is_regular_file(status)
                && isEventFileName(pathText(entry.path().filename()))) {
                run.eventFiles.push_back(
                    {entry.path(), entry.file_size(statError), entry.last_write_time(statError)});
            }
        }
        if (error)
            result.problems.push_back(pathText(directory) + ": " + error.message());
        if (!run.eventFiles.empty()) {
            std::sort(run.eventFiles.begin(), run.eventFiles.end(),
                [](const auto& a, const auto& b) { return a.path.filename() < b.path.filename(); });
            result.runs.push_back(std::move(run));
        }
        std::sort(subdirectories.begin(), subdirectories.end());
        for (const fs::path& sub : subdirectories)
            walk(sub);
    }
};

} // namespace

bool isEventFileName(std::string_view fileName)
{
    return fileName.find("tfevents") != std::string_view::npos
        && !fileName.ends_with(".profile-empty");
}

DiscoveryResult discoverRuns(const fs::path& logdir, const DirectoryEntryVisitor& visit)
{
    if (const std::string text = pathText(logdir); isSshUrl(text)) {
        std::string error;
        const std::optional<SshUrl> url = parseSshUrl(text, &error);
        return url ? discoverRemoteRuns(*url) : DiscoveryResult {{}, {text + ": " + error}, 0};
    }
    DirectoryWalker walker {logdir, visit, {}, {}};
    walker.walk(logdir);
    std::sort(walker.result.runs.begin(), walker.result.runs.end(),
        [](const auto& a, const auto& b) { return a.name < b.name; });
    return std::move(walker.result);
}

} // namespace lantern::core
