// PR curves from the pr_curves plugin's [6, N] tensor: points against values worked out by
// hand (thresholds linspace(0, 1, N), the trailing TP + FP = 0 trim), malformed shapes, the
// writer's layout read back through the loader, the CSV export, and real files from
// torch.utils.tensorboard and tensorboardX.

#include "core/analysis/pr_curve.h"
#include "core/export/pr_curve_csv.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace lantern::core;
using namespace lantern::test;

namespace {

// Rows TP, FP, TN, FN, precision, recall of five thresholds (0, .25, .5, .75, 1); the last two
// predict nothing positive.
const std::vector<double> kFiveThresholds = {
    4, 3, 1, 0, 0, // TP
    6, 2, 0, 0, 0, // FP
    0, 4, 6, 6, 6, // TN
    0, 1, 3, 4, 4, // FN
    0.4, 0.6, 1, 0, 0, // precision
    1, 0.75, 0.25, 0, 0, // recall
};
const std::int64_t kShape[] = {6, 5};

const TagSnapshot* findTag(
    const LogdirSnapshot& snapshot, const std::string& run, const std::string& tag)
{
    const RunSnapshot* found = snapshot.find(run);
    return found ? found->find(tag) : nullptr;
}

// The data of each TFRecord in `bytes` (framing as FORMATS.md describes; CRCs not checked).
std::vector<std::string> recordsOf(const std::string& bytes)
{
    std::vector<std::string> records;
    for (std::size_t at = 0; at + 12 <= bytes.size();) {
        std::uint64_t length = 0;
        std::memcpy(&length, bytes.data() + at, 8); // little-endian hosts only, as CI is
        if (at + 12 + length + 4 > bytes.size())
            break;
        records.push_back(bytes.substr(at + 12, length));
        at += 12 + length + 4;
    }
    return records;
}

} // namespace

class TestPrCurve : public QObject {
    Q_OBJECT
private slots:
    void pointsByThresholdWithTheTailTrimmed()
    {
        const std::vector<PrCurvePoint> points = prCurvePoints(kShape, kFiveThresholds);
        const std::vector<PrCurvePoint> expected = {
            {0.0, 0.4, 1.0, 4, 6, 0, 0},
            {0.25, 0.6, 0.75, 3, 2, 4, 1},
            {0.5, 1.0, 0.25, 1, 0, 6, 3},
        };
        QCOMPARE(points, expected);
    }

    void aGapBeforePositivesIsKept()
    {
        std::vector<double> values = kFiveThresholds;
        values[1] = 0; // TP at 0.25
        values[6] = 0; // FP at 0.25
        values[3] = 2; // TP at 0.75: positives again after the gap
        const std::vector<PrCurvePoint> points = prCurvePoints(kShape, values);
        QCOMPARE(points.size(), std::size_t(4));
        QCOMPARE(points[1].truePositives + points[1].falsePositives, 0.0);
        QCOMPARE(points[3].threshold, 0.75);
        QCOMPARE(points[3].truePositives, 2.0);
    }

    void nothingPositiveKeepsTheFirstThreshold()
    {
        std::vector<double> values = kFiveThresholds;
        std::fill(values.begin(), values.begin() + 10, 0.0); // TP and FP rows
        const std::vector<PrCurvePoint> points = prCurvePoints(kShape, values);
        QCOMPARE(points.size(), std::size_t(1));
        QCOMPARE(points[0].threshold, 0.0);
        QCOMPARE(points[0].trueNegatives, 0.0);
    }

    void oneThresholdIsAtZero()
    {
        const std::int64_t shape[] = {6, 1};
        const std::vector<double> values = {2, 1, 0, 0, 2.0 / 3, 1};
        const std::vector<PrCurvePoint> points = prCurvePoints(shape, values);
        QCOMPARE(points, (std::vector<PrCurvePoint> {{0.0, 2.0 / 3, 1.0, 2, 1, 0, 0}}));
    }

