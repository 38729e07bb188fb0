// Sizes a file declares but does not hold: tensor shapes whose product wraps around 64 bits,
// audio claiming four billion clips, values that do not fit their shape, and one-value
// "broadcast" tensors declaring thousands of elements. Every file is written with our writer
// and read through the loader: the hostile value is skipped with a diagnostic naming its tag
// and step, every other value is kept, and memory follows the file, never the declared size.
// Also the per-tag cost of a run with very many tags, each holding a value or two.

#include "core/analysis/pr_curve.h"
#include "core/analysis/text_layout.h"
#include "core/events/histogram_conversion.h"
#include "core/events/tensor_values.h"
#include "core/io/checked_size.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/sanitizers.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <functional>
#include <unistd.h>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

// A summary event with one tensor value of `plugin`, shaped `shape`, filled by `fill`.
pb::Event tensorEvent(const std::string& tag, const std::string& plugin, std::int64_t step,
    pb::DataType dtype, std::vector<std::int64_t> shape,
    const std::function<void(pb::TensorProto&)>& fill)
{
    pb::Event event;
    event.set_step(step);
    event.set_wall_time(100.0 + double(step));
    pb::Summary::Value* value = event.mutable_summary()->add_value();
    value->set_tag(tag);
    value->mutable_metadata()->mutable_plugin_data()->set_plugin_name(plugin);
    pb::TensorProto* tensor = value->mutable_tensor();
    tensor->set_dtype(dtype);
    for (const std::int64_t size : shape)
        tensor->mutable_tensor_shape()->add_dim()->set_size(size);
    fill(*tensor);
    return event;
}

pb::Event floats(const std::string& tag, const std::string& plugin, std::int64_t step,
    std::vector<std::int64_t> shape, std::vector<float> values)
{
    return tensorEvent(tag, plugin, step, pb::DT_FLOAT, std::move(shape), [&](auto& tensor) {
        for (const float value : values)
            tensor.add_float_val(value);
    });
}

pb::Event strings(const std::string& tag, const std::string& plugin, std::int64_t step,
    std::vector<std::int64_t> shape, std::vector<std::string> values)
{
    return tensorEvent(tag, plugin, step, pb::DT_STRING, std::move(shape), [&](auto& tensor) {
        for (const std::string& value : values)
            tensor.add_string_val(value);
    });
}

std::vector<std::int64_t> tensorSteps(const RunData& run, const std::string& tag)
{
    std::vector<std::int64_t> steps;
    const auto it = run.tags.find(tag);
    if (it == run.tags.end())
        return steps;
    const auto entries = it->second.tensors().snapshot();
    for (std::size_t i = 0; i < entries.size(); ++i)
        steps.push_back(entries[i].step);
    return steps;
}

bool hasRejection(const RunData& run, const std::string& tag, std::int64_t step)
{
    const std::string where = "'" + tag + "' at step " + std::to_string(step);
    for (const Diagnostic& diagnostic : run.diagnostics)
        if (diagnostic.reason.find(where) != std::string::npos
            && diagnostic.reason.find("skipped") != std::string::npos)
            return true;
    return false;
}

std::string describe(const RunData& run)
{
    std::string out;
    for (const Diagnostic& d : run.diagnostics)
        out += std::to_string(d.offset) + ": " + d.reason + "\n";
    return out;
}

// Under AddressSanitizer resident memory also holds its shadow and its quarantine of freed
// blocks, so it says nothing of what the loader keeps.
constexpr bool kResidentMemoryIsOurs = !kUnderSanitizers;

// A file written by `write`, loaded, with the resident memory loading added.
struct MeasuredLoad {
    QTemporaryDir temp;
    std::unique_ptr<LogdirLoader> loader;
    double fileMiB = 0;
    double grownMiB = -1; // -1 where it cannot be measured (no /proc, or AddressSanitizer)

    explicit MeasuredLoad(const std::function<void(EventFileWriter&)>& write)
    {
        const fs::path root = pathFromText(temp.path().toStdString());
        fs::path file;
        {
            EventFileWriter writer(root);
            write(writer);
            file = writer.path();
        }
        fileMiB = double(fs::file_size(file)) / (1024.0 * 1024.0);
        const double before = residentMiB();
        loader = std::make_unique<LogdirLoader>(std::vector<LogdirSpec> {{"", root}});
        loader->reload();
        if (before >= 0 && kResidentMemoryIsOurs)
            grownMiB = residentMiB() - before;
        qInfo("%.1f MiB resident for %.1f MiB of file", grownMiB, fileMiB);
    }
    const RunData& run() const { return *loader->runs().at(0); }
    // Within `factor` times the file, plus 8 MiB of allocator and loader slack.
    bool grewWithin(double factor) const { return grownMiB < factor * fileMiB + 8; }
};

const PrCurveCounts kThreeThresholds {{4, 2, 0}, {6, 1, 0}, {0, 5, 6}, {0, 2, 4}};

} // namespace

