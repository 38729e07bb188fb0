// The tooltip's table: its columns, each sort order (NaN last, ties kept), the cut to N rows with
// "and M more", and a LinePlot's tooltip following the options it is given.

#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/widgets/hover_table.h"
#include "ui/widgets/line_plot.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace lantern;
using ui::HoverRow;
using ui::HoverSort;

namespace {

HoverRow rowOf(const char* name, double smoothed, double distance)
{
    HoverRow row;
    row.name = QString::fromUtf8(name);
    row.smoothed = smoothed;
    row.value = smoothed;
    row.distance = distance;
    return row;
}

// As hoverRowsAt hands them: nearest first.
std::vector<HoverRow> nearestFirst()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {rowOf("beta", 2, 1), rowOf("alpha", nan, 2), rowOf("gamma", 5, 3),
        rowOf("delta", -1, 4), rowOf("epsilon", 2, 5)};
}

QStringList namesOf(const std::vector<HoverRow>& rows)
{
    QStringList names;
    for (const HoverRow& row : rows)
        names << row.name;
    return names;
}

} // namespace

class TestHoverTable : public QObject {
    Q_OBJECT
private slots:
    void sorts_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("nearest") << int(HoverSort::Nearest)
                                 << QStringList {"beta", "alpha", "gamma", "delta", "epsilon"};
        // Ties (beta and epsilon at 2) keep the nearest first; NaN goes last either way.
        QTest::newRow("value descending")
            << int(HoverSort::ValueDescending)
            << QStringList {"gamma", "beta", "epsilon", "delta", "alpha"};
        QTest::newRow("value ascending")
            << int(HoverSort::ValueAscending)
            << QStringList {"delta", "beta", "epsilon", "gamma", "alpha"};
        QTest::newRow("run name") << int(HoverSort::RunName)
                                  << QStringList {"alpha", "beta", "delta", "epsilon", "gamma"};
    }
    void sorts()
    {
        QFETCH(int, sort);
        QFETCH(QStringList, expected);
        std::vector<HoverRow> rows = nearestFirst();
        ui::sortHoverRows(rows, HoverSort(sort));
        QCOMPARE(namesOf(rows), expected);
    }

    void tableHasTheColumnsAndCutsToMaxRows()
    {
        ui::HoverTableOptions options;
        options.sort = HoverSort::ValueDescending;
        options.maxRows = 2;
        const QString html = ui::hoverTableHtml(nearestFirst(), options);
        int at = 0;
        for (const char* column : {"Run", "Smoothed", "Value", "Step", "Wall time", "Relative"}) {
            const int found = html.indexOf(QStringLiteral(">%1<").arg(QLatin1String(column)), at);
            QVERIFY2(found > at, column);
            at = found;
        }
        QVERIFY(html.indexOf(QStringLiteral("gamma")) < html.indexOf(QStringLiteral("beta")));
        QVERIFY(!html.contains(QStringLiteral("epsilon")));
        QVERIFY(html.contains(QStringLiteral("and 3 more")));
        options.maxRows = 5;
        QVERIFY(!ui::hoverTableHtml(nearestFirst(), options).contains(QStringLiteral("more")));
        options.timeColumns = false;
        QVERIFY(!ui::hoverTableHtml(nearestFirst(), options).contains(QStringLiteral("Wall time")));
        QVERIFY(ui::hoverTableHtml({}, options).isEmpty());
    }

    void plotTooltipFollowsItsOptions()
    {
        ui::LinePlot plot;
        plot.resize(500, 300);
        plot.setSmoothing(0);
        plot.setSeries({{"low", Qt::blue, test::scalarSnapshotOf({1, 1, 1})},
            {"high", Qt::red, test::scalarSnapshotOf({9, 9, 9})},
            {"mid", Qt::green, test::scalarSnapshotOf({5, 5, 5})}});
        // The cursor at the bottom: low is nearest.
        const QPointF pos(plot.pixelAtX(1), plot.plotArea().bottom() - 1);
        QString text = plot.tooltipText(pos);
        QVERIFY(text.indexOf(QStringLiteral("low")) < text.indexOf(QStringLiteral("mid")));
        QVERIFY(text.indexOf(QStringLiteral("mid")) < text.indexOf(QStringLiteral("high")));
        plot.setTooltipOptions({HoverSort::ValueDescending, 2, true});
        text = plot.tooltipText(pos);
        QVERIFY(text.indexOf(QStringLiteral("high")) < text.indexOf(QStringLiteral("mid")));
        QVERIFY(!text.contains(QStringLiteral("low")));
        QVERIFY(text.contains(QStringLiteral("and 1 more")));
    }
};

LANTERN_TEST_MAIN(TestHoverTable)
#include "test_hover_table.moc"
