// Rebinning onto common bins: counts split by overlap exactly as worked out by hand, zero-width
// buckets, conservation of the total, the common range, and the even sampling of steps.

#include "core/analysis/histogram_rebinning.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace lantern::core;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

double sum(std::span<const double> values)
{
    return std::accumulate(values.begin(), values.end(), 0.0);
}

} // namespace

class TestHistogramRebinning : public QObject {
    Q_OBJECT
private slots:
    void splitsByOverlap()
    {
        // [0,2):4 has density 2, [2,3):3 density 3. Three bins over [0,4], width 4/3:
        // bin 0 [0, 4/3] gets 2·4/3; bin 1 [4/3, 8/3] gets 2·2/3 + 3·2/3; bin 2 gets 3·1/3.
        const HistogramBucket buckets[] = {{0, 2, 4}, {2, 3, 3}};
        std::vector<double> bins(3, 0.0);
        rebinInto(buckets, 0, 4, bins);
        QVERIFY(near(bins[0], 8.0 / 3));
        QVERIFY(near(bins[1], 10.0 / 3));
        QVERIFY(near(bins[2], 1.0));
        QVERIFY(near(sum(bins), 7));
    }

    void commonRangeAndZeroWidthBuckets()
    {
        // Step A covers [0,3], step B [1,4] plus a zero-width bucket at 4 (the right edge: the
        // last bin). Common range [0,4], four bins of width 1.
        const HistogramBucket a[] = {{0, 2, 4}, {2, 3, 3}};
        const HistogramBucket b[] = {{1, 4, 6}, {4, 4, 2}};
        const std::span<const HistogramBucket> steps[] = {a, b};
        const RebinnedHistograms out = rebinHistograms(steps, 4);
        QCOMPARE(out.left, 0.0);
        QCOMPARE(out.right, 4.0);
        QCOMPARE(out.stepCount, 2u);
        QCOMPARE(out.binCount, 4u);
        const std::vector<double> expectedA {2, 2, 3, 0}, expectedB {0, 2, 2, 4};
        for (std::size_t i = 0; i < 4; ++i) {
            QVERIFY(near(out.row(0)[i], expectedA[i]));
            QVERIFY(near(out.row(1)[i], expectedB[i]));
        }
        QCOMPARE(out.binLeft(1), 1.0);
        QCOMPARE(out.binWidth(), 1.0);

        // A zero-width bucket inside a bin, and one on an inner edge (belongs to the bin it
        // starts).
        std::vector<double> bins(4, 0.0);
        const HistogramBucket points[] = {{0.5, 0.5, 1}, {2, 2, 5}};
        rebinInto(points, 0, 4, bins);
        QCOMPARE(bins, (std::vector<double> {1, 0, 5, 0}));
    }

    void conservesTotalOnRandomHistograms()
    {
        std::mt19937 random(7);
        std::uniform_real_distribution<double> uniform(-5, 5);
        std::vector<std::vector<HistogramBucket>> steps(50);
        double total = 0;
        for (auto& buckets : steps) {
            double edge = uniform(random);
            const int count = 1 + int(random() % 40);
            for (int i = 0; i < count; ++i) {
                const double width = (random() % 5 == 0) ? 0 : std::abs(uniform(random)) / 7;
                const double c = double(random() % 100);
                buckets.push_back({edge, edge + width, c});
                total += c;
                edge += width;
            }
        }
        std::vector<std::span<const HistogramBucket>> spans(steps.begin(), steps.end());
        for (std::size_t binCount : {1u, 7u, 30u, 200u}) {
            const RebinnedHistograms out = rebinHistograms(spans, binCount);
            QVERIFY(std::abs(sum(out.counts) - total) <= 1e-9 * total);
            for (std::size_t s = 0; s < steps.size(); ++s) {
                double expected = 0;
                for (const auto& bucket : steps[s])
                    expected += bucket.count;
                QVERIFY(std::abs(sum(out.row(s)) - expected) <= 1e-9 * std::max(1.0, expected));
            }
        }
    }

