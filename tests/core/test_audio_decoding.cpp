// Audio in core: the WAV decoder on every sample format it accepts (bytes built here with
// known values), on hostile headers; the waveform envelope against a brute-force one; the
// Fourier transform against the plain DFT and the spectrogram on known tones; and clips as
// torch's add_audio writes them and as our writer writes them, loaded and decoded end to end.

#include "core/audio/fourier_transform.h"
#include "core/audio/spectrogram.h"
#include "core/audio/wav_decoder.h"
#include "core/audio/waveform_envelope.h"
#include "core/io/little_endian.h"
#include "core/io/path_text.h"
#include "core/load/blob_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/wav_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <complex>
#include <cstring>
#include <numbers>
#include <random>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

void put16(std::string& out, std::uint32_t value)
{
    out += char(value & 0xFF);
    out += char((value >> 8) & 0xFF);
}

void put32(std::string& out, std::uint32_t value)
{
    char bytes[4];
    storeLittleEndian32(bytes, value);
    out.append(bytes, 4);
}

constexpr std::uint16_t kPcm = 1;
constexpr std::uint16_t kFloat = 3;

// A WAV file with the given format and raw sample bytes; `extensible` wraps the format tag in
// a WAVE_FORMAT_EXTENSIBLE chunk, as writers do for 24-bit and multichannel files.
std::string wavFile(std::uint16_t tag, int channels, int bits, const std::string& data,
    bool extensible = false, std::uint32_t sampleRate = 8000)
{
    std::string format;
    put16(format, extensible ? 0xFFFE : tag);
    put16(format, std::uint32_t(channels));
    put32(format, sampleRate);
    put32(format, sampleRate * std::uint32_t(channels * bits / 8));
    put16(format, std::uint32_t(channels * bits / 8));
    put16(format, std::uint32_t(bits));
    if (extensible) {
        put16(format, 22); // cbSize
        put16(format, std::uint32_t(bits)); // valid bits
        put32(format, channels == 1 ? 4 : 3); // speaker mask
        put16(format, tag);
        format += std::string("\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 14);
    }
    std::string out = "RIFF";
    put32(out, std::uint32_t(4 + 8 + format.size() + 8 + data.size()));
    out += "WAVEfmt ";
    put32(out, std::uint32_t(format.size()));
    out += format;
    out += "data";
    put32(out, std::uint32_t(data.size()));
    return out + data;
}

// Little-endian bytes of each value, `bytes` wide.
std::string samplesOf(std::initializer_list<std::int64_t> values, int bytes)
{
    std::string out;
    for (const std::int64_t value : values)
        for (int i = 0; i < bytes; ++i)
            out += char((std::uint64_t(value) >> (8 * i)) & 0xFF);
    return out;
}

template <typename Float> std::string floatsOf(std::initializer_list<Float> values)
{
    std::string out;
    for (const Float value : values) {
        char bytes[sizeof(Float)];
        std::memcpy(bytes, &value, sizeof(Float)); // this machine is little-endian, as WAV
        out.append(bytes, sizeof(Float));
    }
    return out;
}

// The same five values in every format: silence, ±half scale, the largest, the most negative.
const std::vector<float> kExpected = {0.0f, 0.5f, -0.5f, 0.0f, -1.0f}; // [3] per format

std::vector<EnvelopeColumn> bruteForceEnvelope(const std::vector<float>& samples, int channels,
    int channel, double begin, double end, int columns)
{
    // Every frame against every column's bounds, as waveform_envelope.h defines them.
    std::vector<EnvelopeColumn> out(static_cast<std::size_t>(columns));
    const auto frames = std::int64_t(samples.size()) / channels;
    const double width = (end - begin) / columns;
    for (int c = 0; c < columns; ++c) {
        const double low = std::floor(begin + c * width);
        const double high = std::max(low + 1, std::floor(begin + (c + 1) * width));
        for (std::int64_t f = 0; f < frames; ++f) {
            if (double(f) < low || double(f) >= high)
                continue;
            const float s = samples[std::size_t(f * channels + channel)];
            EnvelopeColumn& column = out[std::size_t(c)];
            column.min = column.empty ? s : std::min(column.min, s);
            column.max = column.empty ? s : std::max(column.max, s);
            column.empty = false;
        }
    }
    return out;
}

// Protobuf wire format by hand, to write records exactly as Python's protobuf does.
std::string varint(std::uint64_t value)
{
    std::string out;
    for (; value >= 0x80; value >>= 7)
        out += char(value | 0x80);
    return out + char(value);
}
std::string field(int number, int wireType)
{
    return varint(std::uint64_t(number) << 3 | std::uint64_t(wireType));
}
std::string lengthDelimited(int number, const std::string& bytes)
{
    return field(number, 2) + varint(bytes.size()) + bytes;
}

// What Python's `wave` module writes for 16-bit mono frames: the 44-byte canonical header.
std::string pythonWave(const std::vector<std::int16_t>& frames, std::uint32_t sampleRate)
{
    std::string data;
    for (const std::int16_t frame : frames)
        put16(data, std::uint16_t(frame));
    return wavFile(kPcm, 1, 16, data, false, sampleRate);
}

std::shared_ptr<const LogdirSnapshot> load(const fs::path& logdir)
{
    LogdirLoader loader({{"", logdir}});
    loader.reload();
    return loader.snapshot();
}

} // namespace

