#include "core/io/file_access.h"

#include "core/io/file_byte_source.h"
#include "core/io/path_text.h"
#include "core/remote/remote_discovery.h"
#include "core/remote/sftp_byte_source.h"
#include "core/remote/ssh_hosts.h"

#include <libssh/sftp.h>

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
        return status;
    }
    const std::optional<SshUrl> url = parseSshUrl(pathText(path), &status.error);
    if (!url)
        return status;
    std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(*url, status.error);
    if (!connection)
        return status;
    const auto lock = connection->lock();
    ++connection->requests().stats;
    sftp_attributes attributes = sftp_stat(connection->sftp(), url->path.c_str());
    if (!attributes) {
        status.error = connection->lastError();
        return status;
    }
    status.size = attributes->size;
    status.modified = std::chrono::file_clock::from_sys(
        std::chrono::sys_seconds(std::chrono::seconds(attributes->mtime)));
    sftp_attributes_free(attributes);
    return status;
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

} // namespace lantern::core