    void degenerateInputs()
    {
        // Every value equal: the range is widened so the bins have a width; all in one bin.
        const HistogramBucket constant[] = {{3, 3, 10}};
        const std::span<const HistogramBucket> steps[] = {constant, constant};
        const RebinnedHistograms out = rebinHistograms(steps, 30);
        QVERIFY(out.left < 3 && out.right > 3);
        QVERIFY(near(sum(out.counts), 20));
        QCOMPARE(*std::max_element(out.counts.begin(), out.counts.end()), 10.0);

        // No buckets at all: zero counts, no crash.
        const std::span<const HistogramBucket> empty[] = {{}, {}};
        const RebinnedHistograms none = rebinHistograms(empty, 30);
        QCOMPARE(none.counts.size(), 60u);
        QCOMPARE(sum(none.counts), 0.0);
        QCOMPARE(rebinHistograms({}, 30).stepCount, 0u);
    }

    void hugeRangesFromDivergedWeights()
    {
        // Weights that exploded: the common range spans nearly the whole double range, whose
        // width overflows. This once never returned (a NaN bin index).
        const std::vector<HistogramBucket> diverged = {{-1e308, -1e307, 5}, {1e307, 1.5e308, 7}};
        const std::vector<HistogramBucket> normal = {{-1, 0, 2}, {0, 1, 3}};
        const std::vector<std::span<const HistogramBucket>> steps = {diverged, normal};
        const RebinnedHistograms rebinned = rebinHistograms(steps, 30);
        double first = 0, second = 0;
        for (std::size_t bin = 0; bin < 30; ++bin) {
            first += rebinned.counts[bin];
            second += rebinned.counts[30 + bin];
        }
        QCOMPARE(first, 12.0);
        QCOMPARE(second, 5.0);
        for (const double count : rebinned.counts)
            QVERIFY(std::isfinite(count) && count >= 0);
        QVERIFY(rebinned.counts[0] > 0 && rebinned.counts[29] > 0);
    }

    void oneBucketSpanningEveryDouble()
    {
        // What the demo's diverged run writes: one bucket from -DBL_MAX to DBL_MAX. A count times
        // a bin's overlap overflowed to infinity, and right - left overflows for the labels.
        constexpr double kMax = std::numeric_limits<double>::max();
        const std::vector<HistogramBucket> everything = {{-kMax, kMax, 32000}};
        const std::vector<std::span<const HistogramBucket>> steps = {everything};
        const RebinnedHistograms rebinned = rebinHistograms(steps, 30);
        for (const double count : rebinned.counts)
            QVERIFY2(near(count, 32000.0 / 30), qPrintable(QString::number(count)));
        QVERIFY(near(sum(rebinned.counts), 32000));
        QVERIFY(std::isfinite(rebinned.binWidth()) && rebinned.binWidth() > 0);
        QCOMPARE(rebinned.binLeft(0), -kMax);
        QCOMPARE(rebinned.binLeft(15), 0.0);
        QVERIFY(rebinned.binLeft(29) + rebinned.binWidth() <= kMax);
    }

    void samplesStepsEvenly()
    {
        QCOMPARE(sampleStepIndices(10, 4), (std::vector<std::size_t> {0, 3, 6, 9}));
        QCOMPARE(sampleStepIndices(10, 3), (std::vector<std::size_t> {0, 5, 9}));
        QCOMPARE(sampleStepIndices(4, 10), (std::vector<std::size_t> {0, 1, 2, 3}));
        QCOMPARE(sampleStepIndices(7, 1), (std::vector<std::size_t> {0, 6}));
        QVERIFY(sampleStepIndices(0, 5).empty());
        const auto many = sampleStepIndices(10000, 150);
        QCOMPARE(many.size(), 150u);
        QCOMPARE(many.front(), 0u);
        QCOMPARE(many.back(), 9999u);
        QVERIFY(std::adjacent_find(many.begin(), many.end(), std::greater_equal<>()) == many.end());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestHistogramRebinning)
#include "test_histogram_rebinning.moc"
