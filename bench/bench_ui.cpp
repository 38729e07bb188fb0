// lantern-bench: UI benchmarks timed with std::chrono, each printing the median of its repeats
// beside a baseline measured in the same run (this machine is noisy and shared).
//
// scalars-render: one LinePlot at 1600×900 over 10 runs × 1,000,000 points, rendered into a
// QImage, against a plain QtCharts QLineSeries holding the raw 1,000,000 points of one run in a
// QChartView of the same size. Both are measured twice: a plain repaint (same view, caches warm)
// and a repaint after the x range changed (LinePlot re-decimates all 10 runs; QtCharts recomputes
// its path over the 1,000,000 points).
//
// scalars-live: 20 plots receiving 100 points per run and update, repainted; see scalarsLive.
//
// Usage: lantern-bench [case...] [--reps N] [--baseline-reps N]; no case runs them all.

#include "core/analysis/decimation.h"
#include "core/store/scalar_series.h"
#include "ui/widgets/line_plot.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace lantern;

namespace {

constexpr std::size_t kRuns = 10;
constexpr std::size_t kPoints = 1'000'000;
const QSize kSize(1600, 900);

struct Settings {
    int reps = 30;
    int baselineReps = 10;
};

// Medians of `reps` calls of `body`, after two untimed warm-up calls: wall-clock milliseconds
// (what a user waits) and the process's CPU milliseconds, every thread included (steadier on
// a shared machine, where waiting for a core inflates the wall clock).
struct Timing {
    double wall = 0;
    double cpu = 0;
};

double processCpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC; // process CPU time on POSIX
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

Timing medianMs(int reps, const std::function<void(int)>& body)
{
    body(-2);
    body(-1);
    std::vector<double> wall, cpu;
    for (int i = 0; i < reps; ++i) {
        const double cpuStart = processCpuMs();
        const auto start = std::chrono::steady_clock::now();
        body(i);
        const auto end = std::chrono::steady_clock::now();
        cpu.push_back(processCpuMs() - cpuStart);
        wall.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    return {median(wall), median(cpu)};
}

void printHeader(const char* title)
{
    std::printf("  %-52s %10s %8s %6s\n", title, "median ms", "cpu ms", "reps");
}

void printRow(const char* label, const Timing& timing, int reps)
{
    std::printf("  %-52s %10.2f %8.2f %6d\n", label, timing.wall, timing.cpu, reps);
}

// A training-loss-like curve: exponential decay, a slow wobble and deterministic noise, with a
// different rate and offset per run.
double lossAt(std::size_t run, std::size_t i, std::uint64_t& rng)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    const double noise = double(rng >> 11) / double(1ULL << 53) - 0.5;
    const double t = double(i) / double(kPoints);
    return 0.2 + 0.1 * double(run) + 2.0 * std::exp(-t * (3.0 + double(run)))
        + 0.05 * std::sin(t * 40.0) + 0.1 * noise;
}

void scalarsRender(const Settings& settings)
{
    std::printf("scalars-render: %zu runs x %zu points, %dx%d, QT_QPA_PLATFORM=%s\n", kRuns,
        kPoints, kSize.width(), kSize.height(), qgetenv("QT_QPA_PLATFORM").constData());

    std::vector<ui::LinePlot::Series> series;
    QList<QPointF> baselinePoints; // run 0, raw, every point
    baselinePoints.reserve(qsizetype(kPoints));
    const auto buildStart = std::chrono::steady_clock::now();
    for (std::size_t run = 0; run < kRuns; ++run) {
        core::ScalarSeries scalars;
        std::uint64_t rng = 0x9E3779B97F4A7C15ULL * (run + 1);
        for (std::size_t i = 0; i < kPoints; ++i) {
            const double value = lossAt(run, i, rng);
            scalars.append({std::int64_t(i), 1.7e9 + 0.5 * double(i), value});
            if (run == 0)
                baselinePoints.append(QPointF(double(i), value));
        }
        series.push_back({QStringLiteral("run %1").arg(run),
            QColor::fromHsv(int(run * 36), 200, 200), scalars.snapshot()});
    }
    const double buildMs
        = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - buildStart)
              .count();
    std::printf("  built the series in %.0f ms (not timed below)\n\n", buildMs);

    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);

    // Lantern: default options (smoothing 0.6, so each run draws its raw and smoothed lines).
    ui::LinePlot plot;
    plot.resize(kSize);
    plot.setSeries(std::move(series));
    const ui::LinePlot::Range fullX = plot.xRange();
    const Timing lanternCached = medianMs(settings.reps, [&](int) {
        image.fill(Qt::white);
        plot.render(&image);
    });
    const std::size_t drawn = plot.drawnPointCount();
    // Alternate between two x ranges, each a change, so every paint re-decimates every run.
    const Timing lanternZoom = medianMs(settings.reps, [&](int i) {
        const double shift = (i & 1) ? 0.5 : 0.0;
        plot.zoomTo({fullX.lo + shift, fullX.hi - shift});
        image.fill(Qt::white);
        plot.render(&image);
    });

    // The data half of a re-decimating repaint alone: what core::decimate costs for 10 runs at
    // the plot's width, with the query LinePlot draws from.
    core::DecimatedSeries decimated;
    const auto columns = std::size_t(plot.plotArea().width());
    const Timing decimateMs = medianMs(settings.reps, [&](int i) {
        const double shift = (i & 1) ? 0.5 : 0.0;
        for (std::size_t run = 0; run < plot.seriesCount(); ++run) {
            core::DecimationQuery query;
            query.x0 = fullX.lo + shift;
            query.x1 = fullX.hi - shift;
            query.columns = columns;
            query.fullPoints = false;
            core::decimate(plot.series(run).data, query, decimated);
        }
    });

    // Baseline: a plain QLineSeries with every raw point of one run, in a QChartView.
    auto* line = new QLineSeries;
    line->replace(baselinePoints);
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->addSeries(line);
    chart->createDefaultAxes();
    auto* xAxis = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0));
    QChartView view(chart); // owns the chart, which owns the series
    view.resize(kSize);
    QCoreApplication::processEvents();
    const Timing baselineCached = medianMs(settings.baselineReps, [&](int) {
        image.fill(Qt::white);
        view.QWidget::render(&image); // the widget as it repaints, like plot.render
    });
    const Timing baselineZoom = medianMs(settings.baselineReps, [&](int i) {
        const double shift = (i & 1) ? 0.5 : 0.0;
        xAxis->setRange(0 + shift, double(kPoints - 1) - shift);
        QCoreApplication::processEvents();
        image.fill(Qt::white);
        view.QWidget::render(&image); // the widget as it repaints, like plot.render
    });

    printHeader("repaint");
    printRow("Lantern LinePlot, 10 runs, same view", lanternCached, settings.reps);
    printRow("Lantern LinePlot, 10 runs, x range changed", lanternZoom, settings.reps);
    printRow("  of which core::decimate, 10 runs (no painting)", decimateMs, settings.reps);
    printRow("QtCharts QLineSeries, 1 run raw, same view", baselineCached, settings.baselineReps);
    printRow(
        "QtCharts QLineSeries, 1 run raw, x range changed", baselineZoom, settings.baselineReps);
    std::printf("\n  Lantern drew %zu points (raw, decimated; as many smoothed).\n", drawn);
    std::printf("  ratio, same view:               QtCharts / Lantern = %.1fx (cpu %.1fx)\n",
        baselineCached.wall / lanternCached.wall, baselineCached.cpu / lanternCached.cpu);
    std::printf("  ratio, x range changed:         QtCharts / Lantern = %.1fx (cpu %.1fx)\n",
        baselineZoom.wall / lanternZoom.wall, baselineZoom.cpu / lanternZoom.cpu);
    std::printf("  ratio, worst Lantern vs best QtCharts: %.1fx\n",
        std::min(baselineCached.wall, baselineZoom.wall)
            / std::max(lanternCached.wall, lanternZoom.wall));
    // The target is the repaint of an unchanged view; a changed view is reported beside it.
    const double ratio = baselineCached.wall / lanternCached.wall;
    std::printf("  target, repaint of the same view: Lantern <= 16 ms (%s), >= 30x faster (%s)\n",
        lanternCached.wall <= 16 ? "met" : "NOT met", ratio >= 30 ? "met" : "NOT met");
}