class DeclaredSizes : public QObject {
    Q_OBJECT

private slots:
    void productsAndSumsStopAtTheEdgeOf64Bits()
    {
        QCOMPARE(
            checkedProduct(UINT32_MAX + 1ull, UINT32_MAX), std::optional(UINT64_MAX - UINT32_MAX));
        QCOMPARE(checkedProduct(UINT32_MAX + 1ull, UINT32_MAX + 1ull), std::nullopt);
        QCOMPARE(checkedProduct(0, UINT64_MAX), std::optional<std::uint64_t>(0));
        QCOMPARE(checkedProduct(UINT64_MAX, 1), std::optional(UINT64_MAX));
        QCOMPARE(checkedSum(UINT64_MAX - 1, 1), std::optional(UINT64_MAX));
        QCOMPARE(checkedSum(UINT64_MAX, 1), std::nullopt);
        QCOMPARE(checkedSum(1, UINT64_MAX), std::nullopt);
    }

    void shapeProductsAreChecked()
    {
        const std::int64_t wraps[] = {6, 3074457345618258603}; // 6 × N wraps to 2
        QCOMPARE(checkedElementCount(wraps), std::nullopt);
        const std::int64_t zero[] = {INT64_MAX, INT64_MAX, 0};
        QCOMPARE(checkedElementCount(zero), std::optional<std::uint64_t>(0));
        const std::int64_t negative[] = {-1, -1};
        QCOMPARE(checkedElementCount(negative), std::nullopt);
        const std::int64_t fine[] = {6, 200};
        QCOMPARE(checkedElementCount(fine), std::optional<std::uint64_t>(1200));
        // The consumers that index by shape refuse it rather than read past two values.
        const std::vector<double> two {1, 2};
        QVERIFY(prCurvePoints(wraps, two).empty());
        QVERIFY(!prCurveShapeError(wraps, two.size()).empty());
        const TextLayout layout = textLayoutOf(wraps, 2);
        QVERIFY(layout.rows * std::max<std::size_t>(layout.columns, 1) <= 2);
    }

