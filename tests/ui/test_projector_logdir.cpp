// The window with projector data, found by the loader: a folder holding only a checkpoint or
// TSV and a projector_config.pbtxt (no event files) opens in the Projector tab, the runs panel
// saying what was found, a config written into a run after the first load brings the tab, and
// a broken config is listed in Diagnostics. Corpus case f04 (a TF1 model folder) when the corpus is
// present.

#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/diagnostics_panel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

// A three-point, two-dimensional embedding in a TSV, named by a config in `folder`.
void writeTsvEmbedding(const fs::path& folder)
{
    test::writeBytes(folder / "words.tsv", "1\t0\n0\t1\n1\t1\n");
    test::writeBytes(folder / "projector_config.pbtxt",
        "embeddings { tensor_name: \"words\" tensor_path: \"words.tsv\" }\n");
}

bool waitForLoad(ui::MainWindow& window)
{
    QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
    return loaded.wait(10000);
}

struct Window {
    ui::MainWindow window;
    QTabWidget* tabs = window.findChild<QTabWidget*>(QStringLiteral("dashboards"));
    ui::ProjectorDashboard* projector
        = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
    QLabel* status = window.findChild<QLabel*>(QStringLiteral("statusText"));
    QLabel* startMessage = window.findChild<QLabel*>(QStringLiteral("startMessage"));
    QWidget* runList = window.findChild<QWidget*>(QStringLiteral("runList"));
    QLabel* runCount = window.findChild<QLabel*>(QStringLiteral("runCount"));
    QLabel* noRuns = window.findChild<QLabel*>(QStringLiteral("noRunsText"));

    Window()
    {
        window.resize(1000, 700);
        window.show();
    }
    bool projectorTabShown() const { return tabs->isTabVisible(tabs->indexOf(projector)); }
};

} // namespace

class TestProjectorLogdir : public QObject {
    Q_OBJECT
private slots:
    void folderWithOnlyProjectorDataOpensInTheProjectorTab()
    {
        QTemporaryDir temp;
        writeTsvEmbedding(ui::pathFromQString(temp.path()));
        Window w;
        w.window.loader()->setReloadInterval(100);
        w.window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(w.window));
        QVERIFY(w.window.loader()->snapshot()->runs.empty());
        QVERIFY(!w.startMessage->isVisible()); // not the "No event files" page
        QVERIFY(w.tabs->isVisible());
        QVERIFY(w.projectorTabShown());
        QCOMPARE(w.tabs->currentWidget(), w.projector); // chosen: the only tab with data
        QCOMPARE(w.status->text(),
            QStringLiteral("No event files · 1 embedding (projector data) in %1").arg(temp.path()));
        // The runs panel says there are none, and what was found instead, where the list
        // would be.
        QVERIFY(w.noRuns);
        QVERIFY(!w.runList->isVisible());
        QVERIFY(w.noRuns->isVisible());
        QCOMPARE(w.runCount->text(), QStringLiteral("No runs"));
        QVERIFY2(w.noRuns->text().contains(QStringLiteral("no event files")),
            qPrintable(w.noRuns->text()));
        QVERIFY2(w.noRuns->text().contains(QStringLiteral("1 embedding (projector data) found")),
            qPrintable(w.noRuns->text()));
        // And it shows the embedding: the three points of the TSV.
        QTRY_COMPARE_WITH_TIMEOUT(w.projector->plot()->pointCount(), 3, 10000);
        QVERIFY(w.window.showTab(QStringLiteral("projector")));

        // Once training writes an event file, the panel lists its run as usual.
        test::appendRecords(ui::pathFromQString(temp.path()) / "run" / "events.out.tfevents.1.host",
            {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 1.0)});
        QTRY_VERIFY_WITH_TIMEOUT(w.runList->isVisible(), 10000);
        QVERIFY(!w.noRuns->isVisible());
        QCOMPARE(w.runCount->text(), QStringLiteral("1 of 1 run shown"));
    }

    void folderWithNeitherIsRefusedWithItsReason()
    {
        QTemporaryDir temp;
        test::writeBytes(ui::pathFromQString(temp.path()) / "notes.txt", "nothing to see");
        Window w;
        w.window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(w.window));
        QVERIFY(w.startMessage->isVisible());
        QVERIFY(w.startMessage->text().contains(QStringLiteral("No event files were found")));
        QVERIFY(!w.window.showTab(QStringLiteral("projector")));
    }

    void configWrittenIntoARunBringsTheTab()
    {
        QTemporaryDir temp;
        const fs::path run = ui::pathFromQString(temp.path()) / "a";
        test::appendRecords(run / "events.out.tfevents.1.host",
            {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 1.0)});
        Window w;
        w.window.loader()->setReloadInterval(100);
        w.window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(w.window));
        QVERIFY(!w.projectorTabShown());
        QVERIFY(w.window.showTab(QStringLiteral("scalars")));
        // A run: listed as usual, no word about its absence.
        QVERIFY(w.noRuns);
        QVERIFY(w.runList->isVisible());
        QVERIFY(!w.noRuns->isVisible());
        QCOMPARE(w.runCount->text(), QStringLiteral("1 of 1 run shown"));

        writeTsvEmbedding(run);
        QTRY_VERIFY_WITH_TIMEOUT(w.projectorTabShown(), 10000);
        QVERIFY(w.window.loader()->lastChange()->projectorChanged);
        QVERIFY(w.window.showTab(QStringLiteral("projector")));
        QCOMPARE(w.projector->embeddingChooser()->count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.projector->plot()->pointCount(), 3, 10000);
    }

    void brokenConfigIsListedInDiagnostics()
    {
        QTemporaryDir temp;
        const fs::path run = ui::pathFromQString(temp.path()) / "a";
        test::appendRecords(run / "events.out.tfevents.1.host",
            {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 1.0)});
        test::writeBytes(run / "projector_config.pbtxt", "embeddings { tensor_path: ");
        Window w;
        w.window.openLogdirs({temp.path()});
        QVERIFY(waitForLoad(w.window));
        ui::DiagnosticsPanel* panel = w.window.diagnosticsPanel();
        QCOMPARE(panel->problemCount(), 1);
        const QString problem = panel->table()->item(0, 4)->text();
        QVERIFY2(problem.startsWith(QStringLiteral("Projector: ")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("projector_config.pbtxt")), qPrintable(problem));
        auto* button = w.window.findChild<QPushButton*>(QStringLiteral("problemsButton"));
        QVERIFY(button->isVisible());
    }

    void corpusModelFolderOpensInTheProjectorTab()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const fs::path folder
            = *corpus / "f04_tf1_projector_sprite_checkpoint_minimal" / "minimalsample";
        if (!fs::exists(folder))
            QSKIP("corpus case f04 is absent");
        Window w;
        w.window.openLogdirs({ui::qStringFromPath(folder)});
        QVERIFY(waitForLoad(w.window));
        QVERIFY(!w.startMessage->isVisible());
        QCOMPARE(w.tabs->currentWidget(), w.projector);
        QVERIFY2(w.status->text().startsWith(QStringLiteral("No event files · 1 embedding")),
            qPrintable(w.status->text()));
        QVERIFY(w.noRuns && w.noRuns->isVisible());
        QVERIFY2(w.noRuns->text().contains(QStringLiteral("1 embedding (projector data) found")),
            qPrintable(w.noRuns->text()));
        QTRY_COMPARE_WITH_TIMEOUT(w.projector->plot()->pointCount(), 500, 20000);
    }
};

LANTERN_TEST_MAIN(TestProjectorLogdir)
#include "test_projector_logdir.moc"