// scalars-live: 20 plots as a dashboard shows them (480×300), each with 3 runs of 200,000
// points, every run receiving 100 new points per update (100 points/s per run at one update a
// second; run 0 is the longest, so every update also widens the unzoomed x range). One update
// appends, hands every plot its new snapshots and repaints all 20. Baseline: the same update with
// no caches, a fresh plot per chart (a full re-layout: smoothing and decimating every run).
void scalarsLive(const Settings& settings)
{
    constexpr std::size_t kPlots = 20, kLiveRuns = 3, kStart = 200'000, kPerUpdate = 100;
    const QSize size(480, 300);
    std::printf("\nscalars-live: %zu plots of %zu runs x %zu points, %dx%d, +%zu points per run "
                "and update\n",
        kPlots, kLiveRuns, kStart, size.width(), size.height(), kPerUpdate);
    struct Chart {
        std::vector<core::ScalarSeries> runs;
        std::vector<std::uint64_t> rng;
        ui::LinePlot plot;
    };
    std::vector<std::unique_ptr<Chart>> charts;
    for (std::size_t c = 0; c < kPlots; ++c) {
        auto chart = std::make_unique<Chart>();
        chart->runs.resize(kLiveRuns);
        for (std::size_t run = 0; run < kLiveRuns; ++run) {
            chart->rng.push_back(0x9E3779B97F4A7C15ULL * (c * kLiveRuns + run + 1));
            const std::size_t count = kStart - run * 1000; // run 0 is the longest
            for (std::size_t i = 0; i < count; ++i)
                chart->runs[run].append(
                    {std::int64_t(i), 1.7e9 + 0.5 * double(i), lossAt(run, i, chart->rng[run])});
        }
        chart->plot.resize(size);
        charts.push_back(std::move(chart));
    }
    const auto seriesOf = [](Chart& chart) {
        std::vector<ui::LinePlot::Series> series;
        for (std::size_t run = 0; run < chart.runs.size(); ++run)
            series.push_back({QStringLiteral("run %1").arg(run),
                QColor::fromHsv(int(run * 90), 200, 200), chart.runs[run].snapshot()});
        return series;
    };
    const auto append = [&](Chart& chart) {
        for (std::size_t run = 0; run < chart.runs.size(); ++run) {
            core::ScalarSeries& scalars = chart.runs[run];
            for (std::size_t k = 0; k < kPerUpdate; ++k) {
                const std::size_t i = scalars.size();
                scalars.append({std::int64_t(i), 1.7e9 + 0.5 * double(i),
                    lossAt(run, i % kPoints, chart.rng[run])});
            }
        }
    };
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    for (auto& chart : charts) { // the dashboard as it stands before the first update
        chart->plot.setSeries(seriesOf(*chart));
        chart->plot.render(&image);
    }
    const Timing live = medianMs(settings.reps, [&](int) {
        for (auto& chart : charts) {
            append(*chart);
            chart->plot.setSeries(seriesOf(*chart));
            image.fill(Qt::white);
            chart->plot.render(&image);
        }
    });
    const Timing fresh = medianMs(settings.baselineReps, [&](int) {
        for (auto& chart : charts) {
            append(*chart);
            ui::LinePlot plot;
            plot.resize(size);
            plot.setSeries(seriesOf(*chart));
            image.fill(Qt::white);
            plot.render(&image);
        }
    });
    printHeader("one update of all 20 plots");
    printRow("Lantern LinePlot, caches kept (what the app does)", live, settings.reps);
    printRow("baseline: full re-layout, fresh plots", fresh, settings.baselineReps);
    std::printf("  ratio: %.1fx; per plot %.2f ms; at 1 update/s the GUI thread is busy %.1f%%\n",
        fresh.wall / live.wall, live.wall / double(kPlots), live.wall / 10.0);
}

