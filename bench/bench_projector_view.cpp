// lantern-bench-projector-view: the projector's point view (EmbeddingScatterPlot) on 100,000
// points in 20 clusters, each case the median of its repeats beside the same case on 10,000
// points (the baseline) in the same run, as a ratio.
//
// repaint-2d: one repaint into a 1200 × 800 image, zoomed in a little each time.
// repaint-3d: the same in 3-D, turned a little each time as an orbiting drag does.
// sprites-2d: 2-D with the thumbnails (64 × 64 tiles) of the first 4,096 points shown, at
//   most kMaxSprites of them.
// labels-3d: 3-D with labels on, 1,000 points highlighted by a search and 100 neighbours.
// drawpoints: the old view's QPainter::drawPoints per colour on the same 100,000 points, the
//   measure the direct writes into an image were chosen by.
// With --window, the view is also shown as a window and turned for 120 frames, each a
// synchronous repaint that reaches the screen (run it under Xvfb with QT_QPA_PLATFORM=xcb for
// the X server's floor): frames per second and the longest frame.
//
// Usage: lantern-bench-projector-view [--reps N] [--window]

#include "ui/dashboards/projector/embedding_scatter_plot.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <vector>

using namespace lantern;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double medianMs(int reps, const std::function<void()>& body)
{
    body(); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        body();
        ms.push_back(msSince(start));
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

struct Cloud {
    std::vector<QVector3D> points;
    std::vector<QRgb> colors;
    std::vector<QString> labels;
};

// Points in 20 Gaussian clusters, coloured by cluster.
Cloud clusteredCloud(std::size_t count)
{
    std::mt19937 random(7);
    std::normal_distribution<float> normal;
    std::vector<QVector3D> centres;
    for (int c = 0; c < 20; ++c)
        centres.emplace_back(3 * normal(random), 3 * normal(random), 3 * normal(random));
    Cloud cloud;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t cluster = i % centres.size();
        cloud.points.push_back(
            centres[cluster] + QVector3D(normal(random), normal(random), normal(random)) * 0.5f);
        cloud.colors.push_back(QColor::fromHsv(int(cluster) * 18, 200, 220).rgb());
        cloud.labels.push_back(QStringLiteral("point %1").arg(i));
    }
    return cloud;
}

// A sprite atlas of `tiles` square tiles of `side` pixels, each a solid colour with a dark
// border, 64 per row.
QImage spriteAtlas(int tiles, int side)
{
    const int perRow = 64;
    QImage atlas(perRow * side, (tiles + perRow - 1) / perRow * side, QImage::Format_ARGB32);
    QPainter painter(&atlas);
    for (int i = 0; i < tiles; ++i) {
        const QRect tile((i % perRow) * side, (i / perRow) * side, side, side);
        painter.fillRect(tile, Qt::darkGray);
        painter.fillRect(tile.adjusted(2, 2, -2, -2), QColor::fromHsv(i * 7 % 360, 180, 230));
    }
    return atlas;
}

// The old view's way, for comparison: QPainter::drawPoints with a square-capped wide pen, one
// call per colour, the points projected by a plain 2-D fit.
double drawPointsMs(const Cloud& cloud, std::size_t count, int reps)
{
    QImage image(1200, 800, QImage::Format_ARGB32_Premultiplied);
    float zoom = 1;
    return medianMs(reps, [&] {
        zoom *= 1.01f;
        std::map<QRgb, QVector<QPointF>> byColor;
        for (std::size_t i = 0; i < count; ++i) {
            const QVector3D& p = cloud.points[i];
            byColor[cloud.colors[i]].append(
                QPointF(600 + 40 * zoom * p.x(), 400 - 40 * zoom * p.y()));
        }
        image.fill(Qt::white);
        QPainter painter(&image);
        QPen pen;
        pen.setCapStyle(Qt::SquareCap);
        pen.setWidthF(3);
        for (const auto& [color, points] : byColor) {
            pen.setColor(QColor::fromRgb(color));
            painter.setPen(pen);
            painter.drawPoints(points.constData(), int(points.size()));
        }
    });
}

enum class Case { Repaint2D, Repaint3D, Sprites2D, Labels3D };

