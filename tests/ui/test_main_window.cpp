// The main window driven as a user would: open a logdir, filter and toggle runs, drop
// folders, watch a file grow, and read the diagnostics of a damaged file.

#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/widgets/diagnostics_panel.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/run_selector.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include <fstream>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

void writeRun(const fs::path& directory, int steps = 1)
{
    std::vector<std::string> records {test::fileVersionEvent()};
    for (int step = 0; step < steps; ++step)
        records.push_back(test::scalarEvent("loss", step, 0.5f, 2.0 + step));
    test::appendRecords(directory / "events.out.tfevents.1.host", records);
}

bool waitForLoad(ui::MainWindow& window)
{
    QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
    return loaded.wait(10000);
}

// The full names of the runs the panel lists, groups opened, in display order.
QStringList visibleRuns(ui::RunSelector* selector)
{
    QStringList names;
    QAbstractItemModel* model = selector->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex top = model->index(row, 0);
        if (!top.data(ui::RunListModel::GroupRole).toBool())
            names.append(top.data(ui::RunListModel::RunNameRole).toString());
        for (int child = 0; child < model->rowCount(top); ++child)
            names.append(
                model->index(child, 0, top).data(ui::RunListModel::RunNameRole).toString());
    }
    return names;
}

// Where a click lands on a row's checkbox.
QPoint checkboxOf(QTreeView* view, const QModelIndex& index)
{
    const QRect row = view->visualRect(index);
    return {row.left() + row.height() / 2, row.center().y()};
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsRunsAndTogglesThemWithTheMouse()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeRun(root / "train");
        writeRun(root / "eval");

        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));

        ui::RunListModel* model = window.runListModel();
        QCOMPARE(visibleRuns(window.runSelector()), (QStringList {"eval", "train"}));

        QTreeView* view = window.runSelector()->view();
        QVERIFY(!view->rootIsDecorated()); // one logdir: a flat list, no group headings
        const QPoint checkbox = checkboxOf(view, view->model()->index(1, 0));
        QVERIFY(model->isChecked(QStringLiteral("train")));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkbox);
        QVERIFY(!model->isChecked(QStringLiteral("train")));
        QVERIFY(model->isChecked(QStringLiteral("eval")));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkbox);
        QVERIFY(model->isChecked(QStringLiteral("train")));

        auto* none = window.findChild<QPushButton*>(QStringLiteral("checkNoRuns"));
        QTest::mouseClick(none, Qt::LeftButton);
        QVERIFY(model->checkedRuns().isEmpty());
        auto* count = window.findChild<QLabel*>(QStringLiteral("runCount"));
        QCOMPARE(count->text(), QStringLiteral("0 of 2 runs shown"));
    }

    void regexFilterNarrowsTheList()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        for (const char* run : {"lr_0.1/train", "lr_0.1/eval", "lr_0.01/train", "baseline"})
            writeRun(root / run);
        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));
        QLineEdit* filter = window.runSelector()->filterEdit();
        QTest::keyClicks(filter, QStringLiteral("train$"));
        QCOMPARE(
            visibleRuns(window.runSelector()), (QStringList {"lr_0.01/train", "lr_0.1/train"}));
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("LR_0\\.1/"));
        QCOMPARE(visibleRuns(window.runSelector()), (QStringList {"lr_0.1/eval", "lr_0.1/train"}));
        // "All" and "None" act on what the filter shows.
        QTest::mouseClick(
            window.findChild<QPushButton*>(QStringLiteral("checkNoRuns")), Qt::LeftButton);
        QCOMPARE(window.runListModel()->checkedRuns(), (QStringList {"baseline", "lr_0.01/train"}));
    }

    void runsOfSeveralLogdirsAreGroupedByName()
    {
        QTemporaryDir a, b;
        for (const char* run : {"train", "eval"}) {
            writeRun(ui::pathFromQString(a.path()) / run);
            writeRun(ui::pathFromQString(b.path()) / run);
        }
        ui::MainWindow window;
        window.show();
        window.openLogdirs(
            {QStringLiteral("alpha:") + a.path(), QStringLiteral("beta:") + b.path()});
        QVERIFY(waitForLoad(window));

        QTreeView* view = window.runSelector()->view();
        QAbstractItemModel* model = view->model();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex alpha = model->index(0, 0);
        const QModelIndex beta = model->index(1, 0);
        QCOMPARE(alpha.data().toString(), QStringLiteral("alpha"));
        QCOMPARE(beta.data().toString(), QStringLiteral("beta"));
        QVERIFY(view->isExpanded(alpha) && view->isExpanded(beta));
        // Under its heading a run shows the rest of its name.
        QCOMPARE(model->index(0, 0, alpha).data().toString(), QStringLiteral("eval"));
        QCOMPARE(model->index(1, 0, beta).data().toString(), QStringLiteral("train"));
        QCOMPARE(visibleRuns(window.runSelector()),
            (QStringList {"alpha/eval", "alpha/train", "beta/eval", "beta/train"}));

        // The group's checkbox hides and shows all of its runs.
        ui::RunListModel* runs = window.runListModel();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkboxOf(view, alpha));
        QCOMPARE(runs->checkedRuns(), (QStringList {"beta/eval", "beta/train"}));
        QCOMPARE(alpha.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QTest::mouseClick(
            view->viewport(), Qt::LeftButton, {}, checkboxOf(view, model->index(1, 0, alpha)));
        QCOMPARE(alpha.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkboxOf(view, alpha));
        QCOMPARE(runs->checkedRuns().size(), 4);

        // The filter sees full names; a logdir without a match loses its heading.
        QTest::keyClicks(window.runSelector()->filterEdit(), QStringLiteral("beta/tr"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(visibleRuns(window.runSelector()), (QStringList {"beta/train"}));
        auto* count = window.findChild<QLabel*>(QStringLiteral("runCount"));
        QCOMPARE(count->text(), QStringLiteral("1 of 4 runs shown"));
    }

    void droppedFoldersAreAdded()
    {
        QTemporaryDir a, b;
        writeRun(ui::pathFromQString(a.path()) / "run");
        writeRun(ui::pathFromQString(b.path()));
        ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(a.path()),
            QUrl::fromLocalFile(b.path() + QStringLiteral("/events.out.tfevents.1.host"))});
        const QPoint centre = window.rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(waitForLoad(window));

        const QString nameA = QFileInfo(a.path()).fileName();
        const QString nameB = QFileInfo(b.path()).fileName();
        QStringList expected {nameA + QStringLiteral("/run"), nameB};
        expected.sort();
        QCOMPARE(visibleRuns(window.runSelector()), expected);
        QCOMPARE(window.loader()->logdirSpecs().size(), 2);
    }

    void appendedPointAppearsWhileRunning()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeRun(root, 3);
        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.loader()->snapshot()->runs.at(0)->scalarPoints(), 3u);

        test::appendRecords(
            root / "events.out.tfevents.1.host", {test::scalarEvent("loss", 3, 0.25f, 9.0)});
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            window.loader()->snapshot()->runs.at(0)->scalarPoints(), 4u, 3000);
        qInfo("appended point visible after %lld ms", clock.elapsed());
        QVERIFY(window.statusBar()->findChildren<QLabel*>().first()->text().contains(
            QStringLiteral("4 scalar points")));
    }

    void diagnosticsPanelListsDamage()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeRun(root, 10);
        const fs::path file = root / "events.out.tfevents.1.host";
        {
            std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
            stream.seekp(100);
            stream.put('\x7f');
        }
        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));

        auto* button = window.findChild<QPushButton*>(QStringLiteral("problemsButton"));
        QVERIFY(button->isVisible());
        QVERIFY(!window.diagnosticsDock()->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(window.diagnosticsDock()->isVisible());
        QTableWidget* table = window.diagnosticsPanel()->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), ui::qStringFromPath(file));
        QVERIFY(table->item(0, 2)->text().toInt() <= 100);
        QVERIFY(table->item(0, 4)->text().contains(QStringLiteral("checksum")));
        QCOMPARE(window.loader()->snapshot()->runs.at(0)->scalarPoints(), 9u);
    }

    // Steps 0-4, then 2-3 again: TensorBoard's rule hides three points, and says so once in the
    // Diagnostics panel; ticking Edit › Preferences › "Keep every point as written" (or
    // `lantern --keep-orphaned-data`) reloads with all seven.
    void keepingEveryPointIsAPreference()
    {
        QSettings().remove(QStringLiteral("preferences/keepOrphanedData"));
        QTemporaryDir temp;
        std::vector<std::string> records {test::fileVersionEvent()};
        for (const int step : {0, 1, 2, 3, 4, 2, 3})
            records.push_back(test::scalarEvent("loss", step, 0.5f, 2.0 + step));
        test::appendRecords(ui::pathFromQString(temp.path()) / "events.out.tfevents.1.h", records);

        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.loader()->snapshot()->runs.at(0)->scalarPoints(), 4u);
        QTableWidget* table = window.diagnosticsPanel()->table();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(table->item(0, 4)->text().startsWith(
            QStringLiteral("3 point(s) of scalars tag 'loss' hidden")));

        QAction* preferences = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text().startsWith(QStringLiteral("&Preferences")))
                preferences = action;
        QVERIFY(preferences);
        bool ticked = false;
        QTimer::singleShot(0, [&ticked] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto* keep = dialog->findChild<QCheckBox*>(QStringLiteral("keepOrphanedData"));
            if (keep) {
                QTest::mouseClick(keep, Qt::LeftButton);
                ticked = keep->isChecked();
            }
            dialog->accept();
        });
        preferences->trigger();
        QVERIFY(ticked);
        QVERIFY(ui::Preferences::load().keepOrphanedData);
        QTRY_COMPARE_WITH_TIMEOUT(window.loader()->snapshot()->runs.size(), std::size_t(1), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.loader()->snapshot()->runs.at(0)->scalarPoints(), 7u, 5000);
        QTRY_COMPARE(table->rowCount(), 0);
        QSettings().remove(QStringLiteral("preferences/keepOrphanedData"));

        // The command line's flag, with the preference off.
        ui::MainWindow flagged;
        flagged.setKeepOrphanedData(true);
        flagged.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(flagged));
        QCOMPARE(flagged.loader()->snapshot()->runs.at(0)->scalarPoints(), 7u);
    }

    void emptyFolderExplainsItself()
    {
        QTemporaryDir temp;
        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));
        auto* message = window.findChild<QLabel*>(QStringLiteral("startMessage"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("No event files were found")));
        QVERIFY(message->text().contains(QStringLiteral("tfevents")));
    }

    void runsSideBySideGetDistinctColours()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        for (int run = 0; run < 12; ++run)
            writeRun(root / ("run_" + std::to_string(run)));
        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));
        QSet<QRgb> colours;
        for (int run = 0; run < 12; ++run)
            colours.insert(window.runListModel()->color(QStringLiteral("run_%1").arg(run)).rgb());
        QCOMPARE(colours.size(), 12);
        // A run keeps its colour when others appear.
        const QColor before = window.runListModel()->color(QStringLiteral("run_3"));
        writeRun(root / "run_new");
        window.loader()->reload();
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.runListModel()->color(QStringLiteral("run_3")), before);
    }

    void runColoursAreStable()
    {
        QCOMPARE(ui::RunListModel::defaultColor(QStringLiteral("train")),
            ui::RunListModel::defaultColor(QStringLiteral("train")));
        ui::RunListModel model;
        model.setColor(QStringLiteral("train"), Qt::black);
        QCOMPARE(model.color(QStringLiteral("train")), QColor(Qt::black));
    }

    // TensorBoard keys data by (tag, plugin): a tag logged as a histogram and later as a scalar
    // is shown on both tabs, each with its own values, and exports only its own kind.
    void aTagOfTwoKindsShowsOnBothTabs()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        const std::vector<double> sample {1.0, 2.0, 4.0};
        {
            core::EventFileWriter writer(root);
            writer.addHistogram("w", 0, sample, core::SummaryStyle::Tf2, 1.0);
            writer.addScalar("w", 1, 0.25f, 2.0);
            writer.addHistogram("w", 2, sample, core::SummaryStyle::Tf1, 3.0);
        }
        ui::MainWindow window;
        window.show();
        window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(window));

        QVERIFY(window.showTab(QStringLiteral("scalars")));
        auto* scalars = window.findChild<ui::ScalarsDashboard*>();
        QVERIFY(scalars);
        QCOMPARE(scalars->cardTags(), QStringList {QStringLiteral("w")});
        const QString csv = temp.filePath(QStringLiteral("w.csv"));
        QVERIFY(scalars->exportCsv(QStringLiteral("w"), csv));
        const auto rows = test::parseCsv(test::readBytes(csv.toStdString()));
        QCOMPARE(rows.size(), std::size_t(2)); // the header and the one scalar point
        QCOMPARE(rows[1][2], std::string("1"));
        QCOMPARE(rows[1][4], std::string("0.25"));

        QVERIFY(window.showTab(QStringLiteral("histograms")));
        auto* histograms = window.findChild<ui::HistogramsDashboard*>();
        QVERIFY(histograms);
        QCOMPARE(histograms->grid()->cardTitles().size(), 1);
        QVERIFY(histograms->grid()->cardTitles().first().startsWith(QStringLiteral("w")));
        QVERIFY(window.showTab(QStringLiteral("distributions")));
    }
};

LANTERN_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
