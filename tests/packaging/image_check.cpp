// image_check FILE WIDTH HEIGHT MIN_COLOURS: exits 0 when FILE is a picture of that size with
// at least MIN_COLOURS distinct colours and no single colour covering more than 97% of it, so
// an empty, black or one-colour window (or icon) fails. Used by tests/packaging/test_deb.sh.

#include <QHash>
#include <QImage>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: image_check FILE WIDTH HEIGHT MIN_COLOURS\n");
        return 2;
    }
    const QImage image
        = QImage(QString::fromLocal8Bit(argv[1])).convertToFormat(QImage::Format_ARGB32);
    const QSize expected(QByteArray(argv[2]).toInt(), QByteArray(argv[3]).toInt());
    const qsizetype minColours = QByteArray(argv[4]).toInt();
    if (image.isNull()) {
        std::fprintf(stderr, "image_check: %s is not a readable picture\n", argv[1]);
        return 1;
    }
    QHash<QRgb, qsizetype> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    qsizetype commonest = 0;
    for (const qsizetype count : counts)
        commonest = std::max(commonest, count);
    const double commonestShare = double(commonest) / double(image.width() * image.height());
    std::printf("%s: %dx%d, %lld colours, the commonest covers %.1f%%\n", argv[1], image.width(),
        image.height(), static_cast<long long>(counts.size()), commonestShare * 100);
    const bool ok
        = image.size() == expected && counts.size() >= minColours && commonestShare <= 0.97;
    if (!ok)
        std::fprintf(stderr, "image_check: expected %dx%d, at least %lld colours, none over 97%%\n",
            expected.width(), expected.height(), static_cast<long long>(minColours));
    return ok ? 0 : 1;
}
