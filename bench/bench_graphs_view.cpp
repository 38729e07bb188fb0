// lantern-bench-graphs-view: does the Graphs tab keep the window responsive on the generated
// 20,000-op graph (core::makeLargeGraph)? For each step, the time until it is drawn and how
// late a 5 ms GUI-thread timer fired meanwhile (bench/gui_lateness.h): opening the tab (decode,
// hierarchy, first layout, all on workers), opening a 2,000-op scope in place — beside showing
// that scope alone, today's drill-down, as the baseline in the same run — and one full repaint.

#include "core/demo/large_graph.h"
#include "core/write/event_file_writer.h"
#include "ui/dashboards/graphs/graph_view.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"
#include "ui/main_window.h"

#include "bench/gui_lateness.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace lantern;
using lantern::bench::Lateness;
using lantern::bench::measureLateness;

namespace {

void print(const char* step, const Lateness& l)
{
    std::printf("%-44s %9.1f ms   late p99 %6.1f ms  max %6.1f ms   GUI CPU max %6.1f ms\n", step,
        l.elapsedMs, l.p99, l.max, l.busyMax);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    QTemporaryDir temp;
    {
        core::EventFileWriter writer(std::filesystem::path(temp.path().toStdString()) / "train");
        writer.addGraph(core::makeLargeGraph());
    }
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    bool loaded = false;
    QObject::connect(&window, &ui::MainWindow::loadFinished, [&] { loaded = true; });
    window.openLogdirs({temp.path()});
    while (!loaded)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
    // Done once the layout is shown and painted (the paint is timed with the step).
    const auto drawn = [&] {
        if (window.isComputing() || graphs->hierarchy() == nullptr)
            return false;
        graphs->view()->repaint();
        return true;
    };

    std::printf("Graphs tab on a %d-op graph (each step until drawn)\n", core::kLargeGraphOps);
    print("open the tab (first layout)",
        measureLateness([&] { window.showTab(QStringLiteral("graphs")); }, drawn));
    const auto& h = *graphs->hierarchy();
    const std::uint32_t model = *h.find("model"), block = *h.find("model/block_1");
    print("open 'model' in place", measureLateness([&] { graphs->toggleGroup(model); }, drawn));
    for (int round = 0; round < 3; ++round) {
        print("baseline: show model/block_1 alone (drill-down)",
            measureLateness([&] { graphs->enterGroup(block); }, drawn));
        graphs->enterGroup(0);
        while (!drawn())
            QApplication::processEvents();
        print("open model/block_1 (2,000 ops) in place",
            measureLateness([&] { graphs->toggleGroup(block); }, drawn));
        graphs->toggleGroup(block); // closed again for the next round
        while (!drawn())
            QApplication::processEvents();
    }
    graphs->toggleGroup(block);
    while (!drawn())
        QApplication::processEvents();
    const auto& layout = graphs->view()->layout();
    std::printf("with model/block_1 open: %zu boxes, %zu edges drawn\n", layout.boxes.size(),
        layout.edges.size());
    QElapsedTimer paint;
    paint.start();
    graphs->view()->repaint();
    std::printf("%-44s %9.1f ms\n", "one repaint with model/block_1 open",
        double(paint.nsecsElapsed()) / 1e6);
    return 0;
}
