// The HParams tab on logs written with our writer: a declared experiment with two hparams and
// two metrics over four sessions. The table's cells, numeric sorting, the filters (value, range,
// status, runs panel), a row click highlighting the session's line (and a line click selecting
// the row), the log scale, hidden columns, CSV export, live updates in place, the tab in the
// main window, and TF 2.1's real hparams logs.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/hparams_tab.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/hparams/hparams_csv.h"
#include "ui/dashboards/hparams/hparams_dashboard.h"
#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_filter_panel.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/dashboards/hparams/parallel_coordinates_view.h"
#include "ui/main_window.h"
#include "ui/widgets/run_list_model.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace lantern;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

struct Trial {
    const char* run;
    double lr;
    std::string optimizer;
    float loss;
    float accuracy;
    std::optional<core::SessionEndStatus> end;
};

const Trial kTrials[] = {
    {"trial-a", 0.1, "adam", 9.5f, 0.5f, core::SessionEndStatus::Success},
    {"trial-b", 0.01, "sgd", 10.25f, 0.75f, core::SessionEndStatus::Success},
    {"trial-c", 0.001, "adam", 2.0f, 0.875f, std::nullopt},
    {"trial-d", 0.0001, "sgd", 100.0f, 0.25f, core::SessionEndStatus::Failure},
};

void writeExperiment(const fs::path& root)
{
    core::HParamsExperiment experiment;
    core::HParamInfo& lr = experiment.hparams.emplace_back();
    lr.name = "lr";
    lr.displayName = "Learning rate";
    lr.type = core::HParamType::Float64;
    core::HParamInfo& optimizer = experiment.hparams.emplace_back();
    optimizer.name = "optimizer";
    optimizer.type = core::HParamType::String;
    optimizer.discreteDomain = {"adam"s, "sgd"s};
    core::MetricInfo& loss = experiment.metrics.emplace_back();
    loss.tag = "loss";
    loss.displayName = "Loss";
    core::MetricInfo& accuracy = experiment.metrics.emplace_back();
    accuracy.group = "validation";
    accuracy.tag = "accuracy";
    core::EventFileWriter(root).addHParamsExperiment(experiment, 1);
}

void writeTrial(const fs::path& root, const Trial& trial)
{
    core::SessionStartInfo start;
    start.hparams = {{"lr", trial.lr}, {"optimizer", trial.optimizer}};
    start.startTimeSecs = 100;
    {
        core::EventFileWriter writer(root / trial.run);
        writer.addHParamsSessionStart(start, 100);
        writer.addScalar("loss", 3, trial.loss, 103);
        if (trial.end)
            writer.addHParamsSessionEnd(*trial.end, 200);
    }
    core::EventFileWriter(root / trial.run / "validation")
        .addScalar("accuracy", 3, trial.accuracy, 103);
}

struct Fixture : test::HParamsTab {
    Fixture()
        : HParamsTab(
            [](const fs::path& logdir) {
                writeExperiment(logdir);
                for (const Trial& trial : kTrials)
                    writeTrial(logdir, trial);
            },
            {1200, 800})
    {
    }
    int column(const QString& key) const { return dashboard.tableModel()->columnOf(key); }
    QString cell(int row, const QString& key) const
    {
        return dashboard.filterModel()->index(row, column(key)).data().toString();
    }
    void clickHeader(const QString& key) const
    {
        QHeaderView* header = dashboard.tableView()->horizontalHeader();
        const int section = column(key);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                header->height() / 2));
    }
    void clickRow(int row) const
    {
        QTableView* view = dashboard.tableView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->visualRect(dashboard.filterModel()->index(row, 0)).center());
    }
};

// On the indicator: a checkbox takes clicks only on its box and label, not the space beyond.
void clickBox(QCheckBox* box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

QStringList headers(const QAbstractItemModel& model)
{
    QStringList titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.append(model.headerData(column, Qt::Horizontal).toString());
    return titles;
}

} // namespace

