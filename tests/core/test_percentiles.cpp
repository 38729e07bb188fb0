// Distribution compression at TensorBoard's nine basis points, against values worked out by
// hand, and the awkward inputs: empty, zero counts, one bucket, every value equal.

#include "core/analysis/percentiles.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace lantern::core;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

QString describe(const DistributionValues& values)
{
    QStringList parts;
    for (double v : values)
        parts.append(QString::number(v, 'g', 17));
    return parts.join(QStringLiteral(", "));
}

void compareValues(const std::optional<DistributionValues>& got, const DistributionValues& expected)
{
    QVERIFY(got.has_value());
    for (std::size_t k = 0; k < expected.size(); ++k)
        QVERIFY2(near((*got)[k], expected[k]),
            qPrintable(QStringLiteral("basis point %1: got [%2], expected [%3]")
                           .arg(kDistributionBasisPoints[k])
                           .arg(describe(*got), describe(expected))));
}

} // namespace

class TestPercentiles : public QObject {
    Q_OBJECT
private slots:
    void handComputed()
    {
        // Counts 1, 2, 1 over [0,1), [1,2), [2,4): cumulative 2500, 7500, 10000 of 10000.
        // 668 lies in the first bucket: 0 + 668/2500 · 1; 3085 in the second: 1 + 585/5000 · 1;
        // 8413 in the third: 2 + 913/2500 · 2.
        const HistogramBucket buckets[] = {{0, 1, 1}, {1, 2, 2}, {2, 4, 1}};
        compareValues(
            compressHistogram(buckets), {0, 0.2672, 0.6348, 1.117, 1.5, 1.883, 2.7304, 3.4656, 4});
    }

    void bucketSpanningEveryDouble()
    {
        // A diverged run's one bucket from -DBL_MAX to DBL_MAX: the values spread evenly across
        // it (the bucket's width overflows, so interpolating by it gave infinity, clamped to max).
        constexpr double kMax = std::numeric_limits<double>::max();
        const HistogramBucket buckets[] = {{-kMax, kMax, 32000}};
        DistributionValues expected {};
        for (std::size_t k = 0; k < expected.size(); ++k)
            expected[k] = kMax * (kDistributionBasisPoints[k] / 5000.0 - 1);
        compareValues(compressHistogram(buckets), expected);
    }

    void emptyBucketsAreSkippedAndBoundTheRange()
    {
        // TF2 tensors often carry empty buckets at the ends and in the middle: min and max come
        // from the buckets that hold counts, and an empty bucket never receives a basis point.
        const HistogramBucket buckets[]
            = {{-10, 0, 0}, {0, 1, 1}, {1, 1.5, 0}, {1.5, 2.5, 2}, {2.5, 4.5, 1}, {4.5, 9, 0}};
        compareValues(compressHistogram(buckets),
            {0, 0.2672, 0.6348, 1.617, 2.0, 2.383, 3.2304, 3.9656, 4.5});
    }

    void emptyHistogram()
    {
        QVERIFY(!compressHistogram({}).has_value());
        const HistogramBucket zeros[] = {{0, 1, 0}, {1, 2, 0}};
        QVERIFY(!compressHistogram(zeros).has_value());
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const HistogramBucket junk[] = {{nan, 1, 3}, {0, 1, nan}, {0, 1, -2}};
        QVERIFY(!compressHistogram(junk).has_value());
    }

    void singleBucket()
    {
        // Uniform inside the one bucket: value = left + (b / 10000) · width.
        const HistogramBucket bucket[] = {{-1, 3, 7}};
        compareValues(
            compressHistogram(bucket), {-1, -0.7328, -0.3652, 0.234, 1, 1.766, 2.3652, 2.7328, 3});
    }

    void allEqual()
    {
        // A constant tensor: TF2 writes one zero-width bucket, TF1 min == max.
        const HistogramBucket bucket[] = {{2.5, 2.5, 1000}};
        compareValues(compressHistogram(bucket), {2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5});
        const HistogramBucket withEmpty[] = {{0, 2.5, 0}, {2.5, 2.5, 3}, {2.5, 5, 0}};
        compareValues(compressHistogram(withEmpty), {2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5});
    }

    void valuesRiseAndStayInRange()
    {
        const HistogramBucket buckets[]
            = {{-3, -1, 5}, {-1, -0.5, 40}, {-0.5, 0.5, 300}, {0.5, 1, 40}, {1, 3, 5}};
        const auto values = compressHistogram(buckets);
        QVERIFY(values);
        QCOMPARE(values->front(), -3.0);
        QCOMPARE(values->back(), 3.0);
        for (std::size_t k = 1; k < values->size(); ++k)
            QVERIFY((*values)[k - 1] <= (*values)[k]);
        QVERIFY(near((*values)[4], 0.0)); // symmetric: the median is the centre
    }
};

LANTERN_TEST_GUILESS_MAIN(TestPercentiles)
#include "test_percentiles.moc"
