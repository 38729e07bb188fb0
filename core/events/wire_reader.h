#pragma once
// A minimal protobuf wire-format cursor for the scalar fast path: reads field keys, varints,
// fixed-width values and length-delimited slices without allocating. Every read is bounds
// checked; a malformed input makes ok() false and the caller falls back to libprotobuf.

#include "core/io/little_endian.h"

#include <cstdint>
#include <string_view>

namespace lantern::core {

enum class WireType : std::uint8_t { Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5 };

class WireReader {
public:
    explicit WireReader(std::string_view bytes)
        : m_p(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }

    bool ok() const { return m_ok; }

    // Reads a field key; returns false at the end of input or on error.
    bool nextField(std::uint32_t& field, WireType& type)
    {
        if (!m_ok || m_p == m_end)
            return false;
        const std::uint64_t key = varint();
        // libprotobuf rejects field number 0 and keys wider than 32 bits as malformed; so
        // must we, or a record it refuses would be read here (a zero byte after a valid
        // message would end it silently).
        if (key > 0xFFFFFFFFu || (key >> 3) == 0)
            fail();
        field = static_cast<std::uint32_t>(key >> 3);
        type = static_cast<WireType>(key & 7);
        return m_ok;
    }

    std::uint64_t varint()
    {
        // Keys, lengths and small numbers fit one byte: the common case first.
        if (m_p != m_end && (static_cast<unsigned char>(*m_p) & 0x80) == 0)
            return static_cast<unsigned char>(*m_p++);
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return fail();
            const auto byte = static_cast<unsigned char>(*m_p++);
            value |= std::uint64_t(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0)
                return value;
        }
        return fail();
    }

    std::uint32_t fixed32()
    {
        if (m_end - m_p < 4)
            return static_cast<std::uint32_t>(fail());
        const std::uint32_t value = loadLittleEndian32(m_p);
        m_p += 4;
        return value;
    }

    std::uint64_t fixed64()
    {
        if (m_end - m_p < 8)
            return fail();
        const std::uint64_t value = loadLittleEndian64(m_p);
        m_p += 8;
        return value;
    }

    std::string_view lengthDelimited()
    {
        const std::uint64_t length = varint();
        if (!m_ok || length > std::uint64_t(m_end - m_p)) {
            fail();
            return {};
        }
        const std::string_view slice(m_p, static_cast<std::size_t>(length));
        m_p += length;
        return slice;
    }

    // Skips a field's value of any supported wire type.
    void skip(WireType type)
    {
        switch (type) {
        case WireType::Varint:
            varint();
            break;
        case WireType::Fixed64:
            fixed64();
            break;
        case WireType::LengthDelimited:
            lengthDelimited();
            break;
        case WireType::Fixed32:
            fixed32();
            break;
        default:
            fail();
            break;
        }
    }

private:
    std::uint64_t fail()
    {
        m_ok = false;
        m_p = m_end;
        return 0;
    }

    const char* m_p;
    const char* m_end;
    bool m_ok = true;
};

} // namespace lantern::core
