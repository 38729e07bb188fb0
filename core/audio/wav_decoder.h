#pragma once
// Decodes the samples of a WAV (RIFF "WAVE") file: PCM of 8, 16, 24 or 32 bits, IEEE float of
// 32 or 64 bits, plain or WAVE_FORMAT_EXTENSIBLE, any channel count up to kMaxWavChannels. The
// bytes may come from anyone: every size is checked against what is really there, a short
// "data" chunk gives the whole frames it holds, and anything else is a clear error.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

inline constexpr int kMaxWavChannels = 8;

struct WavAudio {
    int channels = 0;
    std::uint32_t sampleRate = 0;
    int bitsPerSample = 0;
    bool isFloat = false;
    // Interleaved by channel, scaled to [-1, 1) (floats as written, non-finite ones as 0).
    std::vector<float> samples;

    std::int64_t frames() const
    {
        return channels > 0 ? std::int64_t(samples.size()) / channels : 0;
    }
    double seconds() const { return sampleRate > 0 ? double(frames()) / sampleRate : 0.0; }
};

struct DecodedWav {
    WavAudio audio;
    std::string error; // why the bytes cannot be decoded; empty on success

    bool ok() const { return error.empty(); }
};

DecodedWav decodeWav(std::string_view bytes);

} // namespace lantern::core
