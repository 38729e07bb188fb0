// Exporting a widget: the PNG holds its pixels, the SVG its drawing as vectors and text. A
// card's data export writes the same bytes as lantern-cli's.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "ui/widgets/scalar_export.h"
#include "ui/widgets/widget_export.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
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

    // The same series exported by the app and by lantern-cli: the same bytes, names that look
    // like formulas neutralised in CSV, non-finite values as strings in JSON.
    void cardDataExportIsTheCliExport()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        {
            lantern::core::EventFileWriter writer(root / "=run");
            const float values[] = {0.1f, -2.5f, std::numeric_limits<float>::quiet_NaN(),
                std::numeric_limits<float>::infinity(), 3e38f};
            for (int step = 0; step < 5; ++step)
                writer.addScalar("-loss", step, values[step], 1.7e9 + step + 0.000001);
        }
        lantern::core::LogdirLoader loader {{{"", root}}};
        loader.reload();
        const auto runs = loader.runs();
        QCOMPARE(runs.size(), std::size_t(1));
        const auto& run = runs.front();
        QCOMPARE(run->name, std::string("=run"));
        const auto tag = run->tags.find("-loss");
        QVERIFY(tag != run->tags.end());
        const std::vector<LinePlot::Series> series {
            {QString::fromStdString(run->name), Qt::blue, tag->second.scalars.snapshot()}};

        for (const QString& format : {QStringLiteral("csv"), QStringLiteral("json")}) {
            const QString appPath = dir.filePath("app." + format);
            {
                QFile file(appPath); // as ScalarsDashboard writes a card's data
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
                QTextStream out(&file);
                if (format == QStringLiteral("csv"))
                    writeScalarsCsv(out, series, QStringLiteral("-loss"));
                else
                    writeScalarsJson(out, series, QStringLiteral("-loss"));
            }
            const QString cliPath = dir.filePath("cli." + format);
            QProcess cli;
            cli.start(QStringLiteral(LANTERN_CLI),
                {"export", dir.path(), "--format", format, "--out", cliPath});
            QVERIFY(cli.waitForFinished(60000));
            QCOMPARE(cli.exitCode(), 0);
            QFile appFile(appPath), cliFile(cliPath);
            QVERIFY(appFile.open(QIODevice::ReadOnly) && cliFile.open(QIODevice::ReadOnly));
            const QByteArray app = appFile.readAll(), fromCli = cliFile.readAll();
            if (format == QStringLiteral("csv")) {
                QCOMPARE(app, fromCli);
                QVERIFY(app.contains("'=run,'-loss,0,1700000000.000001,0.1\n"));
                QVERIFY(app.contains("'=run,'-loss,1,1700000001.000001,-2.5\n"));
                QVERIFY(app.contains(",nan\n") && app.contains(",inf\n"));
            } else {
                // The app wraps the series as {"tag": …, "runs": [series]}, the CLI as
                // [series]: the series itself is the same text.
                const qsizetype start = fromCli.indexOf('{');
                const qsizetype end = fromCli.lastIndexOf('}');
                QVERIFY(start >= 0 && end > start);
                QVERIFY(app.contains(fromCli.mid(start, end - start + 1)));
                QVERIFY(app.contains("\"NaN\"") && app.contains("\"Infinity\""));
            }
        }
    }

    void namesBecomeFileStems()
    {
        QCOMPARE(imageFormatForPath(QStringLiteral("a/b.SVG")), ImageFormat::Svg);
        QCOMPARE(imageFormatForPath(QStringLiteral("b.png")), ImageFormat::Png);
        QCOMPARE(fileStemFor(QStringLiteral("train/loss 1")), QStringLiteral("train_loss_1"));
        QCOMPARE(fileStemFor(QString()), QStringLiteral("export"));
    }
};

QTEST_MAIN(TestWidgetExport)
#include "test_widget_export.moc"
