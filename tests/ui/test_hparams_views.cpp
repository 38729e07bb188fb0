// The HParams tab's analysis views, driven with the mouse: brushing on parallel-coordinate axes
// (several brushes, clicks that remove one; the cached and background-drawn lines painting as a
// fresh view does; brushes kept across scales), dragging an axis by its title, quantile scales,
// colouring by a column, titles that neither clip nor overlap with 20 long-named hparams (the
// view scrolls instead), the scatter matrix (cells, titles fitted and tick labels, a click
// selecting the row, hover shared with the parallel coordinates), the selected session's charts,
// metric-range and session-name filters, and JSON and LaTeX exports read back. Corpus cases b04 and
// d08 end the run; with LANTERN_SCREENSHOT_DIR set they also save what the scatter matrix and a
// brush look like.

#include "core/export/table_export.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/hparams_tab.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/hparams/hparams_dashboard.h"
#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_filter_panel.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/dashboards/hparams/parallel_coordinates_view.h"
#include "ui/dashboards/hparams/scatter_matrix_view.h"
#include "ui/dashboards/hparams/session_charts.h"
#include "ui/dashboards/hparams/session_shade.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/run_list_model.h"

#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr int kSessions = 12;

// Session i: lr 10^-(1 + i % 4), batch 16·2^(i % 3), optimizer adam for odd i, loss 1 + i and
// accuracy i / 12 after three steps.
void writeSweep(const fs::path& root, const std::vector<std::string>& extraHParams = {})
{
    core::HParamsExperiment experiment;
    for (const char* name : {"lr", "batch", "optimizer"})
        experiment.hparams.emplace_back().name = name;
    for (const std::string& name : extraHParams)
        experiment.hparams.emplace_back().name = name;
    for (const char* tag : {"loss", "acc"})
        experiment.metrics.emplace_back().tag = tag;
    core::EventFileWriter(root).addHParamsExperiment(experiment, 1);
    for (int i = 0; i < kSessions; ++i) {
        const fs::path run = root / (i < 10 ? "s0" + std::to_string(i) : "s" + std::to_string(i));
        core::SessionStartInfo start;
        start.hparams = {{"lr", std::pow(10.0, -(1 + i % 4))}, {"batch", double(16 << (i % 3))},
            {"optimizer", std::string(i % 2 ? "adam" : "sgd")}};
        for (std::size_t h = 0; h < extraHParams.size(); ++h)
            start.hparams[extraHParams[h]] = double((i * 7 + int(h)) % 5);
        core::EventFileWriter writer(run);
        writer.addHParamsSessionStart(start, 10);
        for (int step = 0; step < 3; ++step) {
            writer.addScalar("loss", step, float(1 + i + 2 - step), 11 + step);
            writer.addScalar("acc", step, float(i) / 12 - 0.1f * float(2 - step), 11 + step);
        }
    }
}

struct Fixture : test::HParamsTab {
    explicit Fixture(const std::vector<std::string>& extraHParams = {})
        : HParamsTab([&](const fs::path& logdir) { writeSweep(logdir, extraHParams); }, {1200, 900})
    {
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    }
    ui::ParallelCoordinatesView* parallel() const { return dashboard.parallelView(); }
    QPoint onAxis(const QString& key, double fraction) const
    {
        return QPointF(parallel()->axisX(key), parallel()->yOf(fraction)).toPoint();
    }
    void drag(QWidget* widget, QPoint from, QPoint to) const
    {
        QTest::mousePress(widget, Qt::LeftButton, {}, from);
        const QPoint middle = (from + to) / 2;
        QTest::mouseMove(widget, middle);
        QTest::mouseMove(widget, to);
        QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
    }
};

QStringList runsOf(std::initializer_list<int> sessions)
{
    QStringList runs;
    for (const int i : sessions)
        runs.append(QString::asprintf("s%02d", i));
    return runs;
}

// Whether `color` is nearer `expected` than `other` (the drawn point is blended with others).
bool nearer(QColor color, QColor expected, QColor other)
{
    const auto distance = [](QColor a, QColor b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
            + std::abs(a.blue() - b.blue());
    };
    return distance(color, expected) < distance(color, other);
}

void saveShot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(dir + "/" + name));
}

