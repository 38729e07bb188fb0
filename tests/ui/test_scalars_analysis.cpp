// The Scalars toolbar's analysis settings on a loaded logdir: the tooltip's sort order reaching
// every card, linked time selecting the same step or range on every card, a card's own log or
// linear y axis and its own x axis against the toolbar's (remembered for tag cards and custom
// charts alike), and the card-width slider changing the columns.

#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/step_data_table.h"
#include "ui/widgets/step_strip.h"
#include "ui/widgets/step_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QMenu>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

void writeRun(const fs::path& directory, int steps, double scale)
{
    std::vector<std::string> records {test::fileVersionEvent()};
    for (int step = 0; step < steps; ++step) {
        const double wall = 1.7e9 + 30.0 * step;
        records.push_back(
            test::scalarEvent("loss", step, float(scale * std::exp(-step / 10.0)), wall));
        records.push_back(test::scalarEvent("acc", step, float(1 - scale / (1 + step)), wall));
    }
    test::appendRecords(directory / "events.out.tfevents.1.host", records);
}

struct Shown {
    QTemporaryDir temp;
    std::unique_ptr<core::LogdirLoader> loader;
    ui::RunListModel runs;
    std::unique_ptr<ui::ScalarsDashboard> dashboard;
};

void show(Shown& shown)
{
    const fs::path root = ui::pathFromQString(shown.temp.path());
    writeRun(root / "train", 100, 1.0);
    writeRun(root / "eval", 60, 1.4);
    shown.loader = std::make_unique<core::LogdirLoader>(std::vector<core::LogdirSpec> {{"", root}});
    shown.loader->reload();
    shown.runs.setSnapshot(shown.loader->snapshot());
    shown.dashboard = std::make_unique<ui::ScalarsDashboard>(&shown.runs);
    shown.dashboard->resize(1000, 900);
    shown.dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(shown.dashboard.get()));
    shown.dashboard->setSnapshot(shown.loader->snapshot());
}

void clickStep(ui::ScalarCard* card, std::int64_t step)
{
    ui::StepStrip* strip = card->stepStrip();
    QTest::mouseClick(strip, Qt::LeftButton, {},
        QPoint(int(std::round(strip->pixelAt(double(step)))), strip->height() / 2));
}

} // namespace

