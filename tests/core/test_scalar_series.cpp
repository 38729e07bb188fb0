// The compressed scalar store: bit-exact round trips on random and hostile data, snapshots that
// stay put while the series grows and is purged, purges across chunk boundaries, the summary
// pyramid, and the resident size on realistic training logs.

#include "core/store/scalar_series.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <atomic>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

using namespace lantern::core;

namespace {

constexpr std::size_t kChunk = ScalarSnapshot::kChunkSize;
constexpr std::size_t kFanout = ScalarSnapshot::kFanout;

using lantern::test::bitsOf;
using lantern::test::sameBits;

QByteArray describe(const ScalarPoint& p)
{
    return QByteArray("{step ") + QByteArray::number(qlonglong(p.step)) + ", wall "
        + QByteArray::number(p.wallTime, 'g', 17) + " (0x"
        + QByteArray::number(qulonglong(bitsOf(p.wallTime)), 16) + "), value "
        + QByteArray::number(p.value, 'g', 17) + " (0x"
        + QByteArray::number(qulonglong(bitsOf(p.value)), 16) + ")}";
}

// Every way of reading a snapshot gives back exactly `expected`.
void verifySnapshot(const ScalarSnapshot& snapshot, const std::vector<ScalarPoint>& expected)
{
    QCOMPARE(snapshot.size(), expected.size());
    QCOMPARE(snapshot.empty(), expected.empty());
    const std::vector<ScalarPoint> all = snapshot.points();
    QCOMPARE(all.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (!sameBits(all[i], expected[i]))
            QFAIL(QByteArray("point " + QByteArray::number(qulonglong(i)) + ": got "
                + describe(all[i]) + ", expected " + describe(expected[i]))
                      .constData());
    std::size_t visited = 0;
    bool forEachSame = true;
    snapshot.forEach([&](const ScalarPoint& p) {
        forEachSame = forEachSame && visited < expected.size() && sameBits(p, expected[visited]);
        ++visited;
    });
    QVERIFY(forEachSame);
    QCOMPARE(visited, expected.size());
    // Random access and partial reads, across chunk edges.
    std::mt19937_64 rng(expected.size());
    for (int k = 0; k < 20 && !expected.empty(); ++k) {
        const std::size_t i = rng() % expected.size();
        QVERIFY(sameBits(snapshot[i], expected[i]));
        const std::size_t count = rng() % (3 * kChunk);
        std::vector<ScalarPoint> part;
        snapshot.read(i, count, part);
        QCOMPARE(part.size(), std::min(count, expected.size() - i));
        for (std::size_t j = 0; j < part.size(); ++j)
            QVERIFY(sameBits(part[j], expected[i + j]));
    }
    std::vector<ScalarPoint> none {ScalarPoint {}};
    snapshot.read(expected.size(), 5, none);
    QVERIFY(none.empty());
    snapshot.read(0, std::numeric_limits<std::size_t>::max(), none);
    QCOMPARE(none.size(), expected.size());
}

ScalarSeries seriesOf(const std::vector<ScalarPoint>& points)
{
    ScalarSeries series;
    for (const ScalarPoint& p : points)
        series.append(p);
    return series;
}

double randomDouble(std::mt19937_64& rng)
{
    switch (rng() % 4) {
    case 0:
        return std::bit_cast<double>(rng()); // anything, NaN payloads included
    case 1:
        return double(std::bit_cast<float>(std::uint32_t(rng())));
    case 2:
        return std::uniform_real_distribution<double>(-1e3, 1e3)(rng);
    default:
        return double(std::int64_t(rng() % 2001) - 1000);
    }
}

// Steps, wall times and values shaped like a real training log.
std::vector<ScalarPoint> realisticTag(std::mt19937_64& rng, std::size_t count, double scale)
{
    std::vector<ScalarPoint> points;
    std::int64_t micros = 1'700'000'000'000'000 + std::int64_t(rng() % 1'000'000'000);
    const std::int64_t interval = 10'000 + std::int64_t(rng() % 90'001); // 0.01 – 0.1 s
    std::uniform_int_distribution<std::int64_t> jitter(-1000, 1000); // ±1 ms, in µs
    std::normal_distribution<double> noise(0.0, 1.0);
    for (std::size_t i = 0; i < count; ++i) {
        const double loss = scale * (2.5 * std::exp(-double(i) / 1500.0) + 0.1);
        const float value = float(loss * (1.0 + 0.08 * noise(rng)));
        points.push_back({std::int64_t(i), double(micros) / 1e6, double(value)});
        micros += interval + jitter(rng);
    }
    return points;
}

