#include "core/load/projector_fingerprint.h"

#include "core/io/file_access.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <string_view>

namespace lantern::core {
namespace fs = std::filesystem;
namespace {

// FAT keeps times to 2 s; Linux file systems to a clock tick.
constexpr auto kTimeResolution = std::chrono::seconds(2);

// The files whose content decides what discovery finds (not only where it looks).
bool decidesDiscovery(const fs::path& path)
{
    const fs::path name = path.filename();
    return name == "projector_config.pbtxt" || name == "checkpoint" || name.extension() == ".index";
}

FileStamp stampOf(const fs::path& path)
{
    FileStamp stamp {.path = path};
    std::error_code code;
    stamp.modified = fs::last_write_time(path, code);
    if (code)
        return stamp;
    stamp.exists = true;
    stamp.size = fs::is_regular_file(path, code) ? fs::file_size(path, code) : 0;
    return stamp;
}

} // namespace

void ProjectorFingerprint::addEntry(const fs::directory_entry& entry)
{
    // The path as the system spells it: bytes here, UTF-16 on Windows.
    const fs::path::string_type& path = entry.path().native();
    names += std::hash<std::basic_string_view<fs::path::value_type>>()(path);
    ++entries;
    if (decidesDiscovery(entry.path()))
        stamps.push_back(stampOf(entry.path()));
}

void ProjectorFingerprint::addFolders(std::span<const ProjectorRunDirectory> runs,
    std::span<const std::pair<std::string, fs::path>> logdirs)
{
    for (const auto& [name, root] : logdirs) {
        folders.emplace_back(name, root);
        // A root's checkpoint may be named by the folder above it, which no walk lists.
        if (!isRemotePath(root))
            stamps.push_back(stampOf(root.parent_path() / "checkpoint"));
    }
    for (const ProjectorRunDirectory& run : runs)
        folders.emplace_back(run.run, run.directory);
    std::sort(stamps.begin(), stamps.end(),
        [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
}

bool ProjectorFingerprint::settledAt(fs::file_time_type now) const
{
    return std::all_of(stamps.begin(), stamps.end(), [now](const FileStamp& stamp) {
        return !stamp.exists || now - stamp.modified > kTimeResolution;
    });
}

} // namespace lantern::core
