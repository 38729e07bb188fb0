// lantern-bench-hparams-views: the HParams tab's analysis views on a sweep of 1,000 sessions ×
// 20 hparams × 10 metrics, in the whole tab (table, filters, both views) at 1400 × 1000, each
// case the median of its repeats as wall time and as the GUI thread's own CPU time
// (CLOCK_THREAD_CPUTIME_ID: on a loaded machine wall time also counts waiting for a core),
// beside baselines measured in the same run.
//
// brush-frame: one mouse move of a brush drag on a metric's axis (the brush alternating between
//   two ranges, so the table's rows change every time) and the repaint it causes; the lines
//   inside the brush are drawn on a worker meanwhile, the last picture standing in.
// brush-settled: the same move, then waiting for those lines and painting them.
// brush-release: after a move whose lines were shown, the release and its repaint.
// colour-frame: a change of the colouring column and its repaint (the lines drawn on a worker).
// full-redraw: the whole picture drawn on the GUI thread (axes, every line grey and coloured)
//   after a change of the colouring column, the view's background drawing off: what every brush
//   frame cost before the cached layers, what the view still does once after a resize (no
//   picture of the new size to stand in), and close to what the release of a drag cost before
//   it went to a worker (the coloured lines only).
// drag: a whole brush drag through the event loop, a move every 16 ms for a second, the release
//   and the lines settling: the longest a 5 ms timer on the GUI thread waited, and the most CPU
//   time the GUI thread used between two of its ticks.
// hover-frame: one mouse move over the lines (the hovered session changing) and its repaint.
// scatter-frame: the scatter matrix (200 cells) after a change of the colouring column: its
//   repaint, the points drawn on a worker.
// scatter-settled: the same until the new points are shown.
// scatter-paint: the scatter matrix laid out and painted from scratch on the GUI thread (its
//   background drawing off), as after a resize.
// scatter-hover: one mouse move over the matrix's points and its repaint.
// baseline: every session's line drawn once into an image of the view's size as the view drew
//   lines before the cache (QPainter::drawLine per segment, 1.5 px, antialiased): 29,000
//   segments.
//
// Usage: lantern-bench-hparams-views [--reps N]

#include "core/analysis/hparams_table.h"
#include "ui/dashboards/hparams/hparams_dashboard.h"
#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/dashboards/hparams/parallel_coordinates_view.h"
#include "ui/dashboards/hparams/scatter_matrix_view.h"
#include "ui/widgets/run_list_model.h"

#include "bench/gui_lateness.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>

using namespace lantern;

namespace {

constexpr int kSessions = 1000, kHParams = 20, kMetrics = 10;
using Clock = std::chrono::steady_clock;

// Medians of wall time and of the GUI thread's CPU time, ms.
struct Timing {
    double wall = 0;
    double cpu = 0;
};

// When the repeat being timed started; a body with a set-up of its own restarts it after that.
struct RepeatStart {
    double cpu = 0;
    Clock::time_point wall;
};
RepeatStart g_repeatStart;

void startClock()
{
    g_repeatStart = {bench::threadCpuMs(), Clock::now()};
}

Timing median(int reps, const std::function<void(int)>& body)
{
    body(0); // warm-up
    std::vector<double> wall, cpu;
    for (int i = 0; i < reps; ++i) {
        startClock();
        body(i + 1);
        wall.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - g_repeatStart.wall).count());
        cpu.push_back(bench::threadCpuMs() - g_repeatStart.cpu);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

core::HParamsTable sweep()
{
    core::HParamsTable table;
    for (int h = 0; h < kHParams; ++h) {
        core::HParamInfo& info = table.experiment.hparams.emplace_back();
        info.name = "hparam_" + std::to_string(h);
        info.type = h % 5 == 4 ? core::HParamType::String : core::HParamType::Float64;
    }
    for (int m = 0; m < kMetrics; ++m)
        table.experiment.metrics.emplace_back().tag = "metric_" + std::to_string(m);
    std::mt19937_64 random(21);
    std::lognormal_distribution<double> skewed(0, 1);
    std::normal_distribution<double> normal(0, 1);
    for (int s = 0; s < kSessions; ++s) {
        core::HParamsSession& session = table.sessions.emplace_back();
        session.run = "trial-" + std::to_string(10000 + s);
        session.groupName = session.run;
        for (int h = 0; h < kHParams; ++h)
            session.hparams.emplace_back(h % 5 == 4
                    ? core::HParamValue(std::string(random() % 2 ? "adam" : "sgd"))
                    : core::HParamValue(skewed(random)));
        for (int m = 0; m < kMetrics; ++m)
            session.metrics.push_back(core::HParamsMetricValue {normal(random), 100, 0});
    }
    return table;
}

void send(QWidget* widget, QEvent::Type type, QPointF position, Qt::MouseButtons buttons)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, {});
    QApplication::sendEvent(widget, &event);
}

