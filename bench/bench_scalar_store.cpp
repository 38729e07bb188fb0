// The compressed scalar store against plain vectors, each measured beside its baseline in the
// same run: appending (vs std::vector<ScalarPoint>::push_back), decimating a 10M-point series to
// 2000 columns, on either axis, whole and zoomed to its middle 10% (vs a scan over the decoded
// points of the range, found by binary search), reading everything back (vs walking the vector)
// and taking a snapshot (vs copying a chunk list). Ratios are printed at the end.

#include "core/analysis/decimation.h"
#include "core/store/scalar_series.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>

using namespace lantern::core;

namespace {

constexpr std::size_t kAppendPoints = 1'000'000;
constexpr std::size_t kLargePoints = 10'000'000;
constexpr std::size_t kColumns = 2000;

// Steps counting up by one, wall times 0.01–0.1 s apart with ±1 ms of jitter (on TensorFlow's
// microsecond grid), values a noisy decaying loss stored as float32.
std::vector<ScalarPoint> trainingLog(std::size_t count, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<ScalarPoint> points;
    points.reserve(count);
    std::int64_t micros = 1'700'000'000'000'000;
    const std::int64_t interval = 10'000 + std::int64_t(rng() % 90'001);
    std::uniform_int_distribution<std::int64_t> jitter(-1000, 1000);
    std::normal_distribution<double> noise(0.0, 1.0);
    for (std::size_t i = 0; i < count; ++i) {
        const double loss = 2.5 * std::exp(-double(i) / double(count / 3)) + 0.1;
        points.push_back(
            {std::int64_t(i), double(micros) / 1e6, double(float(loss * (1 + 0.08 * noise(rng))))});
        micros += interval + jitter(rng);
    }
    return points;
}

const std::vector<ScalarPoint>& appendInput()
{
    static const std::vector<ScalarPoint> points = trainingLog(kAppendPoints, 1);
    return points;
}

struct Large {
    std::vector<ScalarPoint> points;
    ScalarSeries series;
    ScalarSnapshot snapshot;
};

const Large& large()
{
    static const Large data = [] {
        Large d;
        d.points = trainingLog(kLargePoints, 2);
        for (const ScalarPoint& p : d.points)
            d.series.append(p);
        d.snapshot = d.series.snapshot();
        std::printf("10M-point series: %.2f B/point resident (std::vector<ScalarPoint>: %zu)\n",
            double(d.series.residentBytes()) / double(kLargePoints), sizeof(ScalarPoint));
        return d;
    }();
    return data;
}

// ---- Append ----

void appendVector(benchmark::State& state)
{
    const std::vector<ScalarPoint>& input = appendInput();
    for (auto _ : state) {
        std::vector<ScalarPoint> v;
        for (const ScalarPoint& p : input)
            v.push_back(p);
        benchmark::DoNotOptimize(v.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations() * input.size()));
}

void appendStore(benchmark::State& state)
{
    const std::vector<ScalarPoint>& input = appendInput();
    for (auto _ : state) {
        ScalarSeries series;
        for (const ScalarPoint& p : input)
            series.append(p);
        benchmark::DoNotOptimize(series.size());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations() * input.size()));
}

// ---- Decimation ----

// The baseline: every point between x0 and x1 visited once (found by binary search, so the zoom
// does not pay for the points outside it), bucketed into first/min/max/last per column.
std::size_t scanDecimate(const std::vector<ScalarPoint>& points, DecimationAxis axis, double x0,
    double x1, std::size_t columns, std::vector<ScalarPoint>& out)
{
    struct Column {
        std::size_t first = SIZE_MAX, last = 0, min = SIZE_MAX, max = SIZE_MAX;
    };
    std::vector<Column> cols(columns);
    const double scale = double(columns) / (x1 - x0);
    const auto xOf = [axis](const ScalarPoint& p) {
        return axis == DecimationAxis::Step ? double(p.step) : p.wallTime;
    };
    const auto begin = std::lower_bound(points.begin(), points.end(), x0,
        [&](const ScalarPoint& p, double x) { return xOf(p) < x; });
    for (auto it = begin; it != points.end() && xOf(*it) <= x1; ++it) {
        const std::size_t i = std::size_t(it - points.begin());
        const double c = (xOf(*it) - x0) * scale;
        Column& col = cols[c < double(columns) ? std::size_t(c) : columns - 1];
        if (col.first == SIZE_MAX)
            col.first = i;
        col.last = i;
        if (!std::isfinite(it->value))
            continue;
        if (col.min == SIZE_MAX || it->value < points[col.min].value)
            col.min = i;
        if (col.max == SIZE_MAX || it->value > points[col.max].value)
            col.max = i;
    }
    out.clear();
    for (const Column& col : cols) {
        if (col.first == SIZE_MAX)
            continue;
        std::size_t four[4] = {col.first, col.min, col.max, col.last};
        std::sort(four, four + 4);
        for (std::size_t k = 0; k < 4; ++k)
            if (four[k] != SIZE_MAX && (k == 0 || four[k] != four[k - 1]))
                out.push_back(points[four[k]]);
    }
    return out.size();
}

// The middle `zoom` of the series, on either axis.
std::pair<double, double> rangeFor(const Large& data, double zoom, DecimationAxis axis)
{
    const double n = double(kLargePoints);
    const auto i0 = std::size_t(n * (0.5 - zoom / 2)), i1 = std::size_t(n * (0.5 + zoom / 2)) - 1;
    if (axis == DecimationAxis::Step)
        return {double(data.points[i0].step), double(data.points[i1].step)};
    return {data.points[i0].wallTime, data.points[i1].wallTime};
}

