// The projector's point view driven by real mouse and wheel events: zoom about the cursor, pan,
// reset, 3-D orbit with perspective, selection gestures, and what the view draws (depth,
// sprites, legend, labels), also for a real embedding with a sprite atlas. With
// LANTERN_SCREENSHOT_DIR set, that embedding's views are saved there as PNG files.

#include "core/analysis/pca.h"
#include "core/projector/projector_discovery.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_labels.h"
#include "ui/dashboards/projector/projector_legend.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <limits>

using namespace lantern;

namespace {

double distanceBetween(QPoint a, QPoint b)
{
    return std::hypot(double(a.x() - b.x()), double(a.y() - b.y()));
}

void wheel(QWidget* widget, QPoint position, int angle, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(QPointF(position), QPointF(widget->mapToGlobal(position)), QPoint(),
        QPoint(0, angle), Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

// A free-hand loop through `corners` (and back to the first), drawn in small steps.
void lasso(
    QWidget* widget, const std::vector<QPoint>& corners, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(widget, Qt::LeftButton, modifiers, corners.front());
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const QPoint from = corners[i], to = corners[(i + 1) % corners.size()];
        for (int step = 1; step <= 6; ++step)
            QTest::mouseMove(widget, from + (to - from) * step / 6);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, corners.front());
}

void drag(QWidget* widget, Qt::MouseButton button, QPoint from, QPoint to,
    Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(widget, button, modifiers, from);
    // In steps, as a hand moves, so the threshold between click and drag is crossed.
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(widget, from + (to - from) * step / 4);
    QTest::mouseRelease(widget, button, modifiers, to);
}

// Pixels of `image` in `area` whose colour `matches`.
template <typename Match> int countPixels(const QImage& image, QRect area, Match matches)
{
    int count = 0;
    area &= image.rect();
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += matches(image.pixel(x, y)) ? 1 : 0;
    return count;
}

bool isDark(QRgb pixel)
{
    return qRed(pixel) < 100 && qGreen(pixel) < 100 && qBlue(pixel) < 100;
}

QImage grabbed(QWidget* widget)
{
    return widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

std::vector<int> selectionOf(const QSignalSpy& spy, int emission)
{
    return spy.at(emission).first().value<std::vector<int>>();
}

} // namespace

class TestEmbeddingScatterPlot : public QObject {
    Q_OBJECT

    std::unique_ptr<ui::EmbeddingScatterPlot> makePlot(
        std::vector<QVector3D> points, int dimensions)
    {
        auto plot = std::make_unique<ui::EmbeddingScatterPlot>();
        plot->resize(400, 400);
        plot->show();
        if (!QTest::qWaitForWindowExposed(plot.get()))
            return nullptr;
        plot->setPoints(std::move(points), dimensions);
        return plot;
    }

    // A square of four corners and its centre, in 2-D.
    static std::vector<QVector3D> square()
    {
        return {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5f, 0.5f, 0}};
    }

private slots:
    void initTestCase() { qRegisterMetaType<std::vector<int>>(); }

    void fitsEveryPointInTheWidget()
    {
        // z is ignored in 2-D: a far z changes nothing.
        auto plot = makePlot({{0, 0, 0}, {1, 0, 5}, {0, 1, -7}, {1, 1, 0}, {0.5f, 0.5f, 100}}, 2);
        QVERIFY(plot);
        for (int i = 0; i < plot->pointCount(); ++i)
            QVERIFY(plot->rect().contains(plot->positionOf(i)));
        // y grows upward; one scale on both axes.
        QCOMPARE(plot->positionOf(4), plot->rect().center() + QPoint(1, 1));
        QVERIFY(plot->positionOf(2).y() < plot->positionOf(0).y());
        QCOMPARE(distanceBetween(plot->positionOf(0), plot->positionOf(1)),
            distanceBetween(plot->positionOf(0), plot->positionOf(2)));
    }

    void pointsThatAreNotNumbersAreLeftOut()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        for (int dimensions : {2, 3}) {
            std::vector<QVector3D> points = square();
            points.emplace_back(nan, 0, 0);
            points.emplace_back(0, inf, 0);
            points.emplace_back(0.5f, 0.5f, nan); // z counts in 3-D only
            auto plot = makePlot(points, dimensions);
            QVERIFY(plot);
            plot->grab();
            // The square still fills the widget; the rest are nowhere, and never picked.
            for (int i = 0; i < 5; ++i)
                QVERIFY(plot->rect().contains(plot->positionOf(i)));
            QVERIFY(distanceBetween(plot->positionOf(0), plot->positionOf(3)) > 300);
            QVERIFY(!plot->rect().contains(plot->positionOf(5)));
            QVERIFY(!plot->rect().contains(plot->positionOf(6)));
            QCOMPARE(plot->rect().contains(plot->positionOf(7)), dimensions == 2);
            // (Not (0, 0): QTest reads a null point as the centre.)
            drag(plot.get(), Qt::LeftButton, QPoint(1, 1), QPoint(399, 399), Qt::ShiftModifier);
            QCOMPARE(plot->selection().size(), std::size_t(dimensions == 2 ? 6 : 5));
        }
        // Huge but finite coordinates are drawn, zoomed and dragged without harm.
        auto plot = makePlot({{0, 0, 0}, {1, 1, 1}, {3e38f, -3e38f, 3e38f}}, 3);
        QVERIFY(plot);
        plot->grab();
        wheel(plot.get(), QPoint(200, 200), 1200);
        drag(plot.get(), Qt::LeftButton, QPoint(10, 10), QPoint(300, 300));
        plot->grab();
        QVERIFY(plot->rect().contains(plot->positionOf(0)) || plot->pointAt(QPoint(200, 200)) < 3);
    }

