#include "core/remote/remote_files.h"

#include "core/remote/ssh_connection.h"
#include "core/remote/ssh_hosts.h"

#include <libssh/sftp.h>

namespace lantern::core {

void FreeSftpAttributes::operator()(sftp_attributes_struct* attributes) const
{
    sftp_attributes_free(attributes);
}

std::filesystem::file_time_type remoteFileTime(std::int64_t seconds, std::int64_t nanoseconds)
{
    const std::chrono::sys_time<std::chrono::nanoseconds> time {
        std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanoseconds)};
    return std::chrono::file_clock::from_sys(time);
}

SftpAttributes statRemote(SshConnection& connection, const std::string& path)
{
    ++connection.requests().stats;
    return SftpAttributes(sftp_stat(connection.sftp(), path.c_str()));
}

RemoteFolder readRemoteFolder(SshConnection& connection, const std::string& path, std::size_t limit)
{
    RemoteFolder folder;
    sftp_dir directory = sftp_opendir(connection.sftp(), path.c_str());
    if (!directory) {
        folder.error = connection.lastError();
        return folder;
    }
    folder.opened = true;
    while (folder.entries.size() < limit) {
        const SftpAttributes entry(sftp_readdir(connection.sftp(), directory));
        if (!entry) {
            if (!sftp_dir_eof(directory))
                folder.error = connection.lastError();
            break;
        }
        const std::string name = entry->name ? entry->name : "";
        if (name.empty() || name == "." || name == "..")
            continue;
        SftpAttributes target;
        const sftp_attributes_struct* status = entry.get();
        if (entry->type == SSH_FILEXFER_TYPE_SYMLINK) {
            target = statRemote(connection, path + "/" + name);
            if (!target)
                continue; // a dangling link, as locally
            status = target.get();
        }
        folder.entries.push_back({name, status->type == SSH_FILEXFER_TYPE_DIRECTORY,
            status->type == SSH_FILEXFER_TYPE_REGULAR, status->size, remoteFileTime(status->mtime)});
    }
    sftp_closedir(directory);
    return folder;
}

FileStatus remoteFileStatus(const SshUrl& url)
{
    FileStatus status;
    const std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(url, status.error);
    if (!connection)
        return status;
    const auto lock = connection->lock();
    const SftpAttributes attributes = statRemote(*connection, url.path);
    if (!attributes) {
        status.error = connection->lastError();
        status.notFound = sftp_get_error(connection->sftp()) == SSH_FX_NO_SUCH_FILE;
        return status;
    }
    status.size = attributes->size;
    status.modified = remoteFileTime(attributes->mtime);
    return status;
}

PathKind remotePathKind(const SshUrl& url)
{
    std::string error;
    const std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(url, error);
    if (!connection)
        return PathKind::Missing;
    const auto lock = connection->lock();
    const SftpAttributes status = statRemote(*connection, url.path);
    if (!status)
        return PathKind::Missing;
    if (status->type == SSH_FILEXFER_TYPE_REGULAR)
        return PathKind::File;
    return status->type == SSH_FILEXFER_TYPE_DIRECTORY ? PathKind::Directory : PathKind::Other;
}

std::vector<FolderEntry> listRemoteFolder(const SshUrl& url, std::size_t limit)
{
    std::vector<FolderEntry> entries;
    std::string error;
    const std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(url, error);
    if (!connection)
        return entries;
    const auto lock = connection->lock();
    for (RemoteFolderEntry& entry : readRemoteFolder(*connection, url.path, limit).entries)
        entries.push_back({std::move(entry.name), entry.regularFile, entry.modified});
    return entries;
}

} // namespace lantern::core
