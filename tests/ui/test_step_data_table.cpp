// Step selection on a Scalars card and its data table: a click on the strip under the plot selects
// the step under the cursor and a drag a range, each shown in a table of every run's values there
// (nearest point, smoothed value, wall and relative time; or first, last, change, min, max,
// mean and count), sortable by any column, with columns hidden and shown, copied as text and
// saved as CSV with names that look like formulas neutralised.

#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/step_data_table.h"
#include "ui/widgets/step_strip.h"
#include "ui/widgets/step_table_model.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lantern;
using test::scalarSnapshotOf;
using ui::StepSelection;

namespace {

// Steps 0, 10, 20, … (wall times 360 s apart from 1000).
core::ScalarSnapshot everyTenSteps(const std::vector<double>& values)
{
    core::ScalarSeries series;
    for (std::size_t i = 0; i < values.size(); ++i)
        series.append({std::int64_t(i) * 10, 1000 + 360.0 * double(i), values[i]});
    return series.snapshot();
}

std::vector<ui::LineSeries> twoRuns()
{
    return {{"train", Qt::blue, everyTenSteps({5, 4, 3, 2, 1, 0.5})},
        {"=eval", Qt::red, everyTenSteps({9, std::nan(""), 7, 8})}};
}

QString cell(const ui::StepDataTable& table, int row, int column)
{
    const QAbstractItemModel* model = table.view()->model();
    return model->data(model->index(row, column)).toString();
}

} // namespace

class TestStepDataTable : public QObject {
    Q_OBJECT
private slots:
    void atAStepEveryRunReadsItsNearestPoint()
    {
        ui::StepDataTable table;
        table.setSeries(twoRuns(), 0);
        table.setSelection({22, 22});
        table.waitForRows();
        QVERIFY(!table.model()->isRange());
        QCOMPARE(table.view()->model()->rowCount(), 2);
        QCOMPARE(table.model()->columnCount(), 6);
        // Sorted by run: "=eval" before "train".
        QCOMPARE(cell(table, 0, 0), QStringLiteral("=eval"));
        QCOMPARE(cell(table, 0, 1), QStringLiteral("20")); // nearest step, shown
        QCOMPARE(cell(table, 0, 2), QStringLiteral("7"));
        QCOMPARE(cell(table, 1, 2), QStringLiteral("3"));
        QCOMPARE(cell(table, 1, 5), QStringLiteral("12.0 min")); // two points of 360 s
        // Past the end: the last point.
        table.setSelection({1000, 1000});
        table.waitForRows();
        QCOMPARE(cell(table, 0, 1), QStringLiteral("30"));
        QCOMPARE(cell(table, 1, 1), QStringLiteral("50"));
    }

    void smoothedColumnFollowsTheWeight()
    {
        ui::StepDataTable table;
        table.setSeries(twoRuns(), 0.6);
        table.setSelection({10, 10});
        table.waitForRows();
        // train: 5, 4 debiased with 0.6: (0.4·5·0.6 + 0.4·4) / (1 − 0.36) = 4.375.
        QCOMPARE(cell(table, 1, 3), QStringLiteral("4.375"));
    }

    void aRangeGivesItsStatistics()
    {
        ui::StepDataTable table;
        table.setSeries(twoRuns(), 0);
        table.setSelection({5, 40});
        table.waitForRows();
        QVERIFY(table.model()->isRange());
        QCOMPARE(table.model()->columnCount(), 8);
        // train over steps 10–40: 4, 3, 2, 1.
        const auto& rows = table.model()->rows();
        const auto train = rows[0].run == "train" ? rows[0] : rows[1];
        QCOMPARE(train.range.count, std::size_t(4));
        QCOMPARE(train.range.first.value, 4.0);
        QCOMPARE(train.range.last.value, 1.0);
        QCOMPARE(train.range.change(), -3.0);
        QCOMPARE(train.range.min, 1.0);
        QCOMPARE(train.range.max, 4.0);
        QCOMPARE(train.range.mean(), 2.5);
        // eval over 10–30: NaN, 7, 8: three points, the mean of the two numbers.
        const auto eval = rows[0].run == "=eval" ? rows[0] : rows[1];
        QCOMPARE(eval.range.count, std::size_t(3));
        QCOMPARE(eval.range.finiteCount, std::size_t(2));
        QCOMPARE(eval.range.mean(), 7.5);
    }