// Lets the posted update requests paint, as the event loop does after each input event.
void paintPending(QWidget* widget)
{
    QApplication::processEvents();
    widget->repaint();
}

double baselineMs(const QSize& size, int reps)
{
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<QPolygonF> lines(kSessions);
    for (QPolygonF& line : lines)
        for (int axis = 0; axis < kHParams + kMetrics; ++axis)
            line.append(QPointF(20 + axis * (size.width() - 90) / (kHParams + kMetrics - 1.0),
                60 + unit(random) * (size.height() - 100)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    return median(reps, [&](int) {
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            painter.setPen(QPen(QColor::fromHsv(int(i % 300), 200, 180, 170), 1.5));
            for (qsizetype p = 0; p + 1 < lines[i].size(); ++p)
                painter.drawLine(lines[i][p], lines[i][p + 1]);
        }
    }).wall;
}

// A brush drag on the axis at `x` through the event loop: a move every 16 ms for a second, the
// release, then until the lines are shown.
bench::Lateness dragThroughEventLoop(ui::ParallelCoordinatesView* view, double x)
{
    constexpr int kMoves = 60;
    int moves = 0;
    bool released = false;
    QTimer mover;
    QObject::connect(&mover, &QTimer::timeout, [&] {
        if (moves == kMoves) {
            mover.stop();
            send(view, QEvent::MouseButtonRelease, {x, view->yOf(0.3)}, Qt::NoButton);
            released = true;
            return;
        }
        const double fraction = 0.3 + 0.3 * std::abs(std::sin(moves++ * 0.2));
        send(view, QEvent::MouseMove, {x, view->yOf(fraction)}, Qt::LeftButton);
    });
    return bench::measureLateness(
        [&] {
            send(view, QEvent::MouseButtonPress, {x, view->yOf(0.95)}, Qt::LeftButton);
            mover.start(16);
        },
        [&] { return released && !view->isDrawingLines(); });
}

} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int reps = 15;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = std::max(1, std::atoi(argv[++i]));

    ui::RunListModel runs;
    ui::HParamsDashboard dashboard(&runs);
    dashboard.resize(1400, 1000);
    dashboard.show();
    dashboard.tableModel()->setTable(sweep());
    QApplication::processEvents();
    ui::ParallelCoordinatesView* view = dashboard.parallelView();
    paintPending(view);
    const double baseline = baselineMs(view->size(), 1); // seconds under load: one will do

    const QString metric = QStringLiteral("metric:metric_3");
    const double x = view->axisX(metric);
    const auto move = [&](int i) {
        send(view, QEvent::MouseMove, {x, view->yOf(i % 2 ? 0.4 : 0.6)}, Qt::LeftButton);
    };
    send(view, QEvent::MouseButtonPress, {x, view->yOf(0.9)}, Qt::LeftButton);
    const Timing brush = median(reps, [&](int i) {
        move(i);
        paintPending(view);
    });
    const Timing brushSettled = median(reps, [&](int i) {
        move(i);
        view->finishDrawingLines();
    });
    send(view, QEvent::MouseButtonRelease, {x, view->yOf(0.5)}, Qt::NoButton);
    // Each release ends a drag of its own whose last move's lines were shown: only the release
    // and its repaint are timed.
    const Timing release = median(reps, [&](int i) {
        view->clearBrushes();
        send(view, QEvent::MouseButtonPress, {x, view->yOf(0.9)}, Qt::LeftButton);
        move(i);
        view->finishDrawingLines();
        startClock();
        send(view, QEvent::MouseButtonRelease, {x, view->yOf(i % 2 ? 0.4 : 0.6)}, Qt::NoButton);
        paintPending(view);
    });
    const Timing colour = median(reps, [&](int i) {
        view->setColorColumn(i % 2 ? QStringLiteral("metric:metric_1") : QString());
        paintPending(view);
    });
    const Timing colourSettled = median(reps, [&](int i) {
        view->setColorColumn(i % 2 ? QStringLiteral("metric:metric_1") : QString());
        view->finishDrawingLines();
    });
    // As the view drew before the worker: every change drawn on the GUI thread.
    view->setBackgroundDrawing(false);
    const Timing fullRedraw = median(reps, [&](int i) {
        view->setColorColumn(i % 2 ? QStringLiteral("metric:metric_1") : QString());
        view->repaint();
    });
    view->setBackgroundDrawing(true);
    const int brushedIn = dashboard.filterModel()->rowCount();
    view->clearBrushes();
    view->finishDrawingLines();
    const bench::Lateness drag = dragThroughEventLoop(view, x);
    // Along the middle of the gap after the first axis, where lines are dense.
    const double hoverX = (view->axisX(view->axes()[0].key) + view->axisX(view->axes()[1].key)) / 2;
    int hits = 0;
    const Timing hover = median(reps, [&](int i) {
        send(view, QEvent::MouseMove, {hoverX, view->yOf(0.2 + 0.03 * (i % 20))}, Qt::NoButton);
        paintPending(view);
        hits += !view->hoveredSession().isEmpty();
    });

    dashboard.viewTabs()->setCurrentIndex(1);
    ui::ScatterMatrixView* scatter = dashboard.scatterView();
    QApplication::processEvents();
    paintPending(scatter);
    scatter->finishDrawing();
    const auto colourBy = [&](int i) {
        scatter->setColorColumn(i % 2 ? QStringLiteral("metric:metric_1") : QString());
    };
    const Timing scatterFrame = median(reps, [&](int i) {
        colourBy(i);
        paintPending(scatter);
    });
    const Timing scatterSettled = median(reps, [&](int i) {
        colourBy(i);
        scatter->finishDrawing();
    });
    scatter->setBackgroundDrawing(false);
    const Timing scatterPaint = median(reps, [&](int i) {
        colourBy(i);
        scatter->repaint();
    });
    scatter->setBackgroundDrawing(true);
    const auto layout = scatter->matrixLayout();
    const Timing scatterHover = median(reps, [&](int i) {
        const core::CellBox box
            = layout.box({std::size_t(i % kMetrics), std::size_t(i % kHParams)});
        send(scatter, QEvent::MouseMove, {box.left + box.width / 2, box.top + box.height / 2},
            Qt::NoButton);
        paintPending(scatter);
    });

    std::printf("%d sessions × %d hparams × %d metrics, view %d × %d, scatter %d × %d, %d reps\n",
        kSessions, kHParams, kMetrics, view->width(), view->height(), scatter->width(),
        scatter->height(), reps);
    std::printf(
        "baseline         %7.2f ms wall  (29,000 antialiased 1.5 px segments, drawLine each)\n",
        baseline);
    std::printf(
        "%-16s %7s ms wall %7s ms GUI CPU   ratio to full-redraw (wall, CPU)\n", "case", "", "");
    const std::pair<const char*, Timing> cases[] = {{"brush-frame", brush},
        {"brush-settled", brushSettled}, {"brush-release", release}, {"colour-frame", colour},
        {"colour-settled", colourSettled}, {"full-redraw", fullRedraw}, {"hover-frame", hover},
        {"scatter-frame", scatterFrame}, {"scatter-settled", scatterSettled},
        {"scatter-paint", scatterPaint}, {"scatter-hover", scatterHover}};
    for (const auto& [name, t] : cases)
        std::printf("%-16s %7.2f ms wall %7.2f ms GUI CPU   %5.3f×  %5.3f×\n", name, t.wall, t.cpu,
            t.wall / fullRedraw.wall, t.cpu / fullRedraw.cpu);
    std::printf("drag (60 moves, release, settled in %.0f ms): longest GUI stall %.1f ms "
                "(%.3f× full-redraw), p99 %.1f ms; most GUI CPU between 5 ms ticks %.1f ms "
                "(%.3f×)\n",
        drag.elapsedMs, drag.max, drag.max / fullRedraw.wall, drag.p99, drag.busyMax,
        drag.busyMax / fullRedraw.cpu);
    std::printf("(brush left %d of %d sessions in the table; %d of %d hover moves found a line)\n",
        brushedIn, kSessions, hits, reps + 1);
    return 0;
}
