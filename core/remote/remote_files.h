#pragma once
// Looking at files and folders on a remote host over SFTP: the remote half of file_access.h,
// and the SFTP requests that remote discovery shares with it. Stats are counted in the
// connection's requests() (tests count round trips with them); a folder read is counted by
// the discovery walk that reads it.

#include "core/io/file_access.h"
#include "core/remote/ssh_url.h"

#include <cstdint>
#include <limits>
#include <memory>

struct sftp_attributes_struct;

namespace lantern::core {

class SshConnection;

FileStatus remoteFileStatus(const SshUrl& url);
PathKind remotePathKind(const SshUrl& url);
std::vector<FolderEntry> listRemoteFolder(const SshUrl& url, std::size_t limit);

// An SFTP modification time as a file time.
std::filesystem::file_time_type remoteFileTime(std::int64_t seconds, std::int64_t nanoseconds = 0);

// The rest is for a connection whose lock() the caller holds.
struct FreeSftpAttributes {
    void operator()(sftp_attributes_struct* attributes) const;
};
using SftpAttributes = std::unique_ptr<sftp_attributes_struct, FreeSftpAttributes>;
// What `path` is, symbolic links followed; null (connection.lastError() says why) when it
// cannot be examined.
SftpAttributes statRemote(SshConnection& connection, const std::string& path);

struct RemoteFolderEntry {
    std::string name;
    bool directory = false;
    bool regularFile = false;
    std::uint64_t size = 0;
    std::filesystem::file_time_type modified {};
};
struct RemoteFolder {
    bool opened = false;
    std::string error; // why it could not be opened, or not be read to its end
    std::vector<RemoteFolderEntry> entries;
};
// At most `limit` entries of the folder `path`, as std::filesystem lists a local one: "." and
// ".." left out, symbolic links followed, dangling ones left out.
RemoteFolder readRemoteFolder(SshConnection& connection, const std::string& path,
    std::size_t limit = std::numeric_limits<std::size_t>::max());

} // namespace lantern::core
