// The line plot with known data: the ranges it fits, the points it hands the painter, smoothing
// exactly as core::smooth computes it, a log axis over zeros and negatives, zooming with the
// mouse, the hover tooltip, the pinned cursor, fixed axis limits and the CSV and JSON exports.

#include "core/analysis/smoothing.h"
#include "core/store/scalar_series.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/plot_workers.h"
#include "ui/widgets/scalar_export.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMouseEvent>
#include <QTest>
#include <QThreadPool>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <random>

using namespace lantern;
using ui::LinePlot;

namespace {

core::ScalarSnapshot seriesOf(const std::vector<double>& values, double wallStart = 1000,
    double wallStep = 360, std::int64_t stepStart = 0)
{
    return test::scalarSnapshotOf(values, wallStart, wallStep, stepStart);
}

std::vector<double> ys(const std::vector<QPointF>& points)
{
    std::vector<double> out;
    for (const QPointF& p : points)
        out.push_back(p.y());
    return out;
}

// `runs` sine waves of 400 points, their amplitudes scaled by `scale`.
std::vector<LinePlot::Series> manyRuns(int runs, double scale)
{
    std::vector<LinePlot::Series> series;
    for (int run = 0; run < runs; ++run) {
        std::vector<double> values(400);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = std::sin(double(i) / 40 + run) * (1 + run % 7) * scale;
        series.push_back({QStringLiteral("run %1").arg(run),
            QColor::fromHsv(run * 37 % 360, 200, 200), seriesOf(values)});
    }
    return series;
}

void shown(LinePlot& plot)
{
    plot.resize(600, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
}

} // namespace

class TestLinePlot : public QObject {
    Q_OBJECT
private slots:
    void fitsTheRangesToKnownData()
    {
        LinePlot plot;
        plot.resize(600, 400);
        plot.setSmoothing(0);
        plot.setSeries({{"run", Qt::blue, seriesOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})}});
        QCOMPARE(plot.xRange(), (LinePlot::Range {0, 9}));
        // 5% of the span above and below the data.
        QCOMPARE(plot.yRange().lo, 1 - 0.45);
        QCOMPARE(plot.yRange().hi, 10 + 0.45);
        QCOMPARE(plot.drawnPointCount(), 10u);
        const std::vector<QPointF> points = plot.drawnPoints(0, false);
        QCOMPARE(points.size(), 10u);
        QCOMPARE(points[3], QPointF(3, 4));
        QVERIFY(plot.drawnPoints(0, true).empty()); // no smoothed line without smoothing

