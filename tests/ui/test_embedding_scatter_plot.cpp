// The projector's point view driven by real mouse and wheel events: zoom about the cursor, pan,
// reset, 3-D orbit with perspective, selection gestures, and what the view draws.

#include "ui/dashboards/projector/embedding_scatter_plot.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

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

void drag(QWidget* widget, Qt::MouseButton button, QPoint from, QPoint to,
    Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(widget, button, modifiers, from);
    // In steps, as a hand moves, so the threshold between click and drag is crossed.
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(widget, from + (to - from) * step / 4);
    QTest::mouseRelease(widget, button, modifiers, to);
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
        plot->setSelectionMode(true);
        drag(plot.get(), Qt::LeftButton, plot->positionOf(2) + QPoint(-8, -8),
            plot->positionOf(0) + QPoint(8, 8));
        QCOMPARE(selectionOf(selections, 5), (std::vector<int> {0, 2}));
        QCOMPARE(selections.count(), 6);
    }
};

QTEST_MAIN(TestEmbeddingScatterPlot)
#include "test_embedding_scatter_plot.moc"
