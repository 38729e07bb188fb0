#include "core/remote/ssh_url.h"

#include <charconv>

namespace lantern::core {
namespace {
constexpr std::string_view kScheme = "ssh://";

std::optional<SshUrl> fail(std::string* error, std::string why)
{
    if (error)
        *error = std::move(why);
    return std::nullopt;
}
} // namespace

std::string SshUrl::origin() const
{
    std::string text(kScheme);
    if (!user.empty())
        text.append(user).append("@");
    const bool ipv6 = host.find(':') != std::string::npos; // a literal address, bracketed
    text.append(ipv6 ? "[" : "").append(host).append(ipv6 ? "]" : "");
    if (port)
        text.append(":").append(std::to_string(*port));
    return text;
}

bool isSshUrl(std::string_view text)
{
    return text.starts_with(kScheme);
}

std::optional<SshUrl> parseSshUrl(std::string_view text, std::string* error)
{
    if (!isSshUrl(text))
        return fail(error, "not an ssh:// URL");
    std::string_view rest = text.substr(kScheme.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos)
        return fail(error, "no path after the host (write ssh://host/path/to/logs)");
    std::string_view authority = rest.substr(0, slash);
    SshUrl url;
    url.path = std::string(rest.substr(slash));
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        url.user = std::string(authority.substr(0, at));
        authority.remove_prefix(at + 1);
        if (url.user.empty())
            return fail(error, "empty user name before '@'");
    }
    std::string_view portText;
    if (authority.starts_with('[')) { // [IPv6]:port
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos)
            return fail(error, "unclosed '[' in the host");
        url.host = std::string(authority.substr(1, close - 1));
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty() && !after.starts_with(':'))
            return fail(error, "unexpected text after ']'");
        if (!after.empty())
            portText = after.substr(1);
    } else if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
        url.host = std::string(authority.substr(0, colon));
        portText = authority.substr(colon + 1);
    } else {
        url.host = std::string(authority);
    }
    if (url.host.empty())
        return fail(error, "no host name");
    // A host or user starting with '-' would read as an option to any ssh tool we name in
    // messages; no real host is spelled so.
    if (url.host.starts_with('-') || url.user.starts_with('-'))
        return fail(error, "a host or user name cannot start with '-'");
    if (!portText.empty() || authority.ends_with(':')) {
        int port = 0;
        const auto [end, status]
            = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (status != std::errc() || end != portText.data() + portText.size() || port < 1
            || port > 65535)
            return fail(error, "the port must be a number from 1 to 65535");
        url.port = port;
    }
    return url;
}

} // namespace lantern::core