    void malformedTensorsGiveNoPoints()
    {
        const std::vector<double> values = kFiveThresholds;
        const std::int64_t fiveRows[] = {5, 6};
        const std::int64_t rankOne[] = {30};
        const std::int64_t noColumns[] = {6, 0};
        const std::int64_t tooFew[] = {6, 4}; // 24 elements, 30 values
        const std::int64_t negative[] = {6, -5};
        QVERIFY(prCurvePoints(fiveRows, values).empty());
        QVERIFY(prCurvePoints(rankOne, values).empty());
        QVERIFY(prCurvePoints(noColumns, std::vector<double>()).empty());
        QVERIFY(prCurvePoints(tooFew, values).empty());
        // Fewer values than [6, 6] declares is TensorFlow's broadcast: the last one repeats.
        const std::int64_t broadcast[] = {6, 6};
        const auto points = prCurvePoints(broadcast, values);
        QCOMPARE(points.size(), std::size_t(6));
        QCOMPARE(points[5].recall, 0.0);
        QCOMPARE(points[5].precision, 0.0);
        QVERIFY(prCurvePoints(negative, values).empty());
        QVERIFY(prCurvePoints({}, std::vector<double>()).empty());
    }

    void writerLayoutReadsBack()
    {
        QTemporaryDir temp;
        const std::filesystem::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(root);
            PrCurveCounts counts {{4, 3, 1, 0}, {6, 2, 0, 0}, {0, 4, 6, 6}, {0, 1, 3, 4}};
            writer.addPrCurve("pr/cat", 7, counts, 1700000000.5);
            counts.truePositives = {5, 5, 5, 5}; // the next step: a perfect classifier
            counts.falsePositives = {5, 0, 0, 0};
            counts.trueNegatives = {0, 5, 5, 5};
            counts.falseNegatives = {0, 0, 0, 0};
            writer.addPrCurve("pr/cat", 8, counts, 1700000001.5);
            QVERIFY(writer.ok());
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        const TagSnapshot* tag = findTag(*snapshot, ".", "pr/cat");
        QVERIFY(tag);
        QCOMPARE(tag->kind, ValueKind::PrCurve);
        QCOMPARE(tag->metadata->pluginName, std::string("pr_curves"));
        QCOMPARE(tag->metadata->pluginContent, std::string("\x10\x04", 2)); // num_thresholds 4
        QCOMPARE(tag->tensors.size(), std::size_t(2));
        QCOMPARE(tag->tensors[0].shape, (std::vector<std::int64_t> {6, 4}));

        // Precision TP / (TP + FP) and recall TP / (TP + FN), stored as floats.
        const std::vector<PrCurvePoint> first = prCurvePoints(tag->tensors[0]);
        QCOMPARE(first.size(), std::size_t(3)); // threshold 1 is trimmed: TP + FP = 0
        QCOMPARE(first[1], (PrCurvePoint {1.0 / 3, double(0.6f), double(0.75f), 3, 2, 4, 1}));
        QCOMPARE(first[2], (PrCurvePoint {2.0 / 3, 1.0, double(0.25f), 1, 0, 6, 3}));
        const std::vector<PrCurvePoint> second = prCurvePoints(tag->tensors[1]);
        QCOMPARE(second.size(), std::size_t(4));
        QCOMPARE(second[0].precision, 0.5);
        QCOMPARE(second[3], (PrCurvePoint {1.0, 1.0, 1.0, 5, 0, 5, 0}));
    }

