#include "core/remote/ssh_hosts.h"

namespace lantern::core {

SshHosts& SshHosts::shared()
{
    // Never destroyed: at exit OpenSSL may already be torn down, and closing a connection
    // then would crash. Call closeAll() to disconnect politely before returning from main.
    static SshHosts* hosts = new SshHosts;
    return *hosts;
}

void SshHosts::setPrompt(SshPrompt prompt)
{
    std::lock_guard guard(m_mutex);
    m_prompt = std::move(prompt);
}

std::shared_ptr<SshConnection> SshHosts::connect(const SshUrl& url, std::string& error)
{
    // Held while connecting, so two threads asking at once open one connection, not two.
    std::lock_guard guard(m_mutex);
    const std::string key = url.origin();
    if (const auto it = m_connections.find(key); it != m_connections.end()) {
        const auto lock = it->second->lock();
        if (it->second->alive())
            return it->second;
    }
    m_connections.erase(key);
    std::shared_ptr<SshConnection> connection = SshConnection::open(url, m_prompt, error);
    if (connection)
        m_connections.emplace(key, connection);
    else
        error = url.origin() + ": " + error;
    return connection;
}

void SshHosts::closeAll()
{
    std::lock_guard guard(m_mutex);
    m_connections.clear();
}

} // namespace lantern::core