// An independent summary, to check the store's own and its merges.
void verifySummary(const ScalarSummary& s, std::span<const ScalarPoint> points)
{
    QCOMPARE(s.count, std::uint64_t(points.size()));
    QVERIFY(sameBits(s.first, points.front()));
    QVERIFY(sameBits(s.last, points.back()));
    std::int64_t minStep = points[0].step, maxStep = points[0].step;
    std::size_t minIndex = SIZE_MAX, maxIndex = SIZE_MAX;
    double minWall = std::numeric_limits<double>::infinity(), maxWall = -minWall;
    bool anyWall = false, nanWall = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const ScalarPoint& p = points[i];
        minStep = std::min(minStep, p.step);
        maxStep = std::max(maxStep, p.step);
        if (std::isnan(p.wallTime)) {
            nanWall = true;
        } else {
            anyWall = true;
            minWall = std::min(minWall, p.wallTime);
            maxWall = std::max(maxWall, p.wallTime);
        }
        if (std::isfinite(p.value)) {
            if (minIndex == SIZE_MAX || p.value < points[minIndex].value)
                minIndex = i;
            if (maxIndex == SIZE_MAX || p.value > points[maxIndex].value)
                maxIndex = i;
        }
    }
    bool stepsSorted = true, wallTimesSorted = !std::isnan(points[0].wallTime);
    for (std::size_t i = 1; i < points.size(); ++i) {
        stepsSorted = stepsSorted && points[i - 1].step <= points[i].step;
        wallTimesSorted = wallTimesSorted && points[i - 1].wallTime <= points[i].wallTime;
    }
    QCOMPARE(s.stepsSorted, stepsSorted);
    QCOMPARE(s.wallTimesSorted, wallTimesSorted);
    QCOMPARE(s.minStep, minStep);
    QCOMPARE(s.maxStep, maxStep);
    QCOMPARE(s.hasWallTime, anyWall);
    QCOMPARE(s.hasNaNWallTime, nanWall);
    if (anyWall) {
        QCOMPARE(s.minWallTime, minWall);
        QCOMPARE(s.maxWallTime, maxWall);
    }
    QCOMPARE(s.hasFiniteValue, minIndex != SIZE_MAX);
    if (s.hasFiniteValue) {
        QCOMPARE(s.minIndex, std::uint64_t(minIndex));
        QCOMPARE(s.maxIndex, std::uint64_t(maxIndex));
        QVERIFY(sameBits(s.min, points[minIndex]));
        QVERIFY(sameBits(s.max, points[maxIndex]));
        QCOMPARE(s.minBeforeMax(), minIndex < maxIndex);
    }
}

void verifyPyramid(const ScalarSnapshot& snapshot, const std::vector<ScalarPoint>& points)
{
    QCOMPARE(snapshot.chunkCount(), points.size() / kChunk);
    QCOMPARE(snapshot.tail().size(), points.size() % kChunk);
    std::size_t unit = kChunk;
    for (std::size_t level = 0; level < snapshot.levelCount(); ++level, unit *= kFanout) {
        QVERIFY(snapshot.nodeCount(level) > 0);
        for (std::size_t i = 0; i < snapshot.nodeCount(level); ++i)
            verifySummary(snapshot.node(level, i),
                std::span<const ScalarPoint>(points.data() + i * unit, unit));
    }
    QCOMPARE(snapshot.nodeCount(snapshot.levelCount()), std::size_t(0));
}

} // namespace

class TestScalarSeries : public QObject {
    Q_OBJECT
private slots:
    void emptySeries()
    {
        ScalarSeries series;
        QVERIFY(series.empty());
        QCOMPARE(series.residentBytes(), std::size_t(0));
        QCOMPARE(series.removeFromStep(0), std::size_t(0));
        verifySnapshot(series.snapshot(), {});
        QCOMPARE(series.snapshot().levelCount(), std::size_t(0));
        QCOMPARE(ScalarSnapshot().size(), std::size_t(0));
    }

