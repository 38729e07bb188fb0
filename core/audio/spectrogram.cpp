#include "core/audio/spectrogram.h"

#include "core/audio/fourier_transform.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <numbers>

namespace lantern::core {

Spectrogram computeSpectrogram(std::span<const float> interleaved, int channels, double beginFrame,
    double endFrame, int columns, int windowSize)
{
    Spectrogram out;
    const FourierTransform fourier(std::size_t(std::max(0, windowSize)));
    if (channels <= 0 || columns <= 0 || fourier.size() == 0 || !(endFrame > beginFrame))
        return out;
    const auto size = std::int64_t(fourier.size());
    out.columns = columns;
    out.bins = int(size / 2 + 1);
    out.decibels.resize(std::size_t(out.columns) * std::size_t(out.bins));

    std::vector<float> window(fourier.size());
    for (std::int64_t i = 0; i < size; ++i)
        window[std::size_t(i)]
            = float(0.5 - 0.5 * std::cos(2 * std::numbers::pi * double(i) / double(size)));
    // A full-scale sine through a Hann window peaks at N/4: that is 0 dB.
    const float reference = float(size) / 4.0f;
    const auto frames = std::int64_t(interleaved.size() / std::size_t(channels));
    const double width = (endFrame - beginFrame) / columns;
    std::vector<std::complex<float>> buffer(fourier.size());
    for (int c = 0; c < columns; ++c) {
        const auto start = std::int64_t(std::floor(beginFrame + (c + 0.5) * width)) - size / 2;
        for (std::int64_t i = 0; i < size; ++i) {
            const std::int64_t frame = start + i;
            float mean = 0;
            if (frame >= 0 && frame < frames) {
                for (int ch = 0; ch < channels; ++ch)
                    mean += interleaved[std::size_t(frame * channels + ch)];
                mean /= float(channels);
            }
            buffer[std::size_t(i)] = {mean * window[std::size_t(i)], 0.0f};
        }
        fourier.transform(buffer);
        for (int bin = 0; bin < out.bins; ++bin) {
            // A sine's amplitude splits between bin k and its mirror N − k; DC and the
            // Nyquist bin have no mirror.
            const bool unpaired = bin == 0 || bin == out.bins - 1;
            const float magnitude
                = std::abs(buffer[std::size_t(bin)]) / (unpaired ? 2.0f * reference : reference);
            const float decibels
                = magnitude > 0 ? 20.0f * std::log10(magnitude) : out.floorDecibels;
            out.decibels[std::size_t(c) * std::size_t(out.bins) + std::size_t(bin)]
                = std::max(out.floorDecibels, decibels);
        }
    }
    return out;
}

} // namespace lantern::core
