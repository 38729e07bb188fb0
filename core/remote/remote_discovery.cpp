// Both listings produce the same flat entries (folders, and event files with size and
// modification time, relative to the log directory), grouped into runs as local discovery
// groups them: a run per folder that directly holds an event file, in name order.

#include "core/remote/remote_discovery.h"

#include "core/remote/remote_files.h"
#include "core/remote/shell_quote.h"
#include "core/remote/ssh_hosts.h"

#include <algorithm>
#include <charconv>
#include <libssh/sftp.h>
#include <map>
#include <memory>
#include <set>

namespace lantern::core {
namespace {

struct ListedFile {
    std::string relativePath; // "/"-separated, below the log directory
    std::uint64_t size = 0;
    std::filesystem::file_time_type modified {};
};

struct Listing {
    std::vector<ListedFile> files;
    std::vector<std::string> problems;
    std::size_t directories = 0;
    bool unreachable = false;
};

// "1701950000.123456789" (find's %T@) to a file time, exactly.
std::filesystem::file_time_type parseTimestamp(std::string_view text)
{
    std::int64_t seconds = 0, fraction = 0;
    const std::size_t dot = text.find('.');
    std::from_chars(text.data(), text.data() + std::min(dot, text.size()), seconds);
    if (dot != std::string_view::npos) {
        std::string digits(text.substr(dot + 1, 9));
        digits.resize(9, '0');
        std::from_chars(digits.data(), digits.data() + digits.size(), fraction);
    }
    return remoteFileTime(seconds, fraction);
}

std::string joined(std::string_view directory, std::string_view name)
{
    return directory.empty() ? std::string(name) : std::string(directory) + "/" + std::string(name);
}

// find's messages ("find: '/x/y': Permission denied") with the path as a URL, as local
// discovery reports "path: reason".
std::string findProblem(const SshUrl& logdir, std::string_view line)
{
    constexpr std::string_view prefix = "find: '";
    const std::size_t end = line.rfind("': ");
    if (line.starts_with(prefix) && end != std::string_view::npos && end > prefix.size())
        return logdir.origin() + std::string(line.substr(prefix.size(), end - prefix.size())) + ": "
            + std::string(line.substr(end + 3));
    return logdir.origin() + ": " + std::string(line.starts_with("find: ") ? line.substr(6) : line);
}

// One `find` listing every folder and event file, fields ended by NUL bytes (which no path
// can hold), then its messages as a last field, run on the connection's kept shell: an
// unchanged reload costs one script and one reply. nullopt when the host cannot run it (no
// POSIX shell or no GNU find).
std::optional<Listing> listWithFind(SshConnection& connection, const SshUrl& logdir)
{
    const std::string script = "{ lantern_errors=$(LC_ALL=C find -L " + shellQuote(logdir.path)
        + " \\( -type d -printf 'd\\0%P\\0' \\)"
          " -o \\( -type f -name '*tfevents*' -printf 'f\\0%P\\0%s\\0%T@\\0' \\)"
          " 2>&1 >&3 3>&- </dev/null); } 3>&1; printf 'e\\000%s\\000' \"$lantern_errors\"";
    const std::optional<std::string> output = connection.runInShell(script);
    if (!connection.alive()) { // dropped mid-listing: what arrived may be a part
        Listing lost;
        lost.unreachable = true;
        lost.problems.push_back(logdir.origin() + ": " + connection.lastError());
        return lost;
    }
    // The log directory itself comes first, as "d", then its empty relative path.
    if (!output || !output->starts_with(std::string_view("d\0\0", 3)))
        return std::nullopt;
    Listing listing;
    std::vector<std::string_view> fields;
    std::string_view rest = *output;
    while (!rest.empty()) {
        const std::size_t end = rest.find('\0');
        fields.push_back(rest.substr(0, end));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
    std::string_view errors;
    for (std::size_t i = 0; i < fields.size();) {
        if (fields[i] == "d" && i + 1 < fields.size()) {
            ++listing.directories;
            i += 2;
        } else if (fields[i] == "f" && i + 3 < fields.size()) {
            ListedFile file {std::string(fields[i + 1]), 0, parseTimestamp(fields[i + 3])};
            std::from_chars(
                fields[i + 2].data(), fields[i + 2].data() + fields[i + 2].size(), file.size);
            listing.files.push_back(std::move(file));
            i += 4;
        } else if (fields[i] == "e" && i + 1 < fields.size()) {
            errors = fields[i + 1];
            break;
        } else {
            return std::nullopt; // not find's output
        }
    }
    while (!errors.empty()) {
        const std::size_t end = errors.find('\n');
        if (const std::string_view line = errors.substr(0, end); !line.empty())
            listing.problems.push_back(findProblem(logdir, line));
        if (end == std::string_view::npos)
            break;
        errors.remove_prefix(end + 1);
    }
    return listing;
}

// Walks the folders one SFTP readdir at a time, following symbolic links but entering a
// folder (by its canonical path) only once.
struct SftpWalk {
    SshConnection& connection;
    const SshUrl& logdir;
    Listing listing;
    std::set<std::string> visited;

    void walk(const std::string& relative)
    {
        const std::string path = relative.empty() ? logdir.path : logdir.path + "/" + relative;
        const std::string url = logdir.origin() + path;
        char* canonical = sftp_canonicalize_path(connection.sftp(), path.c_str());
        if (!canonical) {
            listing.problems.push_back(url + ": " + connection.lastError());
            return;
        }
        const bool first = visited.insert(canonical).second;
        ssh_string_free_char(canonical);
        if (!first) {
            listing.problems.push_back(url + ": already scanned (symbolic link loop or alias)");
            return;
        }
        ++connection.requests().directoriesOpened;
        const RemoteFolder folder = readRemoteFolder(connection, path);
        if (!folder.opened) {
            listing.problems.push_back(url + ": " + folder.error);
            return;
        }
        ++listing.directories;
        std::vector<std::string> subdirectories;
        for (const RemoteFolderEntry& entry : folder.entries) {
            if (entry.directory)
                subdirectories.push_back(joined(relative, entry.name));
            else if (entry.regularFile && isEventFileName(entry.name))
                listing.files.push_back({joined(relative, entry.name), entry.size, entry.modified});
        }
        if (!folder.error.empty())
            listing.problems.push_back(url + ": " + folder.error);
        std::sort(subdirectories.begin(), subdirectories.end());
        for (const std::string& sub : subdirectories)
            walk(sub);
    }
};

DiscoveryResult groupIntoRuns(const SshUrl& logdir, Listing listing)
{
    DiscoveryResult result;
    result.problems = std::move(listing.problems);
    result.directoriesScanned = listing.directories;
    result.unreachable = listing.unreachable;
    if (listing.unreachable)
        return result;
    std::map<std::string, RunLocation> runs;
    const std::string root = logdir.text();
    for (ListedFile& file : listing.files) {
        const std::size_t slash = file.relativePath.rfind('/');
        const std::string folder
            = slash == std::string::npos ? std::string() : file.relativePath.substr(0, slash);
        const std::string fileName = file.relativePath.substr(slash + 1);
        if (!isEventFileName(fileName))
            continue;
        RunLocation& run = runs[folder.empty() ? "." : folder];
        if (run.name.empty()) {
            run.name = folder.empty() ? "." : folder;
            run.directory = folder.empty() ? root : root + "/" + folder;
        }
        run.eventFiles.push_back({root + "/" + file.relativePath, file.size, file.modified});
    }
    for (auto& [name, run] : runs) { // std::map: in name order
        std::sort(run.eventFiles.begin(), run.eventFiles.end(),
            [](const auto& a, const auto& b) { return a.path.filename() < b.path.filename(); });
        result.runs.push_back(std::move(run));
    }
    return result;
}

} // namespace

DiscoveryResult discoverRemoteRuns(const SshUrl& logdir)
{
    std::string error;
    const std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(logdir, error);
    if (!connection)
        return {{}, {error}, 0, true};
    std::optional<Listing> listing;
    {
        const auto lock = connection->lock();
        listing = listWithFind(*connection, logdir);
        if (!listing) {
            SftpWalk walk {*connection, logdir, {}, {}};
            walk.walk({});
            listing = std::move(walk.listing);
            listing->unreachable = !connection->alive();
        }
    }
    // Told (outside the connection's lock: the hosts' lock is taken before it) to whoever
    // shows the connection's state.
    if (listing->unreachable)
        SshHosts::shared().reportUnreachable(logdir,
            listing->problems.empty() ? logdir.origin() + ": the connection was lost"
                                      : listing->problems.front());
    return groupIntoRuns(logdir, std::move(*listing));
}

std::string remoteLogdirError(const SshUrl& logdir)
{
    std::string error;
    const std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(logdir, error);
    if (!connection)
        return error;
    const auto lock = connection->lock();
    const SftpAttributes status = statRemote(*connection, logdir.path);
    if (!status)
        return connection->lastError();
    if (status->type != SSH_FILEXFER_TYPE_DIRECTORY)
        return "Not a directory";
    if (const RemoteFolder folder = readRemoteFolder(*connection, logdir.path, 0); !folder.opened)
        return folder.error;
    return {};
}

} // namespace lantern::core
