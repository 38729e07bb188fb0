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
    bool connectionLost() const override { return m_compressed->connectionLost(); }

private:
    struct Stream;
    std::unique_ptr<ByteSource> m_compressed;
    std::unique_ptr<Stream> m_stream;
    std::vector<char> m_input;
    std::string m_error;
};

} // namespace lantern::core
