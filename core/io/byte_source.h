#pragma once
// A stream of bytes that may grow: a file still being written, or its decompressed form.

#include <cstddef>
#include <cstdint>
#include <string>

namespace lantern::core {

class ByteSource {
public:
    virtual ~ByteSource() = default;

    // Copies up to `size` bytes into `buffer` and returns how many. Zero means nothing more is
    // available right now; a later call may return more once the writer appends.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;

    // Why the source stopped for good (an I/O or decompression failure); empty while healthy.
    virtual const std::string& error() const = 0;

    // If the next unread bytes are a hole (a sparse file's never-written bytes, which read as
    // zeros), passes over them without reading and returns how many; 0 when there is none or
    // the source cannot tell. Lets a scan through damage cross a huge hole at once.
    virtual std::uint64_t skipHole() { return 0; }

    // True once the connection a remote file is read through has dropped: this source can give
    // nothing more (a new one must be opened), though error() may not say so before a read.
    virtual bool connectionLost() const { return false; }
};

} // namespace lantern::core
