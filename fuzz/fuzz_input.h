#pragma once
// The input layout shared by the event-level fuzzers: a sequence of records, each a u16 LE
// length and that many bytes (the last record takes whatever is left). One input is one run,
// so per-tag state (plugin metadata, restart purges) carries across its records.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lantern::fuzz {

inline std::vector<std::string_view> splitRecords(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string_view> records;
    const char* p = reinterpret_cast<const char*>(data);
    const char* end = p + size;
    while (end - p >= 2) {
        const std::size_t length
            = static_cast<unsigned char>(p[0]) | std::size_t(static_cast<unsigned char>(p[1])) << 8;
        p += 2;
        const std::size_t take = std::min<std::size_t>(length, std::size_t(end - p));
        records.emplace_back(p, take);
        p += take;
    }
    return records;
}

} // namespace lantern::fuzz
