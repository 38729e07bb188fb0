// Exporting a widget: the PNG holds its pixels, the SVG its drawing as vectors and text.

#include "ui/widgets/widget_export.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

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
