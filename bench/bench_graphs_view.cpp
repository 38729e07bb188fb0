// lantern-bench-graphs-view: does the Graphs tab keep the window responsive on the generated
// 20,000-op graph (core::makeLargeGraph, with a RunMetadata of step statistics for every op)?
// For each step: the time until it is drawn, the GUI thread's longest stall (the largest gap
// between two ticks of a 5 ms timer, bench/gui_lateness.h) and the GUI thread's own CPU time
// (CLOCK_THREAD_CPUTIME_ID: what the machine's load does not inflate) for the whole step and
// within the one gap between ticks that held the most of it.
//
// Steps: opening the tab (decode, hierarchy, first layout, all on workers); opening a 2,000-op
// scope in place; then search (few matches, which opens their scopes; many, which only rings),
// trace inputs and each colour-by mode on the expanded view; on their own, the matches of a
// typed query with thousands of them and the trace of a node already selected; one repaint.
// bench/compare_graphs_view.py runs this against another build (main's) in the same run. The
// baseline, in the same run, is today's drill-down: the same step with model/block_1 shown alone
// (and, for opening the tab, showing the whole graph again after a drill-down).

#include "core/demo/large_graph.h"
#include "core/write/event_file_writer.h"
#include "ui/dashboards/graphs/graph_explorer.h"
#include "ui/dashboards/graphs/graph_view.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"
#include "ui/main_window.h"

#include "bench/gui_lateness.h"
#include "event.pb.h"
#include "run_metadata.pb.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace lantern;
using lantern::bench::Lateness;
using lantern::bench::measureLateness;

