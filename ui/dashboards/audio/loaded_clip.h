#pragma once
// One audio clip as a card shows it: the clip's stored bytes and label, read back through the
// DataReader, and its samples decoded from WAV — or why they cannot be.

#include "core/audio/wav_decoder.h"
#include "core/load/blob_reader.h"

#include <QString>

#include <memory>

namespace lantern::ui {

struct ClipRequest {
    core::BlobReference reference;
    std::uint32_t sample = 0; // which clip of the value

    // Names the clip: the record (file, offset, length), the value and the clip.
    QString key() const;
};

struct LoadedClip {
    QString key;
    core::AudioBlob blob; // the bytes as stored, label, rates as the record says
    std::shared_ptr<const core::WavAudio> audio; // null unless the bytes decoded
    // Why nothing can be shown (the record could not be read, no such clip), or why the bytes
    // cannot be played (not WAV): the card still shows the label then.
    QString error;

    bool hasAudio() const { return audio != nullptr; }
};

// The clip `request` names out of a value read back by core::readBlobs, decoded.
LoadedClip loadClip(const ClipRequest& request, const core::DecodedBlobs& blobs);

} // namespace lantern::ui
