#pragma once
// What the views you pan and zoom with the pointer share (LinePlot, GraphView, the Projector's
// EmbeddingScatterPlot): Qt's mouse events turned into gestures. A press that moves less than
// the drag threshold before its button goes up is a click; past it, it is a drag, whose moves
// are reported from the previous position. Moving with no press under way hovers (and leaving
// the widget ends hovering); the wheel turns at the cursor; a double click is a gesture of its own
// (its second press starts none). While a press is under way, other buttons are ignored. Subclasses
// say what each gesture does.

#include <QPointF>
#include <QWidget>

#include <optional>

namespace lantern::ui {

class InteractivePlot : public QWidget {
    Q_OBJECT
public:
    // A button pressed, with the keys held then (they choose what a drag does).
    struct Press {
        QPointF position;
        Qt::MouseButton button = Qt::NoButton;
        Qt::KeyboardModifiers modifiers;
    };

    // The press under way, if any, and whether it moved past the threshold.
    const std::optional<Press>& press() const { return m_press; }
    bool isDragging() const { return m_dragging; }

protected:
    // `dragThreshold`: how far a press moves (Manhattan length, in pixels) before it is a drag;
    // 0: any move.
    explicit InteractivePlot(int dragThreshold, QWidget* parent = nullptr);

    // The gestures; by default each does nothing.
    // A button went down; false declines the press (QWidget gets it: no gesture starts).
    virtual bool pressed(const Press& press);
    // The press moved past the threshold: called once, before its first dragged().
    virtual void dragStarted(const Press& press);
    // The drag moved from `from` to `to` (widget coordinates).
    virtual void dragged(const Press& press, QPointF from, QPointF to);
    // The pressed button went up at `at`; `wasDrag` false: a click.
    virtual void released(const Press& press, QPointF at, bool wasDrag);
    // The pointer moved to `at` with no press under way (all the time with mouse tracking on),
    // or, nullopt, left the widget.
    virtual void hovered(std::optional<QPointF> at);
    // The wheel turned by `angleDelta` (eighths of a degree; a notch is 120) with the pointer at
    // `at`; false leaves the event to the parent widget.
    virtual bool wheelTurned(QPointF at, int angleDelta);
    virtual void doubleClicked(QPointF at, Qt::MouseButton button);

    void mousePressEvent(QMouseEvent* event) final;
    void mouseMoveEvent(QMouseEvent* event) final;
    void mouseReleaseEvent(QMouseEvent* event) final;
    void mouseDoubleClickEvent(QMouseEvent* event) final;
    void wheelEvent(QWheelEvent* event) final;
    void leaveEvent(QEvent* event) final;

private:
    int m_threshold;
    std::optional<Press> m_press;
    QPointF m_last; // the press's last position seen
    bool m_dragging = false;
};

} // namespace lantern::ui
