#pragma once
// A waveform as drawn: for each pixel column, the lowest and highest sample of one channel
// among the frames under it, so a clip of millions of frames draws as a few hundred lines.

#include <span>
#include <vector>

namespace lantern::core {

struct EnvelopeColumn {
    float min = 0;
    float max = 0;
    bool empty = true; // no frame of the clip lies under this column
};

// The frame range [beginFrame, endFrame) split into `columns` equal parts: column c covers the
// frames from floor(begin + c·w) up to, not including, floor(begin + (c + 1)·w), w being the
// range's width over `columns` — at least the one frame it starts in, so a range zoomed to
// fewer frames than columns still draws every frame. `interleaved` holds `channels` channels.
std::vector<EnvelopeColumn> waveformEnvelope(std::span<const float> interleaved, int channels,
    int channel, double beginFrame, double endFrame, int columns);

} // namespace lantern::core
