// The Scalars data table's statistics against brute force over the plain points: the point
// nearest a step, a range's points, first and last values, min, max, sum and finite count — on
// random series with NaN and ±inf, repeated steps, every size around the chunk boundaries, after
// purges, and for a sum pyramid extended as the series grows.

#include "core/analysis/step_statistics.h"
#include "core/store/scalar_series.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace lantern::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Steps rising by 0–3 (some repeated), values mostly normal with some NaN and ±inf.
std::vector<ScalarPoint> randomPoints(std::size_t count, std::mt19937_64& random)
{
    std::vector<ScalarPoint> points;
    std::normal_distribution<double> value(5, 100);
    std::uniform_int_distribution<int> gap(0, 3);
    std::uniform_int_distribution<int> kind(0, 49);
    std::int64_t step = std::int64_t(random() % 1000) - 500;
    for (std::size_t i = 0; i < count; ++i) {
        step += gap(random);
        const int k = kind(random);
        const double v = k == 0 ? kNaN : k == 1 ? kInf : k == 2 ? -kInf : value(random);
        points.push_back({step, 1.6e9 + double(i) * 0.5, v});
    }
    return points;
}

ScalarSeries seriesOf(const std::vector<ScalarPoint>& points)
{
    ScalarSeries series;
    for (const ScalarPoint& p : points)
        series.append(p);
    return series;
}

RangeStatistics bruteForce(const std::vector<ScalarPoint>& points, std::int64_t lo, std::int64_t hi)
{
    RangeStatistics expected;
    for (const ScalarPoint& p : points) {
        if (p.step < lo || p.step > hi)
            continue;
        if (expected.count == 0)
            expected.first = p;
        expected.last = p;
        ++expected.count;
        if (std::isfinite(p.value)) {
            ++expected.finiteCount;
            expected.sum += p.value;
            expected.min = std::isnan(expected.min) ? p.value : std::min(expected.min, p.value);
            expected.max = std::isnan(expected.max) ? p.value : std::max(expected.max, p.value);
        }
    }
    return expected;
}

bool samePoint(const ScalarPoint& a, const ScalarPoint& b)
{
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    return a.step == b.step && same(a.wallTime, b.wallTime) && same(a.value, b.value);
}

bool matches(const RangeStatistics& got, const RangeStatistics& expected)
{
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    if (got.count != expected.count || got.finiteCount != expected.finiteCount)
        return false;
    if (got.count > 0
        && (!samePoint(got.first, expected.first) || !samePoint(got.last, expected.last)))
        return false;
    // The sum is added in another order: equal to rounding.
    const double tolerance
        = 1e-9 * std::max(1.0, std::abs(expected.sum) + double(expected.finiteCount));
    return same(got.min, expected.min) && same(got.max, expected.max)
        && std::abs(got.sum - expected.sum) <= tolerance && same(got.change(), expected.change());
}

// Random ranges, some empty, some past either end, some a single step, some everything.
void checkRanges(const std::vector<ScalarPoint>& points, const ScalarSnapshot& snapshot,
    const ScalarSumPyramid& pyramid, std::mt19937_64& random, int trials)
{
    const std::int64_t first = points.empty() ? 0 : points.front().step;
    const std::int64_t last = points.empty() ? 0 : points.back().step;
    std::uniform_int_distribution<std::int64_t> anywhere(first - 20, last + 20);
    for (int t = 0; t < trials; ++t) {
        std::int64_t lo = anywhere(random);
        std::int64_t hi = t % 7 == 0 ? lo : anywhere(random);
        if (t == 1) {
            lo = std::numeric_limits<std::int64_t>::min();
            hi = std::numeric_limits<std::int64_t>::max();
        }
        const RangeStatistics expected = bruteForce(points, lo, hi);
        const RangeStatistics fast = pyramid.statistics(snapshot, lo, hi);
        const RangeStatistics scanned = scanRangeStatistics(snapshot, lo, hi);
        QVERIFY2(matches(fast, expected),
            qPrintable(QString("pyramid, %1 points, [%2, %3]").arg(points.size()).arg(lo).arg(hi)));
        QVERIFY2(matches(scanned, expected),
            qPrintable(QString("scan, %1 points, [%2, %3]").arg(points.size()).arg(lo).arg(hi)));
        const IndexRange indices = indicesWithin(snapshot, lo, hi);
        QCOMPARE(indices.empty() ? std::size_t(0) : indices.last - indices.first, expected.count);
    }
}