void setUp(ui::EmbeddingScatterPlot& plot, const Cloud& cloud, std::size_t count, Case which)
{
    const int dimensions = which == Case::Repaint3D || which == Case::Labels3D ? 3 : 2;
    plot.resize(1200, 800);
    plot.setPoints(
        {cloud.points.begin(), cloud.points.begin() + std::ptrdiff_t(count)}, dimensions);
    plot.setColors({cloud.colors.begin(), cloud.colors.begin() + std::ptrdiff_t(count)});
    if (which == Case::Sprites2D) {
        // 4,096 tiles of 64 × 64: a 4096 × 4096 atlas, half TensorBoard's largest.
        plot.setSprites(spriteAtlas(4096, 64), QSize(64, 64));
        plot.setSpritesShown(true);
    }
    if (which == Case::Labels3D) {
        plot.setLabels({cloud.labels.begin(), cloud.labels.begin() + std::ptrdiff_t(count)});
        std::vector<bool> highlighted(count, false);
        std::vector<int> neighbours;
        for (std::size_t i = 0; i < count; i += count / 1000)
            highlighted[i] = true;
        for (std::size_t i = 1; i <= 100; ++i)
            neighbours.push_back(int(i * count / 101));
        plot.setHighlighted(std::move(highlighted));
        plot.setSelection({0});
        plot.setNeighbours(std::move(neighbours));
    }
}

// One step of the gesture each case stands for: zoom in 2-D, turn in 3-D.
void step(ui::EmbeddingScatterPlot& plot)
{
    ui::ProjectorCamera camera = plot.camera();
    if (plot.dimensions() == 3)
        camera.yaw += 0.02f;
    else
        camera.zoom *= 1.01f;
    plot.setCamera(camera);
}

double repaintMs(const Cloud& cloud, std::size_t count, Case which, int reps)
{
    ui::EmbeddingScatterPlot plot;
    setUp(plot, cloud, count, which);
    QImage image(plot.size(), QImage::Format_ARGB32_Premultiplied);
    return medianMs(reps, [&] {
        step(plot);
        plot.render(&image);
    });
}

void windowFrames(const Cloud& cloud, int dimensions)
{
    ui::EmbeddingScatterPlot plot;
    setUp(plot, cloud, cloud.points.size(), dimensions == 3 ? Case::Repaint3D : Case::Repaint2D);
    plot.show();
    const auto shown = Clock::now();
    while (msSince(shown) < 500)
        QApplication::processEvents();
    std::vector<double> frames;
    const auto start = Clock::now();
    for (int frame = 0; frame < 120; ++frame) {
        const auto frameStart = Clock::now();
        step(plot);
        plot.repaint();
        QApplication::processEvents();
        frames.push_back(msSince(frameStart));
    }
    const double total = msSince(start);
    std::sort(frames.begin(), frames.end());
    std::printf("window-%dd   %6.1f frames/s   median frame %6.1f ms   longest %6.1f ms   (%s)\n",
        dimensions, 1000 * double(frames.size()) / total, frames[frames.size() / 2], frames.back(),
        qPrintable(QApplication::platformName()));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int reps = 9;
    bool window = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--window") == 0)
            window = true;
    }
    constexpr std::size_t kPoints = 100'000, kBaselinePoints = 10'000;
    const Cloud cloud = clusteredCloud(kPoints);
    const std::pair<const char*, Case> cases[]
        = {{"repaint-2d", Case::Repaint2D}, {"repaint-3d", Case::Repaint3D},
            {"sprites-2d", Case::Sprites2D}, {"labels-3d", Case::Labels3D}};
    for (const auto& [name, which] : cases) {
        const double baseline = repaintMs(cloud, kBaselinePoints, which, reps);
        const double ms = repaintMs(cloud, kPoints, which, reps);
        std::printf("%-11s %7.2f ms   baseline (10,000 points) %6.2f ms   ratio %5.1f×   %5.0f "
                    "frames/s\n",
            name, ms, baseline, ms / baseline, 1000 / ms);
    }
    const double drawPoints = drawPointsMs(cloud, kPoints, reps);
    std::printf("drawpoints  %7.2f ms   (QPainter::drawPoints per colour, the old view's way, "
                "100,000 points)\n",
        drawPoints);
    if (window) {
        windowFrames(cloud, 2);
        windowFrames(cloud, 3);
    }
    return 0;
}
