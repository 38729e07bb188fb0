#pragma once
// Reads a remote file over SFTP from a given offset, and keeps reading what is appended, as
// FileByteSource does locally. Reads are pipelined: several requests are in flight at once, so
// throughput does not fall with the round-trip time.

#include "core/io/byte_source.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

struct sftp_file_struct;

namespace lantern::core {

class SshConnection;

class SftpByteSource final : public ByteSource {
public:
    // Opens `remotePath` on `connection` at `offset`; on failure error() says why.
    // `expectedBytes` > 0: a listing saw that many bytes there, and the source is for one pass
    // over them. The first requests then ask for them all at once (up to the window) and one
    // byte more, whose short reply tells the end in the same round trip; no request goes past
    // that unless a reply shows the file grew; and once the end was seen, reads give 0
    // without asking again.
    SftpByteSource(std::shared_ptr<SshConnection> connection, const std::string& remotePath,
        std::uint64_t offset, std::uint64_t expectedBytes = 0);
    ~SftpByteSource() override;

    std::size_t read(char* buffer, std::size_t size) override;
    const std::string& error() const override { return m_error; }
    bool connectionLost() const override;

private:
    void requestMore(); // caller holds the connection's lock
    // Waits for every request in flight, discards its data, and goes on from `resumeAt`.
    void dropRequests(std::uint64_t resumeAt);
    void fail(std::string why);

    std::shared_ptr<SshConnection> m_connection;
    sftp_file_struct* m_file = nullptr;
    std::string m_error;
    std::deque<std::uint32_t> m_requests; // ids in flight, in offset order
    std::size_t m_window = 1; // how many requests to keep in flight
    std::string m_buffer; // arrived, not yet handed out
    std::size_t m_bufferStart = 0;
    std::uint64_t m_offset = 0; // of the next byte handed out
    bool m_atEnd = false; // the last reply said end of file: ask again on the next read only
    bool m_onePass = false; // ... or never, when opened for one pass over a listed size
    std::optional<std::uint64_t> m_listedEnd; // where the listing saw the end, while no reply
                                              // went past it
    std::uint64_t m_requestedTo = 0; // where the next request starts
};

} // namespace lantern::core