void checkNearest(const std::vector<ScalarPoint>& points, const ScalarSnapshot& snapshot,
    std::mt19937_64& random, int trials)
{
    if (points.empty()) {
        QVERIFY(!indexNearestStep(snapshot, 0));
        return;
    }
    std::uniform_int_distribution<std::int64_t> anywhere(
        points.front().step - 10, points.back().step + 10);
    for (int t = 0; t < trials; ++t) {
        const std::int64_t step = anywhere(random);
        // The lowest index whose distance is the least (ties between steps: the lower one).
        std::size_t best = 0;
        for (std::size_t i = 1; i < points.size(); ++i)
            if (std::abs(points[i].step - step) < std::abs(points[best].step - step))
                best = i;
        const std::optional<std::size_t> got = indexNearestStep(snapshot, step);
        QVERIFY(got.has_value());
        QCOMPARE(points[*got].step, points[best].step);
    }
}

} // namespace

class TestStepStatistics : public QObject {
    Q_OBJECT
private slots:
    void againstBruteForce_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {0, 1, 2, 127, 128, 129, 1000, 1024, 1025, 9000, 70000})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }
    void againstBruteForce()
    {
        QFETCH(int, size);
        std::mt19937_64 random(std::uint64_t(size) * 7919 + 1);
        const std::vector<ScalarPoint> points = randomPoints(std::size_t(size), random);
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        const ScalarSumPyramid pyramid = ScalarSumPyramid::of(snapshot, nullptr);
        QCOMPARE(pyramid.chunkCount(), snapshot.chunkCount());
        checkRanges(points, snapshot, pyramid, random, 300);
        checkNearest(points, snapshot, random, 200);
    }

    void growingSeriesExtendsItsPyramid()
    {
        std::mt19937_64 random(17);
        const std::vector<ScalarPoint> all = randomPoints(40000, random);
        ScalarSeries series;
        std::optional<ScalarSumPyramid> pyramid;
        std::size_t at = 0;
        for (const std::size_t grownTo : {std::size_t(100), std::size_t(1500), std::size_t(9999),
                 std::size_t(10240), std::size_t(40000)}) {
            for (; at < grownTo; ++at)
                series.append(all[at]);
            const ScalarSnapshot snapshot = series.snapshot();
            pyramid = ScalarSumPyramid::of(snapshot, pyramid ? &*pyramid : nullptr);
            const std::vector<ScalarPoint> points(all.begin(), all.begin() + std::ptrdiff_t(at));
            checkRanges(points, snapshot, *pyramid, random, 100);
        }
        // A pyramid of an older snapshot answers for a newer one too: newer chunks are scanned.
        const ScalarSumPyramid old
            = ScalarSumPyramid::of(seriesOf({all.begin(), all.begin() + 5000}).snapshot(), nullptr);
        checkRanges(all, series.snapshot(), old, random, 100);
    }

    void purgedSeriesRebuildsItsPyramid()
    {
        std::mt19937_64 random(23);
        std::vector<ScalarPoint> points = randomPoints(30000, random);
        ScalarSeries series = seriesOf(points);
        const ScalarSumPyramid before = ScalarSumPyramid::of(series.snapshot(), nullptr);
        // A restart at an earlier step drops every later point.
        const std::int64_t cut = points[12345].step;
        series.removeFromStep(cut);
        std::erase_if(points, [cut](const ScalarPoint& p) { return p.step >= cut; });
        const ScalarSnapshot snapshot = series.snapshot();
        const ScalarSumPyramid after = ScalarSumPyramid::of(snapshot, &before);
        QCOMPARE(after.chunkCount(), snapshot.chunkCount());
        checkRanges(points, snapshot, after, random, 200);
        checkNearest(points, snapshot, random, 100);
    }

    void rangesOfOnlyNonFiniteValues()
    {
        const std::vector<ScalarPoint> points {{1, 0, kNaN}, {2, 0, kInf}, {3, 0, -kInf}};
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        const RangeStatistics s
            = ScalarSumPyramid::of(snapshot, nullptr).statistics(snapshot, 0, 9);
        QCOMPARE(s.count, std::size_t(3));
        QCOMPARE(s.finiteCount, std::size_t(0));
        QVERIFY(std::isnan(s.min) && std::isnan(s.max) && std::isnan(s.mean()));
        QVERIFY(std::isnan(s.change())); // -inf - NaN
    }
};

LANTERN_TEST_GUILESS_MAIN(TestStepStatistics)
#include "test_step_statistics.moc"
