// Decimation against a brute-force reference over the decoded points: for many series, ranges and
// widths, every column's first, min, max and last point, the points just outside the range, and
// the few-points path must come out identical.

#include "core/analysis/decimation.h"
#include "core/analysis/first_where.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

using namespace lantern::core;

namespace {

constexpr std::size_t kChunk = ScalarSnapshot::kChunkSize;
constexpr std::size_t kFanout = ScalarSnapshot::kFanout;

using lantern::test::bitsOf;
using lantern::test::sameBits;

double xOf(const ScalarPoint& p, DecimationAxis axis)
{
    return axis == DecimationAxis::Step ? double(p.step) : p.wallTime;
}

// The definition in decimation.h, written the obvious way: one pass over every point.
DecimatedSeries reference(const std::vector<ScalarPoint>& points, const DecimationQuery& q)
{
    DecimatedSeries out;
    if (q.columns == 0 || !(q.x0 <= q.x1) || !std::isfinite(q.x0) || !std::isfinite(q.x1))
        return out;
    std::size_t before = SIZE_MAX, after = SIZE_MAX;
    std::vector<std::size_t> inRange;
    for (std::size_t i = std::size_t(q.fromIndex); i < points.size(); ++i) {
        const double x = xOf(points[i], q.axis);
        if (std::isnan(x))
            continue;
        if (x < q.x0) {
            if (before == SIZE_MAX || x >= xOf(points[before], q.axis))
                before = i;
        } else if (x > q.x1) {
            if (after == SIZE_MAX || x < xOf(points[after], q.axis))
                after = i;
        } else {
            inRange.push_back(i);
        }
    }
    std::vector<std::size_t> kept;
    if (inRange.size() <= 4 * q.columns && q.fromIndex == 0) {
        out.allPoints = true;
        kept = inRange;
    } else {
        double scale = double(q.columns) / (q.x1 - q.x0);
        if (!(q.x1 > q.x0) || !std::isfinite(scale))
            scale = 0;
        struct Column {
            std::size_t first = SIZE_MAX, last = 0, min = SIZE_MAX, max = SIZE_MAX;
        };
        std::vector<Column> columns(q.columns);
        for (std::size_t i : inRange) {
            const double c = (xOf(points[i], q.axis) - q.x0) * scale;
            Column& col = columns[c < double(q.columns) ? std::size_t(c) : q.columns - 1];
            if (col.first == SIZE_MAX)
                col.first = i;
            col.last = i;
            const double v = points[i].value;
            if (!std::isfinite(v))
                continue;
            if (col.min == SIZE_MAX || v < points[col.min].value)
                col.min = i;
            if (col.max == SIZE_MAX || v > points[col.max].value)
                col.max = i;
        }
        for (const Column& col : columns) {
            if (col.first == SIZE_MAX)
                continue;
            std::vector<std::size_t> four {col.first, col.last};
            if (col.min != SIZE_MAX) {
                four.push_back(col.min);
                four.push_back(col.max);
            }
            std::sort(four.begin(), four.end());
            four.erase(std::unique(four.begin(), four.end()), four.end());
            kept.insert(kept.end(), four.begin(), four.end());
        }
    }
    if (before != SIZE_MAX) {
        kept.insert(kept.begin(), before);
        out.hasPointBefore = true;
    }
    if (after != SIZE_MAX) {
        kept.push_back(after);
        out.hasPointAfter = true;
    }
    for (std::size_t i : kept) {
        out.points.push_back(points[i]);
        out.indices.push_back(i);
    }
    return out;
}

QByteArray describe(const DecimationQuery& q)
{
    return QByteArray(q.axis == DecimationAxis::Step ? "step" : "wall") + " ["
        + QByteArray::number(q.x0, 'g', 17) + ", " + QByteArray::number(q.x1, 'g', 17)
        + "] W=" + QByteArray::number(qulonglong(q.columns))
        + " from=" + QByteArray::number(qulonglong(q.fromIndex));
}

// Returns false (after a QTest failure) on the first difference.
bool matchesReference(const ScalarSnapshot& snapshot, const std::vector<ScalarPoint>& points,
    const DecimationQuery& q)
{
    const DecimatedSeries expected = reference(points, q);
    const DecimatedSeries got = decimate(snapshot, q);
    const QByteArray where = describe(q);
    if (got.allPoints != expected.allPoints || got.hasPointBefore != expected.hasPointBefore
        || got.hasPointAfter != expected.hasPointAfter) {
        QTest::qFail(where + ": flags differ", __FILE__, __LINE__);
        return false;
    }
    if (got.indices != expected.indices) {
        QTest::qFail(where + ": indices differ ("
                + QByteArray::number(qulonglong(got.indices.size())) + " vs "
                + QByteArray::number(qulonglong(expected.indices.size())) + " points)",
            __FILE__, __LINE__);
        return false;
    }
    for (std::size_t i = 0; i < got.size(); ++i)
        if (!sameBits(got.points[i], expected.points[i])) {
            QTest::qFail(where + ": point differs", __FILE__, __LINE__);
            return false;
        }
    // Without full points: the same points, x and value exact, the other field 0 or exact.
    DecimationQuery lean = q;
    lean.fullPoints = false;
    const DecimatedSeries partial = decimate(snapshot, lean);
    if (partial.indices != expected.indices) {
        QTest::qFail(where + ": indices differ without full points", __FILE__, __LINE__);
        return false;
    }
    for (std::size_t i = 0; i < partial.size(); ++i) {
        const ScalarPoint& p = partial.points[i];
        const ScalarPoint& e = expected.points[i];
        const bool other = q.axis == DecimationAxis::Step
            ? bitsOf(p.wallTime) == bitsOf(e.wallTime) || p.wallTime == 0
            : p.step == e.step || p.step == 0;
        if (bitsOf(xOf(p, q.axis)) != bitsOf(xOf(e, q.axis)) || bitsOf(p.value) != bitsOf(e.value)
            || !other) {
            QTest::qFail(where + ": partial point differs", __FILE__, __LINE__);
            return false;
        }
    }
    // Never more than first, min, max and last per column, plus the two edge points.
    if (!got.allPoints && got.size() > 4 * q.columns + 2) {
        QTest::qFail(where + ": too many points", __FILE__, __LINE__);
        return false;
    }
    return true;
}

// Two answers alike to the bit, partial points included.
bool sameAnswer(const DecimatedSeries& a, const DecimatedSeries& b)
{
    if (a.allPoints != b.allPoints || a.hasPointBefore != b.hasPointBefore
        || a.hasPointAfter != b.hasPointAfter || a.indices != b.indices)
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!sameBits(a.points[i], b.points[i]))
            return false;
    return true;
}

