// Images and audio read back on demand. Parsing stays within the record's bytes: every
// length (protobuf fields, WAV chunks) is checked against what is really there, so a record
// claiming a 4 GiB image costs nothing beyond the record itself.

#include "core/events/blob_decoder.h"

#include "core/events/stored_value.h"
#include "core/events/tensor_values.h"
#include "core/io/little_endian.h"

#include "event.pb.h"

#include <algorithm>
#include <charconv>

namespace lantern::core {
namespace {

std::uint16_t loadLittleEndian16(const char* p)
{
    return std::uint16_t(static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[1]) << 8);
}

int parseDimension(const std::string& text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value >= 0 ? value : 0;
}

ImageBlob imageFrom(std::string encoded, int width, int height, int colorspace)
{
    ImageBlob image {std::move(encoded), width, height, colorspace, {}};
    image.format = imageFormat(image.encoded);
    return image;
}

AudioBlob audioFrom(std::string encoded, std::string label)
{
    AudioBlob clip;
    clip.encoded = std::move(encoded);
    clip.label = std::move(label);
    if (const auto wav = wavFormat(clip.encoded)) {
        clip.sampleRate = wav->sampleRate;
        clip.channels = wav->channels;
        clip.frames = wav->frames;
        clip.contentType = "audio/wav";
    }
    return clip;
}

void decodeImageTensor(const pb::TensorProto& tensor, DecodedBlobs& out)
{
    // [2 + n]: width, height (decimal text), then n encoded images.
    const auto& strings = tensor.string_val();
    if (tensor.dtype() != pb::DT_STRING || strings.size() < 2) {
        out.error = "the image tensor is not [width, height, images...] strings";
        return;
    }
    const int width = parseDimension(strings[0]);
    const int height = parseDimension(strings[1]);
    for (int i = 2; i < strings.size(); ++i)
        out.images.push_back(imageFrom(strings[i], width, height, 0));
}

void decodeAudioTensor(const pb::TensorProto& tensor, DecodedBlobs& out)
{
    if (tensor.dtype() != pb::DT_STRING) {
        out.error = "the audio tensor does not hold strings";
        return;
    }
    // [k, 2] rows of (encoded, label); older writers left out the labels ([k]).
    const std::vector<std::int64_t> shape = tensorShape(tensor);
    const bool labelled = shape.size() == 2 && shape[1] == 2;
    const auto& strings = tensor.string_val();
    for (int i = 0; i < strings.size(); i += labelled ? 2 : 1)
        out.clips.push_back(
            audioFrom(strings[i], labelled && i + 1 < strings.size() ? strings[i + 1] : ""));
}

} // namespace

std::string_view imageFormat(std::string_view bytes)
{
    if (bytes.starts_with("\x89PNG\r\n\x1a\n"))
        return "png";
    if (bytes.starts_with("\xFF\xD8\xFF"))
        return "jpeg";
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a"))
        return "gif";
    return {};
}

std::optional<WavFormat> wavFormat(std::string_view bytes)
{
    // RIFF header (12 bytes), then chunks: 4-byte id, u32 LE size, data padded to even size.
    if (bytes.size() < 12 || !bytes.starts_with("RIFF") || bytes.substr(8, 4) != "WAVE")
        return std::nullopt;
    WavFormat format;
    std::uint32_t blockAlign = 0;
    bool haveFormat = false;
    std::size_t at = 12;
    // `at` can pass the end when the last chunk is odd-sized and its pad byte is missing.
    while (at <= bytes.size() && bytes.size() - at >= 8) {
        const std::string_view id = bytes.substr(at, 4);
        const std::uint64_t size = loadLittleEndian32(bytes.data() + at + 4);
        const std::size_t body = at + 8;
        const std::uint64_t available = bytes.size() - body;
        if (id == "fmt " && size >= 16 && available >= 16) {
            format.channels = loadLittleEndian16(bytes.data() + body + 2);
            format.sampleRate = loadLittleEndian32(bytes.data() + body + 4);
            blockAlign = loadLittleEndian16(bytes.data() + body + 12);
            haveFormat = true;
        } else if (id == "data" && haveFormat && blockAlign > 0) {
            // A streaming writer may leave the size unset: count what is there.
            format.frames = std::int64_t(std::min(size, available) / blockAlign);
        }
        if (size > available)
            break;
        at = body + std::size_t(size) + (size & 1);
    }
    if (!haveFormat)
        return std::nullopt;
    return format;
}

DecodedBlobs decodeBlobs(std::string_view record, const BlobSelector& selector)
{
    DecodedBlobs out;
    pb::Event event;
    if (!event.ParseFromArray(record.data(), static_cast<int>(record.size()))) {
        out.error = "the record is not a valid Event";
        return out;
    }
    const pb::Summary::Value* found
        = storedSummaryValue(event, selector.valueIndex, selector.tag, out.error);
    if (!found)
        return out;
    const pb::Summary::Value& value = *found;
    if (selector.kind == ValueKind::Image) {
        if (value.has_image()) {
            const pb::Summary::Image& image = value.image();
            out.images.push_back(imageFrom(
                image.encoded_image_string(), image.width(), image.height(), image.colorspace()));
        } else if (value.has_tensor()) {
            decodeImageTensor(value.tensor(), out);
        } else {
            out.error = "the value holds no image";
        }
    } else if (selector.kind == ValueKind::Audio) {
        if (value.has_audio()) {
            const pb::Summary::Audio& audio = value.audio();
            AudioBlob clip = audioFrom(audio.encoded_audio_string(), {});
            // TF1's own fields win over what the WAV header says.
            clip.sampleRate = audio.sample_rate();
            if (audio.num_channels() > 0)
                clip.channels = int(audio.num_channels());
            if (audio.length_frames() > 0)
                clip.frames = audio.length_frames();
            if (!audio.content_type().empty())
                clip.contentType = audio.content_type();
            out.clips.push_back(std::move(clip));
        } else if (value.has_tensor()) {
            decodeAudioTensor(value.tensor(), out);
        } else {
            out.error = "the value holds no audio";
        }
    } else {
        out.error = "only images and audio are blobs";
    }
    return out;
}

} // namespace lantern::core
