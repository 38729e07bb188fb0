// On-demand images and audio: the store keeps only where each value lies, and blob_reader.h
// reads it back. Written with our EventFileWriter in both summary styles, plain and
// compressed, then compared byte for byte; a store whose size does not follow image size;
// clear errors for files that vanished, shrank or changed; hostile lengths; real corpus PNGs.

#include "core/events/blob_decoder.h"
#include "core/io/crc32c.h"
#include "core/io/little_endian.h"
#include "core/io/path_text.h"
#include "core/io/record_fetcher.h"
#include "core/load/blob_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "core/write/wav_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <random>
#include <type_traits>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

Q_DECLARE_METATYPE(lantern::core::SummaryStyle)
Q_DECLARE_METATYPE(lantern::core::RecordCompression)

// An entry holds a location, never the bytes: nothing in it can own memory.
static_assert(std::is_trivially_copyable_v<BlobEntry>);

namespace {

EventFileWriterOptions compressed(RecordCompression compression)
{
    EventFileWriterOptions options;
    options.compression = compression;
    return options;
}

// A PNG of noise, so it does not compress: its size follows width × height.
EncodedImage noiseImage(int width, int height, unsigned seed)
{
    std::mt19937 random(seed);
    std::vector<std::uint8_t> pixels(std::size_t(width) * height * 3);
    for (std::uint8_t& pixel : pixels)
        pixel = std::uint8_t(random());
    return {width, height, 3, encodePng(width, height, 3, pixels)};
}

EncodedAudio toneClip(int sampleRate, int channels, float frequency, std::string label)
{
    const int frames = sampleRate / 10;
    std::vector<float> samples;
    for (int i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            samples.push_back(0.5f * std::sin(6.2831853f * frequency * float(i) / sampleRate));
    return {encodeWav(samples, channels, sampleRate), float(sampleRate), channels, frames,
        std::move(label)};
}

std::shared_ptr<const LogdirSnapshot> load(const fs::path& logdir)
{
    LogdirLoader loader({{"", logdir}});
    loader.reload();
    return loader.snapshot();
}

// Heap bytes the store holds for a run, apart from the fixed size of its entries.
std::size_t storedPayloadBytes(const RunData& run)
{
    std::size_t bytes = 0;
    for (const auto& [tag, data] : run.tags) {
        bytes += tag.size() + data.metadata->pluginContent.size()
            + data.metadata->displayName.size() + data.metadata->description.size()
            + data.scalars().residentBytes();
        const auto tensors = data.tensors().snapshot();
        for (std::size_t i = 0; i < tensors.size(); ++i)
            for (const std::string& text : tensors[i].strings)
                bytes += text.size();
        bytes += data.blobs().size() * sizeof(BlobEntry);
    }
    return bytes;
}

} // namespace

class TestBlobReader : public QObject {
    Q_OBJECT
private slots:
    void imagesReadBackExactly_data()
    {
        QTest::addColumn<SummaryStyle>("style");
        QTest::addColumn<RecordCompression>("compression");
        for (const auto& [style, styleName] :
            {std::pair(SummaryStyle::Tf1, "tf1"), std::pair(SummaryStyle::Tf2, "tf2")})
            for (const auto& [compression, name] : {std::pair(RecordCompression::None, "plain"),
                     std::pair(RecordCompression::Gzip, "gzip"),
                     std::pair(RecordCompression::Zlib, "zlib")})
                QTest::addRow("%s-%s", styleName, name) << style << compression;
    }

