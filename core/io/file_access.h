#pragma once
// Where the loader's files are read from: the local disk, or a remote host over SFTP when the
// path is an ssh:// URL. Everything that reads event files goes through here, so discovery,
// incremental reads, checksums, decompression and on-demand reads work the same either way.

#include "core/io/byte_source.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lantern::core {

bool isRemotePath(const std::filesystem::path& path);

// A source reading `path` from `offset`; on failure it is empty and error() says why.
// `expectedBytes`: how many a listing saw there (0: unknown); a remote source asks for them
// all at once instead of starting with one request and doubling.
std::unique_ptr<ByteSource> openByteSource(
    const std::filesystem::path& path, std::uint64_t offset, std::uint64_t expectedBytes = 0);

struct FileStatus {
    std::uint64_t size = 0;
    std::filesystem::file_time_type modified {};
    std::string error; // empty when the file could be examined
    bool notFound = false; // the error is that nothing has that name
};
FileStatus fileStatus(const std::filesystem::path& path);

// Empty when `logdir` is a folder that can be listed; else the reason, for a person.
std::string logdirError(const std::filesystem::path& logdir);

// What a path names, following symbolic links; Missing also when it cannot be examined.
enum class PathKind { Missing, File, Directory, Other };
PathKind pathKind(const std::filesystem::path& path);
inline bool isRegularFile(const std::filesystem::path& path)
{
    return pathKind(path) == PathKind::File;
}

// One entry of a folder listing (symbolic links followed).
struct FolderEntry {
    std::string name;
    bool regularFile = false;
    std::filesystem::file_time_type modified {};
};
// At most `limit` entries of `folder`, in no particular order; empty when it cannot be listed.
std::vector<FolderEntry> listFolder(const std::filesystem::path& folder, std::size_t limit);

// Reads from `source` until `size` bytes or its end (for now); how many were read.
std::size_t readUpTo(ByteSource& source, char* buffer, std::size_t size);

// Up to `size` bytes of `path` from `offset`: fewer only where the file ends. nullopt with
// `error` set (the path and the reason) when it cannot be opened or read.
std::optional<std::string> readFileRange(const std::filesystem::path& path, std::uint64_t offset,
    std::uint64_t size, std::string& error);

// lexically_normal for both kinds of path: an ssh:// URL keeps its "//" and host.
std::filesystem::path normalPath(const std::filesystem::path& path);
// One spelling per file, to tell two paths to the same file: weakly_canonical locally (normal
// when that fails), normalPath remotely (the remote's links are not followed).
std::filesystem::path canonicalPath(const std::filesystem::path& path);
// An absolute path written in a file on the machine `beside` is on: itself locally, the URL on
// the same host remotely.
std::filesystem::path onMachineOf(
    const std::filesystem::path& beside, const std::filesystem::path& absolute);

} // namespace lantern::core
