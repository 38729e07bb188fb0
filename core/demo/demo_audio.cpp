// Short clips at 16 kHz, 16-bit: one second each keeps the demo small (32 KB a clip).

#include "core/demo/demo_audio.h"

#include "core/write/wav_encoder.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace lantern::core {
namespace {

constexpr int kRate = 16000;
constexpr double kTwoPi = 2 * std::numbers::pi;

// A soft start and end, so clips do not click.
float fade(int i, int frames)
{
    const int ramp = kRate / 100;
    return float(std::min({1.0, double(i) / ramp, double(frames - 1 - i) / ramp}));
}

// The losses as a glide of pitch over one second: the first loss at 880 Hz, pitch falling with
// the loss on a log scale down to 220 Hz at a hundredth of it.
EncodedAudio sonify(std::span<const float> losses)
{
    const int frames = kRate;
    const double first = std::max(1e-6, double(losses.front()));
    std::vector<float> samples(static_cast<std::size_t>(frames));
    double phase = 0;
    for (int i = 0; i < frames; ++i) {
        const auto at = std::size_t(double(i) / frames * double(losses.size()));
        const double ratio = std::clamp(double(losses[at]) / first, 0.01, 4.0);
        const double frequency = 880.0 * std::pow(2.0, std::log10(ratio));
        phase += kTwoPi * frequency / kRate;
        samples[std::size_t(i)] = 0.5f * fade(i, frames) * float(std::sin(phase));
    }
    return {encodeWav(samples, 1, kRate), float(kRate), 1, frames, {}};
}

// A stereo tone: `left` Hz in the left channel, `right` Hz in the right.
EncodedAudio tone(double left, double right, std::string label)
{
    const int frames = kRate / 2;
    std::vector<float> samples;
    samples.reserve(std::size_t(frames) * 2);
    for (int i = 0; i < frames; ++i) {
        const float gain = 0.4f * fade(i, frames);
        samples.push_back(gain * float(std::sin(kTwoPi * left * i / kRate)));
        samples.push_back(gain * float(std::sin(kTwoPi * right * i / kRate)));
    }
    return {encodeWav(samples, 2, kRate), float(kRate), 2, frames, std::move(label)};
}

} // namespace

void writeDemoAudio(
    EventFileWriter& writer, std::int64_t step, int steps, std::span<const float> losses)
{
    const int every = std::max(1, steps / kDemoAudioValues);
    if (losses.empty() || step % every != 0 || step / every > kDemoAudioValues)
        return;
    EncodedAudio sonified = sonify(losses);
    sonified.label = "The loss of steps 1–" + std::to_string(step)
        + " as pitch: **high notes, high loss**. A converging run glides down.";
    writer.addAudio("audio/loss_as_pitch", step, std::span(&sonified, 1));

    // A fifth and an octave above a root that rises each quarter: two clips in one value.
    const double root = 220.0 * std::pow(2.0, double(step / every - 1) / 4.0);
    const std::string quarter = "quarter " + std::to_string(step / every);
    const EncodedAudio tones[] = {
        tone(root, root * 1.5,
            "A fifth, " + quarter + ": *left* " + std::to_string(int(root)) + " Hz, *right* "
                + std::to_string(int(root * 1.5)) + " Hz"),
        tone(root, root * 2, "An octave, " + quarter),
    };
    writer.addAudio("audio/tones", step, tones);
}

} // namespace lantern::core