    void imagesReadBackExactly()
    {
        QFETCH(SummaryStyle, style);
        QFETCH(RecordCompression, compression);
        QTemporaryDir temp;
        std::map<std::pair<std::string, std::int64_t>, std::vector<EncodedImage>> written;
        {
            EventFileWriter writer(
                pathFromText(temp.path().toStdString()) / "run", compressed(compression));
            for (std::int64_t step = 0; step < 4; ++step) {
                writer.addScalar("loss", step, 1.0f / float(step + 1));
                const std::vector<EncodedImage> images
                    = {noiseImage(5 + int(step), 3, unsigned(step)),
                        noiseImage(5 + int(step), 3, unsigned(step + 100))};
                writer.addImage("samples", step, images, style);
                if (style == SummaryStyle::Tf1) {
                    written[{"samples/image/0", step}] = {images[0]};
                    written[{"samples/image/1", step}] = {images[1]};
                } else {
                    written[{"samples", step}] = images;
                }
            }
            QVERIFY(writer.ok());
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunSnapshot& run = *snapshot->find("run");
        std::size_t checked = 0;
        for (const TagSnapshot& tag : run.tags) {
            if (tag.kind != ValueKind::Image)
                continue;
            for (std::size_t i = 0; i < tag.blobs.size(); ++i) {
                const DecodedBlobs blobs = readBlobs(blobReference(run, tag, i));
                QVERIFY2(blobs.ok(), blobs.error.c_str());
                const auto& expected = written.at({std::string(tag.tag), tag.blobs[i].step});
                QCOMPARE(blobs.images.size(), expected.size());
                QCOMPARE(std::size_t(tag.blobs[i].count), expected.size());
                for (std::size_t j = 0; j < expected.size(); ++j) {
                    QVERIFY(blobs.images[j].encoded == expected[j].bytes);
                    QCOMPARE(blobs.images[j].width, expected[j].width);
                    QCOMPARE(blobs.images[j].height, expected[j].height);
                    QCOMPARE(blobs.images[j].format, std::string("png"));
                    if (style == SummaryStyle::Tf1)
                        QCOMPARE(blobs.images[j].colorspace, 3);
                    ++checked;
                }
            }
        }
        QCOMPARE(checked, std::size_t(8));
    }

    void audioReadsBackExactly_data()
    {
        QTest::addColumn<SummaryStyle>("style");
        QTest::addColumn<RecordCompression>("compression");
        QTest::newRow("tf1-plain") << SummaryStyle::Tf1 << RecordCompression::None;
        QTest::newRow("tf2-plain") << SummaryStyle::Tf2 << RecordCompression::None;
        QTest::newRow("tf2-gzip") << SummaryStyle::Tf2 << RecordCompression::Gzip;
    }

    void audioReadsBackExactly()
    {
        QFETCH(SummaryStyle, style);
        QFETCH(RecordCompression, compression);
        QTemporaryDir temp;
        const EncodedAudio clip = toneClip(16000, 2, 440.0f, "**a** tone");
        {
            EventFileWriter writer(
                pathFromText(temp.path().toStdString()) / "run", compressed(compression));
            writer.addAudio("speech", 3, std::span(&clip, 1), style);
            QVERIFY(writer.ok());
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunSnapshot& run = *snapshot->find("run");
        const TagSnapshot* tag = run.find("speech");
        QVERIFY(tag);
        QCOMPARE(tag->kind, ValueKind::Audio);
        QCOMPARE(tag->blobs.size(), std::size_t(1));
        const DecodedBlobs blobs = readBlobs(blobReference(run, *tag, 0));
        QVERIFY2(blobs.ok(), blobs.error.c_str());
        QCOMPARE(blobs.clips.size(), std::size_t(1));
        const AudioBlob& read = blobs.clips[0];
        QVERIFY(read.encoded == clip.bytes);
        QCOMPARE(read.sampleRate, 16000.0); // TF2: read from the WAV header
        QCOMPARE(read.channels, 2);
        QCOMPARE(read.frames, clip.frames);
        QCOMPARE(read.contentType, std::string("audio/wav"));
        QCOMPARE(read.label, style == SummaryStyle::Tf2 ? clip.label : std::string());
    }

    // The store's size must not follow the images' size: it holds locations, not pixels.
    void storeSizeDoesNotFollowImageSize()
    {
        QTemporaryDir temp;
        const fs::path root(pathFromText(temp.path().toStdString()));
        std::uintmax_t fileBytes[2] = {};
        std::size_t storeBytes[2] = {};
        const int sides[2] = {4, 200};
        for (int which = 0; which < 2; ++which) {
            const fs::path logdir = root / std::to_string(which);
            {
                EventFileWriter writer(logdir / "run");
                for (std::int64_t step = 0; step < 10; ++step) {
                    const EncodedImage image
                        = noiseImage(sides[which], sides[which], unsigned(step));
                    writer.addImage("big", step, std::span(&image, 1), SummaryStyle::Tf2);
                    writer.addImage("tf1", step, std::span(&image, 1), SummaryStyle::Tf1);
                }
                fileBytes[which] = fs::file_size(writer.path());
            }
            LogdirLoader loader({{"", logdir}});
            loader.reload();
            storeBytes[which] = storedPayloadBytes(*loader.runs().at(0));
            // Read one back so the comparison is not between two empty stores.
            const auto snapshot = loader.snapshot();
            const RunSnapshot& run = *snapshot->runs.at(0);
            QCOMPARE(run.find("big")->blobs.size(), std::size_t(10));
            const DecodedBlobs last = readBlobs(blobReference(run, *run.find("big"), 9));
            QVERIFY2(last.ok(), last.error.c_str());
            QCOMPARE(last.images.at(0).width, sides[which]);
        }
        QVERIFY(fileBytes[1] > 1000 * fileBytes[0] / 10); // 2500 times the pixels
        QCOMPARE(storeBytes[1], storeBytes[0]);
    }

    // One fetcher for a series of reads keeps a compressed file's stream open: in offset order
    // every decompressed byte is skipped at most once; reading backwards starts again, right.
    void compressedReadsContinueForward()
    {
        QTemporaryDir temp;
        std::vector<EncodedImage> written;
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run",
                compressed(RecordCompression::Gzip));
            for (std::int64_t step = 0; step < 12; ++step) {
                written.push_back(noiseImage(20, 20, unsigned(step)));
                writer.addImage("frames", step, std::span(&written.back(), 1));
            }
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunSnapshot& run = *snapshot->find("run");
        const TagSnapshot& tag = *run.find("frames");
        QCOMPARE(tag.blobs.size(), written.size());
        RecordFetcher fetcher;
        for (std::size_t i = 0; i < tag.blobs.size(); ++i) {
            const DecodedBlobs blobs = readBlobs(blobReference(run, tag, i), &fetcher);
            QVERIFY2(blobs.ok(), blobs.error.c_str());
            QVERIFY(blobs.images.at(0).encoded == written[i].bytes);
        }
        // Everything before the last record was skipped exactly once, the records themselves
        // were read, not skipped.
        std::uint64_t recordBytes = 0;
        for (std::size_t i = 0; i < tag.blobs.size(); ++i)
            recordBytes += tag.blobs[i].location.length + 16;
        QCOMPARE(fetcher.skippedBytes() + recordBytes,
            tag.blobs.back().location.offset + tag.blobs.back().location.length + 16);

        const std::uint64_t before = fetcher.skippedBytes();
        const DecodedBlobs first = readBlobs(blobReference(run, tag, 0), &fetcher);
        QVERIFY2(first.ok(), first.error.c_str());
        QVERIFY(first.images.at(0).encoded == written[0].bytes);
        QCOMPARE(fetcher.skippedBytes() - before, tag.blobs[0].location.offset);
    }

    void missingOrChangedFilesGiveErrors()
    {
        QTemporaryDir temp;
        const fs::path logdir(pathFromText(temp.path().toStdString()));
        fs::path file;
        {
            EventFileWriter writer(logdir / "run");
            const EncodedImage image = noiseImage(16, 16, 1);
            writer.addImage("picture", 1, std::span(&image, 1), SummaryStyle::Tf1);
            file = writer.path();
        }
        const auto snapshot = load(logdir);
        const RunSnapshot& run = *snapshot->find("run");
        const BlobReference reference = blobReference(run, *run.find("picture"), 0);
        QVERIFY(readBlobs(reference).ok());
        const std::string original = [&] {
            std::ifstream in(file, std::ios::binary);
            return std::string(std::istreambuf_iterator<char>(in), {});
        }();

        // A byte of the image flipped: the data checksum fails.
        std::string flipped = original;
        flipped[reference.location.offset + 12 + reference.location.length / 2] ^= 0x40;
        writeBytes(file, flipped);
        DecodedBlobs result = readBlobs(reference);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.find("checksum") != std::string::npos, result.error.c_str());
        QVERIFY(result.error.find(pathText(file)) != std::string::npos);

        // Cut short in the middle of the record.
        writeBytes(file, original.substr(0, reference.location.offset + 20));
        result = readBlobs(reference);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.find("beyond the end") != std::string::npos, result.error.c_str());

