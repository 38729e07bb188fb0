#pragma once
// CRC-32C (Castagnoli), the checksum TFRecord framing uses, plus TensorFlow's masking.
// The fastest implementation the CPU offers is chosen once at run time.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace lantern::core {

// Continues a CRC-32C over more bytes: crc32c(a + b) == extendCrc32c(crc32c(a), b).
std::uint32_t extendCrc32c(std::uint32_t crc, const void* data, std::size_t size);

inline std::uint32_t crc32c(const void* data, std::size_t size)
{
    return extendCrc32c(0, data, size);
}

inline std::uint32_t crc32c(std::string_view bytes)
{
    return crc32c(bytes.data(), bytes.size());
}

// TFRecord stores masked CRCs so that a CRC of data that itself holds CRCs stays well mixed.
constexpr std::uint32_t kCrcMaskDelta = 0xA282EAD8u;

constexpr std::uint32_t maskCrc(std::uint32_t crc)
{
    return ((crc >> 15) | (crc << 17)) + kCrcMaskDelta;
}

constexpr std::uint32_t unmaskCrc(std::uint32_t masked)
{
    const std::uint32_t rotated = masked - kCrcMaskDelta;
    return (rotated >> 17) | (rotated << 15);
}

// Which implementation extendCrc32c uses on this CPU: "sse4.2", "armv8-crc" or "table".
std::string_view crc32cImplementation();

// The portable implementation, exposed so tests can check it against the hardware one.
std::uint32_t extendCrc32cPortable(std::uint32_t crc, const void* data, std::size_t size);

} // namespace lantern::core
