#pragma once
// Decodes the images or audio clips of one Summary.value out of a re-read Event record, in
// both styles FORMATS.md describes: TF1's Summary.Image / Summary.Audio, and TF2's string
// tensors ([w, h, encoded...] for images; [k, 2] rows of (encoded, label) for audio).

#include "core/events/decoded_event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct ImageBlob {
    std::string encoded; // PNG, JPEG or GIF bytes, exactly as written
    int width = 0;
    int height = 0;
    int colorspace = 0; // TF1: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA; 0 when not written
    std::string format; // "png", "jpeg", "gif" by the bytes' signature, or empty
};

struct AudioBlob {
    std::string encoded; // usually a WAV file
    double sampleRate = 0; // TF1's field, else read from the WAV header (0 when unknown)
    int channels = 0;
    std::int64_t frames = 0;
    std::string contentType;
    std::string label; // TF2: the clip's markdown label
};

struct DecodedBlobs {
    std::vector<ImageBlob> images;
    std::vector<AudioBlob> clips;
    std::string error;

    bool ok() const { return error.empty(); }
};

// Which value of a record to decode, and what the store knows about it, to check that the
// record still holds it.
struct BlobSelector {
    std::uint32_t valueIndex = 0;
    std::string_view tag;
    ValueKind kind = ValueKind::Image; // Image or Audio
};

DecodedBlobs decodeBlobs(std::string_view record, const BlobSelector& selector);

// The format of a WAV (RIFF "WAVE") file from its "fmt " and "data" chunks.
struct WavFormat {
    int channels = 0;
    std::uint32_t sampleRate = 0;
    std::int64_t frames = 0;
};
std::optional<WavFormat> wavFormat(std::string_view bytes);

// "png", "jpeg", "gif" or empty, from the first bytes.
std::string_view imageFormat(std::string_view bytes);

} // namespace lantern::core
