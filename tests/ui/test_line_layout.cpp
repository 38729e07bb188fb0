// The line layout as a pure function, without a widget: known series and a view in, the
// expected ranges, pixels, ticks and hover rows out; the same output on a worker thread as on
// this one; a layout reusing the previous one equals one computed from scratch and leaves the
// previous one as it was; smoothing continued across appends equals smoothing from the start.

#include "core/analysis/smoothing.h"
#include "core/store/scalar_series.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/widgets/decimation_buffers.h"
#include "ui/widgets/line_layout.h"
#include "ui/widgets/smoothed_series.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <thread>
#include <vector>

using namespace lantern;
using test::scalarSnapshotOf;
using ui::LineLayout;
using ui::LineSeries;
using ui::LineView;
using ui::PlotRange;

namespace {

LineView viewOf(int width, int height, double smoothing = 0)
{
    LineView view;
    view.rect = QRect(0, 0, width, height);
    view.options.smoothing = smoothing;
    return view;
}

std::vector<double> ys(const std::vector<QPointF>& points)
{
    std::vector<double> out;
    for (const QPointF& p : points)
        out.push_back(p.y());
    return out;
}

// Everything a layout hands the painter and the hover, compared field by field. NaN breaks a
// line, so points compare with NaN equal to NaN.
bool samePoints(const std::vector<QPointF>& a, const std::vector<QPointF>& b)
{
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i].x(), b[i].x()) || !same(a[i].y(), b[i].y()))
            return false;
    return true;
}

void compareLayouts(const LineLayout& a, const LineLayout& b)
{
    QCOMPARE(a.plot, b.plot);
    QCOMPARE(a.x, b.x);
    QCOMPARE(a.y, b.y);
    QCOMPARE(a.pointCount, b.pointCount);
    QCOMPARE(a.leftMargin, b.leftMargin);
    QCOMPARE(a.xTicks.values, b.xTicks.values);
    QCOMPARE(a.xTicks.labels, b.xTicks.labels);
    QCOMPARE(a.yTicks.values, b.yTicks.values);
    QCOMPARE(a.yTicks.labels, b.yTicks.labels);
    QCOMPARE(a.series.size(), b.series.size());
    for (std::size_t s = 0; s < a.series.size(); ++s) {
        QVERIFY(samePoints(ui::plotPoints(a, s, false), ui::plotPoints(b, s, false)));
        QVERIFY(samePoints(ui::plotPoints(a, s, true), ui::plotPoints(b, s, true)));
    }
    QCOMPARE(a.lines->area, b.lines->area);
    QCOMPARE(a.lines->antialias, b.lines->antialias);
    QCOMPARE(a.lines->lines.size(), b.lines->lines.size());
    for (std::size_t i = 0; i < a.lines->lines.size(); ++i) {
        const ui::LineLayerJob::Line& la = a.lines->lines[i];
        const ui::LineLayerJob::Line& lb = b.lines->lines[i];
        QVERIFY(samePoints(la.pixels, lb.pixels));
        QCOMPARE(la.pen(), lb.pen());
        QCOMPARE(la.dense, lb.dense);
        QCOMPARE(la.dots, lb.dots);
    }
}

} // namespace

