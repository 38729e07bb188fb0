// lantern-bench-step-stats: the Scalars data table's statistics. A range's first and last
// values, min, max, mean and count over a 10,000,000-point series, answered from the summary
// pyramids (ScalarSumPyramid with the store's min/max pyramid) against a linear scan of the
// range's points (scanRangeStatistics), in the same run on the same ranges; then the nearest
// point to a step in each of 1,000 runs, the table's other question.
//
//   lantern-bench-step-stats [POINTS]     (default: 10000000)

#include "core/analysis/step_statistics.h"
#include "core/store/scalar_series.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace lantern::core;

namespace {

// A noisy decaying loss stored as float32, one point per step, a few NaN.
ScalarSeries trainingLog(std::size_t count, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    ScalarSeries series;
    for (std::size_t i = 0; i < count; ++i) {
        const double loss = 2.5 * std::exp(-double(i) / double(count / 3 + 1)) + 0.1;
        const double value
            = random() % 100000 == 0 ? std::nan("") : loss * (1 + 0.08 * noise(random));
        series.append({std::int64_t(i), 1.7e9 + double(i) * 0.05, double(float(value))});
    }
    return series;
}

template <typename Run> double millisecondsOf(const Run& run)
{
    const auto start = std::chrono::steady_clock::now();
    run();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t points = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10'000'000;
    const ScalarSnapshot snapshot = trainingLog(points, 1).snapshot();
    ScalarSumPyramid pyramid;
    const double buildMs
        = millisecondsOf([&] { pyramid = ScalarSumPyramid::of(snapshot, nullptr); });
    std::printf(
        "%zu points; sum pyramid built once in %.1f ms (decodes every value)\n", points, buildMs);

    // Ranges covering 10–100 % of the series, alternating the two methods.
    std::mt19937_64 random(2);
    const auto n = std::int64_t(points);
    std::vector<double> fast, scan;
    double checksum = 0;
    for (int trial = 0; trial < 21; ++trial) {
        const std::int64_t width = n / 10 + std::int64_t(random() % std::uint64_t(n - n / 10));
        const std::int64_t lo = std::int64_t(random() % std::uint64_t(n - width + 1));
        const std::int64_t hi = lo + width - 1;
        RangeStatistics a, b;
        fast.push_back(millisecondsOf([&] { a = pyramid.statistics(snapshot, lo, hi); }));
        scan.push_back(millisecondsOf([&] { b = scanRangeStatistics(snapshot, lo, hi); }));
        if (a.count != b.count || a.finiteCount != b.finiteCount || a.min != b.min || a.max != b.max
            || std::abs(a.mean() - b.mean()) > 1e-9 * std::abs(b.mean())) {
            std::printf("MISMATCH on [%lld, %lld]\n", (long long)lo, (long long)hi);
            return 1;
        }
        checksum += a.mean();
    }
    std::printf(
        "%-44s %12s %12s %9s\n", "range statistic (median of 21)", "pyramid", "scan", "ratio");
    std::printf("%-44s %9.3f ms %9.3f ms %9.4f\n", "10-100 % of the series", median(fast),
        median(scan), median(fast) / median(scan));

    // The table at a step: 1,000 runs of 10,000 points each.
    std::vector<ScalarSnapshot> runs;
    for (std::uint64_t r = 0; r < 1000; ++r)
        runs.push_back(trainingLog(10'000, 100 + r).snapshot());
    std::vector<double> nearest;
    for (int trial = 0; trial < 11; ++trial) {
        const std::int64_t step = std::int64_t(random() % 10'000);
        nearest.push_back(millisecondsOf([&] {
            for (const ScalarSnapshot& run : runs)
                if (const auto index = indexNearestStep(run, step))
                    checksum += std::isfinite(run[*index].value) ? run[*index].value : 0;
        }));
    }
    std::printf("%-44s %9.3f ms\n", "1,000 runs: the point nearest a step", median(nearest));
    std::printf("(checksum %g)\n", checksum);
    return 0;
}