    void roundTripAtEverySizeNearChunkEdges()
    {
        std::mt19937_64 rng(1);
        const std::vector<ScalarPoint> all = realisticTag(rng, 3 * kChunk + 2, 1.0);
        for (std::size_t n : {std::size_t(1), std::size_t(2), std::size_t(3), kChunk - 1, kChunk,
                 kChunk + 1, 2 * kChunk, 3 * kChunk + 2}) {
            const std::vector<ScalarPoint> points(all.begin(), all.begin() + std::ptrdiff_t(n));
            const ScalarSeries series = seriesOf(points);
            QCOMPARE(series.size(), n);
            QVERIFY(sameBits(series.last(), points.back()));
            verifySnapshot(series.snapshot(), points);
        }
    }

    void roundTripRandomBitPatterns()
    {
        std::mt19937_64 rng(2);
        for (int round = 0; round < 4; ++round) {
            std::vector<ScalarPoint> points(20 * kChunk + 17);
            std::uint64_t step = rng();
            for (ScalarPoint& p : points) {
                // Steps with jumps of every size, wrapping around int64 too (the order only
                // matters to removeFromStep).
                step += round == 0 ? rng() % 3 : rng() >> (rng() % 64);
                p = {std::int64_t(step), randomDouble(rng), randomDouble(rng)};
            }
            verifySnapshot(seriesOf(points).snapshot(), points);
        }
    }

    void roundTripAdversarialValues()
    {
        const double inf = std::numeric_limits<double>::infinity();
        const double specials[] = {0.0, -0.0, inf, -inf, std::numeric_limits<double>::quiet_NaN(),
            -std::numeric_limits<double>::quiet_NaN(), std::bit_cast<double>(0x7ff0000000000001ull),
            std::bit_cast<double>(0xfff8dead0000beefull), std::numeric_limits<double>::denorm_min(),
            -std::numeric_limits<double>::denorm_min(), 2.2250738585072009e-308, // largest denormal
            std::numeric_limits<double>::min(), std::numeric_limits<double>::max(),
            -std::numeric_limits<double>::max(), 1.0, 1.0 + 1e-16, 0.1, 1.7e9, 1700000000.123456,
            1700000000.1234567, 9.0e9, -1700000000.000001, 4.5e15};
        const std::int64_t steps[] = {std::numeric_limits<std::int64_t>::min(), -5, 0, 0, 1,
            1'000'000'000'000, std::numeric_limits<std::int64_t>::max()};
        std::mt19937_64 rng(3);
        std::vector<ScalarPoint> points;
        // Every special as value and as wall time, steps jumping across the whole int64 range
        // (out of order too: that must still round-trip), wall times equal, going back, mixed
        // with microsecond-exact ones.
        for (int i = 0; i < 12 * int(kChunk); ++i) {
            const std::size_t pick = rng() % 4;
            const double wall = pick == 0 ? specials[rng() % std::size(specials)]
                : pick == 1               ? 1.7e9 + double(i / 3) * 0.001 // equal in threes
                : pick == 2               ? 1.7e9 - double(i) * 0.25 // backwards
                                          : std::bit_cast<double>(rng());
            const double value
                = rng() % 2 ? specials[rng() % std::size(specials)] : randomDouble(rng);
            points.push_back({steps[rng() % std::size(steps)], wall, value});
        }
        verifySnapshot(seriesOf(points).snapshot(), points);

        // Whole chunks of one special each: constant streams, and NaN everywhere.
        std::vector<ScalarPoint> runs;
        for (double special : specials)
            for (std::size_t i = 0; i < kChunk; ++i)
                runs.push_back({std::int64_t(runs.size()) * -7, special, special});
        verifySnapshot(seriesOf(runs).snapshot(), runs);
    }

