#pragma once
// Whether the projector's embeddings must be looked for again after a reload. Finding them
// reads configs and checkpoint indexes, so the loader does it only when this fingerprint
// changes. It is gathered during the walk for runs, at no extra directory listing: the names
// of every entry listed (a file appearing, going or renamed: a TSV or metadata file a config
// names, a checkpoint saved under a new step, a config where there was none), the size and
// modification time of every file that decides what is found (projector_config.pbtxt,
// `checkpoint` state files, *.index; rewrites in place), the `checkpoint` state file above
// each logdir root, and the folders searched.
//
// A file system keeps times coarsely (a few ms on Linux, seconds elsewhere): a file rewritten
// in the same tick as the look, at the same size, leaves its stamp as it was. So a fingerprint
// with a stamp that recent is not settled, and the loader does not trust it (as git treats
// racy index entries).

#include "core/projector/projector_discovery.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace lantern::core {

struct FileStamp {
    std::filesystem::path path;
    bool exists = false;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified {};
    bool operator==(const FileStamp&) const = default;
};

struct ProjectorFingerprint {
    // One entry listed by the walk (see discoverRuns' visitor), in any order.
    void addEntry(const std::filesystem::directory_entry& entry);
    // After the walk: the folders then searched, as given to discoverProjectorEmbeddings.
    void addFolders(std::span<const ProjectorRunDirectory> runs,
        std::span<const std::pair<std::string, std::filesystem::path>> logdirs);

    // Whether every stamp is older than `now` by more than a file system's time resolution.
    bool settledAt(std::filesystem::file_time_type now) const;
    bool operator==(const ProjectorFingerprint&) const = default;

    // The entries' paths, hashed and summed (so the order of the listing does not matter).
    std::uint64_t names = 0;
    std::uint64_t entries = 0;
    std::vector<FileStamp> stamps; // sorted by path once the folders are added
    std::vector<std::pair<std::string, std::filesystem::path>> folders; // run and folder
};

} // namespace lantern::core
