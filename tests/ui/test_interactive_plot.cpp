// The gestures every pan-and-zoom view shares (InteractivePlot), driven by real mouse and wheel
// events: a press that stays within the drag threshold is a click, one that moves past it a
// drag reported from the previous position, hovering only with no press under way, other
// buttons ignored during a gesture, a double click that starts no gesture, declined presses.

#include "tests/support/test_main.h"
#include "ui/widgets/interactive_plot.h"

#include <QMouseEvent>
#include <QTest>
#include <QWheelEvent>

using namespace lantern;

namespace {

// Writes down every gesture it is told of, as text.
class RecordingPlot : public ui::InteractivePlot {
public:
    explicit RecordingPlot(int threshold)
        : InteractivePlot(threshold)
    {
        setMouseTracking(true);
        resize(200, 200);
    }

    QStringList seen;
    bool acceptRight = false;

protected:
    static QString at(QPointF p) { return QStringLiteral("%1,%2").arg(p.x()).arg(p.y()); }

    bool pressed(const Press& press) override
    {
        if (press.button == Qt::RightButton && !acceptRight) {
            seen << QStringLiteral("declined");
            return false;
        }
        seen << QStringLiteral("press ") + at(press.position);
        return true;
    }
    void dragStarted(const Press& press) override
    {
        seen << QStringLiteral("start ") + at(press.position)
                + (press.modifiers & Qt::ShiftModifier ? QStringLiteral(" shift") : QString());
    }
    void dragged(const Press&, QPointF from, QPointF to) override
    {
        seen << QStringLiteral("drag ") + at(from) + QStringLiteral(" > ") + at(to);
    }
    void released(const Press& press, QPointF where, bool wasDrag) override
    {
        seen << (wasDrag ? QStringLiteral("drop ") : QStringLiteral("click ")) + at(where)
                + (press.button == Qt::LeftButton ? QString() : QStringLiteral(" other"));
    }
    void hovered(std::optional<QPointF> where) override
    {
        seen << (where ? QStringLiteral("hover ") + at(*where) : QStringLiteral("left"));
    }
    bool wheelTurned(QPointF where, int angleDelta) override
    {
        seen << QStringLiteral("wheel %1 ").arg(angleDelta) + at(where);
        return angleDelta != 0;
    }
    void doubleClicked(QPointF where, Qt::MouseButton) override
    {
        seen << QStringLiteral("double ") + at(where);
    }
};

// A move with `buttons` held, sent straight to the widget (QTest moves the cursor instead
// when no button is held, which reaches only a shown window).
void move(QWidget* widget, QPoint position, Qt::MouseButtons buttons = Qt::NoButton)
{
    QMouseEvent event(QEvent::MouseMove, QPointF(position), QPointF(widget->mapToGlobal(position)),
        Qt::NoButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

bool sendWheel(QWidget* widget, QPoint position, int angle)
{
    QWheelEvent event(QPointF(position), QPointF(widget->mapToGlobal(position)), QPoint(),
        QPoint(0, angle), Qt::NoButton, {}, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
    return event.isAccepted();
}

} // namespace

class TestInteractivePlot : public QObject {
    Q_OBJECT
private slots:
    // Moves within the threshold keep a press a click; past it, every move is a drag step.
    void clickOrDragByThreshold()
    {
        RecordingPlot plot(4);
        QTest::mousePress(&plot, Qt::LeftButton, {}, QPoint(10, 10));
        move(&plot, QPoint(12, 11), Qt::LeftButton); // 3 pixels: still a click
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, QPoint(12, 11));
        QCOMPARE(plot.seen, QStringList({"press 10,10", "click 12,11"}));

        plot.seen.clear();
        QTest::mousePress(&plot, Qt::LeftButton, Qt::ShiftModifier, QPoint(10, 10));
        move(&plot, QPoint(12, 11), Qt::LeftButton);
        move(&plot, QPoint(13, 11), Qt::LeftButton); // 4: a drag, from where it was pressed
        move(&plot, QPoint(20, 30), Qt::LeftButton);
        QTest::mouseRelease(&plot, Qt::LeftButton, Qt::ShiftModifier, QPoint(20, 30));
        QCOMPARE(plot.seen,
            QStringList({"press 10,10", "start 10,10 shift", "drag 10,10 > 13,11",
                "drag 13,11 > 20,30", "drop 20,30"}));
    }

    // With no threshold, the first move is a drag; a press that never moves is a click.
    void zeroThresholdDragsAtOnce()
    {
        RecordingPlot plot(0);
        QTest::mousePress(&plot, Qt::LeftButton, {}, QPoint(50, 50));
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, QPoint(50, 50));
        QTest::mousePress(&plot, Qt::LeftButton, {}, QPoint(50, 50));
        move(&plot, QPoint(51, 50), Qt::LeftButton);
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, QPoint(51, 50));
        QCOMPARE(plot.seen,
            QStringList({"press 50,50", "click 50,50", "press 50,50", "start 50,50",
                "drag 50,50 > 51,50", "drop 51,50"}));
    }

