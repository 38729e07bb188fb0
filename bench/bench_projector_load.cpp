// lantern-bench-projector-load: does the window stay responsive while a large embedding loads?
//
// A folder holds only projector data: a 100,000 × 200 tensors.tsv (160 MB of text, as
// PyTorch's add_embedding writes it), a ten-class metadata.tsv and its projector_config.pbtxt.
// The window opens it (the Projector tab shows at once), reads and parses the tensor, runs
// PCA and draws the points; then 3-D is switched on and a point is
// selected (its 100 nearest neighbours). A 5 ms timer on the GUI thread notes how late each
// tick fires and how much CPU time the GUI thread used between ticks (bench/gui_lateness.h);
// the baseline is the idle window in the same run. Each case ends once the point view has
// painted what it led to (or had nothing left to paint for 200 ms).
//
// Usage: lantern-bench-projector-load [--rows N]

#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/main_window.h"

#include "bench/gui_lateness.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QListWidget>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

using namespace lantern;
using bench::Lateness;
using bench::measureLateness;
namespace fs = std::filesystem;

namespace {

constexpr int kColumns = 200;

void writeProjectorFolder(const fs::path& folder, int rows)
{
    std::mt19937 random(1);
    std::normal_distribution<float> normal;
    std::FILE* tensors = std::fopen((folder / "tensors.tsv").c_str(), "w");
    std::FILE* metadata = std::fopen((folder / "metadata.tsv").c_str(), "w");
    for (int row = 0; row < rows; ++row) {
        const int label = row % 10;
        for (int column = 0; column < kColumns; ++column)
            std::fprintf(tensors, column + 1 < kColumns ? "%.6g\t" : "%.6g\n",
                double(normal(random) + (column == label ? 4.f : 0.f)));
        std::fprintf(metadata, "class %d\n", label);
    }
    std::fclose(tensors);
    std::fclose(metadata);
    std::FILE* config = std::fopen((folder / "projector_config.pbtxt").c_str(), "w");
    std::fprintf(config,
        "embeddings {\n  tensor_name: \"bench\"\n  tensor_path: \"tensors.tsv\"\n"
        "  metadata_path: \"metadata.tsv\"\n}\n");
    std::fclose(config);
}

void printRow(const char* what, const Lateness& lateness)
{
    std::printf("%-34s p99 late %6.1f ms   max late %6.1f ms   GUI busy p99 %6.1f ms   max %6.1f "
                "ms   elapsed %8.0f ms\n",
        what, lateness.p99, lateness.max, lateness.busyP99, lateness.busyMax, lateness.elapsedMs);
    std::fflush(stdout);
}

// Counts the paints of a widget, so that a case can wait for the view to show its result.
class PaintCounter : public QObject {
public:
    explicit PaintCounter(QWidget* widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};

// Done once `reached` holds and the view has painted since, or has had no paint to do for
// kPaintGraceMs (its last paint came before `reached` held).
constexpr int kPaintGraceMs = 200;
std::function<bool()> reachedAndPainted(const PaintCounter& counter, std::function<bool()> reached)
{
    return [&counter, reached = std::move(reached), paintsWhenReached = -1,
               since = QElapsedTimer()]() mutable {
        if (paintsWhenReached < 0 && reached()) {
            paintsWhenReached = counter.paints;
            since.start();
        }
        return paintsWhenReached >= 0
            && (counter.paints > paintsWhenReached || since.elapsed() >= kPaintGraceMs);
    };
}

} // namespace

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true); // remembered settings stay out of the user's
    QApplication app(argc, argv);
    int rows = 100'000;
    int tsneIterations = 50; // 0: no t-SNE case
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--rows") == 0)
            rows = std::max(10, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--tsne-iterations") == 0)
            tsneIterations = std::max(0, std::atoi(argv[i + 1]));
    }

    QTemporaryDir temp;
    writeProjectorFolder(fs::path(temp.path().toStdString()), rows);
    std::printf("%d × %d embedding; ticks every %d ms on the GUI thread\n", rows, kColumns,
        bench::kLatenessTickMs);

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QElapsedTimer idle;
    const Lateness baseline
        = measureLateness([&] { idle.start(); }, [&] { return idle.elapsed() >= 2000; });
    printRow("idle window (baseline)", baseline);

    ui::ProjectorDashboard* projector = window.findChild<ui::ProjectorDashboard*>();
    const PaintCounter painted(projector->plot());
    const Lateness load = measureLateness([&] { window.openLogdirs({temp.path()}); },
        reachedAndPainted(painted,
            [&] { return projector->plot()->pointCount() == rows && !projector->isComputing(); }));
    printRow("open, load, PCA, draw", load);

    auto* threeD = projector->findChild<QCheckBox*>(QStringLiteral("threeD"));
    if (threeD != nullptr) {
        const Lateness turn = measureLateness([&] { threeD->click(); },
            reachedAndPainted(painted,
                [&] { return projector->plot()->dimensions() == 3 && !projector->isComputing(); }));
        printRow("switch to 3-D", turn);
    }

    const Lateness select = measureLateness(
        [&] { emit projector->plot()->selectionChanged(std::vector<int> {rows / 2}); },
        reachedAndPainted(painted,
            [&] { return projector->neighbourList()->count() > 0 && !projector->isComputing(); }));
    printRow("select a point (100 neighbours)", select);

    // t-SNE in 2-D, prepared and iterated on the worker while the view animates.
    if (tsneIterations > 0 && threeD != nullptr) {
        threeD->click();
        ui::ProjectorLayoutControls* controls = projector->panel()->layoutControls;
        controls->stopAfter->setValue(tsneIterations);
        int frames = 0;
        QObject::connect(projector, &ui::ProjectorDashboard::layoutShown, [&frames] { ++frames; });
        const Lateness tsne = measureLateness(
            [&] { controls->methodChooser->setCurrentIndex(int(ui::ProjectionMethod::Tsne)); },
            reachedAndPainted(painted, [&] {
                return projector->shownLayout().iteration >= std::size_t(tsneIterations)
                    && !projector->isLayoutRunning();
            }));
        char what[64];
        std::snprintf(
            what, sizeof what, "t-SNE, %d iterations (%d frames)", tsneIterations, frames);
        printRow(what, tsne);
    }
    return 0;
}
