// The main window on real files: the run list fills in, runs can be toggled with the mouse,
// and an empty folder explains what Lantern looked for.

#include "tests/support/test_support.h"
#include "ui/main_window.h"
#include "ui/widgets/run_list_model.h"

#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lantern;
namespace fs = std::filesystem;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void showsRunsOfALogdir()
    {
        QTemporaryDir temp;
        const fs::path root = temp.path().toStdString();
        for (const char* run : {"train", "eval"})
            test::appendRecords(root / run / "events.out.tfevents.1.host",
                {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 2.0)});

        ui::MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(loaded.wait(10000));

        ui::RunListModel* model = window.runListModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(
            model->data(model->index(0, 0), Qt::DisplayRole).toString(), QStringLiteral("eval"));
        QCOMPARE(
            model->data(model->index(1, 0), Qt::DisplayRole).toString(), QStringLiteral("train"));
        QVERIFY(window.runListView()->isVisible());

        // Clicking a run's checkbox hides it, clicking again shows it.
        QListView* view = window.runListView();
        const QRect row = view->visualRect(model->index(1, 0));
        const QPoint checkbox(row.left() + row.height() / 2, row.center().y());
        QVERIFY(model->isChecked(QStringLiteral("train")));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkbox);
        QVERIFY(!model->isChecked(QStringLiteral("train")));
        QVERIFY(model->isChecked(QStringLiteral("eval")));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkbox);
        QVERIFY(model->isChecked(QStringLiteral("train")));
    }

    void emptyFolderExplainsItself()
    {
        QTemporaryDir temp;
        ui::MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(loaded.wait(10000));
        auto* message = window.findChild<QLabel*>(QStringLiteral("emptyMessage"));
        QVERIFY(message);
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("No event files were found")));
        QVERIFY(message->text().contains(QStringLiteral("tfevents")));
    }

    void runColoursAreStable()
    {
        QCOMPARE(ui::RunListModel::colorFor(QStringLiteral("train")),
            ui::RunListModel::colorFor(QStringLiteral("train")));
        QVERIFY(ui::RunListModel::colorFor(QStringLiteral("train")).isValid());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
