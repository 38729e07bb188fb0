#pragma once
// Fixed-width little-endian loads and stores, as TFRecord framing and tensor bytes use.

#include <cstdint>
#include <cstring>

namespace lantern::core {

inline std::uint32_t loadLittleEndian32(const char* p)
{
    unsigned char b[4];
    std::memcpy(b, p, 4);
    return std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16
        | std::uint32_t(b[3]) << 24;
}

inline std::uint64_t loadLittleEndian64(const char* p)
{
    return std::uint64_t(loadLittleEndian32(p)) | std::uint64_t(loadLittleEndian32(p + 4)) << 32;
}

inline void storeLittleEndian32(char* p, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<char>((value >> (8 * i)) & 0xFFu);
}

inline void storeLittleEndian64(char* p, std::uint64_t value)
{
    storeLittleEndian32(p, static_cast<std::uint32_t>(value));
    storeLittleEndian32(p + 4, static_cast<std::uint32_t>(value >> 32));
}

} // namespace lantern::core