void decimateScan(benchmark::State& state, double zoom, DecimationAxis axis)
{
    const Large& data = large();
    const auto [x0, x1] = rangeFor(data, zoom, axis);
    std::vector<ScalarPoint> out;
    for (auto _ : state)
        benchmark::DoNotOptimize(scanDecimate(data.points, axis, x0, x1, kColumns, out));
    state.counters["points_out"] = double(out.size());
}

void decimateStore(benchmark::State& state, double zoom, DecimationAxis axis, bool fullPoints)
{
    const Large& data = large();
    const auto [x0, x1] = rangeFor(data, zoom, axis);
    DecimatedSeries out;
    for (auto _ : state) {
        decimate(data.snapshot, {axis, x0, x1, kColumns, fullPoints}, out);
        benchmark::DoNotOptimize(out.points.data());
    }
    state.counters["points_out"] = double(out.size());
}

// ---- Reading everything ----

void readVector(benchmark::State& state)
{
    const Large& data = large();
    for (auto _ : state) {
        double sum = 0;
        for (const ScalarPoint& p : data.points)
            sum += p.value + p.wallTime + double(p.step);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations() * kLargePoints));
}

void readStore(benchmark::State& state)
{
    const Large& data = large();
    for (auto _ : state) {
        double sum = 0;
        data.snapshot.forEach(
            [&sum](const ScalarPoint& p) { sum += p.value + p.wallTime + double(p.step); });
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations() * kLargePoints));
}

// ---- Snapshots ----

// What a snapshot would cost if it copied the list of chunk pointers.
void snapshotCopyChunkList(benchmark::State& state)
{
    const Large& data = large();
    std::vector<std::shared_ptr<const int>> list(data.snapshot.chunkCount());
    for (auto& p : list)
        p = std::make_shared<const int>(0);
    for (auto _ : state) {
        std::vector<std::shared_ptr<const int>> copy = list;
        benchmark::DoNotOptimize(copy.data());
    }
}

void snapshotStore(benchmark::State& state)
{
    const Large& data = large();
    for (auto _ : state) {
        ScalarSnapshot snapshot = data.series.snapshot();
        benchmark::DoNotOptimize(snapshot.size());
    }
}

// Collects each benchmark's CPU time (this machine is shared, so wall time says more about the
// neighbours) to print candidate/baseline ratios after the usual table.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    RatioReporter()
        : ConsoleReporter(OO_Tabular)
    {
    }
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& run : runs)
            if (run.run_type == Run::RT_Iteration && !run.error_occurred)
                m_seconds[run.benchmark_name()]
                    = run.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
        ConsoleReporter::ReportRuns(runs);
    }
    void printRatios(const std::vector<std::pair<std::string, std::string>>& pairs) const
    {
        std::printf("\nCPU time per iteration\n%-42s %-38s %12s %12s %9s\n", "candidate",
            "baseline", "candidate", "baseline", "ratio");
        for (const auto& [candidate, baseline] : pairs) {
            const auto c = m_seconds.find(candidate), b = m_seconds.find(baseline);
            if (c == m_seconds.end() || b == m_seconds.end())
                continue;
            std::printf("%-42s %-38s %10.1f us %10.1f us %9.3g\n", candidate.c_str(),
                baseline.c_str(), c->second * 1e6, b->second * 1e6, c->second / b->second);
        }
    }

private:
    std::map<std::string, double> m_seconds;
};

} // namespace

int main(int argc, char** argv)
{
    using benchmark::kMicrosecond;
    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark("append_1M/std_vector", appendVector)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("append_1M/ScalarSeries", appendStore)->Unit(kMillisecond);
    const DecimationAxis step = DecimationAxis::Step, wall = DecimationAxis::WallTime;
    for (const auto& [name, zoom] : {std::pair {"full", 1.0}, std::pair {"zoom10", 0.1}}) {
        for (const auto& [axisName, axis] : {std::pair {"step", step}, std::pair {"wall", wall}}) {
            const std::string prefix = std::string("decimate_10M_") + name + "_" + axisName;
            benchmark::RegisterBenchmark(
                (prefix + "/linear_scan").c_str(), decimateScan, zoom, axis)
                ->Unit(kMicrosecond);
            benchmark::RegisterBenchmark(
                (prefix + "/pyramid").c_str(), decimateStore, zoom, axis, true)
                ->Unit(kMicrosecond);
            benchmark::RegisterBenchmark(
                (prefix + "/pyramid_xy_only").c_str(), decimateStore, zoom, axis, false)
                ->Unit(kMicrosecond);
        }
    }
    benchmark::RegisterBenchmark("read_10M/std_vector", readVector)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("read_10M/ScalarSnapshot_forEach", readStore)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("snapshot_10M/copy_chunk_list", snapshotCopyChunkList)
        ->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("snapshot_10M/ScalarSeries", snapshotStore)->Unit(kMicrosecond);

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::vector<std::pair<std::string, std::string>> pairs {
        {"append_1M/ScalarSeries", "append_1M/std_vector"}};
    for (const char* name : {"full", "zoom10"})
        for (const char* axis : {"step", "wall"})
            for (const char* variant : {"pyramid", "pyramid_xy_only"}) {
                const std::string prefix = std::string("decimate_10M_") + name + "_" + axis;
                pairs.push_back({prefix + "/" + variant, prefix + "/linear_scan"});
            }
    pairs.push_back({"read_10M/ScalarSnapshot_forEach", "read_10M/std_vector"});
    pairs.push_back({"snapshot_10M/ScalarSeries", "snapshot_10M/copy_chunk_list"});
    reporter.printRatios(pairs);
    benchmark::Shutdown();
    return 0;
}
