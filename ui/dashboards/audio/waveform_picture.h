#pragma once
// What a waveform view draws for one time range of a clip, rendered into an image off the GUI
// thread: the min/max envelope of each channel in its own lane, or the spectrogram (time
// across, frequency up to half the sample rate upwards on a linear or log scale, loudness as
// colour).

#include "core/audio/wav_decoder.h"

#include <QColor>
#include <QImage>

namespace lantern::ui {

enum class WaveformMode { Waveform, Spectrogram, LogSpectrogram };

inline bool isSpectrogram(WaveformMode mode)
{
    return mode != WaveformMode::Waveform;
}

// The frames each spectrogram column transforms.
inline constexpr int kSpectrogramWindow = 1024;

struct WaveformRequest {
    std::shared_ptr<const core::WavAudio> audio;
    double beginSeconds = 0;
    double endSeconds = 0;
    QSize size; // in device pixels
    WaveformMode mode = WaveformMode::Waveform;
    QColor color; // the waveform's
};

struct WaveformPicture {
    QImage image;
    double beginSeconds = 0;
    double endSeconds = 0;
    WaveformMode mode = WaveformMode::Waveform;
};

// The decibels a spectrogram's colours span, from silent to full scale.
inline constexpr float kSpectrogramFloorDecibels = -100.0f;

WaveformPicture renderWaveform(const WaveformRequest& request);

// The spectrogram's colour for `decibels` (dark blue at the floor through red to pale yellow).
QColor spectrogramColor(float decibels);

} // namespace lantern::ui
