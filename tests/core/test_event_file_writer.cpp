// EventFileWriter: every kind written, read back through our own reader, decoder and loader,
// and compared exactly; TensorFlow's file naming, first record and bucket layout; compressed
// files that read back like plain ones; PNGs that another decoder (Qt's) accepts.

#include "core/events/event_decoder.h"
#include "core/io/file_byte_source.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/path_text.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"
#include "graph.pb.h"
#include "plugins.pb.h"

#include <QCoreApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cfloat>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

// Every record of a file, decompressing it first when it is compressed.
std::vector<std::string> readRecords(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string first(12, '\0');
    in.read(first.data(), 12);
    first.resize(std::size_t(in.gcount()));
    std::unique_ptr<ByteSource> source = std::make_unique<FileByteSource>(path, 0);
    const RecordCompression compression = detectRecordCompression(first);
    if (compression == RecordCompression::Gzip || compression == RecordCompression::Zlib)
        source = std::make_unique<InflatingByteSource>(std::move(source));
    RecordReader reader(std::move(source));
    std::vector<std::string> records;
    while (const auto record = reader.next())
        records.emplace_back(record->data);
    return records;
}

std::vector<DecodedEvent> readEvents(const fs::path& path)
{
    EventDecoder decoder;
    std::vector<DecodedEvent> events;
    for (const std::string& record : readRecords(path))
        events.push_back(decoder.decode(record).value());
    return events;
}

pb::Event parseEvent(const std::string& record)
{
    pb::Event event;
    if (!event.ParseFromString(record))
        qFatal("not an Event");
    return event;
}

// The first summary item of the event at `index`, checked to exist.
const SummaryItem& itemAt(const std::vector<DecodedEvent>& events, std::size_t index)
{
    if (index >= events.size() || events[index].items.empty())
        qFatal("no summary item at %zu", index);
    return events[index].items.front();
}

// TensorFlow's default limits, derived here independently of the writer's own table.
std::vector<double> tensorFlowBucketLimits()
{
    std::vector<double> positive;
    for (double v = 1.0e-12; v < 1.0e20; v *= 1.1)
        positive.push_back(v);
    positive.push_back(DBL_MAX);
    std::vector<double> limits(positive.rbegin(), positive.rend());
    for (double& limit : limits)
        limit = -limit;
    limits.push_back(0.0);
    limits.insert(limits.end(), positive.begin(), positive.end());
    return limits;
}

struct Fixture {
    QTemporaryDir temp;
    fs::path root() const { return pathFromText(temp.path().toStdString()); }
};

} // namespace

class TestEventFileWriter : public QObject {
    Q_OBJECT
private slots:
    void namesFilesLikeTensorFlow()
    {
        Fixture fixture;
        EventFileWriterOptions options;
        options.wallTime = 1234567890.75;
        options.suffix = ".v2";
        EventFileWriter writer(fixture.root() / "new" / "run", options);
        QVERIFY(writer.ok());
        QVERIFY(fs::is_regular_file(writer.path()));
        QCOMPARE(writer.path().parent_path(), fixture.root() / "new" / "run");
        const std::string name = pathText(writer.path().filename());
        std::smatch match;
        // Host names may contain dots; the pid and the counter are the last two fields.
        QVERIFY2(std::regex_match(name, match,
                     std::regex(R"(events\.out\.tfevents\.(\d{10})\.(.+)\.(\d+)\.(\d+)\.v2)")),
            name.c_str());
        QCOMPARE(match[1].str(), std::string("1234567890"));
        QCOMPARE(match[3].str(), std::to_string(QCoreApplication::applicationPid()));

        // Small times are zero-padded to ten digits; each file gets the next counter.
        const std::string early = EventFileWriter::standardFileName(42.0);
        QVERIFY(early.starts_with("events.out.tfevents.0000000042."));
        QVERIFY(EventFileWriter::standardFileName(42.0) != early);

        EventFileWriterOptions fixed;
        fixed.fileName = "events.out.tfevents.fixture";
        EventFileWriter named(fixture.root(), fixed);
        QCOMPARE(named.path(), fixture.root() / "events.out.tfevents.fixture");
    }

