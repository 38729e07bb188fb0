#include "core/io/file_access.h"

#include "core/io/file_byte_source.h"
#include "core/io/path_text.h"
#include "core/remote/remote_discovery.h"
#include "core/remote/remote_files.h"
#include "core/remote/sftp_byte_source.h"
#include "core/remote/ssh_hosts.h"

namespace lantern::core {
namespace {

// A source that only reports why it could not be opened.
class FailedByteSource final : public ByteSource {
public:
    explicit FailedByteSource(std::string error)
        : m_error(std::move(error))
    {
    }
    std::size_t read(char*, std::size_t) override { return 0; }
    const std::string& error() const override { return m_error; }

private:
    std::string m_error;
};

} // namespace

bool isRemotePath(const std::filesystem::path& path)
{
    return isSshUrl(pathText(path));
}

std::unique_ptr<ByteSource> openByteSource(
    const std::filesystem::path& path, std::uint64_t offset, std::uint64_t expectedBytes)
{
    if (!isRemotePath(path))
        return std::make_unique<FileByteSource>(path, offset);
    std::string error;
    const std::optional<SshUrl> url = parseSshUrl(pathText(path), &error);
    if (!url)
        return std::make_unique<FailedByteSource>(error);
    std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(*url, error);
    if (!connection)
        return std::make_unique<FailedByteSource>("cannot open: " + error);
    return std::make_unique<SftpByteSource>(
        std::move(connection), url->path, offset, expectedBytes);
}

FileStatus fileStatus(const std::filesystem::path& path)
{
    FileStatus status;
    if (!isRemotePath(path)) {
        std::error_code error;
        status.size = std::filesystem::file_size(path, error);
        if (!error)
            status.modified = std::filesystem::last_write_time(path, error);
        if (error)
            status.error = error.message();
        status.notFound = error == std::errc::no_such_file_or_directory;
        return status;
    }
    const std::optional<SshUrl> url = parseSshUrl(pathText(path), &status.error);
    return url ? remoteFileStatus(*url) : status;
}

std::string logdirError(const std::filesystem::path& logdir)
{
    if (isRemotePath(logdir)) {
        std::string error;
        const std::optional<SshUrl> url = parseSshUrl(pathText(logdir), &error);
        return url ? remoteLogdirError(*url) : error;
    }
    std::error_code error; // not found, not a directory, or not allowed to list it
    const std::filesystem::directory_iterator listing(logdir, error);
    return error ? error.message() : std::string();
}

PathKind pathKind(const std::filesystem::path& path)
{
    if (isRemotePath(path)) {
        const std::optional<SshUrl> url = parseSshUrl(pathText(path));
        return url ? remotePathKind(*url) : PathKind::Missing;
    }
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status))
        return PathKind::Missing;
    if (std::filesystem::is_regular_file(status))
        return PathKind::File;
    return std::filesystem::is_directory(status) ? PathKind::Directory : PathKind::Other;
}

std::vector<FolderEntry> listFolder(const std::filesystem::path& folder, std::size_t limit)
{
    if (isRemotePath(folder)) {
        const std::optional<SshUrl> url = parseSshUrl(pathText(folder));
        return url ? listRemoteFolder(*url, limit) : std::vector<FolderEntry>();
    }
    std::vector<FolderEntry> entries;
    std::error_code error;
    for (std::filesystem::directory_iterator it(folder, error), end;
         !error && it != end && entries.size() < limit; it.increment(error)) {
        std::error_code ignored;
        const bool regular = it->is_regular_file(ignored);
        entries.push_back({pathText(it->path().filename()), regular,
            regular ? it->last_write_time(ignored) : std::filesystem::file_time_type()});
    }
    return entries;
}

std::size_t readUpTo(ByteSource& source, char* buffer, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const std::size_t got = source.read(buffer + done, size - done);
        if (got == 0)
            break;
        done += got;
    }
    return done;
}

std::optional<std::string> readFileRange(
    const std::filesystem::path& path, std::uint64_t offset, std::uint64_t size, std::string& error)
{
    const std::unique_ptr<ByteSource> source = openByteSource(path, offset);
    std::string bytes;
    if (source->error().empty()) {
        bytes.resize(std::size_t(size));
        bytes.resize(readUpTo(*source, bytes.data(), bytes.size()));
    }
    if (!source->error().empty()) {
        error = pathText(path) + ": " + source->error();
        return std::nullopt;
    }
    return bytes;
}

std::filesystem::path normalPath(const std::filesystem::path& path)
{
    if (!isRemotePath(path))
        return path.lexically_normal();
    const std::optional<SshUrl> url = parseSshUrl(pathText(path));
    if (!url)
        return path;
    return pathFromText(
        url->origin() + genericPathText(pathFromText(url->path).lexically_normal()));
}

std::filesystem::path canonicalPath(const std::filesystem::path& path)
{
    if (isRemotePath(path))
        return normalPath(path);
    std::error_code error;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
    return error ? path.lexically_normal() : canonical;
}

std::filesystem::path onMachineOf(
    const std::filesystem::path& beside, const std::filesystem::path& absolute)
{
    if (!isRemotePath(beside))
        return absolute;
    const std::optional<SshUrl> url = parseSshUrl(pathText(beside));
    return url ? pathFromText(url->origin() + genericPathText(absolute)) : absolute;
}

} // namespace lantern::core
