#include "ui/dashboards/audio/waveform_picture.h"

#include "core/audio/spectrogram.h"
#include "core/audio/waveform_envelope.h"
#include "ui/dashboards/audio/frequency_scale.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace lantern::ui {
namespace {

void drawEnvelopes(const WaveformRequest& request, QImage& image)
{
    const core::WavAudio& audio = *request.audio;
    const int channels = audio.channels;
    const double rate = audio.sampleRate;
    QPainter painter(&image);
    const double laneHeight = double(image.height()) / channels;
    for (int channel = 0; channel < channels; ++channel) {
        const auto envelope = core::waveformEnvelope(audio.samples, channels, channel,
            request.beginSeconds * rate, request.endSeconds * rate, image.width());
        const double middle = laneHeight * (channel + 0.5);
        const double half = laneHeight / 2 - 1;
        painter.setPen(QColor(128, 128, 128, 90)); // the zero line
        painter.drawLine(QPointF(0, middle), QPointF(image.width(), middle));
        painter.setPen(request.color);
        for (int x = 0; x < int(envelope.size()); ++x) {
            const core::EnvelopeColumn& column = envelope[std::size_t(x)];
            if (column.empty)
                continue;
            const double top = middle - std::clamp(column.max, -1.0f, 1.0f) * half;
            const double bottom = middle - std::clamp(column.min, -1.0f, 1.0f) * half;
            painter.drawLine(QPointF(x + 0.5, top), QPointF(x + 0.5, std::max(bottom, top + 1)));
        }
    }
}

void drawSpectrogram(const WaveformRequest& request, QImage& image)
{
    const core::WavAudio& audio = *request.audio;
    const double rate = audio.sampleRate;
    const core::Spectrogram spectrogram = core::computeSpectrogram(audio.samples, audio.channels,
        request.beginSeconds * rate, request.endSeconds * rate, image.width(), kSpectrogramWindow);
    if (spectrogram.columns == 0)
        return;
    const FrequencyScale scale = FrequencyScale::of(
        rate, kSpectrogramWindow, request.mode == WaveformMode::LogSpectrogram);
    // Each row shows the loudest of the frequency bins whose centres it covers (a row never
    // misses a peak that falls between the bins another row would have picked), or the bin
    // nearest its middle when it is narrower than a bin (low rows of a log scale).
    const int height = image.height();
    const int bins = spectrogram.bins;
    const double binHertz = rate / kSpectrogramWindow;
    const auto binAt = [&](double hertz) { return hertz / binHertz; };
    for (int y = 0; y < height; ++y) {
        const double fromBottom = height - 1 - y;
        const double low = binAt(scale.hertzAt(fromBottom / height));
        const double high = binAt(scale.hertzAt((fromBottom + 1) / height));
        int first = int(std::ceil(low - 0.5));
        int last = int(std::ceil(high - 0.5)) - 1;
        if (last < first)
            first = last = int(std::lround((low + high) / 2));
        first = std::clamp(first, 0, bins - 1);
        last = std::clamp(last, first, bins - 1);
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < spectrogram.columns; ++x) {
            float loudest = spectrogram.floorDecibels;
            for (int bin = first; bin <= last; ++bin)
                loudest = std::max(loudest, spectrogram.at(x, bin));
            row[x] = spectrogramColor(loudest).rgb();
        }
    }
}

} // namespace

QColor spectrogramColor(float decibels)
{
    // Stops from silent to loud; linear between them.
    static constexpr std::array<std::array<int, 3>, 5> kStops
        = {{{10, 10, 40}, {70, 20, 120}, {190, 40, 90}, {250, 140, 40}, {255, 250, 190}}};
    const float t = std::clamp(1.0f - decibels / kSpectrogramFloorDecibels, 0.0f, 1.0f);
    const float scaled = t * float(kStops.size() - 1);
    const auto low = std::min(std::size_t(scaled), kStops.size() - 2);
    const float f = scaled - float(low);
    const auto mix = [&](int c) {
        return int(std::lround(
            kStops[low][std::size_t(c)] * (1 - f) + kStops[low + 1][std::size_t(c)] * f));
    };
    return QColor(mix(0), mix(1), mix(2));
}

WaveformPicture renderWaveform(const WaveformRequest& request)
{
    WaveformPicture picture;
    picture.beginSeconds = request.beginSeconds;
    picture.endSeconds = request.endSeconds;
    picture.mode = request.mode;
    if (!request.audio || request.size.isEmpty() || request.audio->channels <= 0)
        return picture;
    picture.image = QImage(request.size, QImage::Format_ARGB32_Premultiplied);
    picture.image.fill(Qt::transparent);
    if (request.mode == WaveformMode::Waveform)
        drawEnvelopes(request, picture.image);
    else
        drawSpectrogram(request, picture.image);
    return picture;
}

} // namespace lantern::ui