    void csvHoldsEveryShownPoint()
    {
        const std::vector<PrCurvePoint> points = prCurvePoints(kShape, kFiveThresholds);
        std::string csv = prCurveCsvHeader();
        appendPrCurveCsv(csv, "run, one", "pr/cat", 7, 1700000000.25, points);
        const auto rows = parseCsv(csv);
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[0],
            (std::vector<std::string> {"run", "tag", "step", "wall_time", "threshold", "precision",
                "recall", "tp", "fp", "tn", "fn"}));
        QCOMPARE(rows[2],
            (std::vector<std::string> {"run, one", "pr/cat", "7", "1700000000.25", "0.25", "0.6",
                "0.75", "3", "2", "4", "1"}));
        QCOMPARE(rows[3][4], std::string("0.5"));
    }

    void torchPersonClass()
    {
        const auto snapshot = loadCorpusLogdir("c04_torch_pr_curves");
        if (!snapshot)
            QSKIP(qPrintable(corpusMissingMessage()));
        const TagSnapshot* tag = findTag(*snapshot, "runs", "person class");
        QVERIFY(tag);
        QCOMPARE(tag->kind, ValueKind::PrCurve);
        // Four files, each holding the same evaluation at step 0: TensorBoard's rule keeps the
        // last file's.
        QCOMPARE(tag->tensors.size(), std::size_t(1));
        const std::vector<PrCurvePoint> points = prCurvePoints(tag->tensors.back());
        QCOMPARE(tag->tensors.back().shape, (std::vector<std::int64_t> {6, 127}));
        QCOMPARE(points.size(), std::size_t(126)); // threshold 1 predicts nothing positive
        QCOMPARE(points[0], (PrCurvePoint {0.0, double(float(55.0 / 294)), 1.0, 55, 239, 0, 0}));
        QCOMPARE(points[125],
            (PrCurvePoint {125.0 / 126, double(float(55.0 / 56)), 1.0, 55, 1, 238, 0}));
    }

    // The writer's record is byte for byte the one torch.utils.tensorboard wrote for the same
    // counts, step and time.
    void writerMatchesTorchByteForByte()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const std::vector<std::string> torch = recordsOf(readBytes(
            *corpus / "c04_torch_pr_curves/runs/events.out.tfevents.1671394417.wiesel.3337025.7"));
        QCOMPARE(torch.size(), std::size_t(2));
        lantern::pb::Event event;
        QVERIFY(event.ParseFromString(torch[1]));
        const lantern::pb::Summary::Value& value = event.summary().value(0);
        const int n = int(value.tensor().tensor_shape().dim(1).size());
        PrCurveCounts counts;
        for (int row = 0; row < 4; ++row) {
            std::vector<double>& out = row == 0 ? counts.truePositives
                : row == 1                      ? counts.falsePositives
                : row == 2                      ? counts.trueNegatives
                                                : counts.falseNegatives;
            for (int i = 0; i < n; ++i)
                out.push_back(value.tensor().float_val(row * n + i));
        }
        QTemporaryDir temp;
        std::filesystem::path written;
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()));
            writer.addPrCurve(value.tag(), event.step(), counts, event.wall_time());
            written = writer.path();
        }
        const std::vector<std::string> ours = recordsOf(readBytes(written));
        QCOMPARE(ours.size(), std::size_t(2));
        QVERIFY(ours[1] == torch[1]);
    }

    void tensorboardXAnkleBoot()
    {
        const auto snapshot = loadCorpusLogdir("d01_tensorboardx_tutorial_mixed_with_torch");
        if (!snapshot)
            QSKIP(qPrintable(corpusMissingMessage()));
        const TagSnapshot* tag
            = findTag(*snapshot, "runs/fashion_mnist_experiment_1", "Ankle Boot");
        QVERIFY(tag);
        QCOMPARE(tag->tensors.size(), std::size_t(1));
        const std::vector<PrCurvePoint> points = prCurvePoints(tag->tensors[0]);
        QCOMPARE(points.size(), std::size_t(126));
        // 1013 ankle boots among 10000 test images.
        QCOMPARE(points[0], (PrCurvePoint {0.0, double(0.1013f), 1.0, 1013, 8987, 0, 0}));
        QCOMPARE(points[60],
            (PrCurvePoint {60.0 / 126, double(float(1010.0 / 1013)), double(float(1010.0 / 1013)),
                1010, 3, 8984, 3}));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestPrCurve)
#include "test_pr_curve.moc"