class TestAudioDecoding : public QObject {
    Q_OBJECT
private slots:
    void everySampleFormat_data()
    {
        QTest::addColumn<QByteArray>("wav");
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("isFloat");
        QTest::addColumn<float>("largest");
        const auto row = [](const char* name, const std::string& wav, int bits, bool isFloat,
                             float largest) {
            QTest::newRow(name) << QByteArray::fromStdString(wav) << bits << isFloat << largest;
        };
        // 8-bit PCM is unsigned around 128.
        row("pcm8", wavFile(kPcm, 1, 8, samplesOf({128, 192, 64, 255, 0}, 1)), 8, false,
            127 / 128.0f);
        row("pcm16", wavFile(kPcm, 1, 16, samplesOf({0, 16384, -16384, 32767, -32768}, 2)), 16,
            false, 32767 / 32768.0f);
        const std::string pcm24 = samplesOf({0, 0x400000, -0x400000, 0x7FFFFF, -0x800000}, 3);
        row("pcm24", wavFile(kPcm, 1, 24, pcm24), 24, false, 8388607 / 8388608.0f);
        row("pcm32",
            wavFile(
                kPcm, 1, 32, samplesOf({0, 0x40000000, -0x40000000, 0x7FFFFFFF, -0x80000000LL}, 4)),
            32, false, float(2147483647 / 2147483648.0));
        row("float32", wavFile(kFloat, 1, 32, floatsOf<float>({0, 0.5f, -0.5f, 0.25f, -1})), 32,
            true, 0.25f);
        row("float64", wavFile(kFloat, 1, 64, floatsOf<double>({0, 0.5, -0.5, 0.25, -1})), 64, true,
            0.25f);
        row("extensible-pcm24", wavFile(kPcm, 1, 24, pcm24, true), 24, false, 8388607 / 8388608.0f);
        row("extensible-float32",
            wavFile(kFloat, 1, 32, floatsOf<float>({0, 0.5f, -0.5f, 0.25f, -1}), true), 32, true,
            0.25f);
    }

    void everySampleFormat()
    {
        QFETCH(QByteArray, wav);
        QFETCH(int, bits);
        QFETCH(bool, isFloat);
        QFETCH(float, largest);
        const DecodedWav decoded = decodeWav(wav.toStdString());
        QVERIFY2(decoded.ok(), decoded.error.c_str());
        const WavAudio& audio = decoded.audio;
        QCOMPARE(audio.channels, 1);
        QCOMPARE(audio.sampleRate, 8000u);
        QCOMPARE(audio.bitsPerSample, bits);
        QCOMPARE(audio.isFloat, isFloat);
        QCOMPARE(audio.frames(), std::int64_t(5));
        std::vector<float> expected = kExpected;
        expected[3] = largest;
        QCOMPARE(audio.samples, expected);
        QCOMPARE(audio.seconds(), 5 / 8000.0);
    }

