// lantern-bench-layout-cancel: t-SNE and UMAP of a large embedding in the app — how long until
// the first frame, how the preparation's progress is told, how long an iteration takes while
// the view animates, and how soon the worker stops when PCA is chosen at each stage.
//
// The window opens DIR (a projector folder, e.g. a million points written by a script) and
// shows its first embedding; then, for the method: started and cancelled (PCA chosen) part-way
// through finding neighbours, started and cancelled during the next stage, started and run to
// its first frame and a few more, then cancelled. Each cancellation is timed from the choice
// of PCA to the worker's return. The process's peak resident set is printed at the end.
//
// Usage: lantern-bench-layout-cancel DIR [--method tsne|umap] [--frames N]

#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/main_window.h"
#include "wait_until.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>
#include <functional>
#include <sys/resource.h>

using namespace lantern;


int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, BUFSIZ); // progress lines show as they happen in a log
    if (argc < 2) {
        std::fprintf(stderr,
            "Usage: lantern-bench-layout-cancel DIR [--method tsne|umap] "
            "[--frames N]\n");
        return 2;
    }
    auto method = ui::ProjectionMethod::Tsne;
    int frames = 5;
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--method") == 0 && std::strcmp(argv[i + 1], "umap") == 0)
            method = ui::ProjectionMethod::Umap;
        if (std::strcmp(argv[i], "--frames") == 0)
            frames = std::max(1, std::atoi(argv[i + 1]));
    }
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    ui::ProjectorDashboard* projector = window.findChild<ui::ProjectorDashboard*>();
    ui::ProjectorLayoutControls* controls = projector->panel()->layoutControls;
    const auto choose = [&](ui::ProjectionMethod chosen) {
        controls->methodChooser->setCurrentIndex(controls->methodChooser->findData(int(chosen)));
    };

    QElapsedTimer clock;
    clock.start();
    window.openLogdirs({QString::fromLocal8Bit(argv[1])});
    bench::waitUntil([&] { return projector->hasEmbeddings(); }, 600000);
    window.showTab(QStringLiteral("projector"));
    bench::waitUntil(
        [&] { return projector->plot()->pointCount() > 0 && !projector->isComputing(); }, 3600000);
    std::printf("%d points loaded and shown by PCA in %.1f s\n", projector->plot()->pointCount(),
        double(clock.elapsed()) / 1000);

    // Every progress line the view shows, with when.
    QObject::connect(projector, &ui::ProjectorDashboard::layoutShown, [&] {
        const ui::LayoutFrame& frame = projector->shownLayout();
        if (frame.points.empty())
            std::printf("  %7.1f s  %s\n", double(clock.elapsed()) / 1000,
                qPrintable(controls->progress->text()));
    });
    const auto cancelWhen = [&](const char* what, const std::function<bool()>& reached) {
        clock.restart();
        choose(method);
        bench::waitUntil(reached, 3600000);
        const double at = double(clock.elapsed()) / 1000;
        QElapsedTimer stopping;
        stopping.start();
        choose(ui::ProjectionMethod::Pca);
        bench::waitUntil([&] { return !projector->isLayoutRunning(); }, 600000);
        std::printf("cancelled %s (at %.1f s): the worker stopped in %lld ms\n", what, at,
            stopping.elapsed());
    };
    const auto stageIs = [&](const char* stage, double from) {
        return [&projector, stage, from] {
            const ui::LayoutFrame& frame = projector->shownLayout();
            return frame.stage == QLatin1String(stage) && frame.stageDone >= from;
        };
    };
    cancelWhen("finding neighbours", stageIs("Finding neighbours", 0.3));
    cancelWhen("in the next stage",
        stageIs(method == ui::ProjectionMethod::Tsne ? "Computing affinities"
                                                     : "Finding the starting layout",
            0));

    // The first frame, then a few more: the time per iteration while the view animates.
    clock.restart();
    choose(method);
    bench::waitUntil([&] { return !projector->shownLayout().points.empty(); }, 3600000);
    const double firstFrame = double(clock.elapsed()) / 1000;
    const std::size_t firstIteration = projector->shownLayout().iteration;
    std::printf("first frame after %.1f s (iteration %zu)\n", firstFrame, firstIteration);
    int seen = 0;
    const auto counting
        = QObject::connect(projector, &ui::ProjectorDashboard::layoutShown, [&seen] { ++seen; });
    QElapsedTimer iterating;
    iterating.start();
    bench::waitUntil([&] { return seen >= frames; }, 3600000);
    QObject::disconnect(counting);
    const std::size_t iterations = projector->shownLayout().iteration - firstIteration;
    std::printf("%zu iterations in %.1f s: %.3f s each (%s)\n", iterations,
        double(iterating.elapsed()) / 1000,
        iterations ? double(iterating.elapsed()) / 1000 / double(iterations) : 0.0,
        qPrintable(controls->progress->text()));
    QElapsedTimer stopping;
    stopping.start();
    choose(ui::ProjectionMethod::Pca);
    bench::waitUntil([&] { return !projector->isLayoutRunning(); }, 600000);
    std::printf("cancelled while iterating: the worker stopped in %lld ms\n", stopping.elapsed());

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident set %.0f MB\n", double(usage.ru_maxrss) / 1024);
    return 0;
}
