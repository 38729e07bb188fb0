#pragma once
// Looking at files and folders on a remote host over SFTP: the remote half of file_access.h.

#include "core/io/file_access.h"
#include "core/remote/ssh_url.h"

namespace lantern::core {

PathKind remotePathKind(const SshUrl& url);
std::vector<FolderEntry> listRemoteFolder(const SshUrl& url, std::size_t limit);

} // namespace lantern::core