class TestHParamsDashboard : public QObject {
    Q_OBJECT
private slots:
    void tableShowsSessionsWithHParamsAndMetrics()
    {
        Fixture f;
        QCOMPARE(headers(*f.dashboard.filterModel()),
            (QStringList {
                "Session", "Learning rate", "optimizer", "Loss", "validation/accuracy", "Status"}));
        QCOMPARE(f.shownRuns(), (QStringList {"trial-a", "trial-b", "trial-c", "trial-d"}));
        const QStringList keys {
            "hparam:lr", "hparam:optimizer", "metric:loss", "metric:validation/accuracy", "status"};
        const QStringList expected[] = {{"0.1", "adam", "9.5", "0.5", "Success"},
            {"0.01", "sgd", "10.25", "0.75", "Success"}, {"0.001", "adam", "2", "0.875", "Unknown"},
            {"0.0001", "sgd", "100", "0.25", "Failure"}};
        for (int row = 0; row < 4; ++row)
            for (int i = 0; i < keys.size(); ++i)
                QCOMPARE(f.cell(row, keys[i]), expected[row][i]);
        const QModelIndex loss = f.dashboard.filterModel()->index(0, f.column("metric:loss"));
        QVERIFY(loss.data(Qt::ToolTipRole).toString().contains("step 3"));
        QVERIFY(f.dashboard.summaryLabel()->text().contains("4 of 4 session"));
    }

    void sortsMetricColumnsNumerically()
    {
        Fixture f;
        f.clickHeader("metric:loss"); // as text, "10.25" and "100" would come before "2"
        QCOMPARE(f.shownRuns(), (QStringList {"trial-c", "trial-a", "trial-b", "trial-d"}));
        f.clickHeader("metric:loss");
        QCOMPARE(f.shownRuns(), (QStringList {"trial-d", "trial-b", "trial-a", "trial-c"}));
        f.clickHeader("hparam:lr");
        QCOMPARE(f.shownRuns(), (QStringList {"trial-d", "trial-c", "trial-b", "trial-a"}));
        // Text, even compared digit run by digit run, puts 0.5 before 0.25.
        f.clickHeader("metric:validation/accuracy");
        QCOMPARE(f.shownRuns(), (QStringList {"trial-d", "trial-a", "trial-b", "trial-c"}));
    }

    void sortsNamesNaturally()
    {
        core::HParamsTable table;
        for (const char* run : {"run-10", "run-2", "Run-3", "run-1"})
            table.sessions.emplace_back().run = run;
        ui::HParamsTableModel model;
        model.setTable(table);
        ui::HParamsFilterModel sorted(&model);
        sorted.sort(0);
        QStringList order;
        for (int row = 0; row < sorted.rowCount(); ++row)
            order.append(sorted.index(row, 0).data().toString());
        QCOMPARE(order, (QStringList {"run-1", "run-2", "Run-3", "run-10"}));
    }

    void filtersHideSessions()
    {
        Fixture f;
        ui::HParamsFilterPanel* panel = f.dashboard.filterPanel();
        QCheckBox* sgd = panel->valueBox("optimizer", "sgd");
        QVERIFY(sgd && sgd->isChecked());
        QVERIFY(!panel->valueBox("optimizer", "")); // every session sets it
        clickBox(sgd);
        QCOMPARE(f.shownRuns(), (QStringList {"trial-a", "trial-c"}));
        QVERIFY(f.dashboard.summaryLabel()->text().contains("2 of 4 session"));
        clickBox(sgd);
        QCOMPARE(f.shownRuns().size(), 4);

        QLineEdit* min = panel->minField("lr");
        QVERIFY(min && !panel->valueBox("lr", "0.1")); // a numeric range, not values
        QTest::keyClicks(min, "0.005");
        QTest::keyClick(min, Qt::Key_Return);
        QCOMPARE(f.shownRuns(), (QStringList {"trial-a", "trial-b"}));
        min->clear();
        QTest::keyClick(min, Qt::Key_Return);
        QCOMPARE(f.shownRuns().size(), 4);

        clickBox(panel->statusBox("Failure"));
        QCOMPARE(f.shownRuns(), (QStringList {"trial-a", "trial-b", "trial-c"}));

        f.runs.setChecked("trial-b", false); // unchecked in the runs panel
        QCOMPARE(f.shownRuns(), (QStringList {"trial-a", "trial-c"}));
        QCOMPARE(f.dashboard.parallelView()->pointOf("trial-b", "hparam:lr"), std::nullopt);
    }

