// lantern-bench-runs-table: what a live update costs the GUI thread in the Runs tab with 10,000
// runs. 100 runs spread over the list each gain points; the tab applies the change notice
// (RunsTableModel updates those rows in place: dataChanged per row, the proxy re-sorts only
// them) and the visible table repaints. The baseline, in the same run and on the same data, is
// the same update applied as a rebuild: a full model reset, the proxy re-sorting every row.
// Also shown: the runs panel's model (RunListModel) taking the same snapshot, which the window
// does on every update as well.
//
// Usage: lantern-bench-runs-table [--runs N] [--changed N] [--reps N] [--case name|moving]
// Figures are medians of wall-clock and GUI-thread CPU milliseconds; the target is 16 ms
// (one frame at 60 Hz).

#include "core/load/logdir_loader.h"
#include "core/store/run_data.h"
#include "core/store/run_snapshot.h"
#include "ui/dashboards/runs/runs_dashboard.h"
#include "ui/dashboards/runs/runs_table_model.h"
#include "ui/widgets/run_list_model.h"

#include <QApplication>
#include <QTableView>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <time.h>
#include <vector>

using namespace lantern;
using ui::LogdirSnapshotPtr;

namespace {

struct Options {
    std::size_t runs = 10'000;
    std::size_t changed = 100;
    int reps = 20;
    std::string only; // "name" or "moving": one case
};

// The runs, their data growing a few points per update, and the snapshots views are handed.
class Logdir {
public:
    explicit Logdir(std::size_t runCount)
        : m_data(runCount)
        , m_snapshot(std::make_shared<core::LogdirSnapshot>())
    {
        char name[32];
        for (std::size_t i = 0; i < runCount; ++i) {
            core::RunData& run = *(m_data[i] = std::make_unique<core::RunData>());
            std::snprintf(name, sizeof name, "run_%05zu", i);
            run.name = name;
            run.directory = std::filesystem::path("/logs") / name;
            run.files = {run.directory / "events.out.tfevents.1.host"};
            for (const char* tag : {"loss", "accuracy", "learning_rate"})
                for (int step = 0; step < 10; ++step)
                    add(run, tag, step);
            m_snapshot->runs.push_back(core::snapshotOf(run));
        }
    }

    // A snapshot where `count` runs spread over the list gained a point in each tag, and the
    // change notice that says which.
    std::pair<LogdirSnapshotPtr, std::shared_ptr<core::SnapshotChange>> grow(std::size_t count)
    {
        auto next = std::make_shared<core::LogdirSnapshot>(*m_snapshot);
        auto change = std::make_shared<core::SnapshotChange>(core::SnapshotChange::nothing());
        const std::size_t stride = std::max<std::size_t>(1, m_data.size() / count);
        const std::size_t offset = m_round++ % stride;
        for (std::size_t i = offset; i < m_data.size() && change->runs.size() < count;
             i += stride) {
            core::RunData& run = *m_data[i];
            const std::int64_t step = 10 + std::int64_t(m_round);
            for (const char* tag : {"loss", "accuracy", "learning_rate"}) {
                add(run, tag, step);
                change->series.push_back({run.name, tag, core::ValueKind::Scalar});
            }
            next->runs[i] = core::snapshotOf(run, m_snapshot->runs[i].get());
            change->runs.push_back(run.name);
        }
        std::sort(change->series.begin(), change->series.end());
        m_snapshot = next;
        return {next, change};
    }

    LogdirSnapshotPtr snapshot() const { return m_snapshot; }

private:
    static void add(core::RunData& run, const char* tag, std::int64_t step)
    {
        run.addScalar(
            tag, step, 1.7e9 + double(step), 1.0 / double(step + 1), core::ScalarType::Float32, {});
        run.countEvent();
        run.touch();
    }

