#include "core/audio/waveform_envelope.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lantern::core {

std::vector<EnvelopeColumn> waveformEnvelope(std::span<const float> interleaved, int channels,
    int channel, double beginFrame, double endFrame, int columns)
{
    std::vector<EnvelopeColumn> envelope(std::size_t(std::max(0, columns)));
    if (channels <= 0 || channel < 0 || channel >= channels || columns <= 0
        || !(endFrame > beginFrame))
        return envelope;
    const auto frames = std::int64_t(interleaved.size() / std::size_t(channels));
    const double width = (endFrame - beginFrame) / columns;
    for (int c = 0; c < columns; ++c) {
        const auto first = std::int64_t(std::floor(beginFrame + c * width));
        const auto last
            = std::max(first + 1, std::int64_t(std::floor(beginFrame + (c + 1) * width)));
        const std::int64_t from = std::max<std::int64_t>(first, 0);
        const std::int64_t to = std::min(last, frames);
        if (from >= to)
            continue;
        EnvelopeColumn& column = envelope[std::size_t(c)];
        column.empty = false;
        column.min = column.max = interleaved[std::size_t(from * channels + channel)];
        for (std::int64_t f = from + 1; f < to; ++f) {
            const float sample = interleaved[std::size_t(f * channels + channel)];
            column.min = std::min(column.min, sample);
            column.max = std::max(column.max, sample);
        }
    }
    return envelope;
}

} // namespace lantern::core
