#include "core/remote/remote_files.h"

#include "core/remote/ssh_connection.h"
#include "core/remote/ssh_hosts.h"

#include <libssh/sftp.h>

namespace lantern::core {
namespace {

struct FreeRemoteAttributes {
    void operator()(sftp_attributes attributes) const { sftp_attributes_free(attributes); }
};
using RemoteAttributes = std::unique_ptr<sftp_attributes_struct, FreeRemoteAttributes>;

std::filesystem::file_time_type remoteTime(std::uint32_t seconds)
{
    return std::chrono::file_clock::from_sys(
        std::chrono::sys_seconds(std::chrono::seconds(seconds)));
}

} // namespace

PathKind remotePathKind(const SshUrl& url)
{
    std::string error;
    const std::shared_ptr<SshConnection> connection = SshHosts::shared().connect(url, error);
    if (!connection)
        return PathKind::Missing;
    const auto lock = connection->lock();
    const RemoteAttributes status {sftp_stat(connection->sftp(), url.path.c_str())};
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
    sftp_dir folder = sftp_opendir(connection->sftp(), url.path.c_str());
    if (!folder)
        return entries;
    while (entries.size() < limit) {
        const RemoteAttributes entry {sftp_readdir(connection->sftp(), folder)};
        if (!entry)
            break;
        const std::string name = entry->name ? entry->name : "";
        if (name.empty() || name == "." || name == "..")
            continue;
        RemoteAttributes target;
        const sftp_attributes_struct* status = entry.get();
        if (entry->type == SSH_FILEXFER_TYPE_SYMLINK) { // as std::filesystem, follow it
            target.reset(sftp_stat(connection->sftp(), (url.path + "/" + name).c_str()));
            if (!target)
                continue;
            status = target.get();
        }
        entries.push_back(
            {name, status->type == SSH_FILEXFER_TYPE_REGULAR, remoteTime(status->mtime)});
    }
    sftp_closedir(folder);
    return entries;
}

} // namespace lantern::core
