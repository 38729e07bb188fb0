// A minimal PNG writer (RFC 2083): signature, IHDR, one zlib-compressed IDAT with filter type 0
// on every row, IEND. Enough for thumbnails in synthetic logs; no interlacing, no palettes.

#include "core/write/png_encoder.h"

#include <zlib.h>

namespace lantern::core {
namespace {

void appendBigEndian32(std::string& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xFFu));
}

// A chunk is length | type | data | CRC-32 (zlib's, over type and data).
void appendChunk(std::string& out, const char (&type)[5], const std::string& data)
{
    appendBigEndian32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t typeOffset = out.size();
    out.append(type, 4);
    out += data;
    const auto* checked = reinterpret_cast<const Bytef*>(out.data() + typeOffset);
    appendBigEndian32(out,
        static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), checked, uInt(4 + data.size()))));
}

} // namespace

std::string encodePng(int width, int height, int channels, std::span<const std::uint8_t> pixels)
{
    static constexpr std::uint8_t kColourType[] = {0, 0, 4, 2, 6}; // by channel count
    if (width <= 0 || height <= 0 || channels < 1 || channels > 4)
        return {};
    const std::size_t rowBytes = std::size_t(width) * std::size_t(channels);
    if (pixels.size() != rowBytes * std::size_t(height))
        return {};

    std::string header;
    appendBigEndian32(header, std::uint32_t(width));
    appendBigEndian32(header, std::uint32_t(height));
    header += {8, static_cast<char>(kColourType[channels]), 0, 0, 0}; // depth, colour, methods

    // Each row is preceded by its filter type; 0 (none) keeps the encoder trivial.
    std::string raw;
    raw.reserve((rowBytes + 1) * std::size_t(height));
    for (int row = 0; row < height; ++row) {
        raw.push_back('\0');
        raw.append(
            reinterpret_cast<const char*>(pixels.data()) + rowBytes * std::size_t(row), rowBytes);
    }
    uLongf compressedSize = compressBound(uLong(raw.size()));
    std::string compressed(compressedSize, '\0');
    if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &compressedSize,
            reinterpret_cast<const Bytef*>(raw.data()), uLong(raw.size()), Z_BEST_COMPRESSION)
        != Z_OK)
        return {};
    compressed.resize(compressedSize);

    std::string png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", {});
    return png;
}

} // namespace lantern::core
