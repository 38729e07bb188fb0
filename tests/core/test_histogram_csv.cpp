// The histogram CSV tables: every bucket of every step, and every step's basis-point values,
// written with quoting and shortest round-trip numbers, parsed back and compared bit for bit
// with the entries (the percentiles with core::compressHistogram, and with values worked out by
// hand).

#include "core/export/csv_text.h"
#include "core/export/histogram_csv.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace lantern::core;
using namespace lantern::test;

namespace {

// Awkward values on purpose: tiny and huge edges, fractions with no short decimal form,
// wall times with microseconds, an empty histogram and one with a single bucket.
EntrySnapshot<HistogramEntry> awkwardSeries()
{
    EntrySeries<HistogramEntry> series;
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> uniform(-1, 1);
    for (std::int64_t step = 0; step < 50; ++step) {
        HistogramEntry entry {step * 3, 1700000000.000001 + double(step) * 0.1, {}};
        double left = uniform(random) * 1e-3;
        for (int b = 0; b < 7; ++b) {
            const double right = left + std::abs(uniform(random)) / 3;
            entry.buckets.push_back({left, right, std::floor(std::abs(uniform(random)) * 100)});
            left = right;
        }
        series.append(std::move(entry));
    }
    series.append({150, 1700000005.25, {}});
    series.append({151, 1700000005.5, {{-1e300, 1e300, 1}}});
    series.append({152, 1700000005.75, {{1e-310, 2e-310, 0.1}}});
    return series.snapshot();
}

} // namespace

class TestHistogramCsv : public QObject {
    Q_OBJECT
private slots:
    void numbersReadBackExactly()
    {
        std::mt19937_64 random(1);
        for (int i = 0; i < 10000; ++i) {
            const double value = std::bit_cast<double>(random());
            double back = 0;
            QVERIFY(parseExactly(shortestNumber(value), back));
            QVERIFY(std::isnan(value) ? std::isnan(back) : bitsOf(back) == bitsOf(value));
        }
        QCOMPARE(shortestNumber(0.1), std::string("0.1"));
        QCOMPARE(shortestNumber(-INFINITY), std::string("-inf"));
        QCOMPARE(formatWallTime(1700000000.000001), std::string("1700000000.000001"));
        QCOMPARE(formatWallTime(1e20), std::string("100000000000000000000"));
    }

    void fieldsAreQuotedOnlyWhenNeeded()
    {
        std::string out;
        appendCsvField(out, "plain");
        out += ',';
        appendCsvField(out, "a,\"b\"\nc");
        QCOMPARE(out, std::string("plain,\"a,\"\"b\"\"\nc\""));
    }

    void bucketsEveryStepAndBucket()
    {
        const EntrySnapshot<HistogramEntry> entries = awkwardSeries();
        std::string csv = histogramBucketsCsvHeader();
        appendHistogramBucketsCsv(csv, "run, \"one\"", "weights/dense", entries);
        appendHistogramBucketsCsv(csv, "two", "b", entries);
        const std::string problem = compareBucketsCsv(
            csv, {{"run, \"one\"", "weights/dense", &entries}, {"two", "b", &entries}});
        QVERIFY2(problem.empty(), problem.c_str());
        // 50 steps of 7 buckets, nothing for the empty step, one each for the last two; twice.
        QCOMPARE(parseCsv(csv).size(), std::size_t(1 + 2 * (50 * 7 + 2)));
    }

    void percentilesEveryStep()
    {
        const EntrySnapshot<HistogramEntry> entries = awkwardSeries();
        std::string csv = distributionCsvHeader();
        QCOMPARE(csv,
            std::string("run,tag,step,wall_time,p0,p668,p1587,p3085,p5000,p6915,p8413,p9332,"
                        "p10000\n"));
        appendDistributionCsv(csv, "r", "t", entries);
        const std::string problem = compareDistributionCsv(csv, {{"r", "t", &entries}});
        QVERIFY2(problem.empty(), problem.c_str());
        const auto rows = parseCsv(csv);
        QCOMPARE(rows.size(), std::size_t(1 + 53));
        // The empty histogram: a row, with no values.
        QCOMPARE(rows[51][2], std::string("150"));
        for (std::size_t k = 4; k < 13; ++k)
            QCOMPARE(rows[51][k], std::string("nan"));
    }

    void percentilesWorkedOutByHand()
    {
        // Counts 1, 2, 1 over [0,1), [1,2), [2,4): cumulative 2500, 7500, 10000 of 10000, so
        // 668 → 0.2672, 1587 → 0.6348, 3085 → 1 + 585/5000, 5000 → 1.5, 8413 → 2 + 913/2500 · 2.
        EntrySeries<HistogramEntry> series;
        series.append({7, 1.5, {{0, 1, 1}, {1, 2, 2}, {2, 4, 1}}});
        std::string csv;
        appendDistributionCsv(csv, "r", "t", series.snapshot());
        const auto rows = parseCsv(csv);
        QCOMPARE(rows.size(), std::size_t(1));
        const double expected[] = {0, 0.2672, 0.6348, 1.117, 1.5, 1.883, 2.7304, 3.4656, 4};
        for (std::size_t k = 0; k < 9; ++k) {
            double value = 0;
            QVERIFY(parseExactly(rows[0][4 + k], value));
            QVERIFY2(std::abs(value - expected[k]) < 1e-12, rows[0][4 + k].c_str());
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestHistogramCsv)
#include "test_histogram_csv.moc"
