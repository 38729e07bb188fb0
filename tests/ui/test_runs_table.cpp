// The Runs tab: one row per run with what it holds, sorted as numbers, filtered (regex, problems,
// live), hparam columns, updated in place while runs grow (no reset: persistent indexes
// survive), checks shared with the runs panel, colour by regex group followed by the Scalars
// charts, by log directory, the colour choice kept for the next session, problems opening
// Diagnostics on the run, CSV export, and the status bar's counts. Logs are written by our writer
// with known steps and wall times.

#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/runs/runs_dashboard.h"
#include "ui/dashboards/runs/runs_filter_model.h"
#include "ui/dashboards/runs/runs_table_model.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/main_window.h"
#include "ui/settings.h"
#include "ui/widgets/diagnostics_panel.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/run_list_model.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace lantern;
namespace fs = std::filesystem;
using Table = ui::RunsTableModel;

namespace {

constexpr double kWallTime = 1'700'000'000; // seconds; the runs' clock

void writeLoss(const fs::path& run, std::vector<std::int64_t> steps, double wallTime = kWallTime)
{
    core::EventFileWriter writer(run);
    for (const std::int64_t step : steps)
        writer.addScalar("loss", step, 1.0f / float(step + 1), wallTime + double(step));
}

// Runs of two points each.
void writeShortRuns(const fs::path& root, std::initializer_list<const char*> runs)
{
    for (const char* run : runs)
        writeLoss(root / run, {0, 1});
}

// Flips a byte in the middle of the run's only event file: the record there fails its checksum.
void damage(const fs::path& run)
{
    for (const auto& entry : fs::directory_iterator(run)) {
        std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
        const auto size = fs::file_size(entry.path());
        file.seekp(std::streamoff(size / 2));
        file.put('\xFF');
    }
}

struct Window {
    ui::MainWindow window;
    ui::RunsDashboard* runs = nullptr;
    Table* table = nullptr;
    ui::RunsFilterModel* shown = nullptr;

    bool open(const QString& directory)
    {
        window.resize(1400, 800);
        window.show();
        if (!test::openLogdirAndWait(window, ui::pathFromQString(directory)))
            return false;
        runs = window.findChild<ui::RunsDashboard*>();
        table = runs->tableModel();
        shown = runs->filterModel();
        return window.showTab(QStringLiteral("runs"));
    }
    bool reload()
    {
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        window.loader()->reload();
        return loaded.wait(20000);
    }
    // The runs in the order shown.
    QStringList order() const
    {
        QStringList names;
        for (int row = 0; row < shown->rowCount(); ++row)
            names.append(shown->index(row, Table::RunColumn).data().toString());
        return names;
    }
    int sourceRow(const QString& run) const
    {
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->runName(row) == run)
                return row;
        return -1;
    }
    QVariant cell(const QString& run, int column, int role = Qt::DisplayRole) const
    {
        return table->index(sourceRow(run), column).data(role);
    }
};

} // namespace

