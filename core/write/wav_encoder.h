#pragma once
// Encodes samples as a 16-bit PCM WAV file, so synthetic logs can carry real audio.

#include <span>
#include <string>

namespace lantern::core {

// `samples` are interleaved by channel, in [-1, 1] (clamped).
std::string encodeWav(std::span<const float> samples, int channels, int sampleRate);

} // namespace lantern::core