    std::vector<std::unique_ptr<core::RunData>> m_data;
    std::shared_ptr<core::LogdirSnapshot> m_snapshot;
    std::size_t m_round = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// What the GUI thread spends on `work` and on the events it posts (the repaint): wall-clock
// milliseconds, and the thread's own CPU milliseconds (steadier on a shared, loaded machine,
// where waiting for a core inflates the wall clock).
struct Cost {
    double wall = 0;
    double cpu = 0;
};

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

template <typename Work> Cost costOnGuiThread(Work&& work)
{
    const double cpuStart = threadCpuMs();
    const auto start = std::chrono::steady_clock::now();
    work();
    QApplication::processEvents();
    const auto end = std::chrono::steady_clock::now();
    return {
        std::chrono::duration<double, std::milli>(end - start).count(), threadCpuMs() - cpuStart};
}

// Medians over `reps` updates, after two untimed ones.
struct Figures {
    Cost live; // change notice: rows updated in place
    Cost reset; // the same update as a full reset
    Cost runsPanel; // RunListModel::setSnapshot of the same snapshot
};

Cost medianOf(const std::vector<Cost>& costs)
{
    std::vector<double> wall, cpu;
    for (const Cost& cost : costs) {
        wall.push_back(cost.wall);
        cpu.push_back(cost.cpu);
    }
    return {median(wall), median(cpu)};
}

Figures measure(const Options& options, int sortColumn)
{
    Logdir logdir(options.runs);
    ui::RunListModel runs;
    runs.setSnapshot(logdir.snapshot());
    ui::RunsDashboard dashboard(&runs, nullptr);
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.offer({logdir.snapshot(), std::make_shared<core::SnapshotChange>()}, true);
    dashboard.view()->sortByColumn(sortColumn, Qt::AscendingOrder);
    QApplication::processEvents();

    std::vector<Cost> live, reset, panel;
    for (int rep = -2; rep < options.reps; ++rep) {
        auto [snapshot, change] = logdir.grow(options.changed);
        const Cost panelCost = costOnGuiThread([&] { runs.setSnapshot(snapshot); });
        const Cost liveCost = costOnGuiThread([&] { dashboard.offer({snapshot, change}, true); });
        // The baseline: the same data again, applied as a rebuild.
        auto [again, againChange] = logdir.grow(options.changed);
        runs.setSnapshot(again);
        const Cost resetCost = costOnGuiThread([&] {
            dashboard.offer({again, std::make_shared<core::SnapshotChange>()}, true);
        });
        if (rep < 0)
            continue;
        live.push_back(liveCost);
        reset.push_back(resetCost);
        panel.push_back(panelCost);
    }
    if (dashboard.tableModel()->rowCount() != int(options.runs)) {
        std::fprintf(stderr, "the table lost rows\n");
        std::exit(1);
    }
    return {medianOf(live), medianOf(reset), medianOf(panel)};
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::size_t value = std::strtoul(argv[i + 1], nullptr, 10);
        if (!std::strcmp(argv[i], "--runs"))
            options.runs = value;
        else if (!std::strcmp(argv[i], "--changed"))
            options.changed = value;
        else if (!std::strcmp(argv[i], "--reps"))
            options.reps = int(value);
        else if (!std::strcmp(argv[i], "--case"))
            options.only = argv[i + 1];
    }
    std::printf("runs-table: a live update of %zu runs in a %zu-run table, 1400x900, %d reps, "
                "QT_QPA_PLATFORM=%s\n",
        options.changed, options.runs, options.reps, qgetenv("QT_QPA_PLATFORM").constData());
    std::printf("  %-24s %16s %22s %8s %16s\n", "sorted by", "live: wall (cpu)",
        "baseline reset: wall (cpu)", "cpu ratio", "runs panel (cpu)");
    for (const auto& [label, column] : {std::pair("run name", int(ui::RunsTableModel::RunColumn)),
             std::pair("last step (rows move)", int(ui::RunsTableModel::LastStepColumn))}) {
        if (!options.only.empty()
            && (options.only == "name") != (column == int(ui::RunsTableModel::RunColumn)))
            continue;
        const Figures f = measure(options, column);
        std::printf("  %-24s %7.2f (%6.2f) ms %12.2f (%6.2f) ms %8.1fx %8.2f (%5.2f) ms\n", label,
            f.live.wall, f.live.cpu, f.reset.wall, f.reset.cpu, f.reset.cpu / f.live.cpu,
            f.runsPanel.wall, f.runsPanel.cpu);
    }
    std::printf("  target: live ms <= 16 (one frame at 60 Hz)\n");
    return 0;
}
