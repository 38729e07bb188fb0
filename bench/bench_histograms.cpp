// Drawing 10,000 steps × 30 buckets into an 800×400 image: the histogram ridge plot and the
// distribution bands as the dashboards draw them (a decimated subset of steps), beside the
// baseline of drawing every step; the one-off cost of rebinning / compressing the series (on a
// worker thread), and what a changed series still costs the GUI thread.

#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"
#include "ui/widgets/distribution_plot.h"
#include "ui/widgets/histogram_plot.h"

#include <QApplication>
#include <QEventLoop>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>
#include <cmath>

using namespace lantern;

namespace {

constexpr std::size_t kSteps = 10000;
constexpr int kBuckets = 30;
const QSize kSize(800, 400);

const core::EntrySnapshot<core::HistogramEntry>& series()
{
    static const core::EntrySnapshot<core::HistogramEntry> snapshot = [] {
        core::EntrySeries<core::HistogramEntry> entries;
        for (std::size_t step = 0; step < kSteps; ++step) {
            // A normal whose mean drifts and width grows, in 30 equal buckets over ±4σ.
            const double mean = std::sin(double(step) / 900.0), sigma = 1 + double(step) / kSteps;
            core::HistogramEntry entry {std::int64_t(step), 1.7e9 + double(step) * 5, {}};
            const double lo = mean - 4 * sigma, width = 8 * sigma / kBuckets;
            for (int b = 0; b < kBuckets; ++b) {
                const double z = (lo + width * (b + 0.5) - mean) / sigma;
                entry.buckets.push_back({lo + width * b, lo + width * (b + 1),
                    std::round(1000 * std::exp(-z * z / 2))});
            }
            entries.append(std::move(entry));
        }
        return entries.snapshot();
    }();
    return snapshot;
}

// Plots summarise on a worker thread; this waits for the summary to arrive.
void waitForSummary(ui::HistogramSeriesPlot& plot)
{
    QEventLoop loop;
    QObject::connect(&plot, &ui::HistogramSeriesPlot::summaryUpdated, &loop, &QEventLoop::quit);
    if (plot.isComputing())
        loop.exec();
}

void drawHistograms(benchmark::State& state, ui::HistogramMode mode, bool decimate)
{
    ui::HistogramPlot plot;
    plot.resize(kSize);
    plot.setEntries(series(), QColor(0x3366cc));
    waitForSummary(plot);
    ui::HistogramPlotOptions options;
    options.mode = mode;
    options.decimate = decimate;
    plot.setOptions(options);
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        plot.render(painter, QRect(QPoint(0, 0), kSize));
    }
    state.counters["steps_drawn"] = double(plot.drawnSteps().size());
}

void drawDistributions(benchmark::State& state, bool decimate)
{
    ui::DistributionPlot plot;
    plot.resize(kSize);
    plot.setEntries(series(), QColor(0x3366cc));
    waitForSummary(plot);
    ui::HistogramPlotOptions options;
    options.decimate = decimate;
    plot.setOptions(options);
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        plot.render(painter, QRect(QPoint(0, 0), kSize));
    }
    state.counters["steps_drawn"] = double(plot.drawnStepCount());
}

void BM_OffsetDecimated(benchmark::State& s)
{
    drawHistograms(s, ui::HistogramMode::Offset, true);
}
void BM_OffsetEveryStep(benchmark::State& s)
{
    drawHistograms(s, ui::HistogramMode::Offset, false);
}
void BM_OverlayDecimated(benchmark::State& s)
{
    drawHistograms(s, ui::HistogramMode::Overlay, true);
}
void BM_DistributionsDecimated(benchmark::State& s)
{
    drawDistributions(s, true);
}
void BM_DistributionsEveryStep(benchmark::State& s)
{
    drawDistributions(s, false);
}

// What a changed series costs before drawing: rebinning 10k steps, compressing 10k steps, as
// the plots' worker threads do it.
void BM_RebinSeries(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(ui::HistogramPlot::rebin(series(), 30).counts.data());
}
void BM_CompressSeries(benchmark::State& state)
{
    const auto& entries = series();
    for (auto _ : state)
        for (std::size_t i = 0; i < entries.size(); ++i)
            benchmark::DoNotOptimize(core::compressHistogram(entries[i].buckets));
}

// What a changed series costs the GUI thread: setEntries only starts the summary.
void BM_SetEntriesGuiThread(benchmark::State& state)
{
    ui::HistogramPlot plot;
    std::size_t bins = 30;
    for (auto _ : state) {
        bins = bins == 30 ? 31 : 30; // a new bin count defeats the plot's cache
        plot.setEntries(series(), Qt::blue, bins);
        state.PauseTiming();
        waitForSummary(plot);
        state.ResumeTiming();
    }
}
// And until the new summary is shown: the worker's rebinning plus the hand-over.
void BM_SetEntriesUntilShown(benchmark::State& state)
{
    ui::HistogramPlot plot;
    std::size_t bins = 30;
    for (auto _ : state) {
        bins = bins == 30 ? 31 : 30;
        plot.setEntries(series(), Qt::blue, bins);
        waitForSummary(plot);
        benchmark::DoNotOptimize(plot.rebinned().counts.data());
    }
}

} // namespace

BENCHMARK(BM_OffsetEveryStep)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OffsetDecimated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverlayDecimated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DistributionsEveryStep)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DistributionsDecimated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RebinSeries)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CompressSeries)->Unit(benchmark::kMillisecond);
// A fixed count: paused waits do not count towards the benchmark's time budget.
BENCHMARK(BM_SetEntriesGuiThread)->Unit(benchmark::kMicrosecond)->Iterations(40);
BENCHMARK(BM_SetEntriesUntilShown)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