    void rowClickHighlightsTheSessionsLine()
    {
        Fixture f;
        ui::ParallelCoordinatesView* view = f.dashboard.parallelView();
        QCOMPARE(view->axes().size(), std::size_t(4));
        f.clickRow(2);
        QCOMPARE(view->highlightedSession(), QStringLiteral("trial-c"));

        // Drawn on top in the highlight colour: halfway between its first two points.
        const auto lr = view->pointOf("trial-c", "hparam:lr");
        const auto optimizer = view->pointOf("trial-c", "hparam:optimizer");
        QVERIFY(lr && optimizer);
        const QPointF middle = (*lr + *optimizer) / 2;
        const QImage image = view->grab().toImage();
        const QColor pixel = image.pixelColor(middle.toPoint() * image.devicePixelRatio());
        QCOMPARE(pixel.rgb(), view->palette().color(QPalette::Highlight).rgb());

        // Hovering another line emphasizes it; clicking it selects its row.
        const QPointF a = (*view->pointOf("trial-a", "hparam:lr")
                              + *view->pointOf("trial-a", "hparam:optimizer"))
            / 2;
        QTest::mouseMove(view, a.toPoint());
        QTRY_COMPARE(view->hoveredSession(), QStringLiteral("trial-a"));
        QTest::mouseClick(view, Qt::LeftButton, {}, a.toPoint());
        QCOMPARE(view->highlightedSession(), QStringLiteral("trial-a"));
        const QModelIndexList selected = f.dashboard.tableView()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected[0].data().toString(), QStringLiteral("trial-a"));
    }

    void logScaleSpacesDecadesEvenly()
    {
        Fixture f;
        ui::ParallelCoordinatesView* view = f.dashboard.parallelView();
        const auto heights = [view] {
            std::vector<double> ys;
            for (const char* run : {"trial-a", "trial-b", "trial-c", "trial-d"})
                ys.push_back(view->pointOf(run, "hparam:lr")->y());
            return ys;
        };
        std::vector<double> y = heights(); // linear: 0.01, 0.001 and 0.0001 crowd the bottom
        QVERIFY(y[1] - y[0] > 9 * (y[2] - y[1])); // 0.09 against 0.009
        view->setLogScale("hparam:lr", true);
        QVERIFY(view->isLogScale("hparam:lr"));
        y = heights();
        QVERIFY(std::abs((y[1] - y[0]) - (y[2] - y[1])) < 0.5);
        QVERIFY(std::abs((y[3] - y[2]) - (y[2] - y[1])) < 0.5);
        QVERIFY(y[1] > y[0]); // smaller values lower down
        view->setLogScale("metric:loss", true); // all positive: allowed
        QVERIFY(view->isLogScale("metric:loss"));
    }

    void hiddenColumnsLeaveTableViewAndExport()
    {
        Fixture f;
        QMenu* menu = f.dashboard.columnsButton()->menu();
        QAction* accuracy = menu->findChild<QAction*>("metric:validation/accuracy");
        QVERIFY(accuracy && accuracy->isChecked());
        accuracy->trigger();
        QVERIFY(f.dashboard.tableView()->isColumnHidden(f.column("metric:validation/accuracy")));
        QCOMPARE(f.dashboard.parallelView()->axes().size(), std::size_t(3));
        QVERIFY(!f.dashboard.csv().contains("accuracy"));
        accuracy->trigger();
        QCOMPARE(f.dashboard.parallelView()->axes().size(), std::size_t(4));
    }

    void exportsTheTableAsShown()
    {
        Fixture f;
        f.clickHeader("metric:loss");
        clickBox(f.dashboard.filterPanel()->statusBox("Failure"));
        const QString expected = "Session,Learning rate,optimizer,Loss,validation/accuracy,Status\n"
                                 "trial-c,0.001,adam,2,0.875,Unknown\n"
                                 "trial-a,0.1,adam,9.5,0.5,Success\n"
                                 "trial-b,0.01,sgd,10.25,0.75,Success\n";
        QCOMPARE(f.dashboard.csv(), expected);
        const QString path = f.temp.filePath("table.csv");
        QVERIFY(f.dashboard.exportCsv(path));
        QCOMPARE(QString::fromStdString(test::readBytes(ui::pathFromQString(path))), expected);
    }

    // Text that a spreadsheet would run as a formula is neutralised; numbers are not touched.
    void csvNeutralisesFormulasButNotNumbers()
    {
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("@header"), QStringLiteral("lr")});
        model.setData(
            model.index(0, 0), QStringLiteral("=HYPERLINK(1)"), ui::HParamsTableModel::ExportRole);
        model.setData(
            model.index(0, 0), QStringLiteral("=HYPERLINK(1)"), ui::HParamsTableModel::SortRole);
        model.setData(model.index(0, 1), QStringLiteral("-0.5"), ui::HParamsTableModel::ExportRole);
        model.setData(model.index(0, 1), -0.5, ui::HParamsTableModel::SortRole);
        QCOMPARE(
            ui::hparamsCsv(model, {0, 1}), QStringLiteral("'@header,lr\n'=HYPERLINK(1),-0.5\n"));
    }

    void liveSessionsAndValuesUpdateInPlace()
    {
        Fixture f;
        f.clickHeader("metric:loss");
        f.clickRow(1); // trial-a
        QCOMPARE(f.dashboard.parallelView()->highlightedSession(), QStringLiteral("trial-a"));
        QSignalSpy resets(f.dashboard.tableModel(), &QAbstractItemModel::modelReset);

        core::SessionStartInfo start;
        start.hparams = {{"lr", 0.5}, {"optimizer", "sgd"s}};
        core::EventFileWriter late(f.root / "trial-e");
        late.addHParamsSessionStart(start, 300);
        late.flush();
        f.reload();
        QCOMPARE(resets.count(), 0); // same columns: rows inserted, not a reset
        QCOMPARE(
            f.shownRuns(), (QStringList {"trial-c", "trial-a", "trial-b", "trial-d", "trial-e"}));
        QCOMPARE(f.cell(4, "metric:loss"), QString()); // no loss yet: last
        QCOMPARE(f.dashboard.filterPanel()->maxField("lr")->placeholderText(), "0.5"); // was 0.1

        late.addScalar("loss", 1, 5.0f, 301);
        late.flush();
        f.reload();
        QCOMPARE(
            f.shownRuns(), (QStringList {"trial-c", "trial-e", "trial-a", "trial-b", "trial-d"}));
        QCOMPARE(f.cell(1, "metric:loss"), QStringLiteral("5"));
        QCOMPARE(resets.count(), 0);
        const QModelIndexList selected = f.dashboard.tableView()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected[0].data().toString(), QStringLiteral("trial-a"));
        QVERIFY(f.dashboard.parallelView()->pointOf("trial-e", "metric:loss"));
    }

    // Offered as the window offers them, scalars the table does not read (a run of no session,
    // a tag the declared experiment does not name) leave the tab alone; a metric's new value is
    // applied, changing its session's row alone.
    void onlyChangesToWhatTheTableReadsApply()
    {
        Fixture f;
        ui::LogdirSnapshotPtr shown = f.loader.snapshot();
        f.dashboard.offer({shown, std::make_shared<const core::SnapshotChange>()}, true);
        const auto offerReload = [&f, &shown] {
            f.loader.reload();
            const ui::LogdirSnapshotPtr now = f.loader.snapshot();
            f.runs.setSnapshot(now);
            f.dashboard.offer({now,
                                  std::make_shared<const core::SnapshotChange>(
                                      core::describeChange(*shown, *now))},
                true);
            shown = now;
        };
        core::EventFileWriter unrelated(f.root / "unrelated");
        unrelated.addScalar("loss", 1, 1.0f, 101);
        QVERIFY(unrelated.flush());
        offerReload(); // a new run: applied
        const int applied = f.dashboard.appliedUpdates();
        QSignalSpy changed(f.dashboard.tableModel(), &QAbstractItemModel::dataChanged);

        unrelated.addScalar("loss", 2, 0.5f, 102);
        QVERIFY(unrelated.flush());
        core::EventFileWriter trialA(f.root / "trial-a");
        trialA.addScalar("lr_schedule", 4, 0.01f, 104);
        QVERIFY(trialA.flush());
        offerReload();
        QCOMPARE(f.dashboard.appliedUpdates(), applied);

        trialA.addScalar("loss", 5, 1.5f, 105);
        QVERIFY(trialA.flush());
        offerReload();
        QCOMPARE(f.dashboard.appliedUpdates(), applied + 1);
        QCOMPARE(changed.count(), 1);
        const int row = f.dashboard.tableModel()->rowOf(QStringLiteral("trial-a"));
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), row);
        QCOMPARE(changed[0][1].value<QModelIndex>().row(), row);
        QCOMPARE(f.dashboard.tableModel()
                     ->index(row, f.column(QStringLiteral("metric:loss")))
                     .data()
                     .toString(),
            QStringLiteral("1.5"));
    }

    void tabShowsOnlyWithHParams()
    {
        QTemporaryDir plain, sweep;
        core::EventFileWriter(ui::pathFromQString(plain.path())).addScalar("loss", 0, 1.0f);
        writeTrial(ui::pathFromQString(sweep.path()), kTrials[0]);
        ui::MainWindow window;
        window.show();
        QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({plain.path()});
        QVERIFY(finished.wait(20000));
        QVERIFY(!window.showTab("hparams"));
        window.openLogdirs({sweep.path()});
        QVERIFY(finished.wait(20000));
        QVERIFY(window.showTab("hparams"));
        auto* dashboard = window.findChild<ui::HParamsDashboard*>("hparams");
        QVERIFY(dashboard);
        QCOMPARE(dashboard->tableModel()->rowCount(), 1); // synthesized from the one session
        QCOMPARE(headers(*dashboard->tableModel()),
            (QStringList {"Session", "lr", "optimizer", "validation/accuracy", "loss", "Status"}));
    }

    void corpusKerasSweep()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        core::LogdirLoader loader({{"", *corpus / "b04_tf2_hparams_plugin"}});
        loader.reload();
        ui::RunListModel runs;
        runs.setSnapshot(loader.snapshot());
        ui::HParamsDashboard dashboard(&runs);
        dashboard.show();
        dashboard.setSnapshot(loader.snapshot());
        const ui::HParamsTableModel& table = *dashboard.tableModel();
        QCOMPARE(headers(table),
            (QStringList {"Session", "num_units", "dropout", "optimizer", "Accuracy", "Status"}));
        QCOMPARE(table.rowCount(), 17);
        const int row = table.rowOf("logs/hparam_tuning/run-1");
        QVERIFY(row >= 0);
        const QStringList cells {
            "logs/hparam_tuning/run-1", "16", "0.1", "sgd", "0.7925", "Unknown"};
        for (int column = 0; column < cells.size(); ++column)
            QCOMPARE(table.index(row, column).data().toString(), cells[column]);
        // Keras-callback sessions logged 16, 32 and 64 units; 64 is not in the declared domain.
        QVERIFY(dashboard.filterPanel()->valueBox("num_units", "64"));
        QVERIFY(dashboard.filterPanel()->valueBox("optimizer", "")); // they never set it
    }
};

LANTERN_TEST_MAIN(TestHParamsDashboard)
#include "test_hparams_dashboard.moc"
