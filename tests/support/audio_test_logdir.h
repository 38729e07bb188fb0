#pragma once
// The log directory the Audio tab's tests load, written with our EventFileWriter: clips whose
// samples say which step and clip they are, so a test can check what a card decoded.
//
// "train": speech/sine at steps 0–4 (TF2, labelled "**step N**"), each a 440 Hz sine of
// amplitude (N + 1) / 10, mono, 8 kHz, 0.25 s; music/chord at step 1, three clips in one value
// (clip k has k + 1 channels, labelled "clip k+1"). "eval": speech/sine at steps 0 and 2 (TF1),
// and other/mp3, bytes that are not WAV.

#include "core/write/event_file_writer.h"

#include <filesystem>

namespace lantern::test {

inline constexpr int kClipRate = 8000;
inline constexpr int kClipFrames = 2000;

// The clip of speech/sine at `step`, lasting `frames` frames.
core::EncodedAudio sineClip(int step, int frames = kClipFrames);
void writeAudioLogdir(const std::filesystem::path& root);

} // namespace lantern::test