    void wallTimesKeepMicroseconds()
    {
        // TensorFlow's NowMicros() / 1e6, Python's time.time() (not on a microsecond grid), and
        // both mixed inside one chunk.
        std::mt19937_64 rng(4);
        std::vector<ScalarPoint> points;
        std::int64_t micros = 1'712'345'678'000'000;
        double seconds = 1712345678.0;
        for (std::size_t i = 0; i < 6 * kChunk; ++i) {
            micros += 1 + std::int64_t(rng() % 200'000);
            seconds += std::uniform_real_distribution<double>(0.0, 0.2)(rng);
            const bool exact = (i / kChunk) % 2 == 0 || rng() % 5 != 0;
            points.push_back(
                {std::int64_t(i), exact ? double(micros) / 1e6 : seconds, double(i) * 0.5});
        }
        verifySnapshot(seriesOf(points).snapshot(), points);
    }

    void everyEncodingRoundTrips()
    {
        // One chunk per shape, each meant to take a different path through the encoder.
        std::mt19937_64 rng(9);
        std::vector<ScalarPoint> points;
        std::int64_t micros = 1'700'000'000'000'000;
        double seconds = 1'700'000'000.0;
        std::normal_distribution<double> noise(0.0, 1.0);
        for (int shape = 0; shape < 6; ++shape)
            for (std::size_t i = 0; i < kChunk; ++i) {
                const std::int64_t step = std::int64_t(points.size());
                switch (shape) {
                case 0: // even steps and intervals, noisy float32 values
                    micros += 25'000;
                    points.push_back(
                        {step, double(micros) / 1e6, double(float(1 + 0.1 * noise(rng)))});
                    break;
                case 1: // random intervals, a constant value
                    micros += 10'000 + std::int64_t(rng() % 90'000);
                    points.push_back({step * 3, double(micros) / 1e6, 0.5});
                    break;
                case 2: // even intervals but two long pauses, a value that changes twice
                    micros += i == 40 || i == 90 ? 3'600'000'000 : 1000;
                    points.push_back({step, double(micros) / 1e6,
                        i < 60        ? 0.1
                            : i < 100 ? 0.01
                                      : 0.001});
                    break;
                case 3: // Python's time.time(): off the microsecond grid
                    seconds += std::uniform_real_distribution<double>(0.01, 0.1)(rng);
                    points.push_back({step, seconds, noise(rng)});
                    break;
                case 4: // steps that skip around
                    micros += 1;
                    points.push_back({step + std::int64_t(rng() % 1000), double(micros) / 1e6,
                        std::bit_cast<double>(rng())});
                    break;
                default: // wall times anywhere in [0, 2): fields too wide for checkpoints
                    points.push_back({step, std::bit_cast<double>(rng() >> 2), 1.0});
                    break;
                }
            }
        const ScalarSeries series = seriesOf(points);
        const ScalarSnapshot snapshot = series.snapshot();
        QCOMPARE(snapshot.chunkCount(), std::size_t(6));
        const ScalarChunk& even = snapshot.chunk(0);
        QCOMPARE(even.stepCode.order, std::uint8_t(0));
        QCOMPARE(even.wallCode.order, std::uint8_t(0));
        QVERIFY(even.wallMicros && even.valuesPacked);
        QCOMPARE(even.wallBit, std::uint32_t(0)); // nothing stored for steps
        QCOMPARE(even.valueBit, std::uint32_t(0)); // nor for wall times
        const ScalarChunk& random = snapshot.chunk(1);
        QVERIFY(random.wallMicros && random.wallCode.packed && random.wallCode.order == 1);
        QVERIFY(random.valuesPacked && random.valueWidth == 0); // 0 bits per value
        QVERIFY(random.wallCode.widths[0] <= 57); // with checkpoints
        const ScalarChunk& wide = snapshot.chunk(5);
        QVERIFY(!wide.wallMicros && wide.wallCode.packed && wide.wallCode.order == 1);
        QVERIFY(wide.wallCode.widths[0] > 57); // without
        const ScalarChunk& pauses = snapshot.chunk(2);
        QVERIFY(!pauses.wallCode.packed && pauses.wallCode.order == 2); // buckets: mostly 0
        QVERIFY(!pauses.valuesPacked); // Gorilla: a repeated value costs 1 bit
        QVERIFY(!snapshot.chunk(3).wallMicros);
        verifySnapshot(snapshot, points);

        // Partial decoding: any field mask, from any position, any set of positions.
        std::vector<ScalarPoint> buffer(kChunk);
        for (std::size_t c = 0; c < snapshot.chunkCount(); ++c) {
            const ScalarPoint* expected = points.data() + c * kChunk;
            for (unsigned fields = 1; fields <= ScalarSnapshot::kAllFields; ++fields) {
                const std::size_t from = rng() % kChunk, count = from + rng() % (kChunk - from + 1);
                std::fill(buffer.begin(), buffer.end(), ScalarPoint {-1, -1.0, -1.0});
                snapshot.decodeChunk(c, buffer.data(), count, fields, from);
                for (std::size_t j = 0; j < kChunk; ++j) {
                    const bool inside = j >= from && j < count;
                    const ScalarPoint& got = buffer[j];
                    QCOMPARE(got.step,
                        inside && (fields & ScalarSnapshot::kSteps) ? expected[j].step : -1);
                    QCOMPARE(bitsOf(got.wallTime),
                        bitsOf(inside && (fields & ScalarSnapshot::kWallTimes)
                                ? expected[j].wallTime
                                : -1.0));
                    QCOMPARE(bitsOf(got.value),
                        bitsOf(inside && (fields & ScalarSnapshot::kValues) ? expected[j].value
                                                                            : -1.0));
                }
            }
            for (int round = 0; round < 30; ++round) {
                std::vector<std::size_t> at;
                for (std::size_t j = 0; j < kChunk; ++j)
                    if (rng() % 8 == 0 || (round == 0 && (j == 0 || j + 1 == kChunk)))
                        at.push_back(j);
                std::vector<ScalarPoint> got(at.size());
                snapshot.decodeChunkAt(c, at, got.data());
                for (std::size_t k = 0; k < at.size(); ++k)
                    QVERIFY(sameBits(got[k], expected[at[k]]));
            }
            // Wall times decoded as far as asked: probes in any order, from either end.
            for (int round = 0; round < 30; ++round) {
                ChunkWallTimes wallTimes(snapshot, c);
                for (int probe = 0; probe < 12; ++probe) {
                    const std::size_t j
                        = round == 0 ? kChunk - 1 - std::size_t(probe) : rng() % kChunk;
                    QCOMPARE(bitsOf(wallTimes(j)), bitsOf(expected[j].wallTime));
                }
            }
        }
    }