class TestRunsTable : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    // Each test starts with runs coloured by run (the choice is remembered between sessions).
    void init() { ui::Settings().setRunColorScheme({}); }

    void replacesOverviewAndShowsEachRun()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeLoss(root / "a", {0, 50, 100});
        writeLoss(root / "b", {3, 9});
        Window w;
        QVERIFY(w.open(temp.path()));
        QVERIFY(!w.window.findChild<QWidget*>(QStringLiteral("overview")));
        QCOMPARE(w.table->rowCount(), 2);
        QCOMPARE(
            w.cell("a", Table::EventFilesColumn, Table::SortRole).toULongLong(), qulonglong(1));
        QCOMPARE(w.cell("a", Table::FirstStepColumn, Table::SortRole).toLongLong(), qlonglong(0));
        QCOMPARE(w.cell("a", Table::LastStepColumn, Table::SortRole).toLongLong(), qlonglong(100));
        QCOMPARE(
            w.cell("a", Table::LastWallTimeColumn, Table::SortRole).toDouble(), kWallTime + 100);
        QCOMPARE(w.cell("a", Table::DurationColumn, Table::SortRole).toDouble(), 100.0);
        QCOMPARE(w.cell("a", Table::DurationColumn).toString(), QStringLiteral("1 min 40 s"));
        QCOMPARE(w.cell("b", Table::RecordsColumn, Table::SortRole).toULongLong(),
            qulonglong(3)); // + version
        QCOMPARE(w.cell("b", Table::FirstKindColumn, Table::SortRole).toULongLong(),
            qulonglong(1)); // scalars
        QCOMPARE(
            w.cell("b", Table::LogDirectoryColumn).toString(), ui::qStringFromPath(root / "b"));
        QCOMPARE(w.runs->summary()->text(), QStringLiteral("2 runs · 2 checked"));
        // The status bar counts with plurals.
        auto* status = w.window.findChild<QLabel*>(QStringLiteral("statusText"));
        QVERIFY2(
            status->text().startsWith(QStringLiteral("2 runs · 5 scalar points · last update")),
            qPrintable(status->text()));
    }

    void sortsNumbersAsNumbers()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeLoss(root / "a", {0, 100}); // as text "100" < "20" < "9"
        writeLoss(root / "b", {0, 9});
        writeLoss(root / "c", {0, 20});
        Window w;
        QVERIFY(w.open(temp.path()));
        QCOMPARE(w.order(), (QStringList {"a", "b", "c"}));
        QHeaderView* header = w.runs->view()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(Table::LastStepColumn) + 5, 5));
        const Qt::SortOrder order = header->sortIndicatorOrder();
        QCOMPARE(header->sortIndicatorSection(), int(Table::LastStepColumn));
        const QStringList ascending {"b", "c", "a"};
        QStringList expected = ascending;
        if (order == Qt::DescendingOrder)
            std::reverse(expected.begin(), expected.end());
        QCOMPARE(w.order(), expected);
        w.runs->view()->sortByColumn(Table::RunColumn, Qt::DescendingOrder);
        QCOMPARE(w.order(), (QStringList {"c", "b", "a"}));
    }

    void filtersByRegexProblemsAndLive()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeLoss(root / "train_1", {0, 1, 2, 3, 4, 5, 6, 7}, kWallTime);
        writeLoss(root / "train_2", {0, 1}, kWallTime - 3600);
        writeLoss(root / "eval", {0, 1}, kWallTime - 7200);
        damage(root / "train_1");
        Window w;
        QVERIFY(w.open(temp.path()));
        QVERIFY(w.cell("train_1", Table::ProblemsColumn, Table::SortRole).toULongLong() > 0);
        QCOMPARE(
            w.cell("eval", Table::ProblemsColumn, Table::SortRole).toULongLong(), qulonglong(0));

        QTest::keyClicks(w.runs->filterEdit(), QStringLiteral("^TRAIN"));
        QCOMPARE(w.order(), (QStringList {"train_1", "train_2"}));
        QCOMPARE(w.runs->summary()->text(), QStringLiteral("2 of 3 runs listed · 3 checked"));
        w.runs->filterEdit()->setText(QStringLiteral("(")); // unfinished: filters nothing
        QCOMPARE(w.shown->rowCount(), 3);
        w.runs->filterEdit()->clear();

        w.runs->problemsOnly()->click();
        QCOMPARE(w.order(), QStringList {"train_1"});
        w.runs->problemsOnly()->click();

        // Live: changed in the last three minutes, by the table's clock.
        w.table->setClock([] { return qint64(kWallTime + 60) * 1000; });
        w.runs->liveOnly()->click();
        QCOMPARE(w.order(), QStringList {"train_1"});
        w.table->refreshAges();
        QCOMPARE(w.cell("train_1", Table::LastUpdateColumn).toString(), QStringLiteral("53 s ago"));
        // Updated over an hour ago: its date and time.
        QCOMPARE(w.cell("train_2", Table::LastUpdateColumn).toString(),
            w.cell("train_2", Table::LastWallTimeColumn).toString());
        // Time passes: nothing is live any more, and the table says so at the next tick.
        w.table->setClock([] { return qint64(kWallTime + 600) * 1000; });
        w.table->refreshAges();
        QCOMPARE(w.shown->rowCount(), 0);
        QCOMPARE(
            w.cell("train_1", Table::LastUpdateColumn).toString(), QStringLiteral("9 min ago"));
    }

    void problemsOpenDiagnosticsOnTheRun()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeLoss(root / "bad", {0, 1, 2, 3, 4, 5, 6, 7});
        writeLoss(root / "good", {0, 1});
        damage(root / "bad");
        Window w;
        QVERIFY(w.open(temp.path()));
        QVERIFY(!w.window.diagnosticsDock()->isVisible());
        w.runs->view()->setColumnHidden(Table::LogDirectoryColumn, true); // keep the cell in view
        const QModelIndex cell
            = w.shown->mapFromSource(w.table->index(w.sourceRow("bad"), Table::ProblemsColumn));
        w.runs->view()->scrollTo(cell);
        const QRect rect = w.runs->view()->visualRect(cell);
        QVERIFY(!rect.isEmpty());
        QTest::mouseClick(w.runs->view()->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(w.window.diagnosticsDock()->isVisible());
        QCOMPARE(w.window.diagnosticsPanel()->runFilter(), QStringLiteral("bad"));
        QTableWidget* problems = w.window.diagnosticsPanel()->table();
        int listed = 0;
        for (int row = 0; row < problems->rowCount(); ++row)
            if (!problems->isRowHidden(row)) {
                QCOMPARE(problems->item(row, 0)->text(), QStringLiteral("bad"));
                ++listed;
            }
        QVERIFY(listed > 0);
    }

    void hparamColumns()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        const auto session = [&](const std::string& run, double lr, const std::string& optimizer) {
            core::SessionStartInfo start;
            start.hparams = {{"lr", lr}, {"optimizer", optimizer}};
            core::EventFileWriter(root / run).addHParamsSessionStart(start, kWallTime);
            writeLoss(root / run / "train", {0, 1});
        };
        session("s1", 0.1, "adam");
        session("s2", 0.01, "sgd");
        session("s3", 1, "=HYPERLINK(\"x\")");
        writeLoss(root / "plain", {0});
        Window w;
        QVERIFY(w.open(temp.path()));
        QCOMPARE(w.table->hparamCount(), 2);
        QCOMPARE(w.table->headerData(Table::FirstHParamColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
            QStringLiteral("lr"));
        QCOMPARE(w.cell("s2", Table::FirstHParamColumn).toString(), QStringLiteral("0.01"));
        // A run below a session shows the session's values; one outside any shows none.
        QCOMPARE(
            w.cell("s2/train", Table::FirstHParamColumn + 1).toString(), QStringLiteral("sgd"));
        QVERIFY(!w.cell("plain", Table::FirstHParamColumn, Table::SortRole).isValid());
        w.runs->filterEdit()->setText(QStringLiteral("^s\\d$"));
        w.runs->view()->sortByColumn(Table::FirstHParamColumn, Qt::AscendingOrder);
        QCOMPARE(w.order(), (QStringList {"s2", "s1", "s3"}));

        // Colour by the optimizer: a session and its train run share the colour.
        w.runs->colorByChooser()->setCurrentIndex(w.runs->colorByChooser()->findText("HParam"));
        w.runs->colorHParamChooser()->setCurrentText(QStringLiteral("optimizer"));
        const ui::RunListModel* runs = w.window.runListModel();
        QCOMPARE(runs->color("s1/train"), runs->color("s1"));
        QVERIFY(runs->color("s1") != runs->color("s2"));
        QCOMPARE(runs->color("plain"), ui::kUngroupedRunColor);
    }

    void liveUpdatesInPlace()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeShortRuns(root, {"a", "b", "c"});
        Window w;
        QVERIFY(w.open(temp.path()));
        w.runs->view()->sortByColumn(Table::RunColumn, Qt::DescendingOrder);
        const QPersistentModelIndex source
            = w.table->index(w.sourceRow("b"), Table::LastStepColumn);
        const QPersistentModelIndex shown = w.shown->mapFromSource(source);
        w.runs->view()->selectionModel()->select(
            shown, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy resets(w.table, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy changes(w.table, &QAbstractItemModel::dataChanged);
        QSignalSpy inserts(w.table, &QAbstractItemModel::rowsInserted);
        qint64 now = qint64(kWallTime + 1000) * 1000;
        w.table->setClock([&now] { return now; });

        writeLoss(root / "b", {2, 3, 40}); // a second file: the run grows
        writeLoss(root / "d", {0});
        QVERIFY(w.reload());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 1);
        QVERIFY(changes.count() >= 1);
        QVERIFY(source.isValid() && shown.isValid());
        QCOMPARE(source.data(Table::SortRole).toLongLong(), qlonglong(40));
        QCOMPARE(shown.data().toString(), QStringLiteral("40"));
        QCOMPARE(
            w.cell("b", Table::EventFilesColumn, Table::SortRole).toULongLong(), qulonglong(2));
        QVERIFY(w.runs->view()->selectionModel()->isRowSelected(shown.row(), {}));
        QCOMPARE(w.order(), (QStringList {"d", "c", "b", "a"})); // still sorted
        // "Last update" counts from when Lantern saw the change.
        now += 3000;
        w.table->refreshAges();
        QCOMPARE(w.cell("b", Table::LastUpdateColumn).toString(), QStringLiteral("3 s ago"));
        QVERIFY(w.table->isLive(w.sourceRow("b")));
        QVERIFY(!w.table->isLive(w.sourceRow("a")));

        // Sorted by a column the reload changes: the grown run moves to its place.
        w.runs->view()->sortByColumn(Table::LastStepColumn, Qt::AscendingOrder);
        QCOMPARE(w.order().front(), QStringLiteral("d")); // last steps: d 0, a and c 1, b 40
        QCOMPARE(w.order().back(), QStringLiteral("b"));
        writeLoss(root / "c", {100});
        QVERIFY(w.reload());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(w.order(), (QStringList {"d", "a", "b", "c"}));
        QVERIFY(w.runs->view()->selectionModel()->isRowSelected(shown.row(), {}));
        QCOMPARE(shown.data().toString(), QStringLiteral("40"));
        w.runs->view()->sortByColumn(Table::RunColumn, Qt::DescendingOrder);

        // A run that goes away leaves its row, and only its row.
        fs::remove_all(root / "a");
        QVERIFY(w.reload());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(w.order(), (QStringList {"d", "c", "b"}));
        QVERIFY(source.isValid());
        QCOMPARE(source.data(Table::SortRole).toLongLong(), qlonglong(40));
    }

    void checksAreTheRunsPanels()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeShortRuns(root, {"a", "b", "c"});
        Window w;
        QVERIFY(w.open(temp.path()));
        ui::RunListModel* runs = w.window.runListModel();
        // The check column's box, clicked.
        const QModelIndex check
            = w.shown->mapFromSource(w.table->index(w.sourceRow("b"), Table::ShownColumn));
        QVERIFY(w.shown->setData(check, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!runs->isChecked("b"));
        // The runs panel, unchecked there: the table follows.
        runs->setChecked(QStringLiteral("c"), false);
        QCOMPARE(w.cell("c", Table::ShownColumn, Qt::CheckStateRole).value<Qt::CheckState>(),
            Qt::Unchecked);
        // Rows selected, then checked at once.
        w.runs->view()->selectAll();
        w.runs->checkSelected(true);
        QCOMPARE(runs->checkedRuns(), (QStringList {"a", "b", "c"}));
        w.runs->view()->clearSelection();
        w.runs->view()->selectRow(0);
        w.runs->checkSelected(false);
        QCOMPARE(runs->checkedRuns(), (QStringList {"b", "c"}));
        QCOMPARE(w.runs->summary()->text(), QStringLiteral("3 runs · 2 checked"));
    }

    // Runs whose names match the same capture group share a colour, in the Scalars lines too.
    void colourByRegexReachesCharts()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        for (const char* run : {"lr0.1/train", "lr0.1/eval", "lr0.2/train", "other"})
            writeLoss(root / run, {0, 1, 2});
        Window w;
        QVERIFY(w.open(temp.path()));
        ui::RunListModel* runs = w.window.runListModel();
        QVERIFY(runs->color("lr0.1/train") != runs->color("lr0.1/eval"));
        w.runs->colorByChooser()->setCurrentIndex(1); // regex group
        QTest::keyClicks(w.runs->colorPatternEdit(), QStringLiteral("^(lr[0-9.]+)/"));
        const QColor first = runs->color("lr0.1/train");
        QCOMPARE(runs->color("lr0.1/eval"), first);
        QVERIFY(runs->color("lr0.2/train") != first);
        QCOMPARE(runs->color("other"), ui::kUngroupedRunColor);
        // The swatch in the table, and a Scalars line.
        QCOMPARE(
            w.cell("lr0.1/eval", Table::ColorColumn, Qt::DecorationRole).value<QColor>(), first);
        QVERIFY(w.window.showTab(QStringLiteral("scalars")));
        auto* scalars = w.window.findChild<ui::ScalarsDashboard*>();
        QTRY_VERIFY(scalars->plot(QStringLiteral("loss")));
        const auto colourOf = [&](const QString& run) {
            for (const ui::LinePlot::Series& series :
                scalars->plot(QStringLiteral("loss"))->allSeries())
                if (series.name == run)
                    return series.color;
            return QColor();
        };
        QTRY_COMPARE(colourOf("lr0.1/eval"), first);
        QCOMPARE(colourOf("lr0.1/train"), first);
        QCOMPARE(colourOf("lr0.2/train"), runs->color("lr0.2/train"));
        // Back to colours by run.
        w.runs->colorByChooser()->setCurrentIndex(0);
        QTRY_VERIFY(colourOf("lr0.1/eval") != colourOf("lr0.1/train"));
    }

    // A colour chosen for a run shows in its swatch and is there again in the next session.
    void chosenColoursAreRemembered()
    {
        QTemporaryDir temp;
        writeLoss(ui::pathFromQString(temp.path()) / "a", {0});
        const QColor chosen(1, 2, 3);
        {
            Window w;
            QVERIFY(w.open(temp.path()));
            w.window.runListModel()->setColor(QStringLiteral("a"), chosen);
            QCOMPARE(w.cell("a", Table::ColorColumn, Qt::DecorationRole).value<QColor>(), chosen);
        }
        Window again;
        QVERIFY(again.open(temp.path()));
        QCOMPARE(again.window.runListModel()->color(QStringLiteral("a")), chosen);
        ui::Settings().setRunColors({}); // leave no colour to the other tests
    }

    // What runs are coloured by is there again in the next session, the charts following it.
    void colourChoiceIsRemembered()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        for (const char* run : {"lr0.1/train", "lr0.1/eval", "lr0.2/train"})
            writeLoss(root / run, {0, 1});
        {
            Window w;
            QVERIFY(w.open(temp.path()));
            w.runs->colorByChooser()->setCurrentIndex(
                w.runs->colorByChooser()->findText(QStringLiteral("Regex group")));
            QTest::keyClicks(w.runs->colorPatternEdit(), QStringLiteral("^(lr[0-9.]+)/"));
        }
        Window again;
        QVERIFY(again.open(temp.path()));
        QCOMPARE(again.runs->colorByChooser()->currentText(), QStringLiteral("Regex group"));
        QCOMPARE(again.runs->colorPatternEdit()->text(), QStringLiteral("^(lr[0-9.]+)/"));
        QVERIFY(again.runs->colorPatternEdit()->isVisibleTo(again.runs));
        const ui::RunListModel* runs = again.window.runListModel();
        QCOMPARE(runs->colorScheme().by, ui::ColorBy::RegexGroup);
        QCOMPARE(runs->color("lr0.1/eval"), runs->color("lr0.1/train"));
        QVERIFY(runs->color("lr0.2/train") != runs->color("lr0.1/train"));

        // An hparam, chosen before the runs that hold it are loaded in the next session.
        QTemporaryDir sessions;
        const fs::path sessionRoot(ui::pathFromQString(sessions.path()));
        const std::pair<const char*, const char*> optimizers[]
            = {{"s1", "adam"}, {"s2", "sgd"}, {"s3", "adam"}};
        for (const auto& [run, optimizer] : optimizers) {
            core::SessionStartInfo start;
            start.hparams = {{"lr", 0.1}, {"optimizer", std::string(optimizer)}};
            core::EventFileWriter(sessionRoot / run).addHParamsSessionStart(start, kWallTime);
        }
        {
            Window w;
            QVERIFY(w.open(sessions.path()));
            w.runs->colorByChooser()->setCurrentIndex(
                w.runs->colorByChooser()->findText(QStringLiteral("HParam")));
            w.runs->colorHParamChooser()->setCurrentText(QStringLiteral("optimizer"));
        }
        Window third;
        QVERIFY(third.open(sessions.path()));
        QCOMPARE(third.runs->colorHParamChooser()->currentText(), QStringLiteral("optimizer"));
        const ui::RunListModel* thirdRuns = third.window.runListModel();
        QCOMPARE(thirdRuns->color("s3"), thirdRuns->color("s1"));
        QVERIFY(thirdRuns->color("s2") != thirdRuns->color("s1"));
    }

    // Runs of one log directory share a colour; another log directory's runs take another,
    // whether the log directories were given names (NAME:PATH, as the window makes for folders
    // dropped on it) or only paths (`lantern dirA dirB`).
    void colourByLogDirectory_data()
    {
        QTest::addColumn<bool>("named");
        QTest::newRow("NAME:PATH specs") << true;
        QTest::newRow("PATH specs") << false;
    }

    void colourByLogDirectory()
    {
        QFETCH(bool, named);
        QTemporaryDir first, second;
        writeShortRuns(ui::pathFromQString(first.path()), {"a", "b"});
        writeShortRuns(ui::pathFromQString(second.path()), {"c"});
        Window w;
        w.window.resize(1400, 800);
        w.window.show();
        QSignalSpy loaded(&w.window, &ui::MainWindow::loadFinished);
        if (named)
            w.window.openLogdirs({QStringLiteral("first:") + first.path(),
                QStringLiteral("second:") + second.path()});
        else
            w.window.openLogdirs({first.path(), second.path()});
        QVERIFY(loaded.wait(20000));
        QVERIFY(w.window.showTab(QStringLiteral("runs")));
        w.runs = w.window.findChild<ui::RunsDashboard*>();
        w.table = w.runs->tableModel();
        // The runs by the folder they were written to.
        const auto runIn = [&](const QTemporaryDir& logdir, const char* run) {
            const QString path = ui::qStringFromPath(ui::pathFromQString(logdir.path()) / run);
            for (int row = 0; row < w.table->rowCount(); ++row)
                if (w.table->index(row, Table::LogDirectoryColumn).data().toString() == path)
                    return w.table->runName(row);
            return QString();
        };
        const QString a = runIn(first, "a"), b = runIn(first, "b"), c = runIn(second, "c");
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        const ui::RunListModel* runs = w.window.runListModel();
        QVERIFY(runs->color(a) != runs->color(b)); // by run: each its own
        w.runs->colorByChooser()->setCurrentIndex(
            w.runs->colorByChooser()->findText(QStringLiteral("Log directory")));
        QCOMPARE(runs->color(a), runs->color(b));
        QVERIFY(runs->color(c) != runs->color(a));
        QVERIFY(runs->color(a) != ui::kUngroupedRunColor);
        QVERIFY(runs->color(c) != ui::kUngroupedRunColor);
        QCOMPARE(w.table->index(w.sourceRow(b), Table::ColorColumn)
                     .data(Qt::DecorationRole)
                     .value<QColor>(),
            runs->color(a));
        // Neither the pattern nor the hparam chooser is offered for it.
        QVERIFY(!w.runs->colorPatternEdit()->isVisibleTo(w.runs));
        QVERIFY(!w.runs->colorHParamChooser()->isVisibleTo(w.runs));
    }

    void fiftyRunsTakeFiftyColours()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        for (int run = 0; run < 50; ++run)
            writeLoss(root / ("run_" + std::to_string(run)), {0});
        Window w;
        QVERIFY(w.open(temp.path()));
        QSet<QRgb> colours;
        for (int run = 0; run < 50; ++run)
            colours.insert(w.window.runListModel()->color(QStringLiteral("run_%1").arg(run)).rgb());
        QCOMPARE(colours.size(), 50);
    }

    void exportsCsv()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        writeLoss(root / "=cmd", {1, 2}, 100.25);
        writeLoss(root / "b", {5}, 200);
        Window w;
        QVERIFY(w.open(temp.path()));
        QTableView* view = w.runs->view();
        for (int column = 0; column < w.table->columnCount(); ++column)
            view->setColumnHidden(column,
                column != Table::ShownColumn && column != Table::RunColumn
                    && column != Table::LastStepColumn && column != Table::FirstWallTimeColumn
                    && column != Table::DurationColumn);
        view->sortByColumn(Table::RunColumn, Qt::DescendingOrder);
        w.window.runListModel()->setChecked(QStringLiteral("b"), false);
        QCOMPARE(w.runs->csv(),
            QStringLiteral("Shown,Run,Last step,First wall time,Duration\n"
                           "false,b,5,205,0\n"
                           "true,'=cmd,2,101.25,1\n"));
        const QString path = temp.filePath(QStringLiteral("runs.csv"));
        QVERIFY(w.runs->exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), w.runs->csv());
    }

    void statusBarCountsWhatALogdirHolds()
    {
        QTemporaryDir temp;
        const fs::path root(ui::pathFromQString(temp.path()));
        {
            core::EventFileWriter writer(root / "pictures");
            const std::vector<std::uint8_t> pixels(2 * 2 * 3, 200);
            const core::EncodedImage image {2, 2, 3, core::encodePng(2, 2, 3, pixels)};
            for (int step = 0; step < 3; ++step)
                writer.addImage("sample", step, std::span(&image, 1));
        }
        Window w;
        QVERIFY(w.open(temp.path()));
        auto* status = w.window.findChild<QLabel*>(QStringLiteral("statusText"));
        QVERIFY2(status->text().startsWith(QStringLiteral("1 run · 3 images · last update")),
            qPrintable(status->text()));
    }
};

LANTERN_TEST_MAIN(TestRunsTable)
#include "test_runs_table.moc"