    void firstRecordIsTheFileVersion()
    {
        Fixture fixture;
        EventFileWriterOptions options;
        options.wallTime = 1700000000.123456;
        fs::path path;
        {
            EventFileWriter writer(fixture.root(), options);
            writer.addScalar("loss", 1, 0.5f, 1700000001.0);
            path = writer.path();
        }
        const std::vector<std::string> records = readRecords(path);
        QCOMPARE(records.size(), std::size_t(2));
        const pb::Event first = parseEvent(records[0]);
        QCOMPARE(first.file_version(), std::string("brain.Event:2"));
        QCOMPARE(first.wall_time(), 1700000000.123456);
        QCOMPARE(first.step(), std::int64_t(0));
        // Byte-for-byte what TensorFlow writes: wall_time and file_version (Event is proto3
        // there, so step 0 is left out; no file in the corpus has it).
        pb::Event expected;
        expected.set_wall_time(1700000000.123456);
        expected.set_file_version("brain.Event:2");
        QCOMPARE(records[0], expected.SerializeAsString());
    }

    void scalarsReadBackExactly()
    {
        Fixture fixture;
        {
            EventFileWriter writer(fixture.root());
            for (int step = 0; step < 50; ++step) {
                const double wallTime = 1700000000.0 + step * 0.050001;
                writer.addScalar("tf1/loss", step, 1.0f / float(step + 3), wallTime);
                writer.addScalarTensor(
                    "tf2/float", step, 0.1 * step, ScalarType::Float32, wallTime);
                writer.addScalarTensor(
                    "tf2/double", step, 0.1 * step, ScalarType::Float64, wallTime);
                writer.addScalarTensor(
                    "tf2/int", step, double(step) * 1000003, ScalarType::Integer, wallTime);
            }
            writer.addScalar("special", 0, std::numeric_limits<float>::infinity(), 1.0);
            writer.addScalar("special", 1, -std::numeric_limits<float>::infinity(), 2.0);
            writer.addScalar("special", 2, std::numeric_limits<float>::quiet_NaN(), 3.0);
            writer.addScalar("special", 3, FLT_MIN / 4, 4.0); // subnormal
        }
        LogdirLoader loader({{"", fixture.root()}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(1));
        const auto& tags = loader.runs().front()->tags;
        QCOMPARE(tags.size(), std::size_t(5));

        const auto points = [&](const char* tag) { return tags.at(tag).scalars().snapshot(); };
        const ScalarSnapshot tf1 = points("tf1/loss"), f = points("tf2/float"),
                             d = points("tf2/double"), i = points("tf2/int");
        QCOMPARE(tf1.type(), ScalarType::Float32);
        QCOMPARE(f.type(), ScalarType::Float32);
        QCOMPARE(d.type(), ScalarType::Float64);
        QCOMPARE(i.type(), ScalarType::Integer);
        for (const ScalarSnapshot* series : {&tf1, &f, &d, &i})
            QCOMPARE(series->size(), std::size_t(50));
        for (int step = 0; step < 50; ++step) {
            const double wallTime = 1700000000.0 + step * 0.050001;
            QCOMPARE(tf1[step], (ScalarPoint {step, wallTime, double(1.0f / float(step + 3))}));
            QCOMPARE(f[step].value, double(float(0.1 * step)));
            QCOMPARE(d[step].value, 0.1 * step);
            QCOMPARE(i[step].value, double(step) * 1000003);
            QCOMPARE(d[step].wallTime, wallTime);
        }
        const ScalarSnapshot special = points("special");
        QCOMPARE(special.size(), std::size_t(4));
        QVERIFY(std::isinf(special[0].value) && special[0].value > 0);
        QVERIFY(std::isinf(special[1].value) && special[1].value < 0);
        QVERIFY(std::isnan(special[2].value));
        QCOMPARE(special[3].value, double(FLT_MIN / 4));
    }

    void tensorScalarsCarryMetadataOnTheFirstValueOnly()
    {
        Fixture fixture;
        fs::path path;
        {
            EventFileWriter writer(fixture.root());
            writer.addScalarTensor("a", 0, 1.0);
            writer.addScalarTensor("a", 1, 2.0);
            writer.addText("t", 0, "x");
            writer.addText("t", 1, "y");
            path = writer.path();
        }
        const std::vector<std::string> records = readRecords(path);
        QCOMPARE(records.size(), std::size_t(5));
        const pb::Summary::Value first = parseEvent(records[1]).summary().value(0);
        QCOMPARE(first.metadata().plugin_data().plugin_name(), std::string("scalars"));
        QCOMPARE(first.metadata().data_class(), pb::DATA_CLASS_SCALAR);
        QCOMPARE(first.tensor().dtype(), pb::DT_FLOAT);
        QVERIFY(first.tensor().has_tensor_shape());
        QCOMPARE(first.tensor().tensor_shape().dim_size(), 0);
        QCOMPARE(first.tensor().tensor_content().size(), std::size_t(4));
        QVERIFY(!parseEvent(records[2]).summary().value(0).has_metadata());
        QVERIFY(parseEvent(records[3]).summary().value(0).has_metadata());
        QVERIFY(!parseEvent(records[4]).summary().value(0).has_metadata());
    }

    void histogramsInBothStyles()
    {
        QCOMPARE(defaultHistogramBucketLimits(), tensorFlowBucketLimits());

        Fixture fixture;
        const std::vector<double> values {-3.5, -0.001, 0.0, 0.0, 0.25, 1.0, 1.0, 2.5, 1e6};
        std::vector<double> ramp;
        for (int i = 0; i <= 30; ++i)
            ramp.push_back(i);
        const std::vector<HistogramBucket> explicitBuckets {{-1, 0, 3}, {0, 0.5, 0}, {0.5, 2, 7.5}};
        const std::vector<double> constant(7, 5.0);
        fs::path path;
        {
            EventFileWriter writer(fixture.root());
            writer.addHistogram("tf1", 0, values, SummaryStyle::Tf1, 1.0);
            writer.addHistogram("tf2", 0, ramp, SummaryStyle::Tf2, 1.0);
            writer.addHistogramBuckets("rows", 0, explicitBuckets, 1.0);
            writer.addHistogram("constant", 0, constant, SummaryStyle::Tf2, 1.0);
            writer.addHistogram("empty", 0, {}, SummaryStyle::Tf1, 1.0);
            path = writer.path();
        }
        const std::vector<std::string> records = readRecords(path);
        const std::vector<DecodedEvent> events = readEvents(path);
        QCOMPARE(events.size(), std::size_t(6));

        // TF1: the proto's statistics, then buckets as TensorFlow's Histogram::Add fills them.
        const pb::HistogramProto proto = parseEvent(records[1]).summary().value(0).histo();
        QCOMPARE(proto.min(), -3.5);
        QCOMPARE(proto.max(), 1e6);
        QCOMPARE(proto.num(), 9.0);
        QCOMPARE(proto.sum(), -3.5 - 0.001 + 0.25 + 1 + 1 + 2.5 + 1e6);
        QCOMPARE(proto.sum_squares(), 3.5 * 3.5 + 0.001 * 0.001 + 0.0625 + 1 + 1 + 6.25 + 1e12);
        const std::vector<double> limits = tensorFlowBucketLimits();
        std::map<std::size_t, double> counts;
        for (const double value : values)
            counts[std::size_t(
                std::upper_bound(limits.begin(), limits.end(), value) - limits.begin())]
                += 1;
        std::vector<HistogramBucket> expected;
        for (const auto& [index, count] : counts)
            expected.push_back({limits[index - 1], limits[index], count});
        expected.front().left = -3.5;
        expected.back().right = 1e6;
        const SummaryItem& tf1 = itemAt(events, 1);
        QCOMPARE(tf1.kind, ValueKind::Histogram);
        std::vector<HistogramBucket> nonEmpty;
        for (const HistogramBucket& bucket : tf1.histogram)
            if (bucket.count > 0)
                nonEmpty.push_back(bucket);
        QCOMPARE(nonEmpty, expected);

        // TF2: 30 equal-width buckets from min to max; the maximum falls in the last one.
        const SummaryItem& tf2 = itemAt(events, 2);
        QCOMPARE(tf2.kind, ValueKind::Histogram);
        QCOMPARE(tf2.pluginName, std::string("histograms"));
        QCOMPARE(tf2.histogram.size(), std::size_t(30));
        for (int i = 0; i < 30; ++i)
            QCOMPARE(tf2.histogram[std::size_t(i)],
                (HistogramBucket {double(i), double(i + 1), i == 29 ? 2.0 : 1.0}));
        QCOMPARE(itemAt(events, 3).histogram, explicitBuckets);
        QCOMPARE(itemAt(events, 4).histogram, (std::vector<HistogramBucket> {{4.5, 5.5, 7}}));
        QVERIFY(itemAt(events, 5).histogram.empty());
    }

    void imagesTextGraphHParamsAndSessionLog()
    {
        Fixture fixture;
        std::vector<std::uint8_t> pixels(4 * 3 * 3, 128);
        const EncodedImage image {4, 3, 3, encodePng(4, 3, 3, pixels)};
        const std::vector<EncodedImage> three(3, image);
        pb::GraphDef graph;
        graph.add_node()->set_name("input");
        graph.add_node()->set_name("dense/MatMul");
        graph.mutable_node(1)->add_input("input");
        {
            EventFileWriter writer(fixture.root());
            writer.addImage("tf1_image", 0, std::span(&image, 1), SummaryStyle::Tf1, 1.0);
            writer.addImage("tf1_batch", 0, std::span(three.data(), 2), SummaryStyle::Tf1, 1.0);
            writer.addImage("tf2_images", 0, three, SummaryStyle::Tf2, 1.0);
            writer.addImage("tf2_images", 1, three, SummaryStyle::Tf2, 2.0);
            writer.addText("notes", 3, "hello **world**", 3.0);
            writer.addGraph(graph, 4.0);
            writer.addHParams(
                {{"learning_rate", 0.01}, {"optimizer", std::string("adam")}, {"augment", true}},
                std::vector<std::string> {"loss"}, 5.0);
            writer.addSessionStart(7, 6.0);
        }
        LogdirLoader loader({{"", fixture.root()}});
        loader.reload();
        const RunData& run = *loader.runs().front();
        QCOMPARE(run.graphCount, std::uint64_t(1));
        QVERIFY(run.diagnostics.empty());
        QCOMPARE(run.tags.at("tf1_image").kind, ValueKind::Image);
        QCOMPARE(run.tags.at("tf1_batch/image/0").kind, ValueKind::Image);
        QCOMPARE(run.tags.at("tf1_batch/image/1").kind, ValueKind::Image);
        QCOMPARE(run.tags.at("tf2_images").kind, ValueKind::Image);
        QCOMPARE(run.tags.at("tf2_images").size(), std::size_t(2));
        QCOMPARE(run.tags.at("notes").kind, ValueKind::Text);
        QCOMPARE(run.tags.at("_hparams_/experiment").kind, ValueKind::HParams);
        QCOMPARE(run.tags.at("_hparams_/session_start_info").kind, ValueKind::HParams);

        const std::vector<std::string> records = readRecords(run.files.front());
        const std::vector<DecodedEvent> events = readEvents(run.files.front());
        QCOMPARE(events.size(), std::size_t(10));
        QCOMPARE(itemAt(events, 1).blobCount, std::uint32_t(1));
        QCOMPARE(events[2].items.size(), std::size_t(2));
        QCOMPARE(itemAt(events, 3).blobCount, std::uint32_t(3));
        const pb::Summary::Value tf1 = parseEvent(records[1]).summary().value(0);
        QCOMPARE(tf1.image().width(), 4);
        QCOMPARE(tf1.image().height(), 3);
        QCOMPARE(tf1.image().colorspace(), 3);
        QCOMPARE(tf1.image().encoded_image_string(), image.bytes);
        const pb::TensorProto tf2 = parseEvent(records[3]).summary().value(0).tensor();
        QCOMPARE(tf2.string_val_size(), 5);
        QCOMPARE(tf2.string_val(0), std::string("4"));
        QCOMPARE(tf2.string_val(1), std::string("3"));
        QCOMPARE(tf2.string_val(4), image.bytes);

        QCOMPARE(itemAt(events, 5).strings, std::vector<std::string> {"hello **world**"});
        QCOMPARE(itemAt(events, 5).pluginName, std::string("text"));

        pb::GraphDef readGraph;
        QVERIFY(readGraph.ParseFromString(parseEvent(records[6]).graph_def()));
        QCOMPARE(readGraph.node_size(), 2);
        QCOMPARE(readGraph.node(1).input(0), std::string("input"));

        pb::HParamsPluginData experiment, session;
        QVERIFY(experiment.ParseFromString(
            parseEvent(records[7]).summary().value(0).metadata().plugin_data().content()));
        QCOMPARE(experiment.experiment().hparam_infos_size(), 3);
        QCOMPARE(experiment.experiment().metric_infos(0).name().tag(), std::string("loss"));
        QVERIFY(session.ParseFromString(
            parseEvent(records[8]).summary().value(0).metadata().plugin_data().content()));
        const auto& hparams = session.session_start_info().hparams();
        QCOMPARE(hparams.at("learning_rate").number_value(), 0.01);
        QCOMPARE(hparams.at("optimizer").string_value(), std::string("adam"));
        QCOMPARE(hparams.at("augment").bool_value(), true);

        QCOMPARE(events[9].kind, EventKind::SessionLog);
        QCOMPARE(events[9].sessionStatus, SessionStatus::Start);
        QCOMPARE(events[9].step, std::int64_t(7));
    }

    void pngsDecodeElsewhere()
    {
        // Grey, grey + alpha, RGB and RGBA, checked pixel by pixel with Qt's PNG reader.
        for (int channels = 1; channels <= 4; ++channels) {
            const int width = 5, height = 3;
            std::vector<std::uint8_t> pixels;
            for (int i = 0; i < width * height * channels; ++i)
                pixels.push_back(std::uint8_t(i * 17 % 256));
            const std::string png = encodePng(width, height, channels, pixels);
            QImage decoded;
            QVERIFY(decoded.loadFromData(
                reinterpret_cast<const uchar*>(png.data()), int(png.size()), "PNG"));
            QCOMPARE(decoded.size(), QSize(width, height));
            for (int y = 0; y < height; ++y)
                for (int x = 0; x < width; ++x) {
                    const std::uint8_t* p = &pixels[std::size_t((y * width + x) * channels)];
                    const QRgb rgb = decoded.pixel(x, y);
                    const bool grey = channels <= 2;
                    QCOMPARE(qRed(rgb), int(p[0]));
                    QCOMPARE(qGreen(rgb), int(grey ? p[0] : p[1]));
                    QCOMPARE(qBlue(rgb), int(grey ? p[0] : p[2]));
                    if (channels % 2 == 0)
                        QCOMPARE(qAlpha(rgb), int(p[channels - 1]));
                }
        }
        QVERIFY(encodePng(2, 2, 3, std::vector<std::uint8_t>(5)).empty());
    }

    void compressedFilesReadBackIdentically()
    {
        Fixture fixture;
        const auto write = [&](const char* run, RecordCompression compression) {
            EventFileWriterOptions options;
            options.compression = compression;
            options.wallTime = 1600000000.0;
            EventFileWriter writer(fixture.root() / run, options);
            for (int step = 0; step < 2000; ++step) {
                writer.addScalar("loss", step, std::exp(-step / 300.0f), 1600000000.0 + step / 8.0);
                if (step % 100 == 0)
                    writer.addHistogram("w", step, std::vector<double> {0.5 * step, 1.0, 2.0},
                        SummaryStyle::Tf1, 1600000000.0 + step / 8.0);
            }
            return writer.path();
        };
        const fs::path plain = write("plain", RecordCompression::None);
        const fs::path gzip = write("gzip", RecordCompression::Gzip);
        const fs::path zlib = write("zlib", RecordCompression::Zlib);
        const auto head = [](const fs::path& path) {
            std::ifstream in(path, std::ios::binary);
            std::string bytes(12, '\0');
            in.read(bytes.data(), 12);
            return bytes;
        };
        QCOMPARE(detectRecordCompression(head(plain)), RecordCompression::None);
        QCOMPARE(detectRecordCompression(head(gzip)), RecordCompression::Gzip);
        QCOMPARE(detectRecordCompression(head(zlib)), RecordCompression::Zlib);
        QVERIFY(fs::file_size(gzip) < fs::file_size(plain) / 2);
        QCOMPARE(readRecords(gzip), readRecords(plain));
        QCOMPARE(readRecords(zlib), readRecords(plain));

        LogdirLoader loader({{"", fixture.root()}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(3));
        const auto& reference = loader.runs()[1]->tags; // runs in name order: gzip, plain, zlib
        QCOMPARE(loader.runs()[1]->name, std::string("plain"));
        for (const auto& run : loader.runs()) {
            QVERIFY(run->diagnostics.empty());
            QCOMPARE(run->tags.size(), reference.size());
            QCOMPARE(run->tags.at("loss").scalars().snapshot().points(),
                reference.at("loss").scalars().snapshot().points());
            QCOMPARE(run->tags.at("w").size(), std::size_t(20));
        }
    }

    void flushedCompressedRecordsAreReadableWhileWriting()
    {
        Fixture fixture;
        EventFileWriterOptions options;
        options.compression = RecordCompression::Gzip;
        EventFileWriter writer(fixture.root(), options);
        for (int step = 0; step < 10; ++step)
            writer.addScalar("live", step, float(step), 100.0 + step);
        QVERIFY(writer.flush());
        LogdirLoader loader({{"", fixture.root()}});
        loader.reload();
        QCOMPARE(loader.runs().front()->tags.at("live").scalars().size(), std::size_t(10));
        for (int step = 10; step < 15; ++step)
            writer.addScalar("live", step, float(step), 100.0 + step);
        QVERIFY(writer.flush());
        loader.reload();
        QCOMPARE(loader.runs().front()->tags.at("live").scalars().size(), std::size_t(15));
        QVERIFY(loader.runs().front()->diagnostics.empty());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestEventFileWriter)
#include "test_event_file_writer.moc"