    void snapshotsStayPutWhileAppendingAndPurging()
    {
        std::mt19937_64 rng(5);
        std::vector<ScalarPoint> reference;
        ScalarSeries series;
        std::vector<std::pair<ScalarSnapshot, std::vector<ScalarPoint>>> taken;
        std::int64_t step = 0;
        for (int round = 0; round < 60; ++round) {
            const std::size_t n = rng() % (kChunk + kChunk / 2);
            for (std::size_t i = 0; i < n; ++i) {
                step += std::int64_t(rng() % 3);
                const ScalarPoint p {step, 1.6e9 + double(step), randomDouble(rng)};
                series.append(p);
                reference.push_back(p);
            }
            if (rng() % 3 == 0 && !reference.empty()) {
                // A restart: purge from a step somewhere in the last few chunks.
                const std::int64_t from = reference[reference.size() - 1
                    - rng() % std::min<std::size_t>(reference.size(), 4 * kChunk)]
                                              .step;
                std::size_t kept = 0;
                while (kept < reference.size() && reference[kept].step < from)
                    ++kept;
                QCOMPARE(series.removeFromStep(from), reference.size() - kept);
                reference.resize(kept);
                step = from;
            }
            taken.emplace_back(series.snapshot(), reference);
        }
        for (const auto& [snapshot, expected] : taken)
            verifySnapshot(snapshot, expected);
        verifyPyramid(series.snapshot(), reference);
    }

