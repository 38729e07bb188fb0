// RIFF/WAVE with one "fmt " chunk (PCM, format tag 1) and one "data" chunk, little-endian.

#include "core/write/wav_encoder.h"

#include "core/io/little_endian.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lantern::core {
namespace {

void append16(std::string& out, std::uint16_t value)
{
    out += char(value & 0xFF);
    out += char(value >> 8);
}

void append32(std::string& out, std::uint32_t value)
{
    char bytes[4];
    storeLittleEndian32(bytes, value);
    out.append(bytes, 4);
}

} // namespace

std::string encodeWav(std::span<const float> samples, int channels, int sampleRate)
{
    const auto dataBytes = std::uint32_t(samples.size() * 2);
    const auto blockAlign = std::uint16_t(channels * 2);
    std::string out = "RIFF";
    append32(out, 36 + dataBytes);
    out += "WAVEfmt ";
    append32(out, 16);
    append16(out, 1); // PCM
    append16(out, std::uint16_t(channels));
    append32(out, std::uint32_t(sampleRate));
    append32(out, std::uint32_t(sampleRate) * blockAlign);
    append16(out, blockAlign);
    append16(out, 16);
    out += "data";
    append32(out, dataBytes);
    for (const float sample : samples)
        append16(out,
            std::uint16_t(std::int16_t(std::lround(std::clamp(sample, -1.0f, 1.0f) * 32767.0f))));
    return out;
}

} // namespace lantern::core