namespace {

void header()
{
    std::printf("%-46s %9s %12s %12s %14s %10s\n", "step (until drawn)", "wall ms", "stall max ms",
        "GUI CPU ms", "CPU/gap max", "ratio CPU");
}

void print(const char* step, const Lateness& l, const Lateness* baseline = nullptr)
{
    std::printf("%-46s %9.1f %12.1f %12.1f %14.1f", step, l.elapsedMs,
        l.max + bench::kLatenessTickMs, l.busyTotal, l.busyMax);
    if (baseline && baseline->busyTotal > 0)
        std::printf(" %9.2fx", l.busyTotal / baseline->busyTotal);
    std::printf("\n");
}

// Step statistics for every op of `graph`: compute time and memory that vary op to op.
pb::RunMetadata stepStatsFor(const pb::GraphDef& graph)
{
    pb::RunMetadata metadata;
    pb::DeviceStepStats* device = metadata.mutable_step_stats()->add_dev_stats();
    device->set_device("/device:CPU:0");
    for (int i = 0; i < graph.node_size(); ++i) {
        pb::NodeExecStats* exec = device->add_node_stats();
        exec->set_node_name(graph.node(i).name());
        exec->set_op_end_rel_micros(1 + i % 997);
        exec->add_memory()->set_total_bytes(std::int64_t(1 + i % 613) * 1024);
    }
    return metadata;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    QTemporaryDir temp;
    // `--logdir DIR`: only writes the benchmark's log directory there; `--shots DIR`: saves
    // the window as the tab opens, with model/block_1 open and with a trace (screenshots).
    const QStringList args = QCoreApplication::arguments();
    const auto option = [&](const QString& name) {
        const qsizetype at = args.indexOf(name);
        return at > 0 && at + 1 < args.size() ? args[at + 1] : QString();
    };
    const QString logdir = option(QStringLiteral("--logdir")).isEmpty()
        ? temp.path()
        : option(QStringLiteral("--logdir"));
    const QString shots = option(QStringLiteral("--shots"));
    {
        const pb::GraphDef graph = core::makeLargeGraph();
        core::EventFileWriter writer(std::filesystem::path(logdir.toStdString()) / "train");
        writer.addGraph(graph);
        pb::Event event;
        event.set_step(1);
        event.mutable_tagged_run_metadata()->set_tag("step_1");
        event.mutable_tagged_run_metadata()->set_run_metadata(
            stepStatsFor(graph).SerializeAsString());
        writer.writeEvent(event);
    }
    if (logdir != temp.path())
        return 0;
    ui::MainWindow window;
    const auto shoot = [&](const char* name) {
        if (!shots.isEmpty())
            window.grab().save(shots + QLatin1Char('/') + QLatin1String(name));
    };
    window.resize(1400, 900);
    window.show();
    bool loaded = false;
    QObject::connect(&window, &ui::MainWindow::loadFinished, [&] { loaded = true; });
    window.openLogdirs({temp.path()});
    while (!loaded)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
    ui::GraphExplorer* explorer = graphs->explorer();
    // Done once the layout is shown and painted (the paint is timed with the step).
    const auto drawn = [&] {
        if (window.isComputing() || graphs->isComputing() || graphs->hierarchy() == nullptr)
            return false;
        graphs->view()->repaint();
        return true;
    };
    const auto settle = [&] {
        while (!drawn())
            QApplication::processEvents();
    };

    std::printf("Graphs tab on a %d-op graph\n", core::kLargeGraphOps);
    header();
    const Lateness open = measureLateness([&] { window.showTab(QStringLiteral("graphs")); }, drawn);
    const auto& h = *graphs->hierarchy();
    const std::uint32_t model = *h.find("model"), block = *h.find("model/block_1");
    const std::uint32_t loss = *h.find("loss");
    graphs->enterGroup(block);
    settle();
    const Lateness wholeAgain = measureLateness([&] { graphs->enterGroup(0); }, drawn);
    print("baseline: whole graph again after a drill-down", wholeAgain);
    print("open the tab (first layout)", open, &wholeAgain);
    shoot("graphs-20k-open.png");
    print("open 'model' in place", measureLateness([&] { graphs->toggleGroup(model); }, drawn));
    for (int round = 0; round < 3; ++round) {
        const Lateness alone = measureLateness([&] { graphs->enterGroup(block); }, drawn);
        print("baseline: show model/block_1 alone (drill-down)", alone);
        graphs->enterGroup(0);
        settle();
        print("open model/block_1 (2,000 ops) in place",
            measureLateness([&] { graphs->toggleGroup(block); }, drawn), &alone);
        graphs->toggleGroup(block); // closed again for the next round
        settle();
    }

    // The exploring tools, each on the drill-down view of model/block_1 (baseline) and then on
    // the expanded view with model and model/block_1 open.
    struct Step {
        const char* name;
        std::function<void()> run;
        std::function<void()> undo;
        std::function<void()> prepare = [] {}; // before the step, not measured
        qint64 atLeastMs = 0; // the step may start work after a delay (typing's)
    };
    const auto search = [&](const char* text) {
        graphs->searchBox()->setText(QString::fromLatin1(text));
        emit graphs->searchBox()->returnPressed();
    };
    const std::vector<Step> steps = {
        {"search, 4 matches (opens their scopes)",
            [&] { search("block_1/layer_4/unit_.*/Tanh5$"); },
            [&] { graphs->searchBox()->clear(); }},
        {"search, 3,000+ matches (rings)", [&] { search("MatMul"); },
            [&] { graphs->searchBox()->clear(); }},
        {"trace inputs of 'loss'",
            [&] {
                graphs->navigateTo(loss);
                settle();
                explorer->setTracing(true);
            },
            [&] { explorer->setTracing(false); }},
        // The two heaviest of those on their own: the matches of a typed query listed and
        // ringed (no Enter, so no match is opened; the search starts after the typing pause),
        // and the trace of a node selected beforehand.
        {"type 'MatMul' (3,000+ matches listed, ringed)",
            [&] { graphs->searchBox()->setText(QStringLiteral("MatMul")); },
            [&] { graphs->searchBox()->clear(); }, [] {}, 400},
        {"trace inputs of the selected 'loss'", [&] { explorer->setTracing(true); },
            [&] { explorer->setTracing(false); },
            [&] {
                graphs->navigateTo(loss);
                settle();
            }},
        {"colour by structure", [&] { explorer->setColouring(ui::GraphColouring::Structure); },
            [&] { explorer->setColouring(ui::GraphColouring::Plain); }},
        {"colour by device", [&] { explorer->setColouring(ui::GraphColouring::Device); },
            [&] { explorer->setColouring(ui::GraphColouring::Plain); }},
        {"colour by XLA cluster", [&] { explorer->setColouring(ui::GraphColouring::XlaCluster); },
            [&] { explorer->setColouring(ui::GraphColouring::Plain); }},
        {"colour by compute time", [&] { explorer->setColouring(ui::GraphColouring::ComputeTime); },
            [&] { explorer->setColouring(ui::GraphColouring::Plain); }},
        {"colour by memory", [&] { explorer->setColouring(ui::GraphColouring::Memory); },
            [&] { explorer->setColouring(ui::GraphColouring::Plain); }},
    };
    for (const Step& step : steps) {
        QElapsedTimer started;
        const auto stepDrawn = [&] { return started.elapsed() >= step.atLeastMs && drawn(); };
        const auto measureStep = [&] {
            step.prepare();
            settle();
            started.start();
            return measureLateness(step.run, stepDrawn);
        };
        graphs->enterGroup(block);
        settle();
        const Lateness alone = measureStep();
        step.undo();
        settle();
        graphs->enterGroup(0);
        if (!graphs->expansion().open.contains(block))
            graphs->toggleGroup(block);
        if (!graphs->expansion().open.contains(model))
            graphs->toggleGroup(model);
        settle();
        const Lateness expanded = measureStep();
        if (step.name == std::string("search, 4 matches (opens their scopes)"))
            shoot("graphs-20k-expanded.png");
        if (step.name == std::string("trace inputs of the selected 'loss'"))
            shoot("graphs-20k-trace.png");
        step.undo();
        settle();
        std::printf("%s\n", step.name);
        print("  baseline: on model/block_1 alone", alone);
        print("  on the expanded view", expanded, &alone);
    }

    const auto& layout = graphs->view()->layout();
    std::printf("with model/block_1 open: %zu boxes, %zu edges drawn\n", layout.boxes.size(),
        layout.edges.size());
    QElapsedTimer paint;
    paint.start();
    graphs->view()->repaint();
    std::printf("%-46s %9.1f ms\n", "one repaint with model/block_1 open",
        double(paint.nsecsElapsed()) / 1e6);
    // The same as the GUI thread's CPU time, the median of 9 (what load does not inflate).
    std::vector<double> cpu;
    for (int i = 0; i < 9; ++i) {
        const double before = bench::threadCpuMs();
        graphs->view()->repaint();
        cpu.push_back(bench::threadCpuMs() - before);
    }
    std::nth_element(cpu.begin(), cpu.begin() + 4, cpu.end());
    std::printf("%-46s %9.1f ms\n", "one repaint, GUI CPU (median of 9)", cpu[4]);
    return 0;
}
