// Axis labels and ranges as a user reads them: SI-prefixed tick labels (a table of cases), step
// axes with whole steps only, a tag of one step or one value on a sensible axis centred on it,
// and x tick labels kept inside the card, apart from each other and over their ticks.

#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/line_layout.h"
#include "ui/widgets/tick_label_placement.h"

#include <QTest>

#include <cmath>
#include <optional>
#include <vector>

using namespace lantern;
using ui::AxisTicks;

namespace {

std::shared_ptr<const ui::LineLayout> layoutOf(const core::ScalarSnapshot& data, int width)
{
    ui::LineView view;
    view.rect = QRect(0, 0, width, 240);
    view.options.smoothing = 0;
    return ui::layOutLines({{QStringLiteral("run"), Qt::blue, data}}, view, nullptr);
}

bool allWhole(const std::vector<double>& values)
{
    for (const double v : values)
        if (v != std::round(v))
            return false;
    return true;
}

} // namespace

class TestAxisTicks : public QObject {
    Q_OBJECT
private slots:
    void formatsWithSiPrefixes_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("step"); // 0: a tooltip value, not an axis tick
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, double value, double step, const char* expected) {
            QTest::newRow(name) << value << step << QString::fromUtf8(expected);
        };
        row("zero", 0, 100000, "0");
        row("hundreds stay plain", 500, 100, "500");
        row("thousands", 1500, 500, "1.5k");
        row("200k", 200000, 100000, "200k");
        row("negative", -200000, 100000, "-200k");
        row("1M, no .0", 1e6, 5e5, "1M");
        row("1.5M", 1.5e6, 5e5, "1.5M");
        row("as many decimals as the step", 1.25e6, 2.5e5, "1.25M");
        row("giga", 2e9, 1e9, "2G");
        row("tera", 2.5e12, 5e11, "2.5T");
        row("exa, the last prefix", 3e18, 1e18, "3E");
        row("exponent once SI runs out", 2e21, 1e21, "2e21");
        row("fractional step keeps digits", 1000.5, 0.1, "1000.5");
        row("decimals of the step", 0.3, 0.1, "0.3");
        row("near-zero tick is 0", 1e-17, 0.1, "0.0");
        row("tiny values in exponent form", 1e-5, 0, "1e-5");
        row("tiny mantissa", -2.5e-7, 0, "-2.5e-7");
        row("tooltip keeps digits below a million", 123456, 0, "123456");
        row("tooltip millions", 1234567, 0, "1.235M");
        row("rounding up moves to the next prefix", 999999.6, 0, "1M");
        row("tooltip beyond SI", 4.2e25, 0, "4.2e25");
    }
    void formatsWithSiPrefixes()
    {
        QFETCH(double, value);
        QFETCH(double, step);
        QFETCH(QString, expected);
        QCOMPARE(AxisTicks::formatNumber(value, step), expected);
    }

    void ticksOfALargeRangeReadAsSi()
    {
        const AxisTicks ticks = AxisTicks::linear(0, 1e6, 5);
        QCOMPARE(ticks.labels, std::vector<QString>({"0", "200k", "400k", "600k", "800k", "1M"}));
        const AxisTicks billions = AxisTicks::linear(0, 3e9, 3);
        QCOMPARE(billions.labels, std::vector<QString>({"0", "1G", "2G", "3G"}));
    }

    void stepTicksAreWhole_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<int>("target");
        QTest::newRow("two steps, many ticks wanted") << -1.0 << 1.0 << 8;
        QTest::newRow("zoomed into three steps") << 10.2 << 13.7 << 10;
        QTest::newRow("large steps") << 0.0 << 1e6 << 5;
        QTest::newRow("tiny zoom") << 5.1 << 5.3 << 4;
    }
    void stepTicksAreWhole()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(int, target);
        const AxisTicks ticks = AxisTicks::steps(lo, hi, target);
        QVERIFY(allWhole(ticks.values));
        for (const QString& label : ticks.labels)
            QVERIFY2(!label.contains(QLatin1Char('.')) || label.endsWith(QLatin1Char('k'))
                    || label.endsWith(QLatin1Char('M')),
                qPrintable(label));
    }

    void aSingleStepGetsACentredAxisWithWholeTicks_data()
    {
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("width");
        QTest::newRow("step 0, wide card") << qint64(0) << 0.25 << 900;
        QTest::newRow("step 0, narrow card") << qint64(0) << 0.25 << 300;
        QTest::newRow("step 7") << qint64(7) << -3.0 << 600;
        QTest::newRow("step 1M") << qint64(1000000) << 1e-3 << 600;
        QTest::newRow("value 0") << qint64(42) << 0.0 << 600;
    }
    void aSingleStepGetsACentredAxisWithWholeTicks()
    {
        QFETCH(qint64, step);
        QFETCH(double, value);
        QFETCH(int, width);
        const auto layout = layoutOf(test::scalarSnapshotOf({value}, 1000, 360, step), width);
        // x: centred on the step, ticks on whole steps only, the step itself among them.
        QCOMPARE((layout->x.lo + layout->x.hi) / 2, double(step));
        QVERIFY(layout->x.span() >= 4);
        QVERIFY(allWhole(layout->xTicks.values));
        QVERIFY(std::find(layout->xTicks.values.begin(), layout->xTicks.values.end(), double(step))
            != layout->xTicks.values.end());
        QVERIFY(layout->xTicks.values.size() >= 3);
        // y: centred on the value, ±10 % of it (±1 for zero): the value is readable on its ticks.
        QVERIFY(std::abs((layout->y.lo + layout->y.hi) / 2 - value) <= std::abs(value) * 1e-12);
        const double expectedSpan = value == 0 ? 2.0 : std::abs(value) * 0.2;
        QVERIFY(std::abs(layout->y.span() - expectedSpan) <= expectedSpan * 1e-9);
        QVERIFY(layout->yTicks.values.size() >= 2);
    }

    void tickLabelsStayInsideAndApart_data()
    {
        QTest::addColumn<std::vector<double>>("centres");
        QTest::addColumn<std::vector<double>>("widths");
        QTest::addColumn<double>("extent");
        QTest::addColumn<std::vector<int>>("kept");
        QTest::newRow("all fit") << std::vector<double>({50, 150, 250})
                                 << std::vector<double>({30, 30, 30}) << 300.0
                                 << std::vector<int>({0, 1, 2});
        QTest::newRow("last at the edge moves in")
            << std::vector<double>({50, 290}) << std::vector<double>({30, 30}) << 300.0
            << std::vector<int>({0, 1});
        QTest::newRow("label past the edge is left out")
            << std::vector<double>({50, 310}) << std::vector<double>({30, 30}) << 300.0
            << std::vector<int>({0});
        QTest::newRow("overlapping neighbour left out")
            << std::vector<double>({100, 120, 200}) << std::vector<double>({40, 40, 40}) << 300.0
            << std::vector<int>({0, 2});
        QTest::newRow("wider than the card")
            << std::vector<double>({50}) << std::vector<double>({400}) << 300.0
            << std::vector<int>();
    }
    void tickLabelsStayInsideAndApart()
    {
        QFETCH(std::vector<double>, centres);
        QFETCH(std::vector<double>, widths);
        QFETCH(double, extent);
        QFETCH(std::vector<int>, kept);
        std::vector<ui::TickLabel> labels;
        for (std::size_t i = 0; i < centres.size(); ++i)
            labels.push_back({centres[i], widths[i]});
        const auto placed = ui::placeTickLabels(labels, extent);
        std::vector<int> shown;
        double previousEnd = -1e9;
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (!placed[i])
                continue;
            shown.push_back(int(i));
            const double left = *placed[i];
            QVERIFY(left >= ui::kTickLabelEdgeGap);
            QVERIFY(left + widths[i] <= extent - ui::kTickLabelEdgeGap);
            QVERIFY(left <= centres[i] && centres[i] <= left + widths[i]); // over its tick
            QVERIFY(left >= previousEnd + ui::kTickLabelGap);
            previousEnd = left + widths[i];
        }
        QCOMPARE(shown, kept);
    }
};

LANTERN_TEST_MAIN(TestAxisTicks)
#include "test_axis_ticks.moc"