ScalarSeries seriesOf(const std::vector<ScalarPoint>& points)
{
    ScalarSeries series;
    for (const ScalarPoint& p : points)
        series.append(p);
    return series;
}

enum class Shape { Training, SteppyWithTies, WildValues, BackwardsWallTimes, NaNWallTimes };

std::vector<ScalarPoint> makeSeries(std::mt19937_64& rng, std::size_t n, Shape shape)
{
    std::vector<ScalarPoint> points;
    std::int64_t step = std::int64_t(rng() % 100) - 50;
    std::int64_t micros = 1'700'000'000'000'000;
    std::normal_distribution<double> noise(0.0, 1.0);
    const double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
        double value = 2.0 * std::exp(-double(i) / double(n / 4 + 1)) + 0.1 * noise(rng);
        double wall = double(micros) / 1e6;
        switch (shape) {
        case Shape::Training:
            step += 1;
            break;
        case Shape::SteppyWithTies:
            step += std::int64_t(rng() % 4 == 0 ? rng() % 50 : 0); // runs of equal steps
            value = double(std::int64_t(rng() % 5)); // many equal values: ties
            break;
        case Shape::WildValues:
            step += std::int64_t(rng() % 3);
            if (rng() % 10 == 0)
                value = std::array<double, 4> {std::nan(""), inf, -inf, -0.0}[rng() % 4];
            if ((i / 300) % 5 == 2)
                value = std::nan(""); // long stretches with nothing finite
            break;
        case Shape::BackwardsWallTimes:
            step += 1;
            wall = 1.7e9 + std::uniform_real_distribution<double>(0, double(n) * 0.01)(rng);
            break;
        case Shape::NaNWallTimes:
            step += 1;
            if (rng() % 40 == 0)
                wall = std::nan("");
            break;
        }
        micros += 10'000 + std::int64_t(rng() % 90'000);
        points.push_back({step, wall, value});
    }
    return points;
}