        // Zoomed to steps 2..4, y fits what is visible there (3..5), not the whole run.
        plot.zoomTo({2, 4});
        QCOMPARE(plot.yRange().lo, 3 - 0.1);
        QCOMPARE(plot.yRange().hi, 5 + 0.1);
    }

    void aConstantSeriesGetsAReadableRange()
    {
        // Smoothing 0.5 repeatedly rounds a few ulps away from it; the range stays sensible.
        LinePlot plot;
        plot.resize(600, 400);
        plot.setSeries({{"run", Qt::blue, seriesOf(std::vector<double>(10, 0.5))}});
        // ±10 % of the value, so that ticks read it (test_axis_ticks has more cases).
        QVERIFY(std::abs(plot.yRange().lo - 0.45) < 1e-12);
        QVERIFY(std::abs(plot.yRange().hi - 0.55) < 1e-12);
        QVERIFY(!plot.grab().isNull());
    }

    void handsThePainterAtMostFourPointsPerColumn()
    {
        std::vector<double> values(200000);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = std::sin(double(i) / 1000);
        values[123456] = 50; // a spike decimation must keep
        LinePlot plot;
        plot.resize(500, 300);
        plot.setSmoothing(0);
        plot.setSeries({{"big", Qt::red, seriesOf(values)}});
        const double columns = std::floor(plot.plotArea().width());
        QVERIFY(plot.drawnPointCount() <= std::size_t(4 * columns + 2));
        QVERIFY(plot.drawnPointCount() > std::size_t(columns));
        QVERIFY(plot.yRange().contains(50));
        QVERIFY(plot.yRange().contains(-1));

        // Outliers ignored: the range follows the 5th..95th percentile, the spike is cut off.
        plot.setIgnoreOutliers(true);
        QVERIFY(!plot.yRange().contains(50));
        QVERIFY(plot.yRange().hi < 2);
    }

    // Points arriving while the plot is shown: the x axis gets a little headroom so it does not
    // move with every point, and what is drawn equals what a fresh plot of the same view
    // draws (the live plot re-decimates only the newest columns).
    void aLivePlotKeepsItsAxisAndDrawsWhatAFreshOneDraws()
    {
        std::mt19937_64 rng(5);
        std::normal_distribution<double> noise(0, 1);
        core::ScalarSeries series;
        const auto grow = [&](std::size_t count) {
            for (std::size_t k = 0; k < count; ++k) {
                const auto i = std::int64_t(series.size());
                series.append({i, 1000.0 + double(i), std::exp(-double(i) / 3e4) + noise(rng)});
            }
        };
        grow(50'000);
        LinePlot live;
        live.resize(600, 400);
        live.setSeries({{"run", Qt::blue, series.snapshot()}});
        QCOMPARE(live.xRange(), (LinePlot::Range {0, 49'999})); // not live yet: fits the data
        for (int update = 0; update < 30; ++update) {
            const LinePlot::Range before = live.xRange();
            grow(update == 10 ? 20'000 : 100);
            live.setSeries({{"run", Qt::blue, series.snapshot()}});
            const LinePlot::Range now = live.xRange();
            const double last = double(series.size() - 1);
            QCOMPARE(now.lo, 0.0);
            QVERIFY(now.hi > last);
            QVERIFY(now.hi - last <= now.span() / 16);
            if (update > 0 && update != 10 && before.hi > last)
                QCOMPARE(now, before); // still room: the axis did not move

            LinePlot fresh;
            fresh.resize(600, 400);
            fresh.setSeries({{"run", Qt::blue, series.snapshot()}});
            fresh.zoomTo(now, live.yRange());
            QCOMPARE(live.drawnPoints(0, false), fresh.drawnPoints(0, false));
            QCOMPARE(live.drawnPoints(0, true), fresh.drawnPoints(0, true));
        }
        // A purge (a restarted run) is not an append: the plot decimates from scratch.
        series.removeFromStep(60'000);
        grow(10);
        live.setSeries({{"run", Qt::blue, series.snapshot()}});
        LinePlot fresh;
        fresh.resize(600, 400);
        fresh.setSeries({{"run", Qt::blue, series.snapshot()}});
        fresh.zoomTo(live.xRange(), live.yRange());
        QCOMPARE(live.drawnPoints(0, false), fresh.drawnPoints(0, false));
    }

    // Hundreds of runs: the layout is computed and the lines are rendered on a worker thread,
    // and what finally shows is exactly what doing both on the GUI thread shows.
    void manyRunsRenderInTheBackgroundAsTheyWouldInTheForeground()
    {
        const std::vector<LinePlot::Series> series = manyRuns(300, 1);
        LinePlot background;
        shown(background);
        background.setSeries(series);
        background.repaint();
        // The paint only asked the worker for a layout; until it is taken, work is under way.
        QVERIFY(background.isRendering());
        QTRY_VERIFY(!background.isRendering());
        const QImage shownImage = background.grab().toImage();

        LinePlot foreground;
        foreground.setBackgroundRendering(false);
        shown(foreground);
        foreground.setSeries(series);
        QVERIFY(!foreground.isRendering());
        const QImage expected = foreground.grab().toImage();
        QCOMPARE(shownImage, expected);
        const QRect plot = foreground.plotArea().toRect();
        const QColor base = foreground.palette().color(QPalette::Base);
        int coloured = 0;
        for (int y = plot.top() + 2; y < plot.bottom() - 2; y += 3)
            for (int x = plot.left() + 2; x < plot.right() - 2; x += 3)
                coloured += expected.pixelColor(x, y) != base;
        QVERIFY2(coloured > 100, "the lines are drawn");

        // An export waits for the newest lines: zoomed, the picture is the zoomed one.
        background.zoomTo({100, 200});
        background.waitForRendering();
        QVERIFY(!background.isRendering());
        foreground.zoomTo({100, 200});
        QCOMPARE(background.grab().toImage(), foreground.grab().toImage());
    }

    // An export waits for the worker's layout and lines rather than computing them again:
    // nothing is computed twice, and the picture is what the plot draws on the GUI thread.
    void waitingForRenderingTakesTheWorkersLayoutAndLines()
    {
        const std::vector<LinePlot::Series> series = manyRuns(300, 1);
        LinePlot plot;
        shown(plot);
        plot.setSeries(series);
        plot.repaint(); // asks the worker for a layout, and shows the last one meanwhile
        QVERIFY(plot.isRendering());
        ui::plotWorkers().waitForDone(); // the layout is computed, not yet taken
        const std::uint64_t layoutsBefore = ui::lineLayoutsComputed();
        const std::uint64_t layersBefore = ui::lineLayersRendered();
        plot.waitForRendering();
        QVERIFY(!plot.isRendering());
        const QImage exported = plot.grab().toImage();
        ui::plotWorkers().waitForDone(); // anything else started has counted too
        QCOMPARE(ui::lineLayoutsComputed() - layoutsBefore, std::uint64_t(0)); // taken
        QCOMPARE(ui::lineLayersRendered() - layersBefore, std::uint64_t(1)); // on a worker

        LinePlot foreground;
        foreground.setBackgroundRendering(false);
        shown(foreground);
        foreground.setSeries(series);
        QCOMPARE(exported, foreground.grab().toImage());
    }

    // While the worker lays out new data, the plot keeps showing the last layout (its axes
    // too); the hover rows already read the new data; the pinned readout follows the new
    // layout once it arrives.
    void aPlotOfManyRunsShowsItsLastLayoutUntilTheNextArrives()
    {
        LinePlot plot;
        shown(plot);
        plot.setSeries(manyRuns(100, 1));
        plot.waitForRendering();
        QVERIFY(plot.yRange().hi < 10);
        plot.pinCursor(plot.plotArea().center());
        const QImage before = plot.grab().toImage();

        plot.setSeries(manyRuns(100, 1000)); // a thousand times taller
        plot.repaint();
        QVERIFY(plot.isRendering());
        QCOMPARE(plot.grab().toImage(), before);
        const std::vector<LinePlot::HoverRow> rows = plot.hoverRows(plot.plotArea().center());
        QCOMPARE(rows.size(), std::size_t(100));
        const double tallest
            = std::max_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
                  return std::abs(a.value) < std::abs(b.value);
              })->value;
        QVERIFY2(std::abs(tallest) > 10, "the rows read the new data");
        QTRY_VERIFY(!plot.isRendering());
        QVERIFY(plot.yRange().hi > 1000);
        const std::vector<LinePlot::HoverRow> pinned = plot.pinnedRows();
        QVERIFY(!pinned.empty());
        QVERIFY(plot.pinnedReadout()->text().contains(
            ui::AxisTicks::formatNumber(pinned.front().value)));
        QVERIFY(plot.grab().toImage() != before);
    }

    // A plot closed while its layout is computed does not wait for it to be shown, nor crash.
    void aPlotOfManyRunsCanBeClosedMidLayout()
    {
        auto plot = std::make_unique<LinePlot>();
        shown(*plot);
        plot->setSeries(manyRuns(300, 1));
        plot->repaint();
        QVERIFY(plot->isRendering());
        plot.reset();
        QTest::qWait(50); // the job's result, if it arrives, finds nobody
    }

    void ignoringOutliersFitsTheSortedPercentiles()
    {
        // The 5th and 95th percentiles, interpolated between neighbours in sorted order, with
        // 5% of their span as padding: computed here by sorting, in the plot by selection.
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> uniform(-2, 7);
        for (const std::size_t count : {3, 4, 17, 500}) {
            std::vector<double> values(count);
            for (double& v : values)
                v = uniform(rng);
            values[count / 2] = 1e6; // an outlier
            LinePlot plot;
            plot.resize(800, 300);
            plot.setSmoothing(0);
            plot.setIgnoreOutliers(true);
            plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end());
            const auto percentile = [&](double q) {
                const double position = q * double(sorted.size() - 1);
                const auto below = std::size_t(std::floor(position));
                const std::size_t above = std::min(below + 1, sorted.size() - 1);
                const double t = position - double(below);
                return sorted[below] * (1 - t) + sorted[above] * t;
            };
            const double lo = percentile(0.05), hi = percentile(0.95);
            const double pad = (hi - lo) * 0.05;
            QCOMPARE(plot.yRange().lo, lo - pad);
            QCOMPARE(plot.yRange().hi, hi + pad);
        }
    }

    void smoothsExactlyAsCoreDoes()
    {
        const std::vector<double> values {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9};
        LinePlot plot;
        plot.resize(600, 400);
        plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
        for (const double weight : {0.6, 0.0, 0.3, 0.95, 0.999}) {
            plot.setSmoothing(weight);
            if (weight == 0) {
                QVERIFY(plot.drawnPoints(0, true).empty());
                QCOMPARE(ys(plot.drawnPoints(0, false)), values);
                continue;
            }
            QCOMPARE(ys(plot.drawnPoints(0, true)), core::smooth(values, weight));
            QCOMPARE(ys(plot.drawnPoints(0, false)), values); // the faint raw line behind it
        }

        // Appending continues the cached smoothing and still matches a full recomputation.
        core::ScalarSeries series;
        for (std::size_t i = 0; i < values.size(); ++i)
            series.append({std::int64_t(i), double(i), values[i]});
        plot.setSmoothing(0.6);
        plot.setSeries({{"run", Qt::blue, series.snapshot()}});
        QCOMPARE(ys(plot.drawnPoints(0, true)), core::smooth(values, 0.6));
        std::vector<double> longer = values;
        for (int i = 0; i < 600; ++i) { // across a chunk boundary
            longer.push_back(std::cos(i));
            series.append({std::int64_t(longer.size() - 1), double(i), longer.back()});
        }
        plot.setSeries({{"run", Qt::blue, series.snapshot()}});
        const std::vector<double> expected = core::smooth(longer, 0.6);
        QCOMPARE(plot.drawnPointCount(), longer.size());
        QCOMPARE(ys(plot.drawnPoints(0, true)), expected);
    }

    void logScaleSkipsValuesThatHaveNoLogarithm()
    {
        LinePlot plot;
        shown(plot);
        plot.setSmoothing(0);
        plot.setLogScale(true);
        plot.setSeries({{"run", Qt::blue, seriesOf({-1, 0, 1, 10, 100, std::nan("")})}});
        const std::vector<double> y = ys(plot.drawnPoints(0, false));
        QCOMPARE(y.size(), 6u);
        QVERIFY(std::isnan(y[0]) && std::isnan(y[1]) && std::isnan(y[5]));
        QCOMPARE(y[2], 0.0);
        QCOMPARE(y[3], 1.0);
        QCOMPARE(y[4], 2.0);
        QCOMPARE(plot.yRange().lo, -0.1);
        QCOMPARE(plot.yRange().hi, 2.1);
        QVERIFY(!plot.grab().isNull());

        // Nothing positive at all, with smoothing on: still no crash, an arbitrary range.
        plot.setSmoothing(0.6);
        plot.setSeries({{"run", Qt::blue, seriesOf({-3, 0, -1})}});
        QVERIFY(std::isfinite(plot.yRange().lo) && plot.yRange().span() > 0);
        QVERIFY(!plot.grab().isNull());
        QTest::mouseMove(&plot, plot.plotArea().center().toPoint());
    }

    void dragZoomsAndDoubleClickRestores()
    {
        LinePlot plot;
        shown(plot);
        std::vector<double> values(101);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = double(i % 7);
        plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
        const LinePlot::Range full = plot.xRange();
        QCOMPARE(full, (LinePlot::Range {0, 100}));
        const QRectF area = plot.plotArea();
        const QPoint from(int(plot.pixelAtX(25)), int(area.top() + 10));
        const QPoint to(int(plot.pixelAtX(50)), int(area.bottom() - 10));
        QTest::mousePress(&plot, Qt::LeftButton, {}, from);
        QTest::mouseMove(&plot, to);
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, to);
        QVERIFY(plot.isZoomed());
        const LinePlot::Range zoomed = plot.xRange();
        QVERIFY(std::abs(zoomed.lo - 25) < 0.5);
        QVERIFY(std::abs(zoomed.hi - 50) < 0.5);

        // New data keeps the zoom.
        values.push_back(3);
        plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
        QCOMPARE(plot.xRange(), zoomed);

        // The wheel zooms in around the cursor: the x under it stays put.
        const QPointF cursor(plot.pixelAtX(30), area.center().y());
        QWheelEvent wheel(cursor, plot.mapToGlobal(cursor), {}, {0, 120}, Qt::NoButton, {},
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(&plot, &wheel);
        QVERIFY(plot.xRange().span() < zoomed.span());
        QVERIFY(std::abs(plot.xAtPixel(cursor.x()) - 30) < 1e-6);

        QTest::mouseDClick(&plot, Qt::LeftButton, {}, area.center().toPoint());
        QVERIFY(!plot.isZoomed());
        // A point was appended, so the plot is live: the end has headroom, at the next
        // multiple of 4 (a power of two between 1/32 and 1/16 of the span) past step 101.
        QCOMPARE(plot.xRange(), (LinePlot::Range {0, 104}));
    }

    void shiftDragAndMiddleDragPan()
    {
        LinePlot plot;
        shown(plot);
        std::vector<double> values(101);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = double(i);
        plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
        plot.zoomTo({20, 40}, LinePlot::Range {10, 50});
        const QRectF area = plot.plotArea();
        // Grab step 30 and move it to where step 25 was: the view moves 5 steps right,
        // and half its height down moves it half a span up.
        const QPoint from(int(std::lround(plot.pixelAtX(30))), int(area.center().y()));
        const QPoint to(int(std::lround(plot.pixelAtX(25))), from.y() + int(area.height() / 2));
        const double grabbed = plot.xAtPixel(from.x());
        QTest::mousePress(&plot, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(&plot, to);
        QTest::mouseRelease(&plot, Qt::LeftButton, Qt::ShiftModifier, to);
        QVERIFY(std::abs(plot.xAtPixel(to.x()) - grabbed) < 1e-9); // still under the cursor
        QCOMPARE(plot.xRange().span(), 20.0);
        QVERIFY(std::abs(plot.xRange().lo - 25) < 0.2);
        QVERIFY(
            std::abs(plot.yRange().lo - (10 + 40.0 * (to.y() - from.y()) / area.height())) < 1e-9);
        QVERIFY(!plot.pinnedX()); // a pan is not a click

        // The middle button pans too, back again.
        QTest::mousePress(&plot, Qt::MiddleButton, {}, to);
        QTest::mouseMove(&plot, from);
        QTest::mouseRelease(&plot, Qt::MiddleButton, {}, from);
        QVERIFY(std::abs(plot.xRange().lo - 20) < 1e-9);
        QVERIFY(std::abs(plot.yRange().lo - 10) < 1e-9);
    }

    void tooltipListsEveryRunAtTheNearestStep()
    {
        LinePlot plot;
        shown(plot);
        plot.setSmoothing(0);
        plot.setSeries({{"train", Qt::blue, seriesOf({10, 20, 30, 40, 50})},
            {"eval", Qt::red, seriesOf({1, 2, 3}, 1000, 360, 0)}});
        // The cursor just right of step 2, level with train's value there.
        const QPointF pos(plot.pixelAtX(2.2), plot.plotArea().top() + 5);
        const auto rows = plot.hoverRows(pos);
        QCOMPARE(rows.size(), 2u);
        QCOMPARE(rows[0].name, QStringLiteral("train")); // nearer the cursor than eval's 3
        QCOMPARE(rows[0].step, 2);
        QCOMPARE(rows[0].value, 30.0);
        QCOMPARE(rows[1].name, QStringLiteral("eval"));
        QCOMPARE(rows[1].value, 3.0);
        QCOMPARE(rows[1].relativeHours, 0.2); // 2 × 360 s
        const QString text = plot.tooltipText(pos);
        QVERIFY(text.contains(QStringLiteral("train")));
        QVERIFY(text.contains(QStringLiteral(">30<")));
        QVERIFY(text.contains(QStringLiteral("12.0 min")));
        QVERIFY(text.indexOf(QStringLiteral("train")) < text.indexOf(QStringLiteral("eval")));
        QMouseEvent move(QEvent::MouseMove, pos, plot.mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
            Qt::NoModifier);
        QApplication::sendEvent(&plot, &move); // shows the tooltip and the cursor line
        QVERIFY(plot.grab().save(QDir::temp().filePath("lantern_line_plot_hover.png")));
    }

    void relativeAndWallTimeAxes()
    {
        LinePlot plot;
        plot.resize(600, 400);
        plot.setSeries({{"run", Qt::blue, seriesOf({1, 2, 3, 4}, 1.7e9, 1800)}});
        plot.setXAxisMode(ui::XAxisMode::Relative);
        QCOMPARE(plot.xRange(), (LinePlot::Range {0, 1.5}));
        QCOMPARE(plot.drawnPoints(0, false)[2].x(), 1.0);
        plot.setXAxisMode(ui::XAxisMode::WallTime);
        QCOMPARE(plot.xRange(), (LinePlot::Range {1.7e9, 1.7e9 + 5400}));
        plot.setLogScale(true);
        QVERIFY(plot.grab().save(QDir::temp().filePath("lantern_line_plot_wall_log.png")));
    }

    void niceTicks()
    {
        const ui::AxisTicks ticks = ui::AxisTicks::linear(0.03, 0.97, 5);
        QCOMPARE(ticks.values.size(), 4u); // step 0.2
        QCOMPARE(ticks.labels.front(), QStringLiteral("0.2"));
        QCOMPARE(ticks.labels.back(), QStringLiteral("0.8"));
        QCOMPARE(ui::AxisTicks::niceStep(1000, 4), 200.0);
        QCOMPARE(ui::AxisTicks::niceStep(7, 1), 5.0);
        const ui::AxisTicks log = ui::AxisTicks::log10(-2.5, 1.2, 6);
        QCOMPARE(log.labels.size(), 4u);
        QCOMPARE(log.labels.front(), QStringLiteral("0.01"));
        QCOMPARE(log.labels.back(), QStringLiteral("10"));
        QVERIFY(ui::AxisTicks::wallTime(1.7e9, 1.7e9 + 86400, 6).values.size() >= 3);
        // Spans tiny next to their magnitude end instead of looping forever.
        QCOMPARE(ui::AxisTicks::linear(1e30, 1e30 + 1e15, 5).values.size(), 2u);
        QCOMPARE(ui::AxisTicks::linear(-1e300, 1e300, 5).values.size(), 5u);
        QVERIFY(ui::AxisTicks::log10(-300, 300, 5).values.size() <= 10);
        QVERIFY(ui::AxisTicks::wallTime(1e20, 1.0000001e20, 5).values.size() <= 1001);
        // Times no calendar date can hold are ticked as plain numbers of seconds.
        QCOMPARE(ui::AxisTicks::wallTime(1e20, 3e20, 5).labels,
            ui::AxisTicks::linear(1e20, 3e20, 5).labels);
    }

    // Data from -DBL_MAX to DBL_MAX: the span is beyond a double, yet the plot has a finite
    // range, ticks across it and draws the line.
    void extremeValuesDrawWithTicks()
    {
        constexpr double kMax = std::numeric_limits<double>::max();
        QVERIFY(ui::AxisTicks::linear(-kMax, kMax, 5).values.size() >= 3);
        LinePlot plot;
        plot.setSmoothing(0);
        plot.setSeries({{"r", Qt::blue, seriesOf({-kMax, kMax, 0, kMax, -kMax})}});
        shown(plot);
        const LinePlot::Range y = plot.yRange();
        QVERIFY(std::isfinite(y.lo) && std::isfinite(y.hi));
        QVERIFY(y.lo <= -kMax && y.hi >= kMax);
        const std::vector<double> ticks = plot.yTickValues();
        QVERIFY2(ticks.size() >= 3, qPrintable(QString::number(ticks.size())));
        QVERIFY(ticks.front() < 0 && ticks.back() > 0);
        const QImage image = plot.grab().toImage();
        int blue = 0;
        for (int py = 0; py < image.height(); ++py)
            for (int px = 0; px < image.width(); ++px) {
                const QColor c = image.pixelColor(px, py);
                blue += c.blue() > 150 && c.red() < 100 && c.green() < 100;
            }
        QVERIFY2(blue > 100, qPrintable(QString::number(blue))); // the line, top to bottom
    }

    void exportsEveryPointAsCsv()
    {
        LinePlot plot;
        plot.setSeries({{"a,b", Qt::blue, seriesOf({0.5, 0.25}, 10.5, 1)},
            {"c", Qt::red, seriesOf({1.0 / 3}, 20, 1, 7)},
            // A line of a chart of several tags: its own run and tag, not its name.
            {"c · acc", Qt::red, seriesOf({0.75}, 1.7e9 + 0.000001, 1, 3), "c", "acc"}});
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(ui::writeScalarsCsv(out, plot.allSeries(), QStringLiteral("loss")));
        const QString text = QString::fromUtf8(out.data());
        QCOMPARE(text,
            QStringLiteral("run,tag,step,wall_time,value\n"
                           "\"a,b\",loss,0,10.5,0.5\n"
                           "\"a,b\",loss,1,11.5,0.25\n"
                           "c,loss,7,20,0.3333333333333333\n"
                           "c,acc,3,1700000000.000001,0.75\n"));
    }

    void exportsEveryPointAsJson()
    {
        const std::vector<double> values {0.1, 1.0 / 3, -2.5e-300, std::nan(""),
            std::numeric_limits<double>::infinity(), 123456789.123456789};
        LinePlot plot;
        plot.setSeries({{"run \"x\"", Qt::blue, seriesOf(values, 1.7e9 + 0.123456, 0.000001)},
            {"run · acc", Qt::red, seriesOf({2}, 5, 1, 40), "run", "acc"}});
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(ui::writeScalarsJson(out, plot.allSeries(), QStringLiteral("loss")));
        const QString text = QString::fromUtf8(out.data());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        // One object per line, as lantern-cli writes them: [{"run", "tag", …}, …]
        const QJsonArray runs = document.array();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0]["run"].toString(), QStringLiteral("run \"x\""));
        QCOMPARE(runs[0]["tag"].toString(), QStringLiteral("loss"));
        QCOMPARE(runs[1]["run"].toString(), QStringLiteral("run"));
        QCOMPARE(runs[1]["tag"].toString(), QStringLiteral("acc"));
        const QJsonArray points = runs[0]["points"].toArray();
        QCOMPARE(points.size(), qsizetype(values.size()));
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QJsonArray point = points[i].toArray();
            QCOMPARE(point[0].toInteger(), i);
            QCOMPARE(point[1].toDouble(), 1.7e9 + 0.123456 + 0.000001 * double(i)); // bit-exact
            if (std::isnan(values[std::size_t(i)]))
                QCOMPARE(point[2].toString(), QStringLiteral("NaN"));
            else if (std::isinf(values[std::size_t(i)]))
                QCOMPARE(point[2].toString(), QStringLiteral("Infinity"));
            else
                QCOMPARE(point[2].toDouble(), values[std::size_t(i)]);
        }
        QVERIFY(text.contains(QStringLiteral("1700000000.123457"))); // plain digits, not 1.7e+09
    }

    void fixedAxisLimitsOutliveDataAndZoom()
    {
        LinePlot plot;
        shown(plot);
        plot.setSmoothing(0);
        std::vector<double> values {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
        plot.setXLimits({2.0, 6.0});
        plot.setYLimits({0.0, std::nullopt});
        QCOMPARE(plot.xRange(), (LinePlot::Range {2, 6}));
        QCOMPARE(plot.yRange().lo, 0.0);
        QCOMPARE(plot.yRange().hi, 7 + 0.2); // fitted to what x 2..6 shows (3..7)

        // New data: the limits stay; a zoom and a double-click come back to them.
        values.push_back(11);
        plot.setSeries({{"run", Qt::blue, seriesOf(values)}});
        QCOMPARE(plot.xRange(), (LinePlot::Range {2, 6}));
        plot.zoomTo({3, 4});
        QCOMPARE(plot.xRange(), (LinePlot::Range {3, 4}));
        QTest::mouseDClick(&plot, Qt::LeftButton, {}, plot.plotArea().center().toPoint());
        QCOMPARE(plot.xRange(), (LinePlot::Range {2, 6}));

        // x limits belong to the axis they were set on.
        plot.setXAxisMode(ui::XAxisMode::Relative);
        QVERIFY(!plot.xLimits().isSet());
        QCOMPARE(plot.xRange(), (LinePlot::Range {0, 17.0 / 16})); // an hour, and live headroom
        plot.setXAxisMode(ui::XAxisMode::Step);
        QCOMPARE(plot.xRange(), (LinePlot::Range {2, 6}));

        // On a log axis a y limit at zero means nothing; one at 1 is log10(1) = 0.
        plot.setLogScale(true);
        QVERIFY(plot.yRange().lo > std::log10(3) - 0.1);
        plot.setYLimits({1.0, 100.0});
        QCOMPARE(plot.yRange(), (LinePlot::Range {0, 2}));
        plot.setLogScale(false);

        // Cleared: back to fitting the data.
        plot.setXLimits({});
        plot.setYLimits({});
        QCOMPARE(plot.xRange(), (LinePlot::Range {0, 10.5})); // steps 0..10 and live headroom
        QCOMPARE(plot.yRange().lo, 1 - 0.5);
    }

    void aClickPinsTheCursorAndItsRows()
    {
        LinePlot plot;
        shown(plot);
        plot.setSmoothing(0);
        plot.setSeries({{"train", Qt::blue, seriesOf({10, 20, 30, 40, 50})},
            {"eval", Qt::red, seriesOf({1, 2, 3, 4, 5})}});
        QLabel* readout = plot.pinnedReadout();
        QVERIFY(!readout->isVisible());

        const QPoint at(int(plot.pixelAtX(2.2)), int(plot.plotArea().top() + 5));
        QTest::mouseClick(&plot, Qt::LeftButton, {}, at);
        QVERIFY(plot.pinnedX().has_value());
        QCOMPARE(*plot.pinnedX(), 2.0); // on the nearest point's step
        QVERIFY(readout->isVisible());
        QVERIFY(readout->text().contains(QStringLiteral(">30<")));
        QVERIFY(readout->text().contains(QStringLiteral("eval")));
        QVERIFY(readout->text().contains(QStringLiteral("Pinned at step 2<")));

        // The mouse moves on; the pinned rows still read step 2.
        QTest::mouseMove(&plot, QPoint(int(plot.pixelAtX(4)), at.y() + 50));
        std::vector<LinePlot::HoverRow> rows = plot.pinnedRows();
        QCOMPARE(rows.size(), 2u);
        QCOMPARE(rows[0].name, QStringLiteral("train"));
        QCOMPARE(rows[0].step, 2);
        QCOMPARE(rows[0].value, 30.0);
        QCOMPARE(rows[1].step, 2);
        QVERIFY(plot.hoverRows(QPointF(plot.pixelAtX(4), at.y()))[0].step == 4);

        // New data: the same x, the new values.
        plot.setSeries({{"train", Qt::blue, seriesOf({10, 20, 33, 40, 50, 60})},
            {"eval", Qt::red, seriesOf({1, 2, 3, 4, 5})}});
        rows = plot.pinnedRows();
        QCOMPARE(rows[0].value, 33.0);
        QVERIFY(readout->text().contains(QStringLiteral(">33<")));
        QVERIFY(plot.grab().save(QDir::temp().filePath("lantern_line_plot_pinned.png")));

        // Escape lets go; so does a second click.
        QTest::keyClick(&plot, Qt::Key_Escape);
        QVERIFY(!plot.pinnedX());
        QVERIFY(!readout->isVisible());
        QTest::mouseClick(&plot, Qt::LeftButton, {}, at);
        QVERIFY(plot.pinnedX());
        QTest::mouseClick(&plot, Qt::LeftButton, {}, at + QPoint(40, 0));
        QVERIFY(!plot.pinnedX());

        // A drag zooms and pins nothing.
        QTest::mousePress(&plot, Qt::LeftButton, {}, at);
        QTest::mouseMove(&plot, at + QPoint(60, 40));
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, at + QPoint(60, 40));
        QVERIFY(!plot.pinnedX());
        QVERIFY(plot.isZoomed());
    }
};

LANTERN_TEST_MAIN(TestLinePlot)
#include "test_line_plot.moc"
