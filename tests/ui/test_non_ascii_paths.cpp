// Folder and file names outside ASCII ("rün-ß/日本", an event file "….hôst"): core names the run
// and reports the file in UTF-8, and the UI opens the folder from a QString and shows the run's
// name, its folder and the damaged file by their real names. Linux names are bytes, so this
// checks the UTF-8 round trip through std::filesystem::path and Qt.

#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/widgets/diagnostics_panel.h"
#include "ui/widgets/run_list_model.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr int kGuardMilliseconds = 60000; // fails a hung load instead of waiting forever

const QString kLogdirName = QStringLiteral("rün-ß");
const QString kRunName = QStringLiteral("日本");
const QString kFileName = QStringLiteral("events.out.tfevents.1.hôst");

// Three scalars, the last with a damaged checksum, so the file is also named in a diagnostic.
fs::path writeRun(const QString& logdir)
{
    core::EventFileWriterOptions options;
    options.fileName = kFileName.toStdString();
    fs::path file;
    {
        core::EventFileWriter writer(
            ui::pathFromQString(logdir) / core::pathFromText("日本"), options);
        for (int step = 1; step <= 3; ++step)
            writer.addScalar("loss", step, 1.0f / float(step));
        file = writer.path();
    }
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(-1, std::ios::end);
    bytes.put('\x5a');
    return file;
}

} // namespace

class TestNonAsciiPaths : public QObject {
    Q_OBJECT
private slots:
    void pathsCrossTheQtBoundaryUnchanged()
    {
        const QString text = QStringLiteral("/tmp/") + kLogdirName + QLatin1Char('/') + kRunName;
        const fs::path path = ui::pathFromQString(text);
        QCOMPARE(core::pathText(path), text.toStdString());
        QCOMPARE(ui::qStringFromPath(path), text);
        QCOMPARE(ui::qStringFromPath(core::pathFromText(text.toStdString())), text);
    }

    void coreNamesTheRunAndTheFileInUtf8()
    {
        QTemporaryDir temp;
        const QString logdir = temp.path() + QLatin1Char('/') + kLogdirName;
        const fs::path file = writeRun(logdir);
        const QString expectedFile
            = logdir + QLatin1Char('/') + kRunName + QLatin1Char('/') + kFileName;
        QVERIFY(QFileInfo(expectedFile).isFile()); // the writer made the file Qt names so

        core::LogdirLoader loader({core::parseLogdirSpec(logdir.toStdString())});
        loader.setSettlePolicy(core::SettlePolicy::settledNow());
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(1));
        const core::RunData& run = *loader.runs()[0];
        QCOMPARE(QString::fromStdString(run.name), kRunName);
        QCOMPARE(run.tags.at("loss").scalars().size(), std::size_t(2));
        QVERIFY(!run.diagnostics.empty());
        QCOMPARE(QString::fromStdString(run.diagnostics.front().file), expectedFile);
        QCOMPARE(run.diagnostics.front().file, core::pathText(file));
    }

    void theUiOpensTheFolderAndShowsItsNames()
    {
        QTemporaryDir temp;
        const QString logdir = temp.path() + QLatin1Char('/') + kLogdirName;
        writeRun(logdir);

        ui::LogLoader loader;
        loader.open({logdir});
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), kGuardMilliseconds);
        QVERIFY(loader.snapshot());
        QCOMPARE(loader.snapshot()->runs.size(), std::size_t(1));
        QCOMPARE(loader.snapshot()->runs[0]->scalarPoints(), std::uint64_t(2));

        ui::RunListModel runs;
        runs.setSnapshot(loader.snapshot());
        QCOMPARE(runs.rowCount(), 1);
        const QModelIndex row = runs.index(0, 0);
        QCOMPARE(row.data(Qt::DisplayRole).toString(), kRunName);
        QCOMPARE(row.data(ui::RunListModel::DirectoryRole).toString(),
            logdir + QLatin1Char('/') + kRunName);

        ui::DiagnosticsPanel panel;
        panel.setSnapshot(loader.snapshot());
        QTableWidget* table = panel.table();
        QVERIFY(table->rowCount() >= 1);
        QCOMPARE(table->item(0, 0)->text(), kRunName);
        QVERIFY(table->item(0, 1)->text().endsWith(kRunName + QLatin1Char('/') + kFileName));
    }
};

LANTERN_TEST_MAIN(TestNonAsciiPaths)
#include "test_non_ascii_paths.moc"