    void prCurveWhoseShapeWrapsAroundIsSkipped()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(root);
            writer.addPrCurve("pr", 1, kThreeThresholds);
            writer.writeEvent(floats("pr", "pr_curves", 2, {6, 3074457345618258603}, {1, 2}));
            writer.addPrCurve("pr", 3, kThreeThresholds);
            QVERIFY(writer.ok());
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        QCOMPARE(tensorSteps(run, "pr"), (std::vector<std::int64_t> {1, 3}));
        QVERIFY2(hasRejection(run, "pr", 2), describe(run).c_str());
        const auto entries = run.tags.at("pr").tensors().snapshot();
        QCOMPARE(prCurvePoints(entries[1]).size(), std::size_t(2)); // the last threshold is empty
    }

    void audioClaimingBillionsOfClipsIsSkipped()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(root);
            writer.writeEvent(strings("clip", "audio", 1, {4294967295, 2}, {"RIFF", "label"}));
            writer.writeEvent(strings("clip", "audio", 2, {1, 2}, {"RIFF", "label"}));
            // Zero strings match a [2^40, 0] shape, and are no clips at all.
            writer.writeEvent(strings("none", "audio", 2, {std::int64_t(1) << 40, 0}, {}));
            QVERIFY(writer.ok());
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        QCOMPARE(run.countOf(ValueKind::Audio), std::uint64_t(2)); // values of "clip" and "none"
        const auto blobs = run.tags.at("clip").blobs().snapshot();
        QCOMPARE(blobs.size(), std::size_t(1));
        QCOMPARE(blobs[0].step, std::int64_t(2));
        QCOMPARE(blobs[0].count, std::uint32_t(1));
        QVERIFY2(hasRejection(run, "clip", 1), describe(run).c_str());
        QCOMPARE(run.tags.at("none").blobs().snapshot()[0].count, std::uint32_t(0));
    }

    void everyKindChecksItsValuesAgainstItsShape()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        // Per tag: a hostile value at step 2 between good ones at steps 1 and 3.
        struct Case {
            std::string tag;
            pb::Event good;
            pb::Event hostile;
        };
        const std::vector<std::string> three {"a", "b", "c"};
        const std::vector<Case> cases {
            {"histogram", floats("histogram", "histograms", 0, {1, 3}, {0, 1, 5}),
                floats("histogram", "histograms", 2, {2, 3}, {0, 1, 2, 1, 2, 3, 9})},
            {"text", strings("text", "text", 0, {3}, three),
                strings("text", "text", 2, {2}, three)},
            {"text_wraps", strings("text_wraps", "text", 0, {3}, three),
                strings("text_wraps", "text", 2, {3, 6148914691236517206}, three)},
            {"image", strings("image", "images", 0, {3}, {"1", "1", "png"}),
                strings("image", "images", 2, {1000}, {"1", "1", "png"})},
            {"pr_rows", floats("pr_rows", "pr_curves", 0, {6, 1}, {1, 0, 0, 0, 1, 1}),
                floats("pr_rows", "pr_curves", 2, {5, 1}, {1, 0, 0, 0, 1})},
            {"tensor", floats("tensor", "custom", 0, {2}, {1, 2}),
                tensorEvent("tensor", "custom", 2, pb::DT_FLOAT, {2},
                    [](auto& tensor) { tensor.set_tensor_content(std::string(12, '\0')); })},
            {"negative", floats("negative", "custom", 0, {2}, {1, 2}),
                floats("negative", "custom", 2, {-2, -3}, {1, 2})},
        };
        {
            EventFileWriter writer(root);
            for (const Case& c : cases) {
                pb::Event first = c.good, last = c.good;
                first.set_step(1);
                last.set_step(3);
                writer.writeEvent(first);
                writer.writeEvent(c.hostile);
                writer.writeEvent(last);
            }
            QVERIFY(writer.ok());
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        for (const Case& c : cases) {
            const TagData& data = run.tags.at(c.tag);
            QVERIFY2(data.size() == 2, c.tag.c_str());
            QVERIFY2(hasRejection(run, c.tag, 2), (c.tag + "\n" + describe(run)).c_str());
        }
    }

    void broadcastsAreKeptAsWritten()
    {
        // TensorFlow writes a constant tensor as one value and its shape: the value repeats.
        const std::vector<double> half {0.5};
        const std::int64_t prShape[] = {6, 3};
        const auto points = prCurvePoints(prShape, half);
        QCOMPARE(points.size(), std::size_t(3));
        QCOMPARE(points[2].threshold, 1.0);
        QCOMPARE(points[2].precision, 0.5);
        QCOMPARE(points[2].truePositives, 0.5);
        // A histogram of a million identical rows is one bucket holding their counts.
        const pb::Event histogram = floats("h", "histograms", 1, {1000000, 3}, {1, 2, 3, 4});
        const auto buckets = histogramFromTensor(histogram.summary().value(0).tensor());
        QCOMPARE(
            buckets, (std::vector<HistogramBucket> {{1, 2, 3}, {4, 4, 4}, {4, 4, 4 * 999998.0}}));
    }

    void broadcastTensorsCostWhatTheFileHolds()
    {
        // 20,000 one-value tensors declaring 1,024 elements each: under 1 MB of file that
        // once became 160 MB of doubles.
        constexpr int kRecords = 20'000;
        const MeasuredLoad load([](EventFileWriter& writer) {
            for (int step = 0; step < kRecords; ++step)
                writer.writeEvent(floats("splat", "custom", step, {1024}, {float(step)}));
        });
        const RunData& run = load.run();
        const auto entries = run.tags.at("splat").tensors().snapshot();
        QCOMPARE(entries.size(), std::size_t(kRecords));
        QCOMPARE(entries[7].numbers, std::vector<double> {7.0});
        QCOMPARE(entries[7].shape, std::vector<std::int64_t> {1024});
        QVERIFY2(run.diagnostics.empty(), describe(run).c_str());
        if (load.grownMiB < 0)
            QSKIP("resident memory cannot be measured here (no /proc/self/statm, or "
                  "AddressSanitizer's shadow and quarantine)");
        QVERIFY(load.grewWithin(16));
    }

    void manyTagsCostLittleEach()
    {
        // 100,000 scalar tags and 5,000 text tags, one value each: once 1 KB per scalar tag
        // (an eagerly reserved tail of 16 points, empty series of every kind) and 22 KB per text
        // tag (a block of 256 entries reserved for one), 40 times the file; then 9.2 times the
        // file, with each tag's metadata copied into its series, its snapshot and the decoder.
        const MeasuredLoad load([](EventFileWriter& writer) {
            for (int i = 0; i < 100000; ++i)
                writer.addScalar("metrics/tag_" + std::to_string(i), 1, float(i), 100.0);
            for (int i = 0; i < 5000; ++i)
                writer.addText("notes/tag_" + std::to_string(i), 1, "hello", 100.0);
        });
        QCOMPARE(load.run().tags.size(), std::size_t(105000));
        if (load.grownMiB < 0)
            QSKIP("resident memory cannot be measured here (no /proc/self/statm, or "
                  "AddressSanitizer's shadow and quarantine)");
        QVERIFY(load.grewWithin(7.5)); // 6 measured
        // The window always holds a snapshot of each run; it once copied each tag's metadata.
        const double before = residentMiB();
        const auto snapshot = load.loader->snapshot();
        const double snapshotMiB = residentMiB() - before;
        qInfo("%.1f MiB more for the snapshot", snapshotMiB);
        QCOMPARE(snapshot->runs.at(0)->tags.size(), std::size_t(105000));
        QVERIFY(snapshotMiB < 6 * load.fileMiB + 2); // 4.9 measured
    }
};

LANTERN_TEST_GUILESS_MAIN(DeclaredSizes)
#include "test_declared_sizes.moc"