// Every title line and tick label of the matrix fits its box (nothing clipped), no two overlap,
// and each hparam column and metric row has tick labels.
void checkMatrixLabels(const ui::ScatterMatrixView* scatter)
{
    QFont bold = scatter->font();
    bold.setBold(true);
    const QFontMetricsF titleMetrics(bold), tickMetrics(scatter->font());
    const auto titles = scatter->titleLabels();
    const auto ticks = scatter->tickLabels();
    for (const auto& label : titles) {
        QVERIFY2(titleMetrics.horizontalAdvance(label.text) <= label.box.width() + 0.5,
            qPrintable(label.text));
        QVERIFY(label.box.left() >= 0);
    }
    for (const auto& label : ticks)
        QVERIFY2(tickMetrics.horizontalAdvance(label.text) <= label.box.width() + 0.5,
            qPrintable(label.text));
    std::vector<ui::ScatterMatrixView::Label> all(titles.begin(), titles.end());
    all.insert(all.end(), ticks.begin(), ticks.end());
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size(); ++j)
            QVERIFY2(
                !all[i].box.intersects(all[j].box), qPrintable(all[i].text + " / " + all[j].text));
    const core::ScatterMatrixLayout layout = scatter->matrixLayout();
    for (std::size_t c = 0; c < layout.columns; ++c) {
        const core::CellBox box = layout.box({layout.rows - 1, c});
        QVERIFY2(std::any_of(ticks.begin(), ticks.end(),
                     [&](const auto& t) {
                         return t.box.top() >= box.top + box.height && t.at >= box.left
                             && t.at <= box.left + box.width;
                     }),
            qPrintable(scatter->hparamKeys()[qsizetype(c)]));
    }
    for (std::size_t r = 0; r < layout.rows; ++r) {
        const core::CellBox box = layout.box({r, 0});
        QVERIFY(std::any_of(ticks.begin(), ticks.end(), [&](const auto& t) {
            return t.box.right() <= box.left && t.at >= box.top && t.at <= box.top + box.height;
        }));
    }
}

} // namespace

class TestHParamsViews : public QObject {
    Q_OBJECT
private slots:
    void draggingOnAxesBrushesTheTable()
    {
        Fixture f;
        auto* view = f.parallel();
        // loss runs 1..12 (the last of three steps is 1 + i): the top half keeps loss >= 6.5.
        // (Drags start a pixel or two past an end so that the end is inside the brush.)
        const QPoint aboveTop(0, -2);
        f.drag(view, f.onAxis("metric:loss", 1.0) + aboveTop, f.onAxis("metric:loss", 0.5));
        QCOMPARE(view->brushes("metric:loss").size(), std::size_t(1));
        QCOMPARE(f.shownRuns(), runsOf({6, 7, 8, 9, 10, 11}));
        QVERIFY(view->isBrushedIn("s07"));
        QVERIFY(!view->isBrushedIn("s02")); // drawn faint, not gone
        QVERIFY(view->pointOf("s02", "metric:loss"));
        // A brush on another axis narrows down: adam (odd sessions) sits at the optimizer's top.
        f.drag(
            view, f.onAxis("hparam:optimizer", 1.0) + aboveTop, f.onAxis("hparam:optimizer", 0.9));
        QCOMPARE(f.shownRuns(), runsOf({7, 9, 11}));
        // A second brush on the loss axis adds up with the first.
        f.drag(view, f.onAxis("metric:loss", 0.0) - aboveTop, f.onAxis("metric:loss", 0.12));
        QCOMPARE(f.shownRuns(), runsOf({1, 7, 9, 11}));
        // A click inside a brush removes it.
        QTest::mouseClick(view, Qt::LeftButton, {}, f.onAxis("metric:loss", 0.75));
        QCOMPARE(view->brushes("metric:loss").size(), std::size_t(1));
        QCOMPARE(f.shownRuns(), runsOf({1}));
        // A double-click on the axis removes all of its brushes.
        QTest::mouseDClick(view, Qt::LeftButton, {}, f.onAxis("hparam:optimizer", 0.5));
        QCOMPARE(f.shownRuns(), runsOf({0, 1}));
        view->clearBrushes();
        QCOMPARE(f.dashboard.filterModel()->rowCount(), kSessions);
    }

