// lantern-bench-hparams-views: the HParams tab's analysis views on a sweep of 1,000 sessions ×
// 20 hparams × 10 metrics, in the whole tab (table, filters, both views) at 1400 × 1000, each
// case the median of its repeats, beside a baseline measured in the same run.
//
// brush-frame: one mouse move of a brush drag on a metric's axis (the brush alternating between
//   two ranges, so the table's rows change every time) and the repaint it causes; the lines
//   inside the brush are drawn in the background meanwhile.
// brush-settled: the same move, then waiting for those lines and painting them.
// full-redraw: the whole picture redrawn (axes, every line grey and coloured) after a change of
//   the colouring column: what every brush frame cost before the two cached layers.
// hover-frame: one mouse move over the lines (the hovered session changing) and its repaint.
// scatter-paint: the scatter matrix (200 cells) laid out and painted from scratch, as after a
//   change of the colouring column.
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

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTabWidget>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>

using namespace lantern;

namespace {

constexpr int kSessions = 1000, kHParams = 20, kMetrics = 10;
using Clock = std::chrono::steady_clock;

double medianMs(int reps, const std::function<void(int)>& body)
{
    body(0); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        body(i + 1);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
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
    return medianMs(reps, [&](int) {
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            painter.setPen(QPen(QColor::fromHsv(int(i % 300), 200, 180, 170), 1.5));
            for (qsizetype p = 0; p + 1 < lines[i].size(); ++p)
                painter.drawLine(lines[i][p], lines[i][p + 1]);
        }
    });
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
    const double baseline = baselineMs(view->size(), std::min(reps, 3)); // slow: a few will do

    const QString metric = QStringLiteral("metric:metric_3");
    const double x = view->axisX(metric);
    send(view, QEvent::MouseButtonPress, {x, view->yOf(0.9)}, Qt::LeftButton);
    const double brush = medianMs(reps, [&](int i) {
        send(view, QEvent::MouseMove, {x, view->yOf(i % 2 ? 0.4 : 0.6)}, Qt::LeftButton);
        paintPending(view);
    });
    const double brushSettled = medianMs(reps, [&](int i) {
        send(view, QEvent::MouseMove, {x, view->yOf(i % 2 ? 0.4 : 0.6)}, Qt::LeftButton);
        view->finishDrawingLines();
    });
    send(view, QEvent::MouseButtonRelease, {x, view->yOf(0.5)}, Qt::NoButton);
    const double fullRedraw = medianMs(reps, [&](int i) {
        view->setColorColumn(i % 2 ? QStringLiteral("metric:metric_1") : QString());
        view->repaint();
    });
    const int brushedIn = dashboard.filterModel()->rowCount();

    // Along the middle of the gap after the first axis, where lines are dense.
    const double hoverX = (view->axisX(view->axes()[0].key) + view->axisX(view->axes()[1].key)) / 2;
    int hits = 0;
    const double hover = medianMs(reps, [&](int i) {
        send(view, QEvent::MouseMove, {hoverX, view->yOf(0.2 + 0.03 * (i % 20))}, Qt::NoButton);
        paintPending(view);
        hits += !view->hoveredSession().isEmpty();
    });

    dashboard.viewTabs()->setCurrentIndex(1);
    ui::ScatterMatrixView* scatter = dashboard.scatterView();
    QApplication::processEvents();
    paintPending(scatter);
    const double scatterPaint = medianMs(reps, [&](int i) {
        scatter->setColorColumn(i % 2 ? QStringLiteral("metric:metric_1") : QString());
        scatter->repaint();
    });
    const auto layout = scatter->matrixLayout();
    const double scatterHover = medianMs(reps, [&](int i) {
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
        "baseline      %7.2f ms   (29,000 antialiased 1.5 px segments, drawLine each)\n", baseline);
    const std::pair<const char*, double> cases[] = {{"brush-frame", brush},
        {"brush-settled", brushSettled}, {"full-redraw", fullRedraw}, {"hover-frame", hover},
        {"scatter-paint", scatterPaint}, {"scatter-hover", scatterHover}};
    for (const auto& [name, ms] : cases)
        std::printf("%-13s %7.2f ms   ratio to baseline %5.2f×\n", name, ms, ms / baseline);
    std::printf("(brush left %d of %d sessions in the table; %d of %d hover moves found a line)\n",
        brushedIn, kSessions, hits, reps + 1);
    return 0;
}
