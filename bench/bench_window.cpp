// lantern-bench-window: does a 1,000-run logdir keep the main window responsive?
//
// A 5 ms timer on the GUI thread notes how late each tick fires; a late tick is time the
// window could not react to the user. The baseline is the same measurement on the idle window
// in the same run. Then: the first load of 1,000 runs × 4 tags × 200 steps, a live update that
// grows 100 runs, and the clicks a user makes on such a list (None, All, typing a run filter),
// each measured until every plot shows the result ("elapsed": the time to the picture), and
// the time the GUI thread spends in the click itself.
//
// Usage: lantern-bench-window [--runs N]

#include "core/write/event_file_writer.h"
#include "ui/main_window.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/run_selector.h"

#include "bench/gui_lateness.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace lantern;
using bench::Lateness;
using bench::measureLateness;
namespace fs = std::filesystem;

namespace {

constexpr int kTags = 4;
constexpr int kSteps = 200;
constexpr double kStallTargetMs = 100; // slower than this and a click feels ignored

void writeRun(const fs::path& directory, int firstStep, int steps)
{
    core::EventFileWriter writer(directory);
    for (int step = firstStep; step < firstStep + steps; ++step)
        for (int tag = 0; tag < kTags; ++tag)
            writer.addScalar(
                "metric_" + std::to_string(tag), step, float(step * 0.01 + tag), 1.7e9 + step);
}

std::string runName(int run)
{
    char name[32];
    std::snprintf(name, sizeof name, "run_%04d", run);
    return name;
}

// A click repeated `reps` times, each measured until `done`: the median elapsed time and the
// worst lateness; and the median milliseconds the GUI thread spent in the click itself.
struct Clicks {
    Lateness lateness;
    double actionMs = 0;
};
Clicks measureClicks(
    int reps, const std::function<void(int)>& action, const std::function<bool()>& done)
{
    std::vector<double> elapsed, actionMs;
    Clicks result;
    for (int i = 0; i < reps; ++i) {
        const Lateness one = measureLateness(
            [&] {
                const auto start = std::chrono::steady_clock::now();
                action(i);
                QCoreApplication::processEvents();
                actionMs.push_back(std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                                       .count());
            },
            done);
        elapsed.push_back(one.elapsedMs);
        result.lateness.p99 = std::max(result.lateness.p99, one.p99);
        result.lateness.max = std::max(result.lateness.max, one.max);
    }
    std::sort(elapsed.begin(), elapsed.end());
    std::sort(actionMs.begin(), actionMs.end());
    result.lateness.elapsedMs = elapsed[elapsed.size() / 2];
    result.actionMs = actionMs[actionMs.size() / 2];
    return result;
}

void printRow(const char* what, const Lateness& lateness)
{
    std::printf("  %-34s %8.1f ms %10.1f ms %10.1f ms\n", what, lateness.elapsedMs, lateness.p99,
        lateness.max);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone

    int runs = 1000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
            continue;
        }
        std::fprintf(stderr, "usage: lantern-bench-window [--runs N]\n");
        return 2;
    }

    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    for (int run = 0; run < runs; ++run)
        writeRun(root / runName(run), 0, kSteps);

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    int loads = 0;
    QObject::connect(&window, &ui::MainWindow::loadFinished, [&] { ++loads; });

    std::printf("lantern-bench-window: %d runs × %d tags × %d steps; GUI ticks every %d ms\n", runs,
        kTags, kSteps, bench::kLatenessTickMs);
    std::printf("  %-34s %11s %13s %13s\n", "", "elapsed", "p99 late", "max late");

    QElapsedTimer idle;
    const Lateness baseline
        = measureLateness([&] { idle.start(); }, [&] { return idle.elapsed() >= 2000; });
    printRow("idle window (baseline)", baseline);

    const Lateness firstLoad = measureLateness([&] { window.openLogdirs({temp.path()}); },
        [&] { return loads >= 1 && !window.isComputing(); });
    printRow("first load", firstLoad);

    const int before = loads;
    const Lateness live = measureLateness(
        [&] {
            for (int run = 0; run < runs; run += std::max(1, runs / 100))
                writeRun(root / runName(run), kSteps, 10);
        },
        [&] { return loads > before && !window.isComputing(); });
    printRow("live update (100 runs grow)", live);

    const auto drawn = [&] { return !window.isComputing(); };
    ui::RunListModel* model = window.runListModel();
    const Clicks toggle = measureClicks(
        6, [&](int i) { model->setAllChecked(i % 2 != 0); }, drawn);
    printRow("None / All click (median of 6)", toggle.lateness);
    QLineEdit* filter = window.runSelector()->filterEdit();
    const Clicks typing = measureClicks(
        6, [&](int i) { filter->setText(i % 2 == 0 ? QStringLiteral("run_0[0-4]") : QString()); },
        drawn);
    printRow("run filter edit (median of 6)", typing.lateness);
    std::printf("  GUI thread in the click itself: None / All %.1f ms, filter %.1f ms (medians)\n",
        toggle.actionMs, typing.actionMs);

    const double worst = std::max({firstLoad.max, live.max, toggle.lateness.max,
        typing.lateness.max, toggle.actionMs, typing.actionMs});
    std::printf("  worst stall %.1f ms vs idle %.1f ms (%.1fx); target: no stall > %.0f ms (%s)\n",
        worst, baseline.max, baseline.max > 0 ? worst / baseline.max : 0.0, kStallTargetMs,
        worst <= kStallTargetMs ? "met" : "NOT met");
    return 0;
}
