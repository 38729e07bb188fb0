#pragma once
// Remote log directories are named by URLs of the form ssh://[user@]host[:port]/path.

#include <optional>
#include <string>
#include <string_view>

namespace lantern::core {

struct SshUrl {
    std::string user; // empty: the user ~/.ssh/config or the login name gives
    std::string host; // a name, an address, or an alias of ~/.ssh/config
    std::optional<int> port; // unset: the port ~/.ssh/config gives, else 22
    std::string path; // absolute on the remote machine, exactly as written (no %-decoding)

    // "ssh://user@host:port" as written, without the path: the key of one connection.
    std::string origin() const;
    // The whole URL again, for messages and for paths below it.
    std::string text() const { return origin() + path; }
};

bool isSshUrl(std::string_view text);

// nullopt with `error` set when `text` is not a well-formed ssh:// URL.
std::optional<SshUrl> parseSshUrl(std::string_view text, std::string* error = nullptr);

} // namespace lantern::core