// scalars-many-runs: one card-sized plot (480×300) over 1,000 runs × 200 points, smoothing on:
// the layout (decimating and smoothing every run) and rendering the lines, measured apart;
// then what a change costs the GUI thread when a worker lays out and renders (the app's way).
void scalarsManyRuns(const Settings& settings)
{
    constexpr std::size_t kManyRuns = 1000, kSteps = 200;
    std::vector<ui::LinePlot::Series> series;
    for (std::size_t run = 0; run < kManyRuns; ++run) {
        core::ScalarSeries scalars;
        std::uint64_t rng = 0x9E3779B97F4A7C15ULL * (run + 1);
        for (std::size_t i = 0; i < kSteps; ++i)
            scalars.append({std::int64_t(i), 1.7e9 + double(i), lossAt(run % 4, i * 5000, rng)});
        series.push_back({QStringLiteral("run %1").arg(run),
            QColor::fromHsv(int(run * 37 % 360), 200, 200), scalars.snapshot()});
    }
    std::printf("\nscalars-many-runs: %zu runs x %zu points, 480x300\n", kManyRuns, kSteps);
    ui::LinePlot plot;
    plot.resize(480, 300);
    plot.setSeries(std::move(series));
    QImage image(plot.size(), QImage::Format_ARGB32_Premultiplied);
    volatile double sink = 0;
    const Timing layout = medianMs(settings.reps, [&](int rep) {
        plot.setSmoothing(rep % 2 ? 0.6 : 0.61); // a new weight: every run smoothed again
        sink = sink + plot.xRange().hi;
    });
    plot.setBackgroundRendering(false);
    const Timing paint = medianMs(settings.reps, [&](int) {
        image.fill(Qt::white);
        plot.render(&image);
    });
    plot.setBackgroundRendering(true);
    const Timing gui = medianMs(settings.reps, [&](int rep) {
        plot.setSmoothing(rep % 2 ? 0.6 : 0.61);
        image.fill(Qt::white);
        plot.render(&image); // asks the worker for a layout and lines, draws the last ones
    });
    plot.waitForRendering();
    printHeader("one plot");
    printRow("layout (smoothing and decimating every run)", layout, settings.reps);
    printRow("rendering the lines (GUI thread, cached layout)", paint, settings.reps);
    printRow("GUI thread per change, layout and lines on a worker", gui, settings.reps);
}

struct Case {
    const char* name;
    void (*run)(const Settings&);
};

const Case kCases[] = {{"scalars-render", scalarsRender}, {"scalars-live", scalarsLive},
    {"scalars-many-runs", scalarsManyRuns}};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    Settings settings;
    std::vector<const Case*> selected;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--reps" || arg == "--baseline-reps") && i + 1 < argc) {
            (arg == "--reps" ? settings.reps : settings.baselineReps)
                = std::max(1, std::atoi(argv[++i]));
            continue;
        }
        const auto found = std::find_if(
            std::begin(kCases), std::end(kCases), [&](const Case& c) { return arg == c.name; });
        if (found == std::end(kCases)) {
            std::fprintf(stderr, "usage: lantern-bench [case...] [--reps N] [--baseline-reps N]\n");
            std::fprintf(stderr, "cases:");
            for (const Case& c : kCases)
                std::fprintf(stderr, " %s", c.name);
            std::fprintf(stderr, "\n");
            return 2;
        }
        selected.push_back(&*found);
    }
    if (selected.empty())
        for (const Case& c : kCases)
            selected.push_back(&c);
    for (const Case* c : selected)
        c->run(settings);
    return 0;
}