    void brushMatchesTheLinesItCovers()
    {
        Fixture f;
        auto* view = f.parallel();
        view->setLogScale("hparam:lr", true); // four decades, evenly spaced
        f.drag(view, f.onAxis("hparam:lr", 0.3), f.onAxis("hparam:lr", 0.8));
        const core::BrushRange brush = view->brushes("hparam:lr").front();
        QStringList expected;
        for (int i = 0; i < kSessions; ++i) {
            const QString run = QString::asprintf("s%02d", i);
            const double y = view->pointOf(run, "hparam:lr")->y();
            if (y <= view->yOf(brush.lo) + 1e-9 && y >= view->yOf(brush.hi) - 1e-9)
                expected.append(run);
        }
        QVERIFY(!expected.isEmpty() && expected.size() < kSessions);
        QCOMPARE(f.shownRuns(), expected);
    }

    void draggingATitleMovesTheAxis()
    {
        Fixture f;
        auto* view = f.parallel();
        QCOMPARE(view->axisOrder(),
            (QStringList {
                "hparam:lr", "hparam:batch", "hparam:optimizer", "metric:loss", "metric:acc"}));
        const double between = (view->axisX("hparam:optimizer") + view->axisX("metric:loss")) / 2;
        const QPoint title = view->titleRect("hparam:lr").center().toPoint();
        f.drag(view, title, QPoint(int(between), title.y()));
        QCOMPARE(view->axisOrder(),
            (QStringList {
                "hparam:batch", "hparam:optimizer", "hparam:lr", "metric:loss", "metric:acc"}));
        QVERIFY(view->axisX("hparam:lr") > view->axisX("hparam:optimizer"));
        QVERIFY(view->axisX("hparam:lr") < view->axisX("metric:loss"));
        // A session's line moves with its axis.
        QCOMPARE(view->pointOf("s03", "hparam:lr")->x(), view->axisX("hparam:lr"));
        // Dragging a title back to the far left puts it first again.
        f.drag(view, view->titleRect("hparam:lr").center().toPoint(), QPoint(2, title.y()));
        QCOMPARE(view->axisOrder().front(), QStringLiteral("hparam:lr"));
    }

    void quantileScaleSpacesDistinctValuesEvenly()
    {
        Fixture f;
        auto* view = f.parallel();
        // batch is 16, 32 or 64: linear puts 32 a third of the way up, quantile halfway.
        const auto y = [&](const char* run) { return view->pointOf(run, "hparam:batch")->y(); };
        const double bottom = y("s00"), middle = y("s01"), top = y("s02");
        QVERIFY(std::abs((bottom - middle) - (bottom - top) / 3) < 1);
        view->setScale("hparam:batch", ui::AxisScale::Quantile);
        QVERIFY(std::abs((y("s00") - y("s01")) - (y("s00") - y("s02")) / 2) < 1e-9);
        QVERIFY(view->axes()[1].label().endsWith("(quantile)"));
    }

    void brushesKeepTheirValuesAcrossScales()
    {
        Fixture f;
        auto* view = f.parallel();
        // lr is 0.1, 0.01, 0.001 or 0.0001: brush 0.005…0.05, which holds only 0.01.
        const auto fractionOf = [&](double value) {
            return view->axes()[std::size_t(view->axisOrder().indexOf("hparam:lr"))]
                .fractionOfValue(value);
        };
        view->setBrushes("hparam:lr", {core::brushBetween(fractionOf(0.005), fractionOf(0.05))});
        const QStringList inside = f.shownRuns();
        QCOMPARE(inside, runsOf({1, 5, 9}));
        for (const ui::AxisScale scale :
            {ui::AxisScale::Quantile, ui::AxisScale::Log, ui::AxisScale::Linear}) {
            view->setScale("hparam:lr", scale);
            QCOMPARE(view->brushes("hparam:lr").size(), std::size_t(1));
            QCOMPARE(f.shownRuns(), inside);
        }
        // On the quantile scale the brush sits between the ranks of 0.001 and 0.1.
        view->setScale("hparam:lr", ui::AxisScale::Quantile);
        const core::BrushRange brush = view->brushes("hparam:lr").front();
        QVERIFY(brush.lo > 1.0 / 3 && brush.lo < 2.0 / 3 && brush.hi > 2.0 / 3 && brush.hi < 1);
    }

