#pragma once
// A spectrogram as drawn: for each pixel column, the magnitudes of the short-time Fourier
// transform of the clip around that column's time, in decibels relative to a full-scale sine.

#include <span>
#include <vector>

namespace lantern::core {

struct Spectrogram {
    int columns = 0;
    int bins = 0; // frequencies 0 … sampleRate / 2, evenly spaced
    float floorDecibels = -120; // silence and anything quieter
    std::vector<float> decibels; // columns × bins, column after column

    float at(int column, int bin) const
    {
        return decibels[std::size_t(column) * std::size_t(bins) + std::size_t(bin)];
    }
};

// The frame range [beginFrame, endFrame) in `columns` columns, each a Hann-windowed transform
// of `windowSize` frames (a power of two) of the channels' mean, centred on the column's
// middle; frames outside the clip count as silence.
Spectrogram computeSpectrogram(std::span<const float> interleaved, int channels, double beginFrame,
    double endFrame, int columns, int windowSize = 1024);

} // namespace lantern::core
