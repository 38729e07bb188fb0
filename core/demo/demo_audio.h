#pragma once
// The demo's audio, so the Audio tab shows something real: the loss curve so far played as a
// pitch (high loss, high note), and a pair of tones per quarter of training.

#include "core/write/event_file_writer.h"

#include <span>

namespace lantern::core {

// How many audio values the demo writes per run: at each quarter of training.
inline constexpr int kDemoAudioValues = 4;

// Writes the clips for `step` (of `steps`) given the losses logged so far.
void writeDemoAudio(
    EventFileWriter& writer, std::int64_t step, int steps, std::span<const float> losses);

} // namespace lantern::core