        // Rewritten with other content: no record header where the image was.
        writeBytes(file, std::string(original.size(), 'x'));
        QVERIFY(!readBlobs(reference).ok());

        // An offset past the end, and another length than the record's.
        writeBytes(file, original);
        BlobReference beyond = reference;
        beyond.location.offset = original.size() + 100;
        QVERIFY(!readBlobs(beyond).ok());
        BlobReference otherLength = reference;
        otherLength.location.length -= 1;
        result = readBlobs(otherLength);
        QVERIFY2(result.error.find("the file changed") != std::string::npos, result.error.c_str());
        BlobReference otherTag = reference;
        otherTag.tag = "another";
        QVERIFY(!readBlobs(otherTag).ok());

        // Gone.
        fs::remove(file);
        result = readBlobs(reference);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.find("cannot read") != std::string::npos, result.error.c_str());
    }

    // A record whose image field claims 4 GiB must fail to decode, not try to allocate it; a
    // header claiming 2 GiB at a stored location must fail on the file size first.
    void hostileLengthsAllocateNothing()
    {
        // Event{summary{value{tag "x", image{encoded_image_string: <4 GiB claimed>}}}}
        std::string image = "\x22"; // field 4, length-delimited
        image += "\x80\x80\x80\x80\x10"; // varint 2^32
        image += "png";
        std::string value = "\x0a\x01x\x22" + std::string(1, char(image.size())) + image;
        std::string summary = "\x0a" + std::string(1, char(value.size())) + value;
        const std::string record = "\x2a" + std::string(1, char(summary.size())) + summary;
        const DecodedBlobs blobs = decodeBlobs(record, {0, "x", ValueKind::Image});
        QVERIFY(!blobs.ok());
        QVERIFY(blobs.images.empty());

        QTemporaryDir temp;
        const fs::path file = pathFromText(temp.path().toStdString()) / "events.out.tfevents.1.x";
        // A valid header (its length checksum matches) claiming 2 GiB - 1, then 100 bytes.
        std::string header(12, '\0');
        const std::uint64_t claimed = (std::uint64_t(1) << 31) - 1;
        storeLittleEndian64(header.data(), claimed);
        storeLittleEndian32(header.data() + 8, maskCrc(crc32c(header.data(), 8)));
        writeBytes(file, header + std::string(100, 'z'));
        const FetchedRecord fetched = fetchRecord(file, 0, std::uint32_t(claimed));
        QVERIFY(!fetched.ok());
        QVERIFY(fetched.data.empty());
        QVERIFY(!fetchRecord(file, 0, 0xFFFFFFFFu).ok());
    }

    void wavHeadersAreReadWithinBounds()
    {
        const std::string wav = toneClip(8000, 1, 100.0f, {}).bytes;
        const auto format = wavFormat(wav);
        QVERIFY(format);
        QCOMPARE(format->sampleRate, 8000u);
        QCOMPARE(format->channels, 1);
        QCOMPARE(format->frames, std::int64_t(800));
        // A data chunk claiming more than is there counts what is there.
        std::string cut = wav.substr(0, 44 + 200);
        QCOMPARE(wavFormat(cut)->frames, std::int64_t(100));
        for (std::size_t size = 0; size < 44; ++size)
            wavFormat(wav.substr(0, size)); // never reads past the end (ASan checks)
        QVERIFY(!wavFormat("RIFF....WAVE"));
        QVERIFY(!wavFormat("not a wav file at all"));
        // An odd-sized last chunk without its pad byte: the walk ends there (found by
        // fuzzing, where it went past the end and threw).
        std::string odd = wav.substr(0, 36) + "LIST" + std::string("\x01\0\0\0", 4) + "x";
        QCOMPARE(wavFormat(odd)->sampleRate, 8000u);
    }

    // Real tensorboardX and torch images (TF1 Summary.Image): every one reads back, and the
    // size the writer recorded is the size in the PNG's own header.
    void corpusImagesReadBack()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        std::size_t checked = 0;
        for (const char* name :
            {"d04_tensorboardx_1x_2018_legacy", "d01_tensorboardx_tutorial_mixed_with_torch",
                "c01_torch_tutorial_images_graph_embedding", "d05_tensorboardx_1x_2018_runs_rnn"}) {
            const auto snapshot = load(*corpus / name);
            for (const auto& run : snapshot->runs) {
                for (const TagSnapshot& tag : run->tags) {
                    if (tag.kind != ValueKind::Image)
                        continue;
                    for (std::size_t i = 0; i < tag.blobs.size(); ++i) {
                        const DecodedBlobs blobs = readBlobs(blobReference(*run, tag, i));
                        QVERIFY2(blobs.ok(), blobs.error.c_str());
                        for (const ImageBlob& image : blobs.images) {
                            QCOMPARE(image.format, std::string("png"));
                            QVERIFY(image.encoded.size() > 24);
                            const auto bigEndian = [&](std::size_t at) {
                                std::uint32_t v = 0;
                                for (std::size_t k = 0; k < 4; ++k)
                                    v = v << 8 | std::uint8_t(image.encoded[at + k]);
                                return int(v);
                            };
                            QCOMPARE(image.width, bigEndian(16)); // IHDR width
                            QCOMPARE(image.height, bigEndian(20)); // IHDR height
                            ++checked;
                        }
                    }
                }
            }
        }
        QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestBlobReader)
#include "test_blob_reader.moc"