// Random ranges: inside, around, beyond and at exact point coordinates, some degenerate.
DecimationQuery randomQuery(
    std::mt19937_64& rng, const std::vector<ScalarPoint>& points, DecimationAxis axis)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const ScalarPoint& p : points) {
        const double x = xOf(p, axis);
        if (!std::isnan(x)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    }
    if (!(lo <= hi))
        lo = hi = 0;
    const double span = std::max(hi - lo, 1.0);
    std::uniform_real_distribution<double> around(lo - 0.1 * span, hi + 0.1 * span);
    const std::size_t widths[] = {1, 2, 3, 7, 50, 333, 1000, 2000};
    DecimationQuery q;
    q.axis = axis;
    q.columns = widths[rng() % std::size(widths)];
    switch (rng() % 6) {
    case 0: // everything
        q.x0 = lo;
        q.x1 = hi;
        break;
    case 1: { // at exact point coordinates
        q.x0 = xOf(points[rng() % points.size()], axis);
        q.x1 = xOf(points[rng() % points.size()], axis);
        break;
    }
    case 2: { // a narrow zoom
        q.x0 = around(rng);
        q.x1 = q.x0 + span * std::pow(10.0, -double(rng() % 5));
        break;
    }
    case 3: // a single x
        q.x0 = q.x1 = xOf(points[rng() % points.size()], axis);
        break;
    default:
        q.x0 = around(rng);
        q.x1 = around(rng);
        break;
    }
    if (std::isnan(q.x0) || std::isnan(q.x1))
        q.x0 = q.x1 = lo;
    if (q.x0 > q.x1 && rng() % 4 != 0)
        std::swap(q.x0, q.x1); // an inverted range now and then: empty result
    if (rng() % 4 == 0)
        q.fromIndex = rng() % (points.size() + 2); // the series taken from some point on
    return q;
}

} // namespace

class TestDecimation : public QObject {
    Q_OBJECT
private slots:
    void searchesFromAnyGuessFindTheFirstTrue()
    {
        // Every range up to 40 wide, every answer in it (or none), every guess, in or out.
        for (std::size_t lo = 0; lo < 3; ++lo)
            for (std::size_t hi = lo; hi < lo + 40; ++hi)
                for (std::size_t answer = lo; answer <= hi; ++answer) {
                    const auto pred = [&](std::size_t i) {
                        if (i < lo || i >= hi)
                            QTest::qFail("probed outside the range", __FILE__, __LINE__);
                        return i >= answer;
                    };
                    QCOMPARE(firstWhere(lo, hi, pred), answer);
                    QCOMPARE(firstWhereNear(lo, hi, pred), answer);
                    for (std::size_t guess = 0; guess < hi + 3; ++guess)
                        QCOMPARE(firstWhereFrom(lo, hi, guess, pred), answer);
                }
        QCOMPARE(positionAt(10, 20, 0.0), std::size_t(10));
        QCOMPARE(positionAt(10, 20, 0.44), std::size_t(14));
        QCOMPARE(positionAt(10, 20, 0.46), std::size_t(15));
        QCOMPARE(positionAt(10, 20, 7.0), std::size_t(20));
        QCOMPARE(positionAt(10, 20, -1.0), std::size_t(10));
        QCOMPARE(positionAt(10, 20, std::numeric_limits<double>::quiet_NaN()), std::size_t(10));
        QCOMPARE(positionAt(10, 20, std::numeric_limits<double>::infinity()), std::size_t(20));
    }