    void sortsHidesCopiesAndSaves()
    {
        ui::StepDataTable table;
        table.resize(600, 200);
        table.setSeries(twoRuns(), 0);
        table.setSelection({20, 20});
        table.waitForRows();
        table.view()->sortByColumn(2, Qt::AscendingOrder); // by value: train 3, eval 7
        QCOMPARE(cell(table, 0, 0), QStringLiteral("train"));
        table.view()->sortByColumn(2, Qt::DescendingOrder);
        QCOMPARE(cell(table, 0, 0), QStringLiteral("=eval"));

        table.setColumnShown(4, false); // wall time
        QVERIFY(table.view()->isColumnHidden(4));
        QVERIFY(!table.isColumnShown(4));
        table.setColumnShown(0, false); // the run stays
        QVERIFY(table.isColumnShown(0));

        const QString text = table.tabSeparated();
        QVERIFY(text.startsWith(QStringLiteral("Run\tStep\tValue\tSmoothed\tRelative\n")));
        QVERIFY(text.indexOf(QStringLiteral("=eval")) < text.indexOf(QStringLiteral("train")));
        table.copyToClipboard();
        QCOMPARE(QApplication::clipboard()->text(), text);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("table.csv"));
        QVERIFY(table.saveCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto rows = test::parseCsv(file.readAll().toStdString());
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(
            rows[0], (std::vector<std::string> {"Run", "Step", "Value", "Smoothed", "Relative"}));
        QCOMPARE(rows[1][0], std::string("'=eval")); // not a formula in a spreadsheet
        QCOMPARE(rows[1][2], std::string("7"));
        QCOMPARE(rows[2][0], std::string("train"));
        // The range's columns have their own choice.
        table.setSelection({0, 50});
        table.waitForRows();
        QVERIFY(table.isColumnShown(4));
        QVERIFY(table.tabSeparated().startsWith(
            QStringLiteral("Run\tStart\tEnd\tChange\tMin\tMax\tMean\tPoints\n")));
    }

    void clickAndDragOnTheStripSelect()
    {
        ui::ScalarCard card({QStringLiteral("loss")}, false);
        card.resize(500, 300);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.setSeries(twoRuns());
        card.plot()->setSmoothing(0);
        ui::StepStrip* strip = card.stepStrip();
        QVERIFY(strip->isVisible());
        QVERIFY(card.stepTable()->isHidden());
        QSignalSpy changed(&card, &ui::ScalarCard::stepSelectionChanged);

        const int y = strip->height() / 2;
        QTest::mouseClick(
            strip, Qt::LeftButton, {}, QPoint(int(std::round(strip->pixelAt(30))), y));
        QCOMPARE(card.stepSelection(), std::optional(StepSelection {30, 30}));
        QVERIFY(!card.stepTable()->isHidden());
        QCOMPARE(changed.count(), 1);
        card.stepTable()->waitForRows();
        QCOMPARE(card.stepTable()->view()->model()->rowCount(), 2);
        QVERIFY(card.height() > 300);

        // A drag from step 10 to step 40.
        const QPoint from(int(std::round(strip->pixelAt(10))), y);
        const QPoint to(int(std::round(strip->pixelAt(40))), y);
        QTest::mousePress(strip, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), strip->mapToGlobal(QPointF(to)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &move);
        QTest::mouseRelease(strip, Qt::LeftButton, {}, to);
        QCOMPARE(card.stepSelection(), std::optional(StepSelection {10, 40}));
        card.stepTable()->waitForRows();
        QVERIFY(card.stepTable()->model()->isRange());
        QVERIFY(card.grab().save(QDir::temp().filePath("lantern_step_table.png")));

        // New data reaches the table; Escape clears.
        card.setSeries({{"train", Qt::blue, everyTenSteps({1, 1, 1, 1, 1, 1})}});
        card.stepTable()->waitForRows();
        QCOMPARE(card.stepTable()->view()->model()->rowCount(), 1);
        QTest::keyClick(strip, Qt::Key_Escape);
        QVERIFY(!card.stepSelection());
        QVERIFY(card.stepTable()->isHidden());
    }
};

LANTERN_TEST_MAIN(TestStepDataTable)
#include "test_step_data_table.moc"