    void readersOnAnotherThreadSeeStableSnapshots()
    {
        // The loader's pattern: a writer appends (and now and then purges) and hands snapshots
        // to a reader thread, which checks them while the writer carries on.
        const auto pointAt = [](std::int64_t step, int epoch) {
            return ScalarPoint {step, 1.7e9 + double(step) * 0.05, double(step % 101) + epoch};
        };
        std::mutex mutex;
        std::condition_variable ready;
        std::vector<std::pair<ScalarSnapshot, int>> handed;
        bool done = false;
        std::atomic<int> bad {0}, checked {0};
        std::thread reader([&] {
            std::mt19937_64 rng(10);
            for (;;) {
                std::pair<ScalarSnapshot, int> item;
                {
                    std::unique_lock lock(mutex);
                    ready.wait(lock, [&] { return done || !handed.empty(); });
                    if (handed.empty())
                        return;
                    item = std::move(handed.back());
                    handed.pop_back();
                }
                const auto& [snapshot, epoch] = item;
                std::vector<ScalarPoint> part;
                for (int k = 0; k < 20 && !snapshot.empty(); ++k) {
                    const std::size_t i = rng() % snapshot.size();
                    snapshot.read(i, 300, part);
                    for (std::size_t j = 0; j < part.size(); ++j) {
                        // Points at or after the epoch's purge step carry the epoch.
                        const std::int64_t step = std::int64_t(i + j);
                        const int pointEpoch = step >= 40'000 ? epoch : 0;
                        bad += !(part[j] == pointAt(step, pointEpoch));
                    }
                }
                ++checked;
            }
        });
        ScalarSeries series;
        for (int epoch = 0; epoch < 3; ++epoch) {
            if (epoch > 0)
                series.removeFromStep(40'000); // a restart
            for (std::int64_t step = epoch ? 40'000 : 0; step < 60'000; ++step) {
                series.append(pointAt(step, step >= 40'000 ? epoch : 0));
                if (step % 1000 == 999) {
                    std::lock_guard lock(mutex);
                    handed.emplace_back(series.snapshot(), epoch);
                    ready.notify_one();
                }
            }
        }
        {
            std::lock_guard lock(mutex);
            done = true;
        }
        ready.notify_one();
        reader.join();
        QCOMPARE(bad.load(), 0);
        QVERIFY(checked.load() > 0);
    }

    void purgeAcrossChunkBoundaries()
    {
        // Steps 0, 0, 1, 1, 2, 2, …: a cut can fall inside a chunk, on its edge, in the tail.
        std::vector<ScalarPoint> points;
        for (std::size_t i = 0; i < 40 * kChunk + 100; ++i)
            points.push_back({std::int64_t(i / 2), 1.6e9 + double(i) * 0.01, double(i % 97)});
        const std::int64_t lastStep = points.back().step;
        for (std::int64_t from : {std::int64_t(-1), std::int64_t(0), std::int64_t(1),
                 std::int64_t(kChunk / 2), std::int64_t(kChunk / 2) + 3, std::int64_t(kChunk),
                 std::int64_t(8 * kChunk), std::int64_t(8 * kChunk) + 1,
                 std::int64_t(kFanout * kChunk / 2), std::int64_t(kFanout * kChunk / 2) + 1,
                 std::int64_t(20 * kChunk) - 1, lastStep - 10, lastStep, lastStep + 1}) {
            ScalarSeries series = seriesOf(points);
            const ScalarSnapshot before = series.snapshot();
            const std::uint64_t generation = series.generation();
            std::size_t kept = 0;
            while (kept < points.size() && points[kept].step < from)
                ++kept;
            QCOMPARE(series.removeFromStep(from), points.size() - kept);
            std::vector<ScalarPoint> expected(
                points.begin(), points.begin() + std::ptrdiff_t(kept));
            QCOMPARE(series.generation() != generation, kept != points.size());
            if (!expected.empty())
                QVERIFY(sameBits(series.last(), expected.back()));
            verifySnapshot(series.snapshot(), expected);
            verifyPyramid(series.snapshot(), expected);
            // The series goes on from there; the old snapshot never notices.
            for (std::size_t i = 0; i < 3 * kChunk; ++i) {
                const ScalarPoint p {std::max<std::int64_t>(from, 0) + std::int64_t(i),
                    1.7e9 + double(i), -double(i)};
                series.append(p);
                expected.push_back(p);
            }
            verifySnapshot(series.snapshot(), expected);
            verifyPyramid(series.snapshot(), expected);
            verifySnapshot(before, points);
        }
    }

    // With no snapshot holding them, the tail and the index are cut in place (a series that
    // repeats its steps removes a point per point); the result must equal the reference, and a
    // snapshot taken in between must keep its points.
    void unsharedRemovalsCutInPlace()
    {
        std::mt19937_64 rng(11);
        ScalarSeries series;
        std::vector<ScalarPoint> reference;
        std::int64_t step = 0;
        for (int i = 0; i < 60 * int(kChunk); ++i) {
            step += std::int64_t(rng() % 3) - (rng() % 200 == 0 ? std::int64_t(rng() % 150) : 0);
            if (!reference.empty() && step <= reference.back().step) {
                const auto cut = std::find_if(reference.begin(), reference.end(),
                    [&](const ScalarPoint& p) { return p.step >= step; });
                const std::size_t removed = std::size_t(reference.end() - cut);
                const ScalarPoint* tailBefore = series.snapshot().tail().data();
                const bool cutInTail = removed < series.snapshot().tail().size();
                const void* indexBefore
                    = series.snapshot().chunkCount() ? series.snapshot().chunkSlot(0) : nullptr;
                QCOMPARE(series.removeFromStep(step), removed);
                reference.erase(cut, reference.end());
                if (cutInTail)
                    QCOMPARE(series.snapshot().tail().data(), tailBefore); // no copy
                else if (indexBefore && series.snapshot().chunkCount())
                    QCOMPARE(series.snapshot().chunkSlot(0), indexBefore); // index not rebuilt
            }
            const ScalarPoint p {step, 1.6e9 + double(i), randomDouble(rng)};
            series.append(p);
            reference.push_back(p);
            if (i % 1000 == 999) {
                const ScalarSnapshot held = series.snapshot();
                const std::vector<ScalarPoint> heldPoints = reference;
                series.removeFromStep(reference.back().step); // shared: copied, not edited
                reference.pop_back();
                series.append(heldPoints.back());
                reference.push_back(heldPoints.back());
                verifySnapshot(held, heldPoints);
            }
        }
        verifySnapshot(series.snapshot(), reference);
        verifyPyramid(series.snapshot(), reference);
        QVERIFY(series.snapshot().levelCount() >= 2);
    }

    void pyramidSummariesMatchThePoints()
    {
        std::mt19937_64 rng(6);
        std::vector<ScalarPoint> points;
        const double inf = std::numeric_limits<double>::infinity();
        const std::size_t n = kFanout * kFanout * kChunk + 5 * kChunk + 3; // two full levels
        for (std::size_t i = 0; i < n; ++i) {
            double value = std::uniform_real_distribution<double>(-1, 1)(rng);
            if (rng() % 50 == 0)
                value = rng() % 2 ? std::nan("") : (rng() % 2 ? inf : -inf);
            if ((i / kChunk) % 7 == 3)
                value = std::nan(""); // a chunk without a finite value
            if (rng() % 1000 == 0)
                value = 0.5; // ties: the first one wins
            double wall = 1.6e9 + double(i) + std::uniform_real_distribution<double>(-5, 5)(rng);
            if (rng() % 3000 == 0)
                wall = std::nan("");
            points.push_back({std::int64_t(i) - 1000, wall, value});
        }
        const ScalarSeries series = seriesOf(points);
        QCOMPARE(series.snapshot().levelCount(), std::size_t(3));
        verifyPyramid(series.snapshot(), points);
    }

    // The pyramid's arrays are copied when the index grows, rebuilt on a purge and duplicated
    // by a copy: every summary must still match its points, in every snapshot taken.
    void pyramidSurvivesGrowthPurgesAndCopies()
    {
        std::mt19937_64 rng(8);
        std::vector<ScalarPoint> reference;
        ScalarSeries series;
        std::vector<std::pair<ScalarSnapshot, std::vector<ScalarPoint>>> taken;
        std::int64_t step = 0;
        for (int round = 0; round < 40; ++round) {
            const std::size_t n = rng() % (6 * kChunk);
            for (std::size_t i = 0; i < n; ++i) {
                step += std::int64_t(rng() % 3);
                double wall = 1.6e9 + double(step) + double(rng() % 7);
                if (rng() % 500 == 0)
                    wall = std::nan("");
                const ScalarPoint p {step, wall, randomDouble(rng)};
                series.append(p);
                reference.push_back(p);
            }
            if (round % 7 == 3 && !reference.empty()) {
                const std::int64_t from = reference[rng() % reference.size()].step;
                std::size_t kept = 0;
                while (kept < reference.size() && reference[kept].step < from)
                    ++kept;
                series.removeFromStep(from);
                reference.resize(kept);
                step = from;
            }
            if (round % 5 == 4) { // carry on with a copy; the original must not change
                const ScalarSeries copy = series;
                taken.emplace_back(series.snapshot(), reference);
                series = copy;
            }
            taken.emplace_back(series.snapshot(), reference);
        }
        QVERIFY(series.snapshot().levelCount() >= 2);
        for (const auto& [snapshot, expected] : taken) {
            verifyPyramid(snapshot, expected);
            std::uint64_t unit = kChunk;
            for (std::size_t level = 0; level < snapshot.levelCount(); ++level, unit *= kFanout)
                QCOMPARE(snapshot.summaries(level).count, unit);
        }
    }

    void generationChangesWithEveryChange()
    {
        ScalarSeries series;
        std::uint64_t generation = series.generation();
        for (std::size_t i = 0; i < 2 * kChunk + 1; ++i) {
            series.append({std::int64_t(i), 1.0, 2.0});
            QVERIFY(series.generation() != generation);
            generation = series.generation();
            QCOMPARE(series.snapshot().generation(), generation);
        }
        QCOMPARE(series.removeFromStep(1'000'000), std::size_t(0));
        QCOMPARE(series.generation(), generation);
        QCOMPARE(series.removeFromStep(std::int64_t(kChunk)), kChunk + 1);
        QVERIFY(series.generation() != generation);
        const ScalarSnapshot snapshot = series.snapshot();
        series.append({1000, 1.0, 2.0});
        QVERIFY(snapshot.generation() != series.generation());
        QCOMPARE(snapshot.size(), kChunk);
    }

    void copiesAreIndependent()
    {
        std::mt19937_64 rng(7);
        const std::vector<ScalarPoint> points = realisticTag(rng, 5 * kChunk + 9, 1.0);
        ScalarSeries a = seriesOf(points);
        ScalarSeries b = a;
        std::vector<ScalarPoint> expectedA = points, expectedB = points;
        for (std::size_t i = 0; i < kChunk + 5; ++i) {
            const ScalarPoint pa {points.back().step + 1 + std::int64_t(i), 1.0, 1.0};
            const ScalarPoint pb {points.back().step + 1 + std::int64_t(i), 2.0, 2.0};
            a.append(pa);
            b.append(pb);
            expectedA.push_back(pa);
            expectedB.push_back(pb);
        }
        b.removeFromStep(3);
        expectedB.resize(3);
        verifySnapshot(a.snapshot(), expectedA);
        verifySnapshot(b.snapshot(), expectedB);
        ScalarSeries c;
        c = a;
        verifySnapshot(c.snapshot(), expectedA);
        QCOMPARE(c.residentBytes(), a.residentBytes());
        ScalarSeries d = std::move(c);
        verifySnapshot(d.snapshot(), expectedA);
    }

    void residentBytesOnRealisticData()
    {
        // 5 tags × 4000 steps: steps counting up by one, wall times 0.01–0.1 s apart with
        // microsecond jitter, values a noisy decaying loss stored as float32.
        std::mt19937_64 rng(8);
        std::size_t bytes = 0, points = 0, streamBits[3] = {};
        std::size_t vectorBytes = 0;
        for (int tag = 0; tag < 5; ++tag) {
            const std::vector<ScalarPoint> data = realisticTag(rng, 4000, 1.0 + tag);
            const ScalarSeries series = seriesOf(data);
            verifySnapshot(series.snapshot(), data);
            bytes += series.residentBytes();
            points += series.size();
            vectorBytes += data.capacity() * sizeof(ScalarPoint);
            const ScalarSnapshot snapshot = series.snapshot();
            for (std::size_t c = 0; c < snapshot.chunkCount(); ++c) {
                const ScalarChunk& chunk = snapshot.chunk(c);
                streamBits[0] += chunk.wallBit;
                streamBits[1] += chunk.valueBit - chunk.wallBit;
                streamBits[2] += (chunk.wordCount - 1) * 64 - chunk.valueBit; // ± padding
            }
        }
        const double perPoint = double(bytes) / double(points);
        const double sealed = double(points / 4000 * (4000 / kChunk * kChunk));
        qInfo("resident: %.2f B/point (%zu B for %zu points; a std::vector<ScalarPoint> takes "
              "%.1f B/point); sealed streams: steps %.2f, wall times %.2f, values %.2f bits/point",
            perPoint, bytes, points, double(vectorBytes) / double(points),
            double(streamBits[0]) / sealed, double(streamBits[1]) / sealed,
            double(streamBits[2]) / sealed);
        QVERIFY(perPoint <= 16.0);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestScalarSeries)
#include "test_scalar_series.moc"