class TestScalarsAnalysis : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void tooltipSortReachesEveryCard()
    {
        Shown shown;
        show(shown);
        ui::ScalarsDashboard& dashboard = *shown.dashboard;
        QCOMPARE(dashboard.plot("loss")->tooltipOptions().sort, ui::HoverSort::Nearest);
        dashboard.tooltipSortBox()->setCurrentIndex(
            dashboard.tooltipSortBox()->findData(int(ui::HoverSort::RunName)));
        QCOMPARE(dashboard.plot("loss")->tooltipOptions().sort, ui::HoverSort::RunName);
        QCOMPARE(dashboard.plot("acc")->tooltipOptions().sort, ui::HoverSort::RunName);
    }

    void linkedTimeSelectsOnEveryCard()
    {
        Shown shown;
        show(shown);
        ui::ScalarsDashboard& dashboard = *shown.dashboard;
        ui::ScalarCard* loss = dashboard.card("loss");
        ui::ScalarCard* acc = dashboard.card("acc");
        // Unlinked: a selection stays on its card.
        clickStep(loss, 20);
        QCOMPARE(loss->stepSelection(), std::optional(ui::StepSelection {20, 20}));
        QVERIFY(!acc->stepSelection());
        // Linked: the next one is everywhere, table included.
        dashboard.linkStepsBox()->setChecked(true);
        clickStep(loss, 40);
        QCOMPARE(acc->stepSelection(), std::optional(ui::StepSelection {40, 40}));
        QVERIFY(!acc->stepTable()->isHidden());
        acc->stepTable()->waitForRows();
        QCOMPARE(acc->stepTable()->model()->rowCount(), 2);
        // Cleared on one card, cleared on all.
        QTest::keyClick(acc->stepStrip(), Qt::Key_Escape);
        QVERIFY(!loss->stepSelection());
        QVERIFY(loss->stepTable()->isHidden());
    }

    void aCardKeepsItsOwnYScale()
    {
        Shown shown;
        show(shown);
        ui::ScalarsDashboard& dashboard = *shown.dashboard;
        ui::ScalarCard* loss = dashboard.card("loss");
        loss->setLogScaleOverride(true);
        QVERIFY(dashboard.plot("loss")->options().logY);
        QVERIFY(!dashboard.plot("acc")->options().logY);
        dashboard.logScaleBox()->setChecked(true);
        QVERIFY(dashboard.plot("acc")->options().logY);
        loss->setLogScaleOverride(false);
        QVERIFY(!dashboard.plot("loss")->options().logY); // linear, whatever the toolbar says
        loss->setLogScaleOverride(std::nullopt);
        QVERIFY(dashboard.plot("loss")->options().logY); // the toolbar's again
    }

    void aCardKeepsItsOwnXAxis()
    {
        Shown shown;
        show(shown);
        ui::ScalarsDashboard& dashboard = *shown.dashboard;
        ui::ScalarCard* loss = dashboard.card("loss");
        // The card menu's "X axis" submenu, as a user picks from it.
        QMenu* xAxis = nullptr;
        for (QAction* action : loss->menu()->actions())
            if (action->menu() && action->text() == "X axis")
                xAxis = action->menu();
        QVERIFY(xAxis);
        const auto choose = [&](const QString& text) {
            for (QAction* action : xAxis->actions())
                if (action->text() == text)
                    action->trigger();
        };
        choose("Wall");
        QCOMPARE(loss->xAxisOverride(), std::optional(ui::XAxisMode::WallTime));
        QCOMPARE(dashboard.plot("loss")->options().xAxis, ui::XAxisMode::WallTime);
        QVERIFY(dashboard.plot("loss")->xRange().lo >= 1.7e9); // seconds since the epoch
        QCOMPARE(dashboard.plot("acc")->options().xAxis, ui::XAxisMode::Step);
        dashboard.xAxisBox()->setCurrentIndex(
            dashboard.xAxisBox()->findData(int(ui::XAxisMode::Relative)));
        QCOMPARE(dashboard.plot("acc")->options().xAxis, ui::XAxisMode::Relative);
        QCOMPARE(dashboard.plot("loss")->options().xAxis, ui::XAxisMode::WallTime);
        choose("Step");
        QCOMPARE(dashboard.plot("loss")->options().xAxis, ui::XAxisMode::Step);
        QVERIFY(dashboard.plot("loss")->xRange().hi < 1000); // steps, not hours or seconds
        choose("As the toolbar");
        QVERIFY(!loss->xAxisOverride());
        QCOMPARE(dashboard.plot("loss")->options().xAxis, ui::XAxisMode::Relative);
    }

    void aCardsOwnAxesAreRemembered()
    {
        {
            Shown shown;
            show(shown);
            ui::ScalarCard* loss = shown.dashboard->card("loss");
            loss->setXAxisOverride(ui::XAxisMode::WallTime);
            loss->setLogScaleOverride(true);
        }
        { // A new session: the card comes back with its own axes, the others with none.
            Shown shown;
            show(shown);
            ui::ScalarsDashboard& dashboard = *shown.dashboard;
            QCOMPARE(
                dashboard.card("loss")->xAxisOverride(), std::optional(ui::XAxisMode::WallTime));
            QCOMPARE(dashboard.card("loss")->logScaleOverride(), std::optional(true));
            QCOMPARE(dashboard.plot("loss")->options().xAxis, ui::XAxisMode::WallTime);
            QVERIFY(dashboard.plot("loss")->options().logY);
            QVERIFY(!dashboard.card("acc")->xAxisOverride());
            QCOMPARE(dashboard.plot("acc")->options().xAxis, ui::XAxisMode::Step);
            dashboard.card("loss")->setXAxisOverride(std::nullopt);
            dashboard.card("loss")->setLogScaleOverride(false);
        }
        Shown shown;
        show(shown);
        QVERIFY(!shown.dashboard->card("loss")->xAxisOverride());
        QCOMPARE(shown.dashboard->card("loss")->logScaleOverride(), std::optional(false));
        shown.dashboard->card("loss")->setLogScaleOverride(std::nullopt);
    }

    void customChartsKeepTheirOwnAxes()
    {
        {
            Shown shown;
            show(shown);
            ui::ScalarCard* chart = shown.dashboard->addCustomChart({"loss", "acc"});
            QVERIFY(chart);
            chart->setLogScaleOverride(true);
            chart->setXAxisOverride(ui::XAxisMode::Relative);
            QVERIFY(chart->plot()->options().logY);
            QCOMPARE(chart->plot()->options().xAxis, ui::XAxisMode::Relative);
            QVERIFY(!shown.dashboard->plot("loss")->options().logY); // the tag's card keeps its own
        }
        { // A new session: the chart comes back with its axes.
            Shown shown;
            show(shown);
            QCOMPARE(shown.dashboard->customCharts().size(), std::size_t(1));
            ui::ScalarCard* chart = shown.dashboard->customCharts().front();
            QCOMPARE(chart->logScaleOverride(), std::optional(true));
            QCOMPARE(chart->xAxisOverride(), std::optional(ui::XAxisMode::Relative));
            QVERIFY(chart->plot()->options().logY);
            QCOMPARE(chart->plot()->options().xAxis, ui::XAxisMode::Relative);
            QVERIFY(!shown.dashboard->card("loss")->logScaleOverride());
            QVERIFY(!shown.dashboard->card("acc")->xAxisOverride());
            shown.dashboard->removeCustomChart(chart);
        }
        Shown shown;
        show(shown);
        QVERIFY(shown.dashboard->customCharts().empty());
        // A new chart of the same tags starts from the toolbar's axes: the removed one's went.
        ui::ScalarCard* again = shown.dashboard->addCustomChart({"loss", "acc"});
        QVERIFY(!again->logScaleOverride() && !again->xAxisOverride());
        shown.dashboard->removeCustomChart(again);
    }

    void cardWidthSliderSetsTheColumns()
    {
        Shown shown;
        show(shown);
        ui::ScalarsDashboard& dashboard = *shown.dashboard;
        ui::ScalarCard* loss = dashboard.card("loss");
        QApplication::processEvents();
        const int narrow = loss->width();
        QVERIFY(narrow < 600); // two columns or more in 1000 pixels
        dashboard.cardWidthSlider()->setValue(dashboard.cardWidthSlider()->maximum());
        QApplication::processEvents();
        QVERIFY2(loss->width() > 800, qPrintable(QString::number(loss->width())));
    }

    // Stable-Baselines3's DQN runs (steps to 2,000,000): SI ticks, and a linked range selected
    // by a drag on one card giving a table on every card. Saved for a look.
    void dataTableOnCorpusC08()
    {
        const auto snapshot = test::loadCorpusLogdir("c08_sb3_dqn_torch");
        if (!snapshot)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        ui::RunListModel runs;
        runs.setSnapshot(snapshot);
        ui::ScalarsDashboard dashboard(&runs);
        dashboard.resize(1300, 900);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.setSnapshot(snapshot);
        dashboard.linkStepsBox()->setChecked(true);
        ui::ScalarCard* reward = dashboard.card("rollout/ep_rew_mean");
        QVERIFY(reward);
        QVERIFY(reward->plot()->xRange().hi >= 1e6);
        ui::StepStrip* strip = reward->stepStrip();
        const int y = strip->height() / 2;
        const QPoint from(int(std::round(strip->pixelAt(500000))), y);
        const QPoint to(int(std::round(strip->pixelAt(1500000))), y);
        QTest::mousePress(strip, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), strip->mapToGlobal(QPointF(to)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &move);
        QTest::mouseRelease(strip, Qt::LeftButton, {}, to);
        const std::optional<ui::StepSelection> selected = reward->stepSelection();
        QVERIFY(selected && selected->isRange());
        ui::ScalarCard* loss = dashboard.card("train/loss");
        QVERIFY(loss);
        QCOMPARE(loss->stepSelection(), selected);
        for (ui::StepDataTable* table : dashboard.findChildren<ui::StepDataTable*>())
            table->waitForRows();
        QCOMPARE(*selected, (ui::StepSelection {500000, 1500000})); // to round steps a pixel wide
        const int rows = reward->stepTable()->model()->rowCount();
        QVERIFY(rows >= 1);
        for (const ui::StepTableRow& row : reward->stepTable()->model()->rows())
            QVERIFY(row.range.count == 0
                || (row.range.first.step >= selected->lo && row.range.last.step <= selected->hi));
        QApplication::processEvents();
        QVERIFY(dashboard.grab().save(QDir::temp().filePath("lantern_c08_step_table.png")));
    }
};

LANTERN_TEST_MAIN(TestScalarsAnalysis)
#include "test_scalars_analysis.moc"
