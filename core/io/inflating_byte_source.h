#pragma once
// Decompresses a GZIP or ZLIB stream (TFRecord files written with compression) as it is read,
// without holding the whole file in memory.

#include "core/io/byte_source.h"

#include <memory>
#include <vector>

namespace lantern::core {

class InflatingByteSource final : public ByteSource {
public:
    explicit InflatingByteSource(std::unique_ptr<ByteSource> compressed);
    ~InflatingByteSource() override;

    std::size_t read(char* buffer, std::size_t size) override;
    const std::string& error() const override;
    // Why the compressed bytes could not be read (an I/O failure, a lost connection), as
    // opposed to error(), which also tells of corrupt compressed data.
    const std::string& compressedError() const { return m_compressed->error(); }
    bool connectionLost() const override { return m_compressed->connectionLost(); }

private:
    struct Stream;
    std::unique_ptr<ByteSource> m_compressed;
    std::unique_ptr<Stream> m_stream;
    std::vector<char> m_input;
    std::string m_error;
};

} // namespace lantern::core
