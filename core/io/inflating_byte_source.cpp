// zlib's inflate in streaming mode; windowBits 15 + 32 accepts both GZIP and ZLIB headers.

#include "core/io/inflating_byte_source.h"

#include <algorithm>
#include <limits>
#include <zlib.h>

namespace lantern::core {
namespace {
constexpr std::size_t kInputChunk = 256 * 1024;
constexpr int kAutoDetectGzipOrZlib = 15 + 32;
} // namespace

struct InflatingByteSource::Stream {
    z_stream z {};
    bool open = false;
};

InflatingByteSource::InflatingByteSource(std::unique_ptr<ByteSource> compressed)
    : m_compressed(std::move(compressed))
    , m_stream(std::make_unique<Stream>())
    , m_input(kInputChunk)
{
    if (inflateInit2(&m_stream->z, kAutoDetectGzipOrZlib) != Z_OK) {
        m_error = "cannot initialise zlib";
        return;
    }
    m_stream->open = true;
}

InflatingByteSource::~InflatingByteSource()
{
    if (m_stream->open)
        inflateEnd(&m_stream->z);
}

const std::string& InflatingByteSource::error() const
{
    return m_error.empty() ? m_compressed->error() : m_error;
}

std::size_t InflatingByteSource::read(char* buffer, std::size_t size)
{
    if (!m_stream->open || !m_error.empty())
        return 0;
    z_stream& z = m_stream->z;
    // zlib counts output in uInt: a larger request is served in part, never cut modulo 2^32.
    const std::size_t wanted = std::min<std::size_t>(size, std::numeric_limits<uInt>::max());
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = static_cast<uInt>(wanted);
    while (z.avail_out > 0) {
        if (z.avail_in == 0) {
            const std::size_t got = m_compressed->read(m_input.data(), m_input.size());
            if (got == 0)
                break; // wait for the writer to append more compressed bytes
            z.next_in = reinterpret_cast<Bytef*>(m_input.data());
            z.avail_in = static_cast<uInt>(got);
        }
        const int status = inflate(&z, Z_NO_FLUSH);
        if (status == Z_STREAM_END) {
            inflateReset(&z); // concatenated GZIP members continue the stream
        } else if (status == Z_BUF_ERROR) {
            continue; // needs more input; loop reads it or stops
        } else if (status != Z_OK) {
            m_error = std::string("decompression failed: ") + (z.msg ? z.msg : "corrupt data");
            break;
        }
    }
    return wanted - z.avail_out;
}

} // namespace lantern::core
