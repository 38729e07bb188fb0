// lantern-render-icons: the app's icons at every size, rendered from its one SVG at build time,
// so no hand-made copy can drift from it.
//   lantern-render-icons SVG png DIR SIZE...   DIR/<n>x<n>/apps/lantern.png per SIZE (hicolor)
//   lantern-render-icons SVG icns FILE         a macOS .icns (16 to 1024 pixels)
//   lantern-render-icons SVG ico FILE          a Windows .ico (16 to 256 pixels)

#include "icon_containers.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

using lantern::packaging::PngIcon;

QByteArray renderPng(QSvgRenderer& svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        return true;
    std::fprintf(stderr, "lantern-render-icons: cannot write %s: %s\n", qPrintable(path),
        qPrintable(file.errorString()));
    return false;
}

QList<PngIcon> renderAll(QSvgRenderer& svg, const QList<int>& sizes)
{
    QList<PngIcon> icons;
    for (const int size : sizes)
        icons.append({size, renderPng(svg, size)});
    return icons;
}

int usage()
{
    std::fprintf(stderr,
        "usage: lantern-render-icons SVG png DIR SIZE...\n"
        "       lantern-render-icons SVG icns FILE\n"
        "       lantern-render-icons SVG ico FILE\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4)
        return usage();
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "lantern-render-icons: cannot read the SVG %s\n", argv[1]);
        return 1;
    }
    const QByteArray format = argv[2];
    const QString target = QString::fromLocal8Bit(argv[3]);
    if (format == "icns") {
        const QList<PngIcon> icons = renderAll(svg, {16, 32, 64, 128, 256, 512, 1024});
        return writeFile(target, lantern::packaging::icnsFile(icons)) ? 0 : 1;
    }
    if (format == "ico") {
        const QList<PngIcon> icons = renderAll(svg, {16, 24, 32, 48, 64, 128, 256});
        return writeFile(target, lantern::packaging::icoFile(icons)) ? 0 : 1;
    }
    if (format != "png" || argc < 5)
        return usage();
    for (int i = 4; i < argc; ++i) {
        const int size = QByteArray(argv[i]).toInt();
        if (size <= 0)
            return usage();
        const QString directory = target + QStringLiteral("/%1x%1/apps").arg(size);
        if (!QDir().mkpath(directory)
            || !writeFile(directory + QStringLiteral("/lantern.png"), renderPng(svg, size)))
            return 1;
    }
    return 0;
}
