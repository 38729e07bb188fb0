// RIFF layout: "RIFF", u32 size, "WAVE", then chunks of a 4-byte id, a u32 little-endian size
// and the body, padded to an even length. "fmt " holds the format tag (1 PCM, 3 IEEE float,
// 0xFFFE extensible: the real tag is then the first two bytes of the SubFormat GUID at offset
// 24), channels, sample rate, block align and bits per sample; "data" holds the frames.

#include "core/audio/wav_decoder.h"

#include "core/io/little_endian.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace lantern::core {
namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatFloat = 3;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;
// The GUID every WAVE_FORMAT_EXTENSIBLE SubFormat ends with, after its 2-byte format tag.
constexpr std::string_view kSubFormatTail(
    "\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 14);

std::uint16_t read16(std::string_view bytes, std::size_t at)
{
    return std::uint16_t(
        static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8);
}

struct FormatChunk {
    std::uint16_t tag = 0;
    int channels = 0;
    std::uint32_t sampleRate = 0;
    std::uint32_t blockAlign = 0;
    int bitsPerSample = 0;
};

// The format, or an error naming what is wrong with it.
std::optional<FormatChunk> readFormat(std::string_view body, std::string& error)
{
    if (body.size() < 16) {
        error = "the WAV format chunk is too short";
        return std::nullopt;
    }
    FormatChunk format;
    format.tag = read16(body, 0);
    format.channels = read16(body, 2);
    format.sampleRate = loadLittleEndian32(body.data() + 4);
    format.blockAlign = read16(body, 12);
    format.bitsPerSample = read16(body, 14);
    if (format.tag == kFormatExtensible) {
        if (body.size() < 40 || body.substr(26, 14) != kSubFormatTail) {
            error = "the WAV extensible format chunk is damaged";
            return std::nullopt;
        }
        format.tag = read16(body, 24);
    }
    if (format.tag != kFormatPcm && format.tag != kFormatFloat) {
        error = "WAV format " + std::to_string(format.tag) + " is not PCM or float";
        return std::nullopt;
    }
    const int bits = format.bitsPerSample;
    const bool supported = format.tag == kFormatPcm
        ? bits == 8 || bits == 16 || bits == 24 || bits == 32
        : bits == 32 || bits == 64;
    if (!supported) {
        error = std::to_string(bits) + "-bit " + (format.tag == kFormatPcm ? "PCM" : "float")
            + " WAV samples are not supported";
        return std::nullopt;
    }
    if (format.channels < 1 || format.channels > kMaxWavChannels) {
        error = "a WAV file of " + std::to_string(format.channels) + " channels";
        return std::nullopt;
    }
    if (format.sampleRate == 0) {
        error = "the WAV sample rate is 0";
        return std::nullopt;
    }
    if (format.blockAlign != std::uint32_t(format.channels * bits / 8)) {
        error = "the WAV block size does not match its channels and sample size";
        return std::nullopt;
    }
    return format;
}

float sampleAt(const char* p, const FormatChunk& format)
{
    const auto byte = [p](int i) { return std::uint32_t(static_cast<unsigned char>(p[i])); };
    if (format.tag == kFormatFloat) {
        double value = 0;
        if (format.bitsPerSample == 32) {
            float single;
            const std::uint32_t raw = loadLittleEndian32(p);
            std::memcpy(&single, &raw, 4);
            value = single;
        } else {
            const std::uint64_t raw = loadLittleEndian64(p);
            std::memcpy(&value, &raw, 8);
        }
        return std::isfinite(value) ? float(value) : 0.0f;
    }
    switch (format.bitsPerSample) {
    case 8: // unsigned, 128 is silence
        return (float(byte(0)) - 128.0f) / 128.0f;
    case 16:
        return float(std::int16_t(byte(0) | byte(1) << 8)) / 32768.0f;
    case 24: // sign-extended from the top byte
        return float(std::int32_t((byte(0) << 8 | byte(1) << 16 | byte(2) << 24)) >> 8)
            / 8388608.0f;
    default:
        return float(double(std::int32_t(loadLittleEndian32(p))) / 2147483648.0);
    }
}

} // namespace

DecodedWav decodeWav(std::string_view bytes)
{
    DecodedWav out;
    if (bytes.size() < 12 || !bytes.starts_with("RIFF") || bytes.substr(8, 4) != "WAVE") {
        out.error = "not a WAV file";
        return out;
    }
    std::optional<FormatChunk> format;
    std::string_view data;
    bool haveData = false;
    for (std::size_t at = 12; !(format && haveData) && bytes.size() - at >= 8;) {
        const std::string_view id = bytes.substr(at, 4);
        const std::uint64_t declared = loadLittleEndian32(bytes.data() + at + 4);
        const std::string_view rest = bytes.substr(at + 8);
        // A writer that streamed may leave the data size unset (0 or 0xFFFFFFFF): the data
        // then runs to the end of the file, as it does when a file was cut short.
        const std::string_view body
            = rest.substr(0, std::size_t(std::min<std::uint64_t>(declared, rest.size())));
        if (id == "fmt ") {
            format = readFormat(body, out.error);
            if (!format)
                return out;
        } else if (id == "data") {
            data = declared == 0 ? rest : body;
            haveData = true;
        }
        if (declared >= rest.size())
            break;
        at += 8 + std::size_t(declared) + (declared & 1);
        if (at > bytes.size())
            break;
    }
    if (!format) {
        out.error = "the WAV file has no format chunk";
        return out;
    }
    if (!haveData) {
        out.error = "the WAV file has no data chunk";
        return out;
    }
    WavAudio& audio = out.audio;
    audio.channels = format->channels;
    audio.sampleRate = format->sampleRate;
    audio.bitsPerSample = format->bitsPerSample;
    audio.isFloat = format->tag == kFormatFloat;
    const std::size_t frames = data.size() / format->blockAlign;
    const std::size_t sampleBytes = std::size_t(format->bitsPerSample / 8);
    // Never more samples than bytes: each takes at least one.
    audio.samples.resize(frames * std::size_t(format->channels));
    for (std::size_t i = 0; i < audio.samples.size(); ++i)
        audio.samples[i] = sampleAt(data.data() + i * sampleBytes, *format);
    return out;
}

} // namespace lantern::core