class TestLineLayout : public QObject {
    Q_OBJECT
private slots:
    // Ten points, no smoothing: the ranges fit the data with 5% of the span above and below,
    // the first point lands on the plot's left edge and the last on its right, each y where
    // its value lies in the y range, and the ticks are the nice values inside the ranges.
    void knownSeriesGiveKnownPixelsAndTicks()
    {
        const std::vector<LineSeries> series {
            {"run", Qt::blue, scalarSnapshotOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})}};
        const auto layout = ui::layOutLines(series, viewOf(600, 400), nullptr);
        QCOMPARE(layout->x, (PlotRange {0, 9}));
        QCOMPARE(layout->y.lo, 1 - 0.45);
        QCOMPARE(layout->y.hi, 10 + 0.45);
        QCOMPARE(layout->plot.top(), 10.0);
        QCOMPARE(layout->plot.left() + layout->plot.width(), 600.0 - 14);
        QCOMPARE(layout->pointCount, 10u);
        QCOMPARE(layout->series.size(), 1u);
        QCOMPARE(ui::plotPoints(*layout, 0, false)[3], QPointF(3, 4));
        QVERIFY(ui::plotPoints(*layout, 0, true).empty());

        QCOMPARE(layout->lines->lines.size(), 1u); // no faint raw line without smoothing
        const std::vector<QPointF>& pixels = layout->lines->lines[0].pixels;
        QCOMPARE(pixels.size(), 10u);
        const QRectF plot = layout->plot;
        QCOMPARE(pixels.front().x(), plot.left());
        QCOMPARE(pixels.back().x(), plot.left() + plot.width());
        for (std::size_t i = 0; i < pixels.size(); ++i) {
            const double value = double(i + 1);
            const double expected = plot.bottom() - (value - 0.55) / 9.9 * plot.height();
            QVERIFY(std::abs(pixels[i].y() - expected) < 1e-9);
        }
        QVERIFY(layout->lines->lines[0].dots); // ten points on 500 pixels: each one marked
        QCOMPARE(layout->yTicks.values, (std::vector<double> {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(layout->xTicks.values, (std::vector<double> {0, 2, 4, 6, 8}));
        QCOMPARE(layout->xAtPixel(layout->pixelAtX(4.5)), 4.5);
    }

    // Zoomed to steps 2..4 on a log axis: y fits what is visible there, in log10.
    void aZoomedLogViewFitsWhatItShows()
    {
        const std::vector<LineSeries> series {
            {"run", Qt::blue, scalarSnapshotOf({1, 10, 100, 1000, 1e4})}};
        LineView view = viewOf(600, 400);
        view.options.logY = true;
        view.xZoom = PlotRange {1, 3};
        const auto layout = ui::layOutLines(series, view, nullptr);
        QCOMPARE(layout->x, (PlotRange {1, 3}));
        QCOMPARE(layout->y.lo, 1 - 0.1);
        QCOMPARE(layout->y.hi, 3 + 0.1);
        QCOMPARE(ys(ui::plotPoints(*layout, 0, false)), (std::vector<double> {0, 1, 2, 3, 4}));
    }

    // Hover: each series' point nearest the cursor's x, nearest to the cursor first; with a
    // layout older than the series, the rows already read the new points.
    void hoverFindsTheNearestIndex()
    {
        std::vector<LineSeries> series {{"train", Qt::blue, scalarSnapshotOf({10, 20, 30, 40, 50})},
            {"eval", Qt::red, scalarSnapshotOf({1, 2, 3})}};
        const auto layout = ui::layOutLines(series, viewOf(600, 400), nullptr);
        const double pixelY = layout->toPixel({2, 30}).y(); // level with train's value at step 2
        std::vector<ui::HoverRow> rows = ui::hoverRowsAt(*layout, series, false, 2.2, pixelY);
        QCOMPARE(rows.size(), 2u);
        QCOMPARE(rows[0].name, QStringLiteral("train"));
        QCOMPARE(rows[0].step, 2);
        QCOMPARE(rows[0].value, 30.0);
        QVERIFY(std::abs(rows[0].distance - (layout->pixelAtX(2.2) - layout->pixelAtX(2))) < 1e-9);
        QCOMPARE(rows[1].name, QStringLiteral("eval"));
        QCOMPARE(rows[1].step, 2);
        QCOMPARE(rows[1].relativeHours, 0.2); // 2 × 360 s

        series[1].data = scalarSnapshotOf({1, 2, 3, 4, 5, 6, 7});
        rows = ui::hoverRowsAt(*layout, series, true, 6, pixelY);
        QCOMPARE(rows.size(), 2u);
        const auto eval = rows[0].name == "eval" ? rows[0] : rows[1];
        QCOMPARE(eval.step, 6);
        QCOMPARE(eval.value, 7.0);
        QCOMPARE(eval.smoothed, 7.0); // the layout never smoothed it: its own value
    }

    // The same series and view give the same layout here and on a worker thread, with or
    // without a previous layout to reuse.
    void theSameInputsGiveTheSameLayoutOnAnyThread()
    {
        std::vector<LineSeries> series;
        for (int run = 0; run < 40; ++run) { // more than 32: the many-runs drawing
            std::vector<double> values(3000);
            for (std::size_t i = 0; i < values.size(); ++i)
                values[i] = std::sin(double(i) / 50 + run) * (1 + run % 5);
            series.push_back(
                {QStringLiteral("run %1").arg(run), QColor::fromHsv(run * 37 % 360, 200, 200),
                    scalarSnapshotOf(values, 1000 + run, 2)});
        }
        for (const ui::XAxisMode axis :
            {ui::XAxisMode::Step, ui::XAxisMode::Relative, ui::XAxisMode::WallTime}) {
            LineView view = viewOf(700, 350, 0.6);
            view.options.xAxis = axis;
            const auto here = ui::layOutLines(series, view, nullptr);
            const auto there = QtConcurrent::run([&] {
                return ui::layOutLines(series, view, nullptr);
            }).result();
            compareLayouts(*here, *there);
            const auto reusing = QtConcurrent::run([&] {
                return ui::layOutLines(series, view, here.get());
            }).result();
            compareLayouts(*here, *reusing);
        }
    }

    // Points appended, then a purge: a layout reusing the previous one equals a fresh one, and
    // the previous one is left exactly as it was (nothing is shared that either could change).
    void reusingThePreviousLayoutChangesNeitherResultNorPrevious()
    {
        core::ScalarSeries scalars;
        const auto grow = [&](std::size_t count) {
            for (std::size_t k = 0; k < count; ++k) {
                const auto i = std::int64_t(scalars.size());
                scalars.append({i, 1000.0 + double(i), std::cos(double(i) / 300) + double(i % 7)});
            }
        };
        grow(9000);
        LineView view = viewOf(600, 400, 0.9);
        view.live = true; // x has headroom: a few more points keep the view, decimation resumes
        auto previous = ui::layOutLines({{"run", Qt::blue, scalars.snapshot()}}, view, nullptr);
        for (const int change : {0, 1, 2}) {
            if (change == 2) {
                scalars.removeFromStep(5000); // a restarted run
                grow(10);
            } else {
                grow(change == 0 ? 3 : 5000); // within the last block, then across blocks
            }
            const std::vector<LineSeries> series {{"run", Qt::blue, scalars.snapshot()}};
            const LineLayout before = *previous;
            const auto reusing = ui::layOutLines(series, view, previous.get());
            const auto fresh = ui::layOutLines(series, view, nullptr);
            compareLayouts(*reusing, *fresh);
            compareLayouts(*previous, before);
            previous = reusing;
        }
    }

    // A decimation a layout drops lends its buffers to the next one made on the same thread
    // (no fresh pages per change of view), which starts empty all the same; another thread
    // gets none of them.
    void aDroppedDecimationLendsItsBuffersOnItsThreadOnly()
    {
        core::ScalarSeries scalars;
        for (std::int64_t i = 0; i < 10000; ++i)
            scalars.append({i, 1000.0 + double(i), std::sin(double(i))});
        core::DecimationQuery query;
        query.x0 = 0;
        query.x1 = 9999;
        query.columns = 500;
        {
            const auto dropped = ui::newSeriesDecimation();
            core::decimate(scalars.snapshot(), query, dropped->points);
            dropped->generation = 7;
            QVERIFY(dropped->points.size() > 0);
        }
        std::size_t elsewhere = 1; // a new thread's first decimation
        std::thread([&] {
            elsewhere = ui::newSeriesDecimation()->points.points.capacity();
        }).join();
        QCOMPARE(elsewhere, std::size_t(0));
        const auto next = ui::newSeriesDecimation();
        QVERIFY(next->points.points.capacity() > 0);
        QVERIFY(next->points.indices.capacity() > 0);
        QVERIFY(next->points.points.empty());
        QVERIFY(next->points.indices.empty());
        QCOMPARE(next->generation, std::uint64_t(0));
        QVERIFY(!next->points.allPoints && !next->points.hasPointBefore);
    }

    // Smoothing continued after appends, across the blocks it is kept in, equals smoothing the
    // whole series at once; the series it continued keeps its values.
    void smoothingContinuesAcrossAppends()
    {
        core::ScalarSeries scalars;
        scalars.type = core::ScalarType::Float64;
        std::vector<double> values;
        const auto grow = [&](std::size_t count) {
            for (std::size_t k = 0; k < count; ++k) {
                values.push_back(std::sin(double(values.size())) * 3 + double(values.size() % 11));
                scalars.append({std::int64_t(values.size()), 0, values.back()});
            }
        };
        grow(4000);
        const ui::SmoothedSeries first = ui::SmoothedSeries::of(scalars.snapshot(), 0.6, nullptr);
        QCOMPARE(first.size(), 4000u);
        grow(5000); // past the first block's end and through the next
        const ui::SmoothedSeries second = ui::SmoothedSeries::of(scalars.snapshot(), 0.6, &first);
        const std::vector<double> expected = core::smooth(values, 0.6);
        QCOMPARE(second.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(second[i], expected[i]);
        QCOMPARE(first.size(), 4000u);
        QCOMPARE(first[3999], expected[3999]);
        // Another weight starts over.
        const ui::SmoothedSeries other = ui::SmoothedSeries::of(scalars.snapshot(), 0.3, &second);
        QCOMPARE(other[8999], core::smooth(values, 0.3)[8999]);
    }
};

LANTERN_TEST_MAIN(TestLineLayout)
#include "test_line_layout.moc"