    void matchesBruteForceOnRandomData_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("axis");
        const int sizes[] = {1, 7, int(kChunk) + 3, 9000, int(kFanout * kFanout * kChunk) + 777};
        for (int shape = 0; shape <= int(Shape::NaNWallTimes); ++shape)
            for (int size : sizes)
                for (int axis = 0; axis < 2; ++axis)
                    QTest::addRow("shape%d-n%d-%s", shape, size, axis ? "wall" : "step")
                        << shape << size << axis;
    }

    void matchesBruteForceOnRandomData()
    {
        QFETCH(int, shape);
        QFETCH(int, size);
        QFETCH(int, axis);
        std::mt19937_64 rng(std::uint64_t(shape * 1000 + size + axis));
        const std::vector<ScalarPoint> points = makeSeries(rng, std::size_t(size), Shape(shape));
        ScalarSeries series = seriesOf(points);
        const ScalarSnapshot snapshot = series.snapshot();
        const int queries = size > 100'000 ? 60 : 250;
        for (int k = 0; k < queries; ++k)
            if (!matchesReference(snapshot, points, randomQuery(rng, points, DecimationAxis(axis))))
                return;
    }

    void aggregatesWholeNodesOnLongSeries()
    {
        // A long, smooth series where whole chunks and whole groups fall inside one column:
        // the pyramid path, checked against brute force at many widths.
        std::mt19937_64 rng(11);
        const std::size_t n = 3 * kFanout * kFanout * kChunk + 1234;
        const std::vector<ScalarPoint> points = makeSeries(rng, n, Shape::Training);
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        for (std::size_t w : {1, 2, 5, 16, 100, 640, 1999, 2000, 4096})
            for (DecimationAxis axis : {DecimationAxis::Step, DecimationAxis::WallTime}) {
                const double lo = xOf(points.front(), axis), hi = xOf(points.back(), axis);
                for (double f0 : {0.0, 0.013, 0.5})
                    for (double f1 : {0.5001, 0.9, 1.0}) {
                        const DecimationQuery q {axis, lo + (hi - lo) * f0, lo + (hi - lo) * f1, w};
                        if (!matchesReference(snapshot, points, q))
                            return;
                    }
            }
    }

    void edgePointsReachBeyondTheRange()
    {
        std::vector<ScalarPoint> points;
        for (int i = 0; i < 3000; ++i)
            points.push_back({i * 10, 1000.0 + i, double(i % 17)});
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        // Between points: the neighbours on both sides come along.
        DecimatedSeries d = decimate(snapshot, {DecimationAxis::Step, 1005, 20005, 100});
        QVERIFY(d.hasPointBefore && d.hasPointAfter && !d.allPoints);
        QCOMPARE(d.points.front().step, std::int64_t(1000));
        QCOMPARE(d.points.back().step, std::int64_t(20010));
        // On points: the range is inclusive, the edges are strictly outside.
        d = decimate(snapshot, {DecimationAxis::Step, 1000, 1100, 100});
        QVERIFY(d.allPoints);
        QCOMPARE(d.size(), std::size_t(11 + 2));
        QCOMPARE(d.points[1].step, std::int64_t(1000));
        QCOMPARE(d.points.front().step, std::int64_t(990));
        QCOMPARE(d.points.back().step, std::int64_t(1110));
        // At the ends of the series there is nothing beyond.
        d = decimate(snapshot, {DecimationAxis::Step, -50, 29990, 10});
        QVERIFY(!d.hasPointBefore && !d.hasPointAfter);
        QCOMPARE(d.points.front().step, std::int64_t(0));
        QCOMPARE(d.points.back().step, std::int64_t(29990));
        // A range between two points holds none, but still gets both neighbours for the line.
        d = decimate(snapshot, {DecimationAxis::Step, 101, 109, 10});
        QVERIFY(d.allPoints && d.hasPointBefore && d.hasPointAfter);
        QCOMPARE(d.size(), std::size_t(2));
        QCOMPARE(d.indices, (std::vector<std::uint64_t> {10, 11}));
        // Entirely before or after the series.
        d = decimate(snapshot, {DecimationAxis::Step, 50'000, 60'000, 10});
        QVERIFY(d.hasPointBefore && !d.hasPointAfter);
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(d.points.front().step, std::int64_t(29990));
        d = decimate(snapshot, {DecimationAxis::Step, -600, -500, 10});
        QVERIFY(!d.hasPointBefore && d.hasPointAfter);
        QCOMPARE(d.points.front().step, std::int64_t(0));
        // Nothing at all for nonsense.
        QVERIFY(decimate(snapshot, {DecimationAxis::Step, 10, 5, 10}).size() == 0);
        QVERIFY(decimate(snapshot, {DecimationAxis::Step, 0, 100, 0}).size() == 0);
        QVERIFY(decimate(snapshot,
                    {DecimationAxis::Step, 0, std::numeric_limits<double>::infinity(), 10})
                    .size()
            == 0);
        QVERIFY(decimate(ScalarSnapshot(), {DecimationAxis::Step, 0, 100, 10}).size() == 0);
    }

    void fewPointsComeBackExactly()
    {
        std::mt19937_64 rng(12);
        const std::vector<ScalarPoint> points = makeSeries(rng, 50'000, Shape::Training);
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        const std::int64_t first = points.front().step;
        // 4·W points in range: all of them; one more: decimated.
        DecimatedSeries d = decimate(
            snapshot, {DecimationAxis::Step, double(first + 1000), double(first + 1399), 100});
        QVERIFY(d.allPoints);
        QCOMPARE(d.size(), std::size_t(400 + 2));
        for (std::size_t i = 1; i + 1 < d.size(); ++i) {
            QCOMPARE(d.indices[i], std::uint64_t(1000 + i - 1));
            QCOMPARE(d.points[i], points[1000 + i - 1]);
        }
        d = decimate(
            snapshot, {DecimationAxis::Step, double(first + 1000), double(first + 1400), 100});
        QVERIFY(!d.allPoints);
        QVERIFY(d.size() <= 4 * 100 + 2);
    }

    void wallTimeAxisAndRelativeTime()
    {
        std::mt19937_64 rng(13);
        const std::vector<ScalarPoint> points = makeSeries(rng, 70'000, Shape::Training);
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        // Relative time: hours since the first point; the caller offsets the range.
        const double start = points.front().wallTime;
        const double hours0 = 0.1, hours1 = 1.2;
        const DecimationQuery q {
            DecimationAxis::WallTime, start + hours0 * 3600, start + hours1 * 3600, 800};
        QVERIFY(matchesReference(snapshot, points, q));
        const DecimatedSeries d = decimate(snapshot, q);
        QVERIFY(!d.allPoints);
        for (std::size_t i = 1; i + 1 < d.size(); ++i) {
            QVERIFY(d.points[i].wallTime >= q.x0 && d.points[i].wallTime <= q.x1);
            QCOMPARE(d.points[i], snapshot[d.indices[i]]);
            QVERIFY(d.indices[i] > d.indices[i - 1]);
        }
    }

    void appendedMatchesDecimatingAgain_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("axis");
        for (int shape = 0; shape <= int(Shape::NaNWallTimes); ++shape)
            for (int axis = 0; axis < 2; ++axis)
                QTest::addRow("shape%d-%s", shape, axis ? "wall" : "step") << shape << axis;
    }

    // A live series grows in batches under a fixed view: updating the last answer must give
    // exactly what decimating again gives, and on a steadily growing x only redo the tail.
    void appendedMatchesDecimatingAgain()
    {
        QFETCH(int, shape);
        QFETCH(int, axis);
        std::mt19937_64 rng(std::uint64_t(77 + shape * 10 + axis));
        const std::vector<ScalarPoint> points = makeSeries(rng, 40'000, Shape(shape));
        const bool monotonic = Shape(shape) == Shape::Training
            || (axis == 0 && Shape(shape) != Shape::BackwardsWallTimes);
        for (int view = 0; view < 6; ++view) {
            DecimationQuery q = randomQuery(rng, points, DecimationAxis(axis));
            q.fromIndex = 0;
            if (view == 0) { // the whole series, as a plot that follows the data shows it
                q.x0 = xOf(points.front(), q.axis);
                q.x1 = xOf(points.back(), q.axis);
                q.columns = 500;
            }
            ScalarSeries series;
            DecimatedSeries kept;
            std::size_t next = 0, tailOnly = 0, updates = 0;
            while (next < points.size()) {
                const std::size_t batch
                    = std::min<std::size_t>(1 + rng() % 1500, points.size() - next);
                for (std::size_t i = 0; i < batch; ++i)
                    series.append(points[next + i]);
                next += batch;
                const ScalarSnapshot snapshot = series.snapshot();
                tailOnly += decimateAppended(snapshot, q, kept);
                ++updates;
                const DecimatedSeries expected = decimate(snapshot, q);
                QVERIFY2(kept.indices == expected.indices, describe(q));
                QCOMPARE(kept.hasPointBefore, expected.hasPointBefore);
                QCOMPARE(kept.hasPointAfter, expected.hasPointAfter);
                QCOMPARE(kept.allPoints, expected.allPoints);
                for (std::size_t i = 0; i < kept.size(); ++i)
                    QVERIFY(sameBits(kept.points[i], expected.points[i]));
            }
            if (view == 0 && monotonic)
                QVERIFY2(tailOnly * 2 > updates, "most updates redo only the tail");
        }
    }

    void sortedSweepAtChunkEdges()
    {
        // x equal to the index (steps) or a quarter of it (wall times, exact in a double), so
        // that ranges and column boundaries fall exactly on chunk edges, and one off them.
        std::mt19937_64 rng(15);
        const std::size_t n = 5 * kFanout * kFanout * kChunk + 77;
        std::vector<ScalarPoint> points = makeSeries(rng, n, Shape::WildValues);
        for (std::size_t i = 0; i < n; ++i) {
            points[i].step = std::int64_t(i);
            points[i].wallTime = 1.6e9 + double(i) * 0.25;
            if (i % 1000 < 3)
                points[i].value = 0.5; // ties across chunks
        }
        const ScalarSnapshot snapshot = seriesOf(points).snapshot();
        const std::size_t starts[] = {0, kChunk - 1, kChunk, kChunk + 1, kFanout * kChunk,
            kFanout * kFanout * kChunk - 1, 3 * kFanout * kFanout * kChunk};
        for (DecimationAxis axis : {DecimationAxis::Step, DecimationAxis::WallTime})
            for (std::size_t start : starts)
                for (std::size_t w : {1, 3, 64, 500, 2000})
                    for (std::size_t chunksPerColumn : {1, 2, 8, 9})
                        for (int nudge : {-1, 0, 1}) {
                            const std::size_t last = std::min(
                                start + w * chunksPerColumn * kChunk + std::size_t(nudge + 1),
                                n + 10);
                            const double scale = axis == DecimationAxis::Step ? 1.0 : 0.25;
                            const double base = axis == DecimationAxis::Step ? 0.0 : 1.6e9;
                            const DecimationQuery q {axis, base + double(start) * scale,
                                base + double(last - 1) * scale, w};
                            if (!matchesReference(snapshot, points, q))
                                return;
                        }
    }

    // The sweep over a sorted series must answer exactly as the walk, partial points included.
    // The same points plus one that breaks the order without changing the answer (a NaN wall
    // time; a step that ties the point after the range) send the query down the walk.
    void sortedSweepAgreesWithTheWalk()
    {
        std::mt19937_64 rng(16);
        for (std::size_t n : {kChunk * 9 + 5, kFanout * kFanout * kChunk * 2 + 300}) {
            const std::vector<ScalarPoint> points = makeSeries(rng, n, Shape::Training);
            const ScalarSnapshot sorted = seriesOf(points).snapshot();
            std::vector<ScalarPoint> withNaN = points;
            withNaN.push_back({points.back().step + 1, std::nan(""), 1.0});
            const ScalarSnapshot unsortedWall = seriesOf(withNaN).snapshot();
            for (int k = 0; k < 200; ++k) {
                const DecimationAxis axis = k % 2 ? DecimationAxis::WallTime : DecimationAxis::Step;
                DecimationQuery q = randomQuery(rng, points, axis);
                q.fromIndex = 0;
                ScalarSnapshot walked = unsortedWall;
                if (axis == DecimationAxis::Step) {
                    const auto after = std::upper_bound(points.begin(), points.end(), q.x1,
                        [](double x, const ScalarPoint& p) { return x < double(p.step); });
                    if (after == points.end() || after->step == points.back().step)
                        continue;
                    std::vector<ScalarPoint> tied = points;
                    tied.push_back({after->step, after->wallTime, 7.0});
                    walked = seriesOf(tied).snapshot();
                }
                for (bool full : {true, false}) {
                    q.fullPoints = full;
                    if (!sameAnswer(decimate(sorted, q), decimate(walked, q))) {
                        QFAIL(describe(q) + (full ? "" : " (xy only)") + ": sweep and walk differ");
                    }
                }
                q.fullPoints = true;
                if (!matchesReference(sorted, points, q))
                    return;
            }
        }
    }

    // Sorted everywhere but in one place: the answer comes from the walk and must still match.
    void almostSortedSeries()
    {
        std::mt19937_64 rng(17);
        const std::size_t n = kFanout * kFanout * kChunk + 5 * kChunk + 40;
        const std::vector<ScalarPoint> sorted = makeSeries(rng, n, Shape::Training);
        const std::size_t chunk = 37; // not at a group's edge
        for (int flaw = 0; flaw < 6; ++flaw) {
            std::vector<ScalarPoint> points = sorted;
            const std::size_t at = chunk * kChunk;
            switch (flaw) {
            case 0: // one chunk backwards inside
                std::reverse(points.begin() + std::ptrdiff_t(at),
                    points.begin() + std::ptrdiff_t(at + kChunk));
                for (std::size_t i = 0; i < kChunk; ++i) // steps stay with their wall times
                    points[at + i].step = sorted[at + i].step;
                break;
            case 1: // one chunk in order inside, but earlier than the chunk before it
                for (std::size_t i = 0; i < kChunk; ++i) {
                    points[at + i].step -= 3 * std::int64_t(kChunk);
                    points[at + i].wallTime -= 500;
                }
                break;
            case 2: // the last point goes back
                points.back().step -= 1000;
                points.back().wallTime -= 1000;
                break;
            case 3: // a NaN wall time inside a chunk
                points[at + 5].wallTime = std::nan("");
                break;
            case 4: // a NaN wall time in the tail
                points[n - 3].wallTime = std::nan("");
                break;
            case 5: // x steps back across one chunk edge only
                points[at].step = points[at - 1].step - 1;
                points[at].wallTime = points[at - 1].wallTime - 0.001;
                break;
            }
            const ScalarSnapshot snapshot = seriesOf(points).snapshot();
            for (int k = 0; k < 150; ++k) {
                const DecimationAxis axis = k % 2 ? DecimationAxis::WallTime : DecimationAxis::Step;
                if (!matchesReference(snapshot, points, randomQuery(rng, points, axis)))
                    return;
            }
        }
    }

    void seesOnlyItsSnapshot()
    {
        std::mt19937_64 rng(14);
        std::vector<ScalarPoint> points = makeSeries(rng, 20'000, Shape::Training);
        ScalarSeries series = seriesOf(points);
        const ScalarSnapshot snapshot = series.snapshot();
        for (int i = 0; i < 5000; ++i)
            series.append({points.back().step + 1 + i, 2e9, 1e6});
        series.removeFromStep(points[100].step);
        QCOMPARE(snapshot.removals(), 0u);
        QCOMPARE(series.snapshot().removals(), 1u); // a later snapshot does not extend this one
        const DecimationQuery q {DecimationAxis::Step, -1e9, 1e9, 300};
        QVERIFY(matchesReference(snapshot, points, q));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestDecimation)
#include "test_decimation.moc"
