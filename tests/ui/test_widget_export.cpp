// Exporting a widget: the PNG holds its pixels, the SVG its drawing as vectors and text. A
// card's data export writes the same bytes as lantern-cli's.

#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/scalar_export.h"
#include "ui/widgets/widget_export.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <limits>

using namespace lantern::ui;

namespace {

// Paints a red diagonal and a label, so both exports have something recognisable to hold.
class Sketch : public QWidget {
public:
    Sketch() { resize(200, 100); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        painter.setPen(QPen(Qt::red, 3));
        painter.drawLine(0, 0, width(), height());
        painter.setPen(Qt::black);
        painter.drawText(10, 90, QStringLiteral("epoch_loss"));
    }
};

} // namespace

class TestWidgetExport : public QObject {
    Q_OBJECT
private slots:
    void pngHoldsThePixels()
    {
        QTemporaryDir dir;
        Sketch sketch;
        const QString path = dir.filePath(QStringLiteral("card.png"));
        QVERIFY(saveWidgetImage(&sketch, path, ImageFormat::Png));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(200, 100));
        QCOMPARE(image.pixelColor(100, 50), QColor(Qt::red));
        QCOMPARE(image.pixelColor(150, 10), QColor(Qt::white));
    }

    void svgHoldsVectorsAndText()
    {
        QTemporaryDir dir;
        Sketch sketch;
        const QString path = dir.filePath(QStringLiteral("card.svg"));
        QVERIFY(saveWidgetImage(&sketch, path, ImageFormat::Svg));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("epoch_loss"));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox(), QRect(0, 0, 200, 100));
    }

    void unwritablePathFails()
    {
        Sketch sketch;
        QVERIFY(!saveWidgetImage(
            &sketch, QStringLiteral("/nonexistent/dir/card.png"), ImageFormat::Png));
        QVERIFY(!saveWidgetImage(
            &sketch, QStringLiteral("/nonexistent/dir/card.svg"), ImageFormat::Svg));
    }

    // A card's CSV and JSON, written by the Scalars tab, are byte for byte what lantern-cli
    // export writes for a log directory holding that card's series: names with commas, quotes,
    // CR and LF, a leading '=', ill-formed UTF-8 (a cut-off sequence, which Qt and core would
    // replace differently), and non-finite values.
    void cardDataExportIsTheCliExport()
    {
        QStandardPaths::setTestModeEnabled(true); // no pins or charts from the user's settings
        QTemporaryDir dir;
        const std::filesystem::path root = pathFromQString(dir.path());
        const std::string tag = "-loss,\"x\"\r\n\xE2\x82";
        const std::string runs[] = {"=run", "a,b\"c\rd\ne",
            "bad\xE2\x82"
            "A\xFF"};
        const float values[] = {0.1f, -2.5f, std::numeric_limits<float>::quiet_NaN(),
            std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(), 3e38f};
        for (const std::string& run : runs) {
            std::vector<std::string> records {lantern::test::fileVersionEvent()};
            for (int step = 0; step < 6; ++step)
                records.push_back(
                    lantern::test::scalarEvent(tag, step, values[step], 1.7e9 + step + 0.000001));
            lantern::test::appendRecords(root / run / "events.out.tfevents.1.host", records);
        }
        lantern::core::LogdirLoader loader {{{"", root}}};
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size(runs));
        ScalarsDashboard dashboard(nullptr); // every run checked
        dashboard.setSnapshot(loader.snapshot());
        ScalarCard* card = dashboard.card(QString::fromStdString(tag));
        QVERIFY(card);

        for (const QString& format : {QStringLiteral("csv"), QStringLiteral("json")}) {
            const QString appPath = dir.filePath("app." + format);
            QVERIFY(dashboard.exportCard(card,
                format == QStringLiteral("csv") ? ScalarCard::Export::Csv
                                                : ScalarCard::Export::Json,
                appPath));
            const QString cliPath = dir.filePath("cli." + format);
            QProcess cli;
            cli.start(QStringLiteral(LANTERN_CLI),
                {"export", dir.path(), "--format", format, "--out", cliPath});
            QVERIFY(cli.waitForFinished(60000));
            QCOMPARE(cli.exitCode(), 0);
            QFile appFile(appPath), cliFile(cliPath);
            QVERIFY(appFile.open(QIODevice::ReadOnly) && cliFile.open(QIODevice::ReadOnly));
            const QByteArray app = appFile.readAll(), fromCli = cliFile.readAll();
            QCOMPARE(app, fromCli);
            if (format == QStringLiteral("csv")) {
                QVERIFY(app.contains("'=run,\"'-loss,\"\"x\"\"\r\n\xEF\xBF\xBD\",0,"
                                     "1700000000.000001,0.1\n"));
                QVERIFY(app.contains("\"a,b\"\"c\rd\ne\","));
                QVERIFY(app.contains("bad\xEF\xBF\xBD"
                                     "A\xEF\xBF\xBD,"));
                QVERIFY(
                    app.contains(",nan\n") && app.contains(",inf\n") && app.contains(",-inf\n"));
            } else {
                QVERIFY(app.contains("\"tag\":\"-loss,\\\"x\\\"\\r\\n\xEF\xBF\xBD\""));
                QVERIFY(app.contains("\"NaN\"") && app.contains("\"Infinity\"")
                    && app.contains("\"-Infinity\""));
            }
        }
        for (const std::string& run : runs) // QTemporaryDir cannot name the ill-formed ones
            std::filesystem::remove_all(root / run);
    }

    void namesBecomeFileStems()
    {
        QCOMPARE(imageFormatForPath(QStringLiteral("a/b.SVG")), ImageFormat::Svg);
        QCOMPARE(imageFormatForPath(QStringLiteral("b.png")), ImageFormat::Png);
        QCOMPARE(fileStemFor(QStringLiteral("train/loss 1")), QStringLiteral("train_loss_1"));
        QCOMPARE(fileStemFor(QString()), QStringLiteral("export"));
    }
};

LANTERN_TEST_MAIN(TestWidgetExport)
#include "test_widget_export.moc"