    void stereoIsInterleaved()
    {
        // Left rises, right falls: frame i holds (i / 4, −i / 4) in 16 and 24 bits.
        const std::string pcm16 = samplesOf({0, 0, 8192, -8192, 16384, -16384}, 2);
        const std::string pcm24 = samplesOf({0, 0, 0x200000, -0x200000, 0x400000, -0x400000}, 3);
        for (const std::string& wav :
            {wavFile(kPcm, 2, 16, pcm16), wavFile(kPcm, 2, 24, pcm24, true)}) {
            const DecodedWav decoded = decodeWav(wav);
            QVERIFY2(decoded.ok(), decoded.error.c_str());
            QCOMPARE(decoded.audio.channels, 2);
            QCOMPARE(decoded.audio.frames(), std::int64_t(3));
            QCOMPARE(decoded.audio.samples,
                (std::vector<float> {0.0f, 0.0f, 0.25f, -0.25f, 0.5f, -0.5f}));
        }
    }

    void ourEncoderRoundTrips()
    {
        const std::vector<float> samples = {0.0f, 0.25f, -0.75f, 1.0f, -1.0f, 0.125f};
        const DecodedWav decoded = decodeWav(encodeWav(samples, 2, 22050));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.audio.sampleRate, 22050u);
        QCOMPARE(decoded.audio.frames(), std::int64_t(3));
        for (std::size_t i = 0; i < samples.size(); ++i)
            QVERIFY(std::abs(decoded.audio.samples[i] - samples[i]) < 1.0f / 16384);
    }

    void hostileHeaders_data()
    {
        QTest::addColumn<QByteArray>("wav");
        QTest::addColumn<QString>("error");
        const std::string data = samplesOf({1, 2, 3, 4}, 2);
        const auto row = [](const char* name, const std::string& wav, const char* error) {
            QTest::newRow(name) << QByteArray::fromStdString(wav) << QString::fromUtf8(error);
        };
        row("empty", "", "not a WAV file");
        row("mp3", "ID3\x03\x00\x00\x00\x00\x00\x00\x00\x00", "not a WAV file");
        row("adpcm", wavFile(2, 1, 4, data), "WAV format 2 is not PCM or float");
        row("12-bit", wavFile(kPcm, 1, 12, data), "12-bit PCM WAV samples are not supported");
        row("16-bit float", wavFile(kFloat, 1, 16, data), "16-bit float WAV samples");
        row("no channels", wavFile(kPcm, 0, 16, data), "a WAV file of 0 channels");
        row("65535 channels", wavFile(kPcm, 65535, 16, data), "a WAV file of 65535 channels");
        row("rate 0", wavFile(kPcm, 1, 16, data, false, 0), "the WAV sample rate is 0");
        std::string badAlign = wavFile(kPcm, 2, 16, data);
        badAlign[32] = 3; // block align 3 for two 16-bit channels
        row("block align", badAlign, "the WAV block size does not match");
        std::string badGuid = wavFile(kPcm, 1, 16, data, true);
        badGuid[20 + 26] = 'x';
        row("extensible guid", badGuid, "the WAV extensible format chunk is damaged");
        row("no format", std::string("RIFF\x0c\0\0\0WAVEdata\0\0\0\0", 20),
            "the WAV file has no format chunk");
        std::string noData = wavFile(kPcm, 1, 16, data);
        noData.resize(36);
        row("no data", noData, "the WAV file has no data chunk");
        std::string shortFormat = wavFile(kPcm, 1, 16, data);
        storeLittleEndian32(shortFormat.data() + 16, 8);
        row("short format", shortFormat, "the WAV format chunk is too short");
    }

    void hostileHeaders()
    {
        QFETCH(QByteArray, wav);
        QFETCH(QString, error);
        const DecodedWav decoded = decodeWav(wav.toStdString());
        QVERIFY(!decoded.ok());
        QVERIFY2(QString::fromStdString(decoded.error).startsWith(error), decoded.error.c_str());
        QVERIFY(decoded.audio.samples.empty());
    }

    void dataSizesAreNeverTrusted()
    {
        const std::string data = samplesOf({100, -100, 200, -200, 300}, 2);
        // Claims 4 GiB of data: only the five frames there are decoded.
        std::string huge = wavFile(kPcm, 1, 16, data);
        storeLittleEndian32(huge.data() + 40, 0xFFFFFFFF);
        DecodedWav decoded = decodeWav(huge);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.audio.frames(), std::int64_t(5));
        // Cut inside a stereo frame: the whole frames only.
        std::string cut = wavFile(kPcm, 2, 16, data + samplesOf({7}, 2));
        cut.resize(cut.size() - 3);
        decoded = decodeWav(cut);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.audio.frames(), std::int64_t(2));
        // A streaming writer's unset size (0): the data runs to the end of the file.
        std::string streamed = wavFile(kPcm, 1, 16, data);
        storeLittleEndian32(streamed.data() + 40, 0);
        QCOMPARE(decodeWav(streamed).audio.frames(), std::int64_t(5));
        // A chunk before "fmt " claiming more than the file holds ends the search cleanly.
        std::string list
            = std::string("RIFF\0\0\0\0WAVELIST", 16) + std::string("\xff\xff\xff\x7f", 4);
        QCOMPARE(decodeWav(list).error, std::string("the WAV file has no format chunk"));
    }

    void randomBytesNeverOverrun()
    {
        // Bit flips of a valid file: never more samples than bytes, decoded or refused.
        const std::string wav = wavFile(kPcm, 2, 24, samplesOf({1, 2, 3, 4, 5, 6, 7, 8}, 3), true);
        std::mt19937 random(5);
        for (int i = 0; i < 20000; ++i) {
            std::string mutated = wav;
            for (int flips = 1 + int(random() % 4); flips > 0; --flips)
                mutated[random() % mutated.size()] ^= char(1 << (random() % 8));
            mutated.resize(mutated.size() - random() % 8);
            const DecodedWav decoded = decodeWav(mutated);
            QVERIFY(decoded.ok() || decoded.audio.samples.empty());
            QVERIFY(decoded.audio.samples.size() <= mutated.size());
        }
    }

    void envelopeMatchesBruteForce()
    {
        std::mt19937 random(11);
        std::uniform_real_distribution<float> sample(-1.0f, 1.0f);
        for (const int channels : {1, 2}) {
            std::vector<float> samples(std::size_t(997 * channels));
            for (float& s : samples)
                s = sample(random);
            struct Range {
                double begin, end;
                int columns;
            };
            // Whole clip, zoomed in past one frame per column, ranges reaching outside the
            // clip on either side, odd widths.
            for (const Range range : {Range {0, 997, 100}, Range {0, 997, 997},
                     Range {0, 997, 1500}, Range {310.5, 322.25, 40}, Range {-50, 400, 77},
                     Range {900, 1200, 33}, Range {0.3, 996.7, 401}}) {
                for (int channel = 0; channel < channels; ++channel) {
                    const auto fast = waveformEnvelope(
                        samples, channels, channel, range.begin, range.end, range.columns);
                    const auto slow = bruteForceEnvelope(
                        samples, channels, channel, range.begin, range.end, range.columns);
                    QCOMPARE(fast.size(), slow.size());
                    for (std::size_t c = 0; c < fast.size(); ++c) {
                        QCOMPARE(fast[c].empty, slow[c].empty);
                        if (!fast[c].empty) {
                            QCOMPARE(fast[c].min, slow[c].min);
                            QCOMPARE(fast[c].max, slow[c].max);
                        }
                    }
                }
            }
        }
    }

    void envelopeOfKnownSamples()
    {
        // Two columns of two frames each, stereo: the left channel's extremes per column.
        const std::vector<float> samples = {0.1f, 9, -0.4f, 9, 0.8f, 9, 0.2f, 9};
        const auto envelope = waveformEnvelope(samples, 2, 0, 0, 4, 2);
        QCOMPARE(envelope.size(), std::size_t(2));
        QCOMPARE(envelope[0].min, -0.4f);
        QCOMPARE(envelope[0].max, 0.1f);
        QCOMPARE(envelope[1].min, 0.2f);
        QCOMPARE(envelope[1].max, 0.8f);
        QVERIFY(waveformEnvelope(samples, 2, 2, 0, 4, 2)[0].empty); // no such channel
        QVERIFY(waveformEnvelope(samples, 2, 0, 4, 4, 2)[0].empty); // an empty range
    }

    void fourierMatchesPlainDft()
    {
        std::mt19937 random(3);
        std::normal_distribution<float> normal;
        for (const std::size_t n : {2u, 8u, 64u, 1024u}) {
            std::vector<std::complex<float>> data(n);
            for (auto& x : data)
                x = {normal(random), normal(random)};
            std::vector<std::complex<double>> expected(n);
            for (std::size_t k = 0; k < n; ++k)
                for (std::size_t t = 0; t < n; ++t)
                    expected[k] += std::complex<double>(data[t])
                        * std::polar(1.0, -2 * std::numbers::pi * double(k * t % n) / double(n));
            FourierTransform(n).transform(data);
            for (std::size_t k = 0; k < n; ++k)
                QVERIFY2(std::abs(std::complex<double>(data[k]) - expected[k])
                        < 1e-4 * std::sqrt(double(n)) * 4,
                    qPrintable(QStringLiteral("n %1, bin %2").arg(n).arg(k)));
        }
        std::vector<std::complex<float>> three(3, 1.0f);
        FourierTransform(3).transform(three); // not a power of two: left alone
        QCOMPARE(three[0], std::complex<float>(1.0f));
    }

    void spectrogramOfTones()
    {
        // 1 s at 16 kHz: a full-scale 1 kHz tone in the first half, silence after.
        const int rate = 16000;
        std::vector<float> samples(rate, 0.0f);
        for (int i = 0; i < rate / 2; ++i)
            samples[std::size_t(i)] = float(std::sin(2 * std::numbers::pi * 1000 * i / rate));
        const Spectrogram spectrogram = computeSpectrogram(samples, 1, 0, rate, 20, 1024);
        QCOMPARE(spectrogram.columns, 20);
        QCOMPARE(spectrogram.bins, 513);
        const int toneBin = 1000 * 1024 / rate; // 64: the tone sits exactly on a bin
        for (int c = 0; c < 20; ++c) {
            int loudest = 0;
            for (int bin = 1; bin < spectrogram.bins; ++bin)
                if (spectrogram.at(c, bin) > spectrogram.at(c, loudest))
                    loudest = bin;
            if (c >= 1 && c < 9) { // windows wholly inside the tone (column 0's starts before it)
                QCOMPARE(loudest, toneBin);
                QVERIFY(std::abs(spectrogram.at(c, toneBin)) < 0.1f); // 0 dB: full scale
                QVERIFY(spectrogram.at(c, toneBin + 10) < -60.0f); // the Hann window's leakage
            } else if (c > 10) {
                QCOMPARE(spectrogram.at(c, toneBin), spectrogram.floorDecibels);
            }
        }
        // Stereo: the channels' mean, so opposite channels cancel to silence.
        std::vector<float> opposite;
        for (int i = 0; i < 2048; ++i)
            opposite.insert(opposite.end(), {samples[std::size_t(i)], -samples[std::size_t(i)]});
        const Spectrogram cancelled = computeSpectrogram(opposite, 2, 0, 2048, 2, 1024);
        QCOMPARE(cancelled.at(0, toneBin), cancelled.floorDecibels);
    }

    // A clip exactly as torch.utils.tensorboard's add_audio writes it: a TF1 Summary.Audio
    // (sample_rate float = 1, num_channels = 2, length_frames = 3, encoded_audio_string = 4,
    // content_type = 5) in Summary.Value field 6, no plugin metadata; the samples clipped to
    // [−1, 1], scaled by 32767 and truncated to int16, written by Python's `wave` module.
    void torchAddAudioRecord()
    {
        const float rate = 44100.0f;
        const std::vector<double> signal = {0.0, 0.5, -0.5, 1.2, -1.7, 0.123456};
        std::vector<std::int16_t> frames;
        for (const double x : signal)
            frames.push_back(std::int16_t(std::clamp(x, -1.0, 1.0) * 32767)); // numpy astype
        const std::string wav = pythonWave(frames, 44100);
        std::string rateBytes(4, '\0');
        std::memcpy(rateBytes.data(), &rate, 4);
        const std::string audio = field(1, 5) + rateBytes + field(2, 0) + varint(1) + field(3, 0)
            + varint(frames.size()) + lengthDelimited(4, wav) + lengthDelimited(5, "audio/wav");
        const std::string value = lengthDelimited(1, "speech/sample") + lengthDelimited(6, audio);
        const double wallTime = 1.7e9;
        std::string wallBytes(8, '\0');
        std::memcpy(wallBytes.data(), &wallTime, 8);
        const std::string event = field(1, 1) + wallBytes + field(2, 0) + varint(42)
            + lengthDelimited(5, lengthDelimited(1, value));

        QTemporaryDir temp;
        const fs::path run = pathFromText(temp.path().toStdString()) / "torch";
        fs::create_directories(run);
        writeBytes(run / "events.out.tfevents.1700000000.host.1.0",
            framedRecords({fileVersionEvent(), event}));
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunSnapshot* loaded = snapshot->find("torch");
        QVERIFY(loaded);
        const TagSnapshot* tag = loaded->find("speech/sample");
        QVERIFY(tag);
        QCOMPARE(tag->kind, ValueKind::Audio);
        QCOMPARE(tag->blobs.size(), std::size_t(1));
        QCOMPARE(tag->blobs[0].step, std::int64_t(42));
        const DecodedBlobs blobs = readBlobs(blobReference(*loaded, *tag, 0));
        QVERIFY2(blobs.ok(), blobs.error.c_str());
        QCOMPARE(blobs.clips.size(), std::size_t(1));
        QVERIFY(blobs.clips[0].encoded == wav);
        QCOMPARE(blobs.clips[0].sampleRate, 44100.0);
        QCOMPARE(blobs.clips[0].channels, 1);
        QCOMPARE(blobs.clips[0].frames, std::int64_t(6));
        const DecodedWav decoded = decodeWav(blobs.clips[0].encoded);
        QVERIFY2(decoded.ok(), decoded.error.c_str());
        QCOMPARE(decoded.audio.sampleRate, 44100u);
        std::vector<float> expected;
        for (const std::int16_t frame : frames)
            expected.push_back(float(frame) / 32768.0f);
        QCOMPARE(decoded.audio.samples, expected);
    }

    // Our writer's TF2 audio: one [k, 2] tensor of (wav, label) rows, several clips a step.
    void ourWriterTf2Audio()
    {
        QTemporaryDir temp;
        std::vector<EncodedAudio> clips;
        for (int k = 0; k < 3; ++k) {
            std::vector<float> samples;
            for (int i = 0; i < 400; ++i)
                samples.insert(samples.end(), {0.1f * float(k + 1), -0.05f * float(i % 3)});
            clips.push_back({encodeWav(samples, 2, 16000), 16000.0f, 2, 400,
                "clip **" + std::to_string(k) + "**"});
        }
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run");
            writer.addAudio("tones", 5, clips, SummaryStyle::Tf2);
            QVERIFY(writer.ok());
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunSnapshot& run = *snapshot->find("run");
        const TagSnapshot* tag = run.find("tones");
        QVERIFY(tag);
        QCOMPARE(tag->blobs[0].count, std::uint32_t(3));
        const DecodedBlobs blobs = readBlobs(blobReference(run, *tag, 0));
        QVERIFY2(blobs.ok(), blobs.error.c_str());
        QCOMPARE(blobs.clips.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k) {
            const AudioBlob& clip = blobs.clips[std::size_t(k)];
            QCOMPARE(clip.label, clips[std::size_t(k)].label);
            const DecodedWav decoded = decodeWav(clip.encoded);
            QVERIFY(decoded.ok());
            QCOMPARE(decoded.audio.channels, 2);
            QCOMPARE(decoded.audio.frames(), std::int64_t(400));
            QCOMPARE(decoded.audio.samples[0],
                float(std::lround(0.1f * float(k + 1) * 32767)) / 32768.0f);
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestAudioDecoding)
#include "test_audio_decoding.moc"
