#include "tests/support/audio_test_logdir.h"

#include "core/write/wav_encoder.h"

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace lantern::test {

core::EncodedAudio sineClip(int step, int frames)
{
    std::vector<float> samples(static_cast<std::size_t>(frames));
    const float amplitude = float(step + 1) / 10.0f;
    for (int i = 0; i < frames; ++i)
        samples[std::size_t(i)]
            = amplitude * float(std::sin(2 * std::numbers::pi * 440.0 * i / kClipRate));
    return {core::encodeWav(samples, 1, kClipRate), float(kClipRate), 1, frames,
        "**step " + std::to_string(step) + "**"};
}

void writeAudioLogdir(const std::filesystem::path& root)
{
    {
        core::EventFileWriter writer(root / "train");
        for (int step = 0; step <= 4; ++step) {
            const core::EncodedAudio clip = sineClip(step);
            writer.addAudio(
                "speech/sine", step, std::span(&clip, 1), core::SummaryStyle::Tf2, 1.7e9 + step);
        }
        std::vector<core::EncodedAudio> chord;
        for (int k = 0; k < 3; ++k) {
            const std::vector<float> samples(std::size_t(400 * (k + 1)), 0.25f * float(k + 1));
            chord.push_back({core::encodeWav(samples, k + 1, kClipRate), float(kClipRate), k + 1,
                400, "clip " + std::to_string(k + 1)});
        }
        writer.addAudio("music/chord", 1, chord, core::SummaryStyle::Tf2, 1.7e9);
    }
    core::EventFileWriter writer(root / "eval");
    for (int step = 0; step <= 2; step += 2) {
        const core::EncodedAudio clip = sineClip(step);
        writer.addAudio("speech/sine", step, std::span(&clip, 1), core::SummaryStyle::Tf1, 1.7e9);
    }
    const core::EncodedAudio mp3 {
        std::string("ID3\x03\x00\x00\x00\x00\x00\x00", 10) + "mpeg frames", 44100.0f, 2, 0,
        "not *WAV*"};
    writer.addAudio("other/mp3", 0, std::span(&mp3, 1), core::SummaryStyle::Tf2, 1.7e9);
}

} // namespace lantern::test
