// The icons lantern-render-icons writes at build time: the .ico read back by Qt's own ICO
// reader (another implementation than ours), the .icns walked entry by entry, and every picture
// checked to be the SVG drawn at its size (not blank, the lantern's glass where it should be).

#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

QString renderer()
{
    return qEnvironmentVariable("LANTERN_RENDER_ICONS");
}

QString svgPath()
{
    return qEnvironmentVariable("LANTERN_ICON_SVG");
}

// Runs the tool as the build does; returns the file it wrote.
QByteArray render(const QString& format, const QString& path)
{
    QProcess process;
    process.start(renderer(), {svgPath(), format, path});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << process.readAllStandardError();
        return {};
    }
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The SVG's glass (cream, #FFF3C4) fills the middle of the icon, its frame is slate grey and
// the corners are transparent: a picture of the lantern, not an empty or garbled image.
void verifyLantern(const QImage& image, int size)
{
    QCOMPARE(image.size(), QSize(size, size));
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    const QColor glass = image.pixelColor(size * 100 / 256, size * 100 / 256);
    QVERIFY2(qAbs(glass.red() - 0xFF) < 24 && qAbs(glass.green() - 0xF3) < 24
            && qAbs(glass.blue() - 0xC4) < 40,
        qPrintable(glass.name()));
}

} // namespace

class TestIconFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(!renderer().isEmpty() && !svgPath().isEmpty(),
            "LANTERN_RENDER_ICONS and LANTERN_ICON_SVG name the tool and the SVG (set by CTest)");
    }

    void hicolorPngs()
    {
        QTemporaryDir dir;
        QProcess process;
        process.start(renderer(),
            {svgPath(), QStringLiteral("png"), dir.path(), QStringLiteral("16"),
                QStringLiteral("48")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        for (const int size : {16, 48})
            verifyLantern(
                QImage(dir.path() + QStringLiteral("/%1x%1/apps/lantern.png").arg(size)), size);
    }

    void icoHoldsEverySizeUpTo256()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lantern.ico"));
        QVERIFY(!render(QStringLiteral("ico"), path).isEmpty());
        QImageReader reader(path, "ico");
        QVERIFY2(reader.canRead(), qPrintable(reader.errorString()));
        QCOMPARE(reader.imageCount(), 7);
        QList<int> sizes;
        for (int i = 0; i < reader.imageCount(); ++i) {
            QVERIFY(reader.jumpToImage(i));
            const QImage image = reader.read();
            QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
            verifyLantern(image, image.width());
            sizes.append(image.width());
        }
        QCOMPARE(sizes, (QList<int> {16, 24, 32, 48, 64, 128, 256}));
    }

    void icnsEntriesArePngsOfTheirTypesSize()
    {
        QTemporaryDir dir;
        const QByteArray icns
            = render(QStringLiteral("icns"), dir.filePath(QStringLiteral("l.icns")));
        QVERIFY(icns.startsWith("icns"));
        QCOMPARE(qFromBigEndian<quint32>(icns.constData() + 4), quint32(icns.size()));
        const QMap<QByteArray, int> sizeOfType {{"icp4", 16}, {"icp5", 32}, {"icp6", 64},
            {"ic07", 128}, {"ic08", 256}, {"ic09", 512}, {"ic10", 1024}};
        QList<QByteArray> types;
        qsizetype at = 8;
        while (at < icns.size()) {
            QVERIFY(at + 8 <= icns.size());
            const QByteArray type = icns.mid(at, 4);
            const auto length = qsizetype(qFromBigEndian<quint32>(icns.constData() + at + 4));
            QVERIFY(length > 8 && at + length <= icns.size());
            QVERIFY2(sizeOfType.contains(type), type.constData());
            const QImage image = QImage::fromData(icns.mid(at + 8, length - 8), "PNG");
            verifyLantern(image, sizeOfType[type]);
            types.append(type);
            at += length;
        }
        QCOMPARE(types.size(), sizeOfType.size());
    }
};

QTEST_GUILESS_MAIN(TestIconFiles)
#include "test_icon_files.moc"