    void linesAreDrawnOnAWorkerAfterTheFirstPicture()
    {
        // Once the view has a picture of its size, brushing, releasing, removing a brush and
        // recolouring draw the lines in the background, the last picture standing in: the GUI
        // thread draws them once per size only.
        Fixture f;
        auto* view = f.parallel();
        (void)view->grab();
        const int drawn = view->linesDrawnHere();
        QVERIFY(drawn >= 1);
        const QPoint from = f.onAxis("metric:loss", 0.9), to = f.onAxis("metric:loss", 0.4);
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, to);
        (void)view->grab();
        view->finishDrawingLines();
        const QImage lastMove = view->grab().toImage();
        QTest::mouseRelease(view, Qt::LeftButton, {}, to);
        // The release left the brush as the last move did: that move's picture stays, no new
        // lines are asked for.
        QVERIFY(!view->isDrawingLines());
        QCOMPARE(view->grab().toImage(), lastMove);
        QTest::mouseClick(view, Qt::LeftButton, {}, f.onAxis("metric:loss", 0.6)); // removes it
        QVERIFY(view->brushes("metric:loss").empty());
        (void)view->grab();
        view->setColorColumn("hparam:lr");
        (void)view->grab();
        view->finishDrawingLines();
        QCOMPARE(view->linesDrawnHere(), drawn);
        // A wider window: nothing of the view's new size to stand in.
        const QSize before = view->size();
        f.dashboard.resize(f.dashboard.size() + QSize(100, 0));
        QTRY_VERIFY(view->size() != before);
        (void)view->grab();
        QCOMPARE(view->linesDrawnHere(), drawn + 1);
    }

    void cachedLinesDrawAsAFreshView()
    {
        // The layers cached across brush changes (and drawn in the background during a drag)
        // must paint what a view drawing the same brushes from nothing paints.
        Fixture f;
        auto* view = f.parallel();
        f.drag(view, f.onAxis("metric:loss", 0.99), f.onAxis("metric:loss", 0.3));
        (void)view->grab();
        // A second drag, its moves drawn in the background, ending in a narrower brush.
        const QPoint from = f.onAxis("hparam:lr", 0.99);
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        for (const double fraction : {0.2, 0.5, 0.7, 0.6})
            QTest::mouseMove(view, f.onAxis("hparam:lr", fraction));
        (void)view->grab(); // a frame with the lines of an earlier move standing in
        QTest::mouseRelease(view, Qt::LeftButton, {}, f.onAxis("hparam:lr", 0.6));
        view->finishDrawingLines(); // the release keeps the last move's lines, drawn or drawing
        QVERIFY(!view->isDrawingLines());
        const QImage cached = view->grab().toImage();

        Fixture fresh;
        fresh.parallel()->setBrushes("metric:loss", view->brushes("metric:loss"));
        fresh.parallel()->setBrushes("hparam:lr", view->brushes("hparam:lr"));
        QCOMPARE(fresh.shownRuns(), f.shownRuns());
        QVERIFY(f.shownRuns().size() < kSessions);
        fresh.parallel()->finishDrawingLines();
        QCOMPARE(fresh.parallel()->grab().toImage(), cached);
        // Removing the brushes takes the grey lines away again.
        view->clearBrushes();
        fresh.parallel()->clearBrushes();
        view->finishDrawingLines();
        fresh.parallel()->finishDrawingLines();
        QCOMPARE(fresh.parallel()->grab().toImage(), view->grab().toImage());
    }

    void scatterTitlesFitAndCellsHaveTicks()
    {
        Fixture f({"distortion_loss_weight", "ray_sampling_strategy", "downsample"});
        f.dashboard.viewTabs()->setCurrentIndex(1);
        auto* scatter = f.dashboard.scatterView();
        QTRY_VERIFY(scatter->isVisible());
        checkMatrixLabels(scatter);
        // Long names wrap after an underscore rather than being cut.
        QStringList lines;
        for (const auto& label : scatter->titleLabels())
            lines.append(label.text);
        QVERIFY2(lines.contains("distortion_") || lines.contains("distortion_loss_"),
            qPrintable(lines.join('|')));
        // lr's ticks read its values, and each sits on the cell at its value's place.
        const auto lr = scatter->hparamKeys().indexOf("hparam:lr");
        const core::CellBox box = scatter->matrixLayout().box({1, std::size_t(lr)});
        int lrTicks = 0;
        for (const auto& label : scatter->tickLabels())
            lrTicks += label.at >= box.left && label.at <= box.left + box.width
                && label.box.top() >= box.top + box.height;
        QVERIFY(lrTicks >= 2);
    }

    void coloursFollowTheChosenColumn()
    {
        Fixture f;
        f.dashboard.viewTabs()->setCurrentIndex(1);
        auto* scatter = f.dashboard.scatterView();
        QTRY_VERIFY(scatter->isVisible());
        QCOMPARE(
            f.dashboard.colorChooser()->currentData().toString(), QStringLiteral("metric:loss"));
        QCOMPARE(f.dashboard.colorChooser()->count(), 5); // two metrics, three hparams
        // Sessions 0 and 1 share lr's and batch's values with no other session.
        const auto colourAt = [&](const char* run) {
            const QPoint p = scatter->pointOf(run, "hparam:lr", "metric:acc")->toPoint();
            return scatter->grab().toImage().pixelColor(p);
        };
        const QColor low = ui::shadeColor(0), high = ui::shadeColor(1);
        QVERIFY(nearer(colourAt("s00"), low, high)); // the lowest loss: purple
        f.dashboard.colorChooser()->setCurrentIndex(
            f.dashboard.colorChooser()->findData("hparam:optimizer"));
        emit f.dashboard.colorChooser()->activated(f.dashboard.colorChooser()->currentIndex());
        QCOMPARE(f.parallel()->colorColumn(), QStringLiteral("hparam:optimizer"));
        // The old points stand in while a worker stamps the new ones.
        (void)scatter->grab();
        QVERIFY(scatter->isDrawing());
        scatter->finishDrawing();
        QVERIFY(!scatter->isDrawing());
        QVERIFY(nearer(colourAt("s00"), low, high)); // sgd: the optimizer axis's bottom
        QVERIFY(nearer(colourAt("s01"), high, low)); // adam: its top
    }

    void manyLongTitlesScrollInsteadOfOverlapping()
    {
        std::vector<std::string> names;
        for (int i = 0; i < 17; ++i)
            names.push_back("model/encoder/layer_" + std::to_string(i) + " attention dropout rate");
        Fixture f(names);
        auto* view = f.parallel();
        QCOMPARE(view->axes().size(), std::size_t(22));
        auto* area = qobject_cast<QScrollArea*>(view->parentWidget()->parentWidget());
        QVERIFY(area);
        QTRY_VERIFY(view->width() >= view->requiredWidth());
        QVERIFY(view->requiredWidth() > area->viewport()->width());
        QVERIFY(area->horizontalScrollBar()->maximum() > 0);
        QFont bold = view->font();
        bold.setBold(true);
        const QFontMetricsF metrics(bold);
        QRectF previous;
        for (const ui::ParallelAxis& axis : view->axes()) {
            const QRectF title = view->titleRect(axis.key);
            QVERIFY(title.left() >= 0 && title.right() <= view->width());
            QVERIFY2(previous.isNull() || previous.right() < title.left(), qPrintable(axis.title));
            // The whole title fits its box on at most two lines.
            const QRectF needed = metrics.boundingRect(
                title, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, axis.label());
            QVERIFY2(needed.width() <= title.width() + 1 && needed.height() <= title.height(),
                qPrintable(axis.title));
            previous = title;
        }
    }

    void scatterMatrixClickSelectsTheSessionEverywhere()
    {
        Fixture f;
        f.dashboard.viewTabs()->setCurrentIndex(1);
        auto* scatter = f.dashboard.scatterView();
        QTRY_VERIFY(scatter->isVisible());
        QCOMPARE(
            scatter->hparamKeys(), (QStringList {"hparam:lr", "hparam:batch", "hparam:optimizer"}));
        QCOMPARE(scatter->metricKeys(), (QStringList {"metric:loss", "metric:acc"}));
        QCOMPARE(scatter->pointCount(), kSessions);
        // Each point sits in its cell: batch across, loss up.
        const auto layout = scatter->matrixLayout();
        const QPointF p = *scatter->pointOf("s05", "hparam:batch", "metric:loss");
        QCOMPARE(layout.cellAt(p.x(), p.y()), (core::MatrixCell {0, 1}));
        QVERIFY(scatter->pointOf("s05", "hparam:batch", "metric:loss")->y()
            < scatter->pointOf("s04", "hparam:batch", "metric:loss")->y()); // higher loss, higher
        QTest::mouseMove(scatter, p.toPoint());
        QCOMPARE(scatter->hoveredSession(), QStringLiteral("s05"));
        QCOMPARE(f.parallel()->hoveredSession(), QStringLiteral("s05"));
        QTest::mouseClick(scatter, Qt::LeftButton, {}, p.toPoint());
        const QModelIndexList rows = f.dashboard.tableView()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().data().toString(), QStringLiteral("s05"));
        QCOMPARE(f.parallel()->highlightedSession(), QStringLiteral("s05"));
        QCOMPARE(scatter->highlightedSession(), QStringLiteral("s05"));
        // The session's metrics over time, beside the table.
        ui::SessionCharts* charts = f.dashboard.sessionCharts();
        QCOMPARE(charts->session(), QStringLiteral("s05"));
        QCOMPARE(charts->chartCount(), 2);
        QCOMPARE(charts->chartTitle(0), QStringLiteral("loss"));
        QCOMPARE(charts->chart(0)->seriesCount(), std::size_t(1));
        QCOMPARE(charts->chart(0)->series(0).data.size(), std::size_t(3));
        QCOMPARE(charts->chart(0)->series(0).data[2].value, 6.0);
        // Brushed-out sessions leave the matrix.
        f.parallel()->setBrushes("metric:loss", {{0.5, 1}});
        QCOMPARE(scatter->pointCount(), 6);
        QVERIFY(!scatter->pointOf("s00", "hparam:lr", "metric:loss"));
    }

    void hoveringALineRingsTheSessionInTheMatrix()
    {
        Fixture f;
        auto* view = f.parallel();
        const QPointF a = *view->pointOf("s03", "metric:loss");
        const QPointF b = *view->pointOf("s03", "metric:acc");
        QTest::mouseMove(view, ((a + b) / 2).toPoint());
        QCOMPARE(view->hoveredSession(), QStringLiteral("s03"));
        QCOMPARE(f.dashboard.scatterView()->hoveredSession(), QStringLiteral("s03"));
        QTest::mouseClick(view, Qt::LeftButton, {}, ((a + b) / 2).toPoint());
        QCOMPARE(f.dashboard.sessionCharts()->session(), QStringLiteral("s03"));
    }

    void metricRangesAndSessionRegexFilter()
    {
        Fixture f;
        ui::HParamsFilterPanel* panel = f.dashboard.filterPanel();
        QLineEdit* min = panel->metricMinField("metric:loss");
        QVERIFY(min);
        min->setText("5"); // loss is 1 + i
        emit min->editingFinished();
        QCOMPARE(f.shownRuns(), runsOf({4, 5, 6, 7, 8, 9, 10, 11}));
        QLineEdit* max = panel->metricMaxField("metric:acc");
        max->setText("0.7"); // accuracy is i / 12
        emit max->editingFinished();
        QCOMPARE(f.shownRuns(), runsOf({4, 5, 6, 7, 8}));
        min->clear();
        emit min->editingFinished();
        QTest::keyClicks(panel->sessionPatternField(), "s0[13]|s1");
        QCOMPARE(f.shownRuns(), runsOf({1, 3}));
        // An invalid pattern says why and leaves the last valid one in force.
        QTest::keyClicks(panel->sessionPatternField(), "(");
        QVERIFY(!panel->sessionPatternField()->toolTip().isEmpty());
        QCOMPARE(f.shownRuns(), runsOf({1, 3}));
        // The parallel coordinates draw only what the filters let through.
        QVERIFY(!f.parallel()->pointOf("s05", "metric:loss"));
        QVERIFY(f.parallel()->pointOf("s03", "metric:loss"));
    }

    void jsonAndLatexExportsReadBackAsShown()
    {
        Fixture f;
        f.parallel()->setBrushes("metric:loss", {{0.5, 1}});
        f.dashboard.setColumnShown("hparam:batch", false);
        std::string error;
        const auto json = core::parseTableJson(f.dashboard.json().toStdString(), &error);
        QVERIFY2(json, error.c_str());
        QCOMPARE(json->columns,
            (std::vector<std::string> {"Session", "lr", "optimizer", "loss", "acc", "Status"}));
        QCOMPARE(json->rows.size(), std::size_t(6));
        const ui::HParamsFilterModel& shown = *f.dashboard.filterModel();
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(json->rows[row][0].text, shown.index(row, 0).data().toString().toStdString());
            const double lr = shown.index(row, 1).data(ui::HParamsTableModel::SortRole).toDouble();
            QCOMPARE(json->rows[row][1].number, lr); // exact
            QCOMPARE(json->rows[row][2].text,
                shown.index(row, 3).data().toString().toStdString()); // batch hidden
        }
        const auto latex = core::parseTableLatex(f.dashboard.latex().toStdString(), &error);
        QVERIFY2(latex, error.c_str());
        QCOMPARE(latex->rows, json->rows);
        QCOMPARE(latex->columns, json->columns);
        const QString path = QTemporaryDir().path() + ".tex";
        QVERIFY(f.dashboard.exportTable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), f.dashboard.latex());
        file.remove();
    }

    void corpusSweepsInTheScatterMatrix_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("sessions");
        QTest::newRow("b04") << "b04_tf2_hparams_plugin" << 17;
        QTest::newRow("d08") << "d08_lightning_minimal_hparams_only" << 1;
    }

    void corpusSweepsInTheScatterMatrix()
    {
        QFETCH(QString, name);
        QFETCH(int, sessions);
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        core::LogdirLoader loader({{"", *corpus / ui::pathFromQString(name)}});
        loader.reload();
        ui::RunListModel runs;
        runs.setSnapshot(loader.snapshot());
        ui::HParamsDashboard dashboard(&runs);
        dashboard.resize(1200, 800);
        dashboard.show();
        dashboard.setSnapshot(loader.snapshot());
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        QCOMPARE(dashboard.tableModel()->rowCount(), sessions);
        ui::ScatterMatrixView* scatter = dashboard.scatterView();
        dashboard.viewTabs()->setCurrentIndex(1);
        QTRY_VERIFY(scatter->isVisible());
        QVERIFY(!scatter->hparamKeys().isEmpty());
        QVERIFY(!scatter->metricKeys().isEmpty());
        // Every session with values on a cell's two columns is a point in it.
        const QString run = QString::fromStdString(dashboard.tableModel()->session(0).run);
        const auto p
            = scatter->pointOf(run, scatter->hparamKeys().front(), scatter->metricKeys().front());
        if (p) {
            QTest::mouseClick(scatter, Qt::LeftButton, {}, p->toPoint());
            QCOMPARE(scatter->highlightedSession(), scatter->sessionAt(*p));
        }
        checkMatrixLabels(scatter);
        if (sessions == 1) {
            // Every column holds one value: its tick, under the dots, names it (elided if long).
            const auto ticks = scatter->tickLabels();
            const auto names = [](const QString& tick, const QString& value) {
                return tick == value
                    || (tick.endsWith(QChar(0x2026)) && value.startsWith(tick.chopped(1)));
            };
            const ui::HParamsTableModel* table = dashboard.tableModel();
            for (const QString& key : scatter->hparamKeys()) {
                const auto dot = scatter->pointOf(run, key, scatter->metricKeys().front());
                QVERIFY(dot);
                const QString value = table->valueText(0, table->columnOf(key));
                QVERIFY2(std::any_of(ticks.begin(), ticks.end(),
                             [&](const auto& tick) {
                                 return tick.box.top() > dot->y() && std::abs(tick.at - dot->x()) < 2
                                     && names(tick.text, value);
                             }),
                    qPrintable(key + " = " + value));
            }
        }
        saveShot(&dashboard, QStringLiteral("%1-scatter.png").arg(QTest::currentDataTag()));
        // Brush the top half of the first metric's axis.
        dashboard.viewTabs()->setCurrentIndex(0);
        ui::ParallelCoordinatesView* view = dashboard.parallelView();
        QTRY_VERIFY(view->isVisible());
        const QString metric = scatter->metricKeys().front();
        const QPoint from = QPointF(view->axisX(metric), view->yOf(1.0)).toPoint();
        const QPoint to = QPointF(view->axisX(metric), view->yOf(0.5)).toPoint();
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::LeftButton, {}, to);
        QCOMPARE(view->brushes(metric).size(), std::size_t(1));
        QVERIFY(dashboard.filterModel()->rowCount() <= sessions);
        view->finishDrawingLines();
        saveShot(&dashboard, QStringLiteral("%1-brush.png").arg(QTest::currentDataTag()));
    }
};

LANTERN_TEST_MAIN(TestHParamsViews)
#include "test_hparams_views.moc"
