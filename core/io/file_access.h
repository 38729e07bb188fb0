#pragma once
// Where the loader's files are read from: the local disk, or a remote host over SFTP when the
// path is an ssh:// URL. Everything that reads event files goes through here, so discovery,
// incremental reads, checksums, decompression and on-demand reads work the same either way.

#include "core/io/byte_source.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

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
};
FileStatus fileStatus(const std::filesystem::path& path);

// Empty when `logdir` is a folder that can be listed; else the reason, for a person.
std::string logdirError(const std::filesystem::path& logdir);

} // namespace lantern::core
