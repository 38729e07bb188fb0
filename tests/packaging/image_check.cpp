// image_check FILE WIDTH HEIGHT MIN_COLOURS: exits 0 when FILE is a picture of that size with
// at least MIN_COLOURS distinct colours and no single colour covering more than 97% of it, so
// an empty, black or one-colour window (or icon) fails. Used by tests/packaging/test_deb.sh.
// image_check --grab FILE SECONDS MIN_COLOURS: saves the X screen as FILE once it is such a
// picture and has stayed the same for two seconds (the app started and drew), or after SECONDS;
// exits 0 only in the first case. test_deb.sh uses it on an app nobody can ask for a screenshot:
// the one `gio launch` started from its desktop entry.

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

struct Colours {
    qsizetype count = 0;
    double commonestShare = 1;
};

Colours coloursOf(const QImage& image)
{
    QHash<QRgb, qsizetype> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    qsizetype commonest = 0;
    for (const qsizetype count : counts)
        commonest = std::max(commonest, count);
    return {counts.size(), double(commonest) / double(image.width() * image.height())};
}

bool isPicture(const Colours& colours, qsizetype minColours)
{
    return colours.count >= minColours && colours.commonestShare <= 0.97;
}

int grab(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QString file = QString::fromLocal8Bit(argv[2]);
    const int seconds = QByteArray(argv[3]).toInt();
    const qsizetype minColours = QByteArray(argv[4]).toInt();
    QScreen* screen = QGuiApplication::primaryScreen();
    if (screen == nullptr) {
        std::fprintf(stderr, "image_check: no screen to grab\n");
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    QImage previous;
    int sameGrabs = 0;
    constexpr int kSettledGrabs = 4; // 2 s at one grab per 500 ms
    while (true) {
        const QImage shot = screen->grabWindow(0).toImage().convertToFormat(QImage::Format_ARGB32);
        sameGrabs = shot == previous ? sameGrabs + 1 : 0;
        previous = shot;
        const bool settled = sameGrabs >= kSettledGrabs && isPicture(coloursOf(shot), minColours);
        if (settled || clock.elapsed() > seconds * 1000) {
            shot.save(file);
            std::printf("%s: the screen, %dx%d, %s after %.1f s\n", argv[2], shot.width(),
                shot.height(), settled ? "settled" : "not settled", clock.elapsed() / 1000.0);
            return settled ? 0 : 1;
        }
        QThread::msleep(500);
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 5 && QByteArray(argv[1]) == "--grab")
        return grab(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: image_check FILE WIDTH HEIGHT MIN_COLOURS\n"
                             "       image_check --grab FILE SECONDS MIN_COLOURS\n");
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
    const Colours colours = coloursOf(image);
    std::printf("%s: %dx%d, %lld colours, the commonest covers %.1f%%\n", argv[1], image.width(),
        image.height(), static_cast<long long>(colours.count), colours.commonestShare * 100);
    const bool ok = image.size() == expected && isPicture(colours, minColours);
    if (!ok)
        std::fprintf(stderr, "image_check: expected %dx%d, at least %lld colours, none over 97%%\n",
            expected.width(), expected.height(), static_cast<long long>(minColours));
    return ok ? 0 : 1;
}
