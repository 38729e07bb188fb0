// libssh's asynchronous reads: sftp_async_read_begin sends a request at the handle's offset
// and advances it; sftp_async_read waits for that reply. Replies are taken in request order.
// A short reply (the end of the file for now) makes the requests after it meaningless: their
// replies are collected and dropped, so none is left queued in the session, and reading
// resumes from the first byte not received.

#include "core/remote/sftp_byte_source.h"

#include "core/remote/ssh_connection.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <libssh/sftp.h>

namespace lantern::core {
namespace {
// OpenSSH's sftp-server answers at most 64 KiB per read; 16 in flight keep 1 MiB moving.
// The window starts at one request and doubles with each full reply, so reading a file's first
// bytes does not fetch a megabyte; for one pass over a listed size it starts at what that needs.
constexpr std::uint32_t kRequestBytes = 64 * 1024;
constexpr std::size_t kMaxRequestsInFlight = 16;
} // namespace

SftpByteSource::SftpByteSource(std::shared_ptr<SshConnection> connection,
    const std::string& remotePath, std::uint64_t offset, std::uint64_t expectedBytes)
    : m_connection(std::move(connection))
    , m_window(std::size_t(
          std::clamp<std::uint64_t>(expectedBytes / kRequestBytes + 1, 1, kMaxRequestsInFlight)))
    , m_offset(offset)
    , m_onePass(expectedBytes > 0)
    , m_requestedTo(offset)
{
    if (m_onePass)
        m_listedEnd = offset + expectedBytes;
    const auto lock = m_connection->lock();
    ++m_connection->requests().filesOpened;
    m_file = sftp_open(m_connection->sftp(), remotePath.c_str(), O_RDONLY, 0);
    if (!m_file) {
        m_error = "cannot open: " + m_connection->lastError();
        return;
    }
    if (sftp_seek64(m_file, offset) != 0)
        fail("cannot seek: " + m_connection->lastError());
}

SftpByteSource::~SftpByteSource()
{
    if (!m_file)
        return;
    const auto lock = m_connection->lock();
    dropRequests(m_offset);
    if (m_file)
        sftp_close(m_file);
}

bool SftpByteSource::connectionLost() const
{
    const auto lock = m_connection->lock();
    return !m_connection->alive();
}

void SftpByteSource::fail(std::string why)
{
    m_error = std::move(why);
    m_requests.clear(); // the session is broken or the handle unusable: nothing to collect
    sftp_close(m_file);
    m_file = nullptr;
}

void SftpByteSource::requestMore()
{
    while (m_requests.size() < m_window) {
        if (m_listedEnd && m_requestedTo > *m_listedEnd)
            break; // the request that reaches past the listed end is out
        const int id = sftp_async_read_begin(m_file, kRequestBytes);
        if (id < 0) {
            fail("read error: " + m_connection->lastError());
            return;
        }
        m_requests.push_back(std::uint32_t(id));
        m_requestedTo += kRequestBytes;
    }
}

void SftpByteSource::dropRequests(std::uint64_t resumeAt)
{
    std::string scratch(kRequestBytes, '\0');
    while (m_file && !m_requests.empty()) {
        // A reply at end of file sets the handle's EOF flag, which makes libssh answer later
        // waits from the flag without taking their replies; seeking clears it.
        sftp_seek64(m_file, resumeAt);
        const int got = sftp_async_read(m_file, scratch.data(), kRequestBytes, m_requests.front());
        m_requests.pop_front();
        if (got < 0) {
            fail("read error: " + m_connection->lastError());
            return;
        }
    }
    if (m_file)
        sftp_seek64(m_file, resumeAt);
    m_requestedTo = resumeAt;
}

std::size_t SftpByteSource::read(char* buffer, std::size_t size)
{
    std::size_t copied = 0;
    const auto lock = m_connection->lock();
    while (copied < size && m_file) {
        if (m_bufferStart < m_buffer.size()) {
            const std::size_t n = std::min(size - copied, m_buffer.size() - m_bufferStart);
            std::memcpy(buffer + copied, m_buffer.data() + m_bufferStart, n);
            m_bufferStart += n;
            m_offset += n;
            copied += n;
            continue;
        }
        if (m_atEnd && (copied > 0 || m_onePass))
            break; // hand out what there is; look for appended bytes on the next call
        m_atEnd = false;
        requestMore();
        if (!m_file)
            break;
        if (m_requests.empty()) { // cannot happen: a reply past the listed end lifts the limit
            m_atEnd = true;
            break;
        }
        m_buffer.resize(kRequestBytes);
        m_bufferStart = 0;
        const int got = sftp_async_read(m_file, m_buffer.data(), kRequestBytes, m_requests.front());
        m_requests.pop_front();
        if (got < 0) {
            m_buffer.clear();
            fail("read error: " + m_connection->lastError());
            break;
        }
        m_buffer.resize(std::size_t(got));
        if (std::uint32_t(got) == kRequestBytes) {
            if (m_listedEnd && m_offset + kRequestBytes > *m_listedEnd)
                m_listedEnd.reset(); // the file grew since it was listed
            m_window = std::min(m_window * 2, kMaxRequestsInFlight);
        } else {
            // The end of the file for now: the later requests asked for bytes past it.
            dropRequests(m_offset + std::uint64_t(got));
            m_atEnd = true;
            if (got == 0)
                break;
        }
    }
    return copied;
}

} // namespace lantern::core