    // Hovering is for moves with no press under way; leaving is told whatever happens.
    void hoverOnlyWithoutPress()
    {
        RecordingPlot plot(3);
        move(&plot, QPoint(5, 6));
        QTest::mousePress(&plot, Qt::LeftButton, {}, QPoint(5, 6));
        move(&plot, QPoint(6, 6), Qt::LeftButton); // within the threshold: no hover, no drag
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, QPoint(6, 6));
        move(&plot, QPoint(7, 8));
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(&plot, &leave);
        QCOMPARE(
            plot.seen, QStringList({"hover 5,6", "press 5,6", "click 6,6", "hover 7,8", "left"}));
    }

    // A declined press starts nothing: the moves that follow hover. During a gesture, another
    // button's press and release change nothing; the gesture ends with its own button.
    void declinedPressesAndOtherButtons()
    {
        RecordingPlot plot(3);
        QTest::mousePress(&plot, Qt::RightButton, {}, QPoint(20, 20));
        move(&plot, QPoint(40, 40), Qt::RightButton);
        QTest::mouseRelease(&plot, Qt::RightButton, {}, QPoint(40, 40));
        QCOMPARE(plot.seen, QStringList({"declined", "hover 40,40"}));

        plot.seen.clear();
        plot.acceptRight = true;
        QTest::mousePress(&plot, Qt::LeftButton, {}, QPoint(20, 20));
        QTest::mousePress(&plot, Qt::RightButton, {}, QPoint(20, 20));
        QTest::mouseRelease(&plot, Qt::RightButton, {}, QPoint(20, 20));
        move(&plot, QPoint(30, 20), Qt::LeftButton);
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, QPoint(30, 20));
        QCOMPARE(plot.seen,
            QStringList({"press 20,20", "start 20,20", "drag 20,20 > 30,20", "drop 30,20"}));

        plot.seen.clear();
        QTest::mousePress(&plot, Qt::RightButton, {}, QPoint(5, 5));
        QTest::mouseRelease(&plot, Qt::RightButton, {}, QPoint(5, 5));
        QCOMPARE(plot.seen, QStringList({"press 5,5", "click 5,5 other"}));
    }

    // A double click as Qt delivers it (press, release, double click in place of the second
    // press, release): the first click, then the double click; the last release ends nothing.
    void doubleClickStartsNoGesture()
    {
        RecordingPlot plot(3);
        QTest::mouseClick(&plot, Qt::LeftButton, {}, QPoint(30, 40));
        QTest::mouseDClick(&plot, Qt::LeftButton, {}, QPoint(30, 40));
        QVERIFY(!plot.press());
        QTest::mouseRelease(&plot, Qt::LeftButton, {}, QPoint(30, 40));
        move(&plot, QPoint(31, 40));
        QCOMPARE(
            plot.seen, QStringList({"press 30,40", "click 30,40", "double 30,40", "hover 31,40"}));
    }

    // The wheel reports its angle where the pointer is; a turn the plot declines goes to the
    // parent (the event is left unaccepted).
    void wheelAcceptsWhatThePlotTakes()
    {
        RecordingPlot plot(3);
        QVERIFY(sendWheel(&plot, QPoint(60, 70), 120));
        QVERIFY(!sendWheel(&plot, QPoint(60, 70), 0));
        QCOMPARE(plot.seen, QStringList({"wheel 120 60,70", "wheel 0 60,70"}));
    }
};

LANTERN_TEST_MAIN(TestInteractivePlot)
#include "test_interactive_plot.moc"
