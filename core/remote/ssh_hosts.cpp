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

void SshHosts::setHostKeyQuestion(HostKeyQuestion question)
{
    std::lock_guard guard(m_mutex);
    m_hostKeyQuestion = std::move(question);
}

void SshHosts::setHostKeyWarning(HostKeyWarning warning)
{
    std::lock_guard guard(m_mutex);
    m_hostKeyWarning = std::move(warning);
}

std::shared_ptr<SshConnection> SshHosts::connect(const SshUrl& url, std::string& error)
{
    // Held while connecting, so two threads asking at once open one connection, not two.
    std::lock_guard guard(m_mutex);
    const std::string key = url.origin();
    if (const auto it = m_connections.find(key); it != m_connections.end()) {
        const auto lock = it->second->lock();
        if (it->second->alive()) {
            m_unreachable.erase(key);
            return it->second;
        }
    }
    m_connections.erase(key);
    std::shared_ptr<SshConnection> connection
        = SshConnection::open(url, m_prompt, error, m_hostKeyQuestion, m_hostKeyWarning);
    if (connection) {
        m_connections.emplace(key, connection);
        m_unreachable.erase(key);
    } else {
        error = url.origin() + ": " + error;
        m_unreachable[key] = error;
    }
    return connection;
}

std::string SshHosts::unreachableReason(const SshUrl& url)
{
    std::lock_guard guard(m_mutex);
    const auto it = m_unreachable.find(url.origin());
    return it == m_unreachable.end() ? std::string() : it->second;
}

void SshHosts::reportUnreachable(const SshUrl& url, const std::string& reason)
{
    std::lock_guard guard(m_mutex);
    m_unreachable[url.origin()] = reason;
}

void SshHosts::closeAll()
{
    std::lock_guard guard(m_mutex);
    m_connections.clear();
    m_unreachable.clear();
}

} // namespace lantern::core