    void wheelZoomsAboutTheCursor()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        const QPoint cursor = plot->positionOf(3);
        const double before = distanceBetween(plot->positionOf(0), plot->positionOf(4));
        wheel(plot.get(), cursor, 120); // one notch in
        const double after = distanceBetween(plot->positionOf(0), plot->positionOf(4));
        QVERIFY2(after > before * 1.15, qPrintable(QString::number(after / before)));
        // The point under the cursor stays there.
        QVERIFY(distanceBetween(plot->positionOf(3), cursor) <= 1);
        wheel(plot.get(), cursor, -240); // two notches out
        QVERIFY(distanceBetween(plot->positionOf(0), plot->positionOf(4)) < before);
        QVERIFY(distanceBetween(plot->positionOf(3), cursor) <= 1);
    }

    void dragPansAndDoubleClickResets()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        std::vector<QPoint> fitted;
        for (int i = 0; i < plot->pointCount(); ++i)
            fitted.push_back(plot->positionOf(i));
        QSignalSpy selections(plot.get(), &ui::EmbeddingScatterPlot::selectionChanged);
        // From empty space, 60 px right and 30 px down: every point follows the mouse.
        const QPoint start = plot->positionOf(4) + QPoint(40, 0);
        QCOMPARE(plot->pointAt(start), -1);
        drag(plot.get(), Qt::LeftButton, start, start + QPoint(60, 30));
        for (int i = 0; i < plot->pointCount(); ++i)
            QVERIFY(
                distanceBetween(plot->positionOf(i), fitted[std::size_t(i)] + QPoint(60, 30)) <= 1);
        QCOMPARE(selections.count(), 0); // a drag is not a click
        wheel(plot.get(), plot->positionOf(0), 360);
        QVERIFY(plot->positionOf(3) != fitted[3] + QPoint(60, 30));
        QTest::mouseDClick(plot.get(), Qt::LeftButton, {}, QPoint(5, 5));
        for (int i = 0; i < plot->pointCount(); ++i)
            QCOMPARE(plot->positionOf(i), fitted[std::size_t(i)]);
    }

    void cameraIsKeptAndGivenBack()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        const QPoint fitted = plot->positionOf(3);
        wheel(plot.get(), plot->positionOf(0), 240);
        drag(plot.get(), Qt::LeftButton, QPoint(300, 100), QPoint(250, 150));
        const QPoint moved = plot->positionOf(3);
        const ui::ProjectorCamera camera = plot->camera();
        plot->resetView();
        QCOMPARE(plot->positionOf(3), fitted);
        plot->setCamera(camera);
        QCOMPARE(plot->positionOf(3), moved);
    }

    void orbitTurnsThePointsWithPerspective()
    {
        // Points on the axes and one off them, about the origin.
        const std::vector<QVector3D> points {
            {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}, {1, 0, 1}};
        auto plot = makePlot(points, 3);
        QVERIFY(plot);
        const QPoint centre = plot->positionOf(4);
        // Facing the x–y plane: +x to the right, +y up, ±z on the centre.
        QCOMPARE(plot->positionOf(5), centre);
        QVERIFY(plot->positionOf(0).x() > centre.x());
        QCOMPARE(plot->positionOf(0).y(), centre.y());
        const QPoint top = plot->positionOf(2);
        QVERIFY(top.y() < centre.y());
        QCOMPARE(top.x(), centre.x());
        // Perspective: (1, 0, 1) is nearer the eye than (1, 0, 0), so further from the centre.
        // From a pinhole at distance D with focal f: x = f / D and f / (D − 1).
        const double a = plot->positionOf(0).x() - centre.x();
        const double b = plot->positionOf(6).x() - centre.x();
        QVERIFY(b > a);
        const double eye = b / (b - a), focal = a * eye;
        // The front point (0, 0, 1) is picked over the back one on the centre.
        QCOMPARE(plot->pointAt(centre), 4);

        // Drag right: the front of the cloud follows the mouse, so +x turns away from the eye.
        drag(plot.get(), Qt::LeftButton, QPoint(20, 380), QPoint(120, 380));
        const double yaw = plot->camera().yaw;
        QVERIFY(yaw > 0.5 && yaw < 1.5);
        const auto expectedX = [&](double x, double z) {
            // Turned by yaw about the vertical axis: x' = x cos + z sin, z' = −x sin + z cos.
            const double turnedX = x * std::cos(yaw) + z * std::sin(yaw);
            const double turnedZ = -x * std::sin(yaw) + z * std::cos(yaw);
            return centre.x() + focal * turnedX / (eye - turnedZ);
        };
        QVERIFY(std::abs(plot->positionOf(0).x() - expectedX(1, 0)) <= 1.5);
        QVERIFY(std::abs(plot->positionOf(4).x() - expectedX(0, 1)) <= 1.5);
        QVERIFY(std::abs(plot->positionOf(6).x() - expectedX(1, 1)) <= 1.5);
        QVERIFY(plot->positionOf(4).x() > centre.x()); // the front point moved right
        QCOMPARE(plot->positionOf(2), top); // on the vertical axis: untouched by yaw

        // Drag down: the front point moves down, the top point turns toward the back.
        plot->resetView();
        drag(plot.get(), Qt::LeftButton, QPoint(380, 20), QPoint(380, 120));
        QVERIFY(plot->positionOf(4).y() > centre.y());
        QCOMPARE(plot->positionOf(4).x(), centre.x());

        // Right-drag, or Ctrl-drag, pans in 3-D instead of turning: a point at the target's depth
        // follows the mouse.
        plot->resetView();
        drag(plot.get(), Qt::RightButton, QPoint(20, 380), QPoint(60, 380));
        QCOMPARE(plot->camera().yaw, 0.f);
        QVERIFY(distanceBetween(plot->positionOf(2), top + QPoint(40, 0)) <= 1);
        drag(plot.get(), Qt::LeftButton, QPoint(20, 380), QPoint(20, 350), Qt::ControlModifier);
        QCOMPARE(plot->camera().pitch, 0.f);
        QVERIFY(distanceBetween(plot->positionOf(2), top + QPoint(40, -30)) <= 1);

        // The wheel moves the eye closer: points spread.
        plot->resetView();
        wheel(plot.get(), QPoint(10, 10), 120);
        QVERIFY(plot->positionOf(0).x() - centre.x() > a);
    }

    void nearerPointsCoverFartherOnesAndLookLarger()
    {
        // Index 0 is nearest the eye yet listed first: drawing in index order would bury it.
        auto plot
            = makePlot({{0, 0, 1}, {0, 0, -1}, {1, 0, 1}, {1, 0, -1}, {-1, 1, 0}, {-1, -1, 0}}, 3);
        QVERIFY(plot);
        plot->setColors({qRgb(255, 0, 0), qRgb(0, 160, 0), qRgb(255, 0, 0), qRgb(255, 0, 0),
            qRgb(0, 0, 0), qRgb(0, 0, 0)});
        const QImage image = grabbed(plot.get());
        QCOMPARE(plot->positionOf(0), plot->positionOf(1));
        const auto reddish = [](QRgb p) { return qRed(p) > 200 && qGreen(p) < 200; };
        QVERIFY(reddish(image.pixel(plot->positionOf(0))));
        // The near copy of the same colour is larger than the far one, and the far one faded
        // more toward the white background.
        const QRect nearArea(plot->positionOf(2) - QPoint(10, 10), QSize(21, 21));
        const QRect farArea(plot->positionOf(3) - QPoint(10, 10), QSize(21, 21));
        const int nearPixels = countPixels(image, nearArea, reddish);
        const int farPixels = countPixels(image, farArea, reddish);
        QVERIFY2(nearPixels > farPixels && farPixels > 0,
            qPrintable(QStringLiteral("%1 %2").arg(nearPixels).arg(farPixels)));
        QVERIFY(qGreen(image.pixel(plot->positionOf(3)))
            > qGreen(image.pixel(plot->positionOf(2))) + 40);
    }

    void axesTurnWithThePoints()
    {
        auto plot = makePlot(square(), 3);
        QVERIFY(plot);
        const auto red = [](QRgb p) { return qRed(p) > 180 && qGreen(p) < 100 && qBlue(p) < 100; };
        const QRect corner(0, 300, 100, 100);
        // Facing the x–y plane the x axis lies flat across the screen, to the right.
        const QImage facing = grabbed(plot.get());
        const int across = countPixels(facing, corner, red);
        QVERIFY(across >= 20);
        QCOMPARE(countPixels(facing, QRect(0, 300, 36, 100), red), 0); // nothing left of origin
        // A quarter turn points it at the eye: it shrinks to a stub.
        ui::ProjectorCamera camera = plot->camera();
        camera.yaw = float(M_PI / 2);
        plot->setCamera(camera);
        const int turned = countPixels(grabbed(plot.get()), corner, red);
        QVERIFY2(turned * 3 < across, qPrintable(QStringLiteral("%1 %2").arg(turned).arg(across)));
        // No axes in 2-D.
        plot->setPoints(square(), 2);
        QCOMPARE(countPixels(grabbed(plot.get()), corner, red), 0);
    }

    void spritesDrawTheirTiles()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        // Four 8 × 8 tiles, two per row: red, green / blue, yellow. Point 4 has no tile.
        QImage atlas(16, 16, QImage::Format_RGB32);
        const QRgb tiles[] = {qRgb(255, 0, 0), qRgb(0, 255, 0), qRgb(0, 0, 255), qRgb(255, 255, 0)};
        QPainter painter(&atlas);
        for (int i = 0; i < 4; ++i)
            painter.fillRect(QRect((i % 2) * 8, (i / 2) * 8, 8, 8), QColor::fromRgb(tiles[i]));
        painter.end();
        plot->setSprites(atlas, QSize(8, 8));
        // Not shown yet: points in their colour.
        QCOMPARE(grabbed(plot.get()).pixel(plot->positionOf(1)), plot->colorOf(1));
        plot->setSpritesShown(true);
        QImage image = grabbed(plot.get());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(image.pixel(plot->positionOf(i)), tiles[i]);
        QCOMPARE(image.pixel(plot->positionOf(4)), plot->colorOf(4));
        QCOMPARE(plot->spritesDrawn(), 4);
        // Sprites grow with zoom: 14 px left of the centre of point 1 turns green.
        const QPoint beside = plot->positionOf(1) - QPoint(14, 0);
        QVERIFY(image.pixel(beside) != tiles[1]);
        wheel(plot.get(), plot->positionOf(1), 240);
        image = grabbed(plot.get());
        QCOMPARE(image.pixel(plot->positionOf(1) - QPoint(14, 0)), tiles[1]);
    }

    void spritesPastTheCapAreDrawnAsPoints()
    {
        const int count = ui::EmbeddingScatterPlot::kMaxSprites + 500;
        std::vector<QVector3D> points;
        for (int i = 0; i < count; ++i)
            points.emplace_back(float(i % 100), float(i / 100), 0);
        auto plot = makePlot(points, 2);
        QVERIFY(plot);
        plot->resize(1200, 800); // room for every sprite the cap allows
        QImage atlas(4 * 100, 4 * ((count + 99) / 100), QImage::Format_RGB32);
        atlas.fill(Qt::red);
        plot->setSprites(atlas, QSize(4, 4));
        plot->setSpritesShown(true);
        plot->grab();
        QCOMPARE(plot->spritesDrawn(), ui::EmbeddingScatterPlot::kMaxSprites);
        // Zoomed in on a corner, every point in view gets its sprite.
        for (int notch = 0; notch < 6; ++notch)
            wheel(plot.get(), plot->positionOf(0), 120);
        plot->grab();
        QVERIFY(plot->spritesDrawn() > 0);
        QVERIFY(plot->spritesDrawn() < ui::EmbeddingScatterPlot::kMaxSprites);
    }

    void legendRowsSumUpTheTail()
    {
        ui::ProjectorLegend legend;
        for (int i = 0; i < 30; ++i)
            legend.categories.emplace_back(QStringLiteral("class %1").arg(i), qRgb(i, 0, 0));
        auto rows = ui::legendRows(legend, 12);
        QCOMPARE(rows.size(), std::size_t(12));
        QCOMPARE(rows[10].text, QStringLiteral("class 10"));
        QCOMPARE(rows[11].text, QStringLiteral("and 19 more"));
        QVERIFY(!rows[11].swatch);
        legend.categories.resize(12);
        rows = ui::legendRows(legend, 12);
        QCOMPARE(rows.size(), std::size_t(12));
        QVERIFY(rows[11].swatch);
        QCOMPARE(rows[11].color, qRgb(11, 0, 0));
    }

    void legendIsDrawnInACorner()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        const QRgb cats = qRgb(10, 200, 30), dogs = qRgb(200, 10, 180);
        const auto isColor = [](QRgb color) { return [color](QRgb p) { return p == color; }; };
        const QRect topRight(200, 0, 200, 200), bottomLeft(0, 200, 200, 200);
        QCOMPARE(countPixels(grabbed(plot.get()), plot->rect(), isColor(cats)), 0);
        plot->setLegend({QStringLiteral("animal"),
            {{QStringLiteral("cat"), cats}, {QStringLiteral("dog"), dogs}}});
        QImage image = grabbed(plot.get());
        QVERIFY(countPixels(image, topRight, isColor(cats)) >= 25); // a swatch
        QVERIFY(countPixels(image, topRight, isColor(dogs)) >= 25);
        QCOMPARE(countPixels(image, bottomLeft, isColor(cats)), 0);
        // A gradient: its bar runs from the low colour to the high one.
        ui::ProjectorLegend gradient;
        gradient.title = QStringLiteral("loss");
        gradient.gradient = true;
        gradient.low = 0.5;
        gradient.high = 2;
        gradient.lowColor = qRgb(255, 0, 0);
        gradient.highColor = qRgb(0, 0, 255);
        plot->setLegend(gradient);
        image = grabbed(plot.get());
        const auto nearly = [](QRgb color) {
            return [color](QRgb p) {
                return std::abs(qRed(p) - qRed(color)) + std::abs(qGreen(p) - qGreen(color))
                    + std::abs(qBlue(p) - qBlue(color))
                    < 40;
            };
        };
        QVERIFY(countPixels(image, topRight, nearly(qRgb(255, 0, 0))) >= 10);
        QVERIFY(countPixels(image, topRight, nearly(qRgb(0, 0, 255))) >= 10);
        QCOMPARE(countPixels(image, topRight, isColor(cats)), 0);
        plot->setLegend({});
        QCOMPARE(countPixels(grabbed(plot.get()), topRight, nearly(qRgb(255, 0, 0))), 0);
    }

    void labelsDoNotOverlap()
    {
        const std::vector<QRectF> boxes {QRectF(0, 0, 10, 10), QRectF(5, 5, 10, 10),
            QRectF(20, 0, 10, 10), QRectF(25, 8, 10, 10), QRectF(0, 20, 10, 10)};
        QCOMPARE(ui::placeLabels(boxes, 0), (std::vector<std::size_t> {0, 2, 4}));
        // The first `always` (the hovered point) are kept even when they overlap.
        QCOMPARE(ui::placeLabels(boxes, 2), (std::vector<std::size_t> {0, 1, 2, 4}));
    }

    void labelsAreDrawnForFewPointsOrMarkedOnes()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        // Right of the centre point: nothing dark until it has a label (few points: all shown).
        const QRect rightOfCentre(plot->positionOf(4) + QPoint(6, -10), QSize(80, 20));
        QCOMPARE(countPixels(grabbed(plot.get()), rightOfCentre, isDark), 0);
        plot->setLabels({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("d"), QStringLiteral("WWW")});
        QVERIFY(countPixels(grabbed(plot.get()), rightOfCentre, isDark) > 0);

        // 400 points in view: only the selected, neighbours and search matches are labelled.
        std::vector<QVector3D> grid;
        std::vector<QString> labels;
        for (int i = 0; i < 400; ++i) {
            grid.emplace_back(float(i % 20), float(i / 20), 0);
            labels.push_back(QStringLiteral("WWW"));
        }
        plot->setPoints(grid, 2);
        plot->setLabels(labels);
        const auto rightOf
            = [&](int i) { return QRect(plot->positionOf(i) + QPoint(4, -3), QSize(10, 6)); };
        const int selected = 21, neighbour = 85, match = 250, other = 300;
        QImage image = grabbed(plot.get());
        for (int i : {selected, neighbour, match, other})
            QCOMPARE(countPixels(image, rightOf(i), isDark), 0);
        plot->setSelection({selected});
        plot->setNeighbours({neighbour});
        std::vector<bool> highlighted(400, false);
        highlighted[std::size_t(match)] = true;
        plot->setHighlighted(highlighted);
        image = grabbed(plot.get());
        for (int i : {selected, neighbour, match})
            QVERIFY2(countPixels(image, rightOf(i), isDark) > 0, qPrintable(QString::number(i)));
        QCOMPARE(countPixels(image, rightOf(other), isDark), 0);
        // The hovered point is labelled too.
        QTest::mouseMove(plot.get(), plot->positionOf(other));
        QVERIFY(countPixels(grabbed(plot.get()), rightOf(other), isDark) > 0);
    }

    void realSpriteAtlasIsDrawn()
    {
        // c06: PyTorch's add_embedding with 128 × 128 thumbnails and no metadata.
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const std::vector<std::pair<std::string, std::filesystem::path>> logdirs {
            {"", *corpus / "c06_torch_embedding_sprite_no_metadata" / "runs"}};
        const auto found = core::discoverProjectorEmbeddings({}, logdirs);
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        const auto& source = found.embeddings.front();
        QVERIFY(source.spriteTile);
        const auto embedding = core::loadEmbedding(source);
        QVERIFY(embedding.error.empty());
        const auto pca
            = core::principalComponents(embedding.values, embedding.rows, embedding.columns, 3);
        QCOMPARE(pca.components, std::size_t(3));
        std::vector<QVector3D> points;
        for (std::size_t row = 0; row < pca.rows; ++row) {
            const float* c = pca.coordinates.data() + row * 3;
            points.emplace_back(c[0], c[1], c[2]);
        }
        const QImage atlas(ui::qStringFromPath(source.spritePath));
        QVERIFY(!atlas.isNull());
        const QSize tile(int(source.spriteTile->first), int(source.spriteTile->second));

        auto plot = makePlot(points, 2);
        QVERIFY(plot);
        plot->resize(900, 640);
        std::vector<QRgb> colors;
        for (std::size_t row = 0; row < pca.rows; ++row)
            colors.push_back(QColor::fromHsv(int(row * 360 / pca.rows), 200, 220).rgb());
        plot->setColors(colors);
        plot->setLegend({QStringLiteral("row"),
            {{QStringLiteral("first"), colors.front()}, {QStringLiteral("last"), colors.back()}}});
        std::vector<QString> labels;
        for (std::size_t row = 0; row < pca.rows; ++row)
            labels.push_back(QStringLiteral("row %1").arg(row));
        plot->setLabels(labels);
        plot->setSelection({0});
        plot->setNeighbours({1, 2, 3});
        const QString directory = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
        const auto save = [&](const char* name) {
            if (!directory.isEmpty())
                plot->grab().save(directory + QLatin1Char('/') + QLatin1String(name));
        };
        save("projector-view-2d.png");
        plot->setPoints(points, 3);
        plot->setColors(colors);
        plot->setLabels(labels);
        plot->setSelection({0});
        drag(plot.get(), Qt::LeftButton, QPoint(100, 600), QPoint(160, 570));
        save("projector-view-3d.png");

        // Sprites: each point in view shows its own tile; the middle of point 0's tile is
        // drawn where point 0 is.
        plot->setSprites(atlas, tile);
        plot->setSpritesShown(true);
        const QImage image = grabbed(plot.get());
        save("projector-view-sprites.png");
        const int tiles = (atlas.width() / tile.width()) * (atlas.height() / tile.height());
        QVERIFY(plot->spritesDrawn() > 0);
        QVERIFY(plot->spritesDrawn() <= std::min(tiles, plot->pointCount()));
        int matching = 0, checked = 0;
        const int perRow = atlas.width() / tile.width();
        for (int i = 0; i < std::min(tiles, plot->pointCount()); ++i) {
            const QPoint at = plot->positionOf(i);
            if (!plot->rect().contains(at) || plot->pointAt(at) != i)
                continue; // covered or out of view
            const QRgb expected = atlas.pixel((i % perRow) * tile.width() + tile.width() / 2,
                (i / perRow) * tile.height() + tile.height() / 2);
            const QRgb drawn = image.pixel(at);
            ++checked;
            matching += std::abs(qRed(drawn) - qRed(expected))
                    + std::abs(qGreen(drawn) - qGreen(expected))
                    + std::abs(qBlue(drawn) - qBlue(expected))
                < 60;
        }
        // Sprites overlap each other, so most (not all) visible centres show their own tile.
        QVERIFY2(checked > 0 && matching * 2 > checked,
            qPrintable(QStringLiteral("%1 of %2").arg(matching).arg(checked)));
        wheel(plot.get(), plot->rect().center(), 360);
        save("projector-view-sprites-zoomed.png");
    }

    void switchingDimensionsKeepsWhatThePointsShow()
    {
        // The 2-D/3-D switch and other components move the same points: colours, labels,
        // selection, neighbours and search matches stay, and the camera fits them again.
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        const std::vector<QRgb> colors {0xffff0000, 0xff00ff00, 0xff0000ff, 0xff000000, 0xff808080};
        plot->setColors(colors);
        plot->setLabels({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("d"), QStringLiteral("e")});
        plot->setSelection({1, 3});
        plot->setNeighbours({2});
        plot->setHighlighted({true, false, false, false, true});
        wheel(plot.get(), plot->rect().center(), 240);
        plot->setDimensions(3);
        QCOMPARE(plot->dimensions(), 3);
        QCOMPARE(plot->camera(), ui::ProjectorCamera {QVector3D(0.5f, 0.5f, 0)});
        QCOMPARE(plot->selection(), (std::vector<int> {1, 3}));
        QCOMPARE(plot->highlighted(), (std::vector<bool> {true, false, false, false, true}));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(plot->colorOf(i), colors[std::size_t(i)]);
        // Other coordinates for as many points: kept too; for another count: ignored.
        std::vector<QVector3D> moved = square();
        for (QVector3D& point : moved)
            point *= 2;
        plot->setCoordinates(moved, 2);
        QCOMPARE(plot->dimensions(), 2);
        QCOMPARE(plot->camera().target, QVector3D(1, 1, 0));
        QCOMPARE(plot->selection(), (std::vector<int> {1, 3}));
        QCOMPARE(plot->colorOf(4), colors[4]);
        plot->setCoordinates({{0, 0, 0}}, 3);
        QCOMPARE(plot->dimensions(), 2);
        QCOMPARE(plot->pointCount(), 5);
    }

    void tensorBoardCamerasAreShownWhereTheyCanBe()
    {
        // The unit square in a 400 × 400 view. TensorBoard's 2-D camera at zoom 1 shows ±1.2 of
        // each axis's [-1, 1] across the view: the corner (1, 1) is 200 / 1.2 pixels right of
        // and above the centre; at zoom 2 about (0.5, 0), twice as far from that point.
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        const auto flat = ui::cameraFromTensorBoard({true, {0, 0, 4}, {0, 0, 0}, 1}, plot->frame());
        QVERIFY(flat);
        plot->setCamera(*flat);
        const QPointF centre(200, 200);
        QVERIFY(
            distanceBetween(plot->positionOf(3), (centre + QPointF(1, -1) * 200 / 1.2).toPoint())
            <= 1);
        const auto zoomed
            = ui::cameraFromTensorBoard({true, {0.5, 0, 4}, {0.5, 0, 0}, 2}, plot->frame());
        QVERIFY(zoomed);
        plot->setCamera(*zoomed);
        QVERIFY(
            distanceBetween(plot->positionOf(3), (centre + QPointF(0.5, -1) * 400 / 1.2).toPoint())
            <= 1);
        // A 3-D camera does not fit a 2-D view.
        QVERIFY(!ui::cameraFromTensorBoard({false, {0, 0, 4}, {0, 0, 0}, 1}, plot->frame()));

        // 3-D: the direction TensorBoard looked from (its default here) and the target.
        plot->setPoints({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}}, 3);
        const auto turned
            = ui::cameraFromTensorBoard({false, {0.45, 0.9, 1.6}, {0, 0, 0}, 1}, plot->frame());
        QVERIFY(turned);
        const QVector3D eye = QVector3D(0.45f, 0.9f, 1.6f).normalized();
        QVERIFY(std::abs(turned->pitch - std::asin(eye.y())) < 1e-4f);
        QVERIFY(std::abs(turned->yaw - std::atan2(-eye.x(), eye.z())) < 1e-4f);
        QCOMPARE(turned->target, QVector3D(0.5f, 0.5f, 0.5f));
        // Looking from +x at the middle of the x = 1 face; closer with a larger zoom.
        const auto side
            = ui::cameraFromTensorBoard({false, {3, 0, 0}, {1, 0, 0}, 1}, plot->frame());
        const auto near
            = ui::cameraFromTensorBoard({false, {3, 0, 0}, {1, 0, 0}, 4}, plot->frame());
        QVERIFY(side && near);
        QVERIFY(std::abs(side->yaw + float(M_PI) / 2) < 1e-4f);
        QCOMPARE(side->target, QVector3D(1, 0.5f, 0.5f));
        QVERIFY(std::abs(near->zoom / side->zoom - 4) < 1e-3f);
        plot->setCamera(*side);
        // The face's centre is drawn at the widget's centre, the point (1, 1, 1) up and left.
        QVERIFY(plot->positionOf(4).x() < 200 && plot->positionOf(4).y() < 200);
        // An eye on its own target, or a 2-D camera: not shown.
        QVERIFY(!ui::cameraFromTensorBoard({false, {1, 0, 0}, {1, 0, 0}, 1}, plot->frame()));
        QVERIFY(!ui::cameraFromTensorBoard({true, {0, 0, 4}, {0, 0, 0}, 1}, plot->frame()));
    }

    void viewsSavedForTensorBoardComeBack()
    {
        // 2-D, zoomed and panned with the mouse.
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        wheel(plot.get(), plot->positionOf(3), 240);
        drag(plot.get(), Qt::LeftButton, QPoint(300, 100), QPoint(250, 150));
        const ui::ProjectorCamera flat = plot->camera();
        const QPoint corner = plot->positionOf(3);
        const core::ProjectorBookmarkCamera savedFlat
            = ui::cameraForTensorBoard(flat, plot->frame());
        QVERIFY(savedFlat.orthographic);
        // TensorBoard's own 2-D camera looks straight down from 4 above its target.
        QCOMPARE(savedFlat.position[0], savedFlat.target[0]);
        QCOMPARE(savedFlat.position[1], savedFlat.target[1]);
        QCOMPARE(savedFlat.position[2] - savedFlat.target[2], 4.0);
        // What TensorBoard draws: ±1.2 / zoom of [-1, 1] across the 400 px about the target,
        // so the corner (1, 1) sits where this view drew it.
        const double pixelsPerUnit = 200 * savedFlat.zoom / 1.2;
        const QPointF drawn(200 + (1 - savedFlat.target[0]) * pixelsPerUnit,
            200 - (1 - savedFlat.target[1]) * pixelsPerUnit);
        QVERIFY2(distanceBetween(drawn.toPoint(), corner) <= 1,
            qPrintable(QStringLiteral("%1,%2").arg(drawn.x()).arg(drawn.y())));
        // Through TensorBoard's JSON and back: the same view.
        core::ProjectorBookmark bookmark;
        bookmark.camera = savedFlat;
        const auto read = core::parseProjectorBookmarks(core::projectorBookmarksJson({bookmark}));
        QCOMPARE(read.bookmarks.size(), std::size_t(1));
        QVERIFY(read.bookmarks[0].camera);
        plot->resetView();
        QVERIFY(plot->positionOf(3) != corner);
        const auto back = ui::cameraFromTensorBoard(*read.bookmarks[0].camera, plot->frame());
        QVERIFY(back);
        plot->setCamera(*back);
        QCOMPARE(plot->positionOf(3), corner);
        QVERIFY(std::abs(back->zoom / flat.zoom - 1) < 1e-4f);

        // 3-D, orbited, zoomed and panned, on a box whose sides differ (TensorBoard scales each
        // axis on its own).
        plot->setPoints({{0, 0, 0}, {4, 0, 0}, {0, 1, 0}, {0, 0, 2}, {4, 1, 2}}, 3);
        drag(plot.get(), Qt::LeftButton, QPoint(20, 380), QPoint(90, 330));
        wheel(plot.get(), QPoint(10, 10), 120);
        drag(plot.get(), Qt::RightButton, QPoint(20, 380), QPoint(50, 360));
        const ui::ProjectorCamera turned = plot->camera();
        QVERIFY(turned.yaw != 0 && turned.pitch != 0 && turned.zoom > 1);
        std::vector<QPoint> seen;
        for (int i = 0; i < plot->pointCount(); ++i)
            seen.push_back(plot->positionOf(i));
        const core::ProjectorBookmarkCamera savedTurned
            = ui::cameraForTensorBoard(turned, plot->frame());
        QVERIFY(!savedTurned.orthographic);
        bookmark.camera = savedTurned;
        const auto readTurned
            = core::parseProjectorBookmarks(core::projectorBookmarksJson({bookmark}));
        QVERIFY(readTurned.bookmarks.size() == 1 && readTurned.bookmarks[0].camera);
        plot->resetView();
        const auto backTurned
            = ui::cameraFromTensorBoard(*readTurned.bookmarks[0].camera, plot->frame());
        QVERIFY(backTurned);
        QVERIFY(std::abs(backTurned->yaw - turned.yaw) < 1e-4f);
        QVERIFY(std::abs(backTurned->pitch - turned.pitch) < 1e-4f);
        QVERIFY(std::abs(backTurned->zoom / turned.zoom - 1) < 1e-4f);
        QVERIFY((backTurned->target - turned.target).length() < 1e-4f);
        plot->setCamera(*backTurned);
        for (int i = 0; i < plot->pointCount(); ++i)
            QVERIFY(distanceBetween(plot->positionOf(i), seen[std::size_t(i)]) <= 1);
    }

    void clicksAndBoxesSelect()
    {
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        QSignalSpy selections(plot.get(), &ui::EmbeddingScatterPlot::selectionChanged);
        // Set by the program: no signal.
        plot->setSelection({1});
        QCOMPARE(plot->selection(), std::vector<int> {1});
        QCOMPARE(selections.count(), 0);

        QTest::mouseClick(plot.get(), Qt::LeftButton, {}, plot->positionOf(4));
        QCOMPARE(selections.count(), 1);
        QCOMPARE(selectionOf(selections, 0), std::vector<int> {4});
        QTest::mouseClick(plot.get(), Qt::LeftButton, Qt::ShiftModifier, plot->positionOf(0));
        QCOMPARE(selectionOf(selections, 1), (std::vector<int> {4, 0}));
        QTest::mouseClick(plot.get(), Qt::LeftButton, Qt::ShiftModifier, plot->positionOf(4));
        QCOMPARE(selectionOf(selections, 2), std::vector<int> {0});
        QCOMPARE(plot->selection(), std::vector<int> {0});
        // A click on empty space clears.
        QTest::mouseClick(plot.get(), Qt::LeftButton, {}, plot->positionOf(4) + QPoint(40, 0));
        QCOMPARE(selectionOf(selections, 3), std::vector<int> {});

        // Shift-drag around the bottom two corners selects them and does not pan.
        const QPoint bottomLeft = plot->positionOf(0), bottomRight = plot->positionOf(1);
        drag(plot.get(), Qt::LeftButton, bottomLeft + QPoint(-8, 8), bottomRight + QPoint(8, -20),
            Qt::ShiftModifier);
        QCOMPARE(selectionOf(selections, 4), (std::vector<int> {0, 1}));
        QCOMPARE(plot->positionOf(0), bottomLeft);
        // Box mode: a plain drag selects too, here the left column.
        plot->setDragTool(ui::EmbeddingScatterPlot::DragTool::Box);
        drag(plot.get(), Qt::LeftButton, plot->positionOf(2) + QPoint(-8, -8),
            plot->positionOf(0) + QPoint(8, 8));
        QCOMPARE(selectionOf(selections, 5), (std::vector<int> {0, 2}));
        QCOMPARE(selections.count(), 6);
    }

    void lassoSelectsThePointsInsideItsLoop()
    {
        // The square's corners and centre: a triangle round three corners takes in the centre
        // (on its long side's inner side) but not the fourth corner, which any box round the
        // three would hold.
        auto plot = makePlot(square(), 2);
        QVERIFY(plot);
        QSignalSpy selections(plot.get(), &ui::EmbeddingScatterPlot::selectionChanged);
        const QPoint bottomLeft = plot->positionOf(0), bottomRight = plot->positionOf(1),
                     topLeft = plot->positionOf(2), topRight = plot->positionOf(3);
        const int d = 12;
        const std::vector<QPoint> triangle {bottomLeft + QPoint(-d, d),
            bottomRight + QPoint(3 * d, d), topLeft + QPoint(-d, -3 * d)};
        // Shift+Alt-drag draws a lasso and moves nothing.
        lasso(plot.get(), triangle, Qt::ShiftModifier | Qt::AltModifier);
        QCOMPARE(selections.count(), 1);
        QCOMPARE(selectionOf(selections, 0), (std::vector<int> {0, 1, 2, 4}));
        QCOMPARE(plot->positionOf(0), bottomLeft);

        // Lasso mode: a plain drag draws one. A thin loop round the right column only.
        plot->setDragTool(ui::EmbeddingScatterPlot::DragTool::Lasso);
        lasso(plot.get(),
            {bottomRight + QPoint(-d, d), bottomRight + QPoint(d, d), topRight + QPoint(d, -d),
                topRight + QPoint(-d, -d)});
        QCOMPARE(selectionOf(selections, 1), (std::vector<int> {1, 3}));
        // A loop round nothing clears the selection; Shift alone still draws a box.
        const QPoint centre = plot->positionOf(4);
        lasso(plot.get(),
            {centre + QPoint(d, d), centre + QPoint(3 * d, d), centre + QPoint(2 * d, 3 * d)});
        QCOMPARE(selectionOf(selections, 2), std::vector<int> {});
        drag(plot.get(), Qt::LeftButton, topLeft + QPoint(-8, -8), topRight + QPoint(8, 8),
            Qt::ShiftModifier);
        QCOMPARE(selectionOf(selections, 3), (std::vector<int> {2, 3}));
    }

    void lassoSelectsWhatIsDrawnInsideItIn3D()
    {
        // Eight corners of a cube, turned so that they fall apart on screen: the lasso takes
        // the points drawn inside it, whatever their depth.
        std::vector<QVector3D> cube;
        for (int i = 0; i < 8; ++i)
            cube.emplace_back(float(i & 1), float((i >> 1) & 1), float((i >> 2) & 1));
        auto plot = makePlot(cube, 3);
        QVERIFY(plot);
        ui::ProjectorCamera camera = plot->camera();
        camera.yaw = 0.5f;
        camera.pitch = 0.4f;
        plot->setCamera(camera);
        plot->setDragTool(ui::EmbeddingScatterPlot::DragTool::Lasso);
        QSignalSpy selections(plot.get(), &ui::EmbeddingScatterPlot::selectionChanged);
        // A loop round the points drawn left of the widget's centre line.
        const int middle = plot->width() / 2;
        std::vector<int> left;
        for (int i = 0; i < 8; ++i) {
            const int x = plot->positionOf(i).x();
            QVERIFY(std::abs(x - middle) > 4); // clearly on one side
            if (x < middle)
                left.push_back(i);
        }
        QVERIFY(left.size() >= 2 && left.size() <= 6);
        const QRect area = plot->rect().adjusted(2, 2, -2, -2);
        lasso(plot.get(),
            {area.topLeft(), QPoint(middle, area.top()), QPoint(middle, area.bottom()),
                area.bottomLeft()});
        QCOMPARE(selections.count(), 1);
        QCOMPARE(selectionOf(selections, 0), left);
        QCOMPARE(plot->camera(), camera); // no orbit
    }
};

LANTERN_TEST_MAIN(TestEmbeddingScatterPlot)
#include "test_embedding_scatter_plot.moc"
