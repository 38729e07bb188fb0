// The Audio tab's work on one long clip (60 s, stereo, 44.1 kHz, 16-bit: 10.6 MB of WAV), at
// 1,600 pixel columns, beside baselines measured in the same run:
// - decoding the WAV vs. copying its bytes (memcpy, the floor of touching them once);
// - the waveform envelope of the whole clip vs. one plain pass summing the samples;
// - the spectrogram (1,600 windows of 1,024 frames) with our radix-2 transform vs. the same
//   columns through a plain O(N²) DFT, measured on 16 columns and scaled (it is that slow).

#include "core/audio/fourier_transform.h"
#include "core/audio/spectrogram.h"
#include "core/audio/wav_decoder.h"
#include "core/audio/waveform_envelope.h"
#include "core/write/wav_encoder.h"

#include <benchmark/benchmark.h>
#include <cmath>
#include <complex>
#include <cstring>
#include <numbers>
#include <random>

using namespace lantern::core;

namespace {

constexpr int kRate = 44100;
constexpr int kSeconds = 60;
constexpr int kColumns = 1600;
constexpr int kWindow = 1024;

const std::string& clip()
{
    static const std::string wav = [] {
        std::mt19937 random(1);
        std::normal_distribution<float> noise(0.0f, 0.05f);
        std::vector<float> samples(std::size_t(kRate) * kSeconds * 2);
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i]
                = 0.5f * float(std::sin(2 * std::numbers::pi * 440.0 * double(i / 2) / kRate))
                + noise(random);
        return encodeWav(samples, 2, kRate);
    }();
    return wav;
}

const WavAudio& decoded()
{
    static const WavAudio audio = decodeWav(clip()).audio;
    return audio;
}

void BM_DecodeWav(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(decodeWav(clip()).audio.samples.data());
    state.SetBytesProcessed(std::int64_t(clip().size()) * state.iterations());
}

void BM_BaselineCopyBytes(benchmark::State& state)
{
    std::vector<char> copy(clip().size());
    for (auto _ : state) {
        std::memcpy(copy.data(), clip().data(), copy.size());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(clip().size()) * state.iterations());
}

void BM_Envelope(benchmark::State& state)
{
    const WavAudio& audio = decoded();
    for (auto _ : state)
        for (int channel = 0; channel < 2; ++channel)
            benchmark::DoNotOptimize(
                waveformEnvelope(audio.samples, 2, channel, 0, double(audio.frames()), kColumns));
}

void BM_BaselineSumSamples(benchmark::State& state)
{
    const WavAudio& audio = decoded();
    for (auto _ : state) {
        float sum = 0;
        for (const float sample : audio.samples)
            sum += sample;
        benchmark::DoNotOptimize(sum);
    }
}

void BM_Spectrogram(benchmark::State& state)
{
    const WavAudio& audio = decoded();
    for (auto _ : state)
        benchmark::DoNotOptimize(
            computeSpectrogram(audio.samples, 2, 0, double(audio.frames()), kColumns, kWindow));
}

// The plain DFT of 16 columns' windows; its time × 100 is the baseline for 1,600 columns.
void BM_BaselinePlainDft16Columns(benchmark::State& state)
{
    const WavAudio& audio = decoded();
    std::vector<std::complex<float>> twiddles(kWindow);
    for (int k = 0; k < kWindow; ++k)
        twiddles[std::size_t(k)] = std::polar(1.0f, float(-2 * std::numbers::pi * k / kWindow));
    std::vector<float> window(kWindow);
    for (auto _ : state) {
        for (int c = 0; c < 16; ++c) {
            const std::size_t start = std::size_t(c) * std::size_t(audio.frames() / 16);
            for (int i = 0; i < kWindow; ++i)
                window[std::size_t(i)] = audio.samples[(start + std::size_t(i)) * 2];
            float total = 0;
            for (int k = 0; k <= kWindow / 2; ++k) {
                std::complex<float> sum;
                for (int n = 0; n < kWindow; ++n)
                    sum += window[std::size_t(n)] * twiddles[std::size_t(k * n % kWindow)];
                total += std::abs(sum);
            }
            benchmark::DoNotOptimize(total);
        }
    }
}

} // namespace

BENCHMARK(BM_DecodeWav)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaselineCopyBytes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Envelope)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaselineSumSamples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Spectrogram)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaselinePlainDft16Columns)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
