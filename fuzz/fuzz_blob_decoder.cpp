// The on-demand decoders on a fuzzed Event record: decodeBlobs (images and audio, TF1 and TF2
// styles, WAV headers) and decodeGraph (GraphDef, MetaGraphDef, Keras JSON, RunMetadata).
// Byte 0 picks the value index (bits 0-1), the blob kind (bit 2), the graph source (bits 3-4)
// and whether to pass the value's real tag (bit 5); the rest is the record.
// Checks: no crash, leak or runaway memory (a claimed 4 GiB image must not be allocated);
// decoded bytes never exceed the record; errors and results exclude each other. The WAV
// decoder runs on the whole input and on every clip decoded: never more samples than bytes,
// an error or samples (not both), and the waveform envelope stays within the samples' range.

#include "core/audio/wav_decoder.h"
#include "core/audio/waveform_envelope.h"
#include "core/events/blob_decoder.h"
#include "core/events/graph_decoder.h"

#include "event.pb.h"
#include "fuzz/fuzz_check.h"
#include "graph.pb.h"

#include <cstdio>
#include <cstdlib>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

void checkWavDecoding(std::string_view bytes)
{
    const DecodedWav decoded = decodeWav(bytes);
    const WavAudio& audio = decoded.audio;
    check(decoded.ok() || audio.samples.empty(), "WAV error with samples");
    check(audio.samples.size() <= bytes.size(), "more WAV samples than bytes");
    if (!decoded.ok() || audio.samples.empty())
        return;
    check(audio.channels >= 1 && audio.channels <= kMaxWavChannels && audio.sampleRate > 0,
        "WAV format out of range");
    check(audio.samples.size() % std::size_t(audio.channels) == 0, "a partial WAV frame");
    const auto envelope = waveformEnvelope(
        audio.samples, audio.channels, 0, -3.5, double(audio.frames()) + 2.25, 37);
    for (const EnvelopeColumn& column : envelope)
        check(column.empty
                || (column.min <= column.max && column.min >= -1.0f && column.max <= 1.0f)
                || audio.isFloat,
            "envelope outside the samples' range");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t control = data[0];
    const std::string_view record(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::uint32_t valueIndex = control & 3;

    // The tag the store would have recorded for this value, so decoding gets past the check.
    std::string tag = "x";
    if (control & 0x20) {
        lantern::pb::Event event;
        if (event.ParseFromArray(record.data(), int(record.size()))
            && valueIndex < std::uint32_t(event.summary().value_size())) {
            const auto& value = event.summary().value(int(valueIndex));
            tag = value.tag().empty() ? value.node_name() : value.tag();
        }
        if (event.has_tagged_run_metadata())
            tag = event.tagged_run_metadata().tag();
    }

    const ValueKind kind = control & 4 ? ValueKind::Audio : ValueKind::Image;
    const DecodedBlobs blobs = decodeBlobs(record, {valueIndex, tag, kind});
    check(blobs.ok() || (blobs.images.empty() && blobs.clips.empty()), "error with results");
    std::size_t decodedBytes = 0;
    for (const ImageBlob& image : blobs.images) {
        decodedBytes += image.encoded.size();
        check(image.width >= 0 && image.height >= 0, "negative TF2 image size");
    }
    for (const AudioBlob& clip : blobs.clips) {
        decodedBytes += clip.encoded.size() + clip.label.size();
        check(clip.frames >= 0 && clip.channels >= 0, "negative frames or channels");
    }
    check(decodedBytes <= record.size(), "decoded more bytes than the record holds");
    checkWavDecoding(record);
    for (const AudioBlob& clip : blobs.clips)
        checkWavDecoding(clip.encoded);
    if (const auto wav = wavFormat(record))
        check(wav->frames >= 0 && std::uint64_t(wav->frames) <= record.size(), "WAV frames");

    GraphReference reference;
    reference.source = GraphSource((control >> 3) & 3);
    reference.tag = tag;
    reference.valueIndex = valueIndex;
    const DecodedGraph graph = decodeGraph(record, reference);
    check(graph.ok() == (graph.graph != nullptr), "graph error and graph exclude each other");
    return 0;
}
