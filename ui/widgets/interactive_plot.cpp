#include "ui/widgets/interactive_plot.h"

#include <QMouseEvent>
#include <QWheelEvent>

#include <utility>

namespace lantern::ui {

InteractivePlot::InteractivePlot(int dragThreshold, QWidget* parent)
    : QWidget(parent)
    , m_threshold(dragThreshold)
{
}

bool InteractivePlot::pressed(const Press&)
{
    return true;
}
void InteractivePlot::dragStarted(const Press&)
{
}
void InteractivePlot::dragged(const Press&, QPointF, QPointF)
{
}
void InteractivePlot::released(const Press&, QPointF, bool)
{
}
void InteractivePlot::hovered(std::optional<QPointF>)
{
}
bool InteractivePlot::wheelTurned(QPointF, int)
{
    return false;
}
void InteractivePlot::doubleClicked(QPointF, Qt::MouseButton)
{
}

void InteractivePlot::mousePressEvent(QMouseEvent* event)
{
    if (m_press)
        return; // another button during a gesture
    const Press press {event->position(), event->button(), event->modifiers()};
    if (!pressed(press)) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_press = press;
    m_last = press.position;
    m_dragging = false;
}

void InteractivePlot::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF at = event->position();
    if (!m_press) {
        hovered(at);
        return;
    }
    if (!m_dragging) {
        if ((at - m_press->position).manhattanLength() < m_threshold)
            return;
        m_dragging = true;
        dragStarted(*m_press);
    }
    const QPointF from = std::exchange(m_last, at);
    dragged(*m_press, from, at);
}

void InteractivePlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_press || event->button() != m_press->button) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Press press = *std::exchange(m_press, std::nullopt);
    released(press, event->position(), std::exchange(m_dragging, false));
}

void InteractivePlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    // Takes the place of the second press: its release ends no gesture.
    m_press.reset();
    m_dragging = false;
    doubleClicked(event->position(), event->button());
}

void InteractivePlot::wheelEvent(QWheelEvent* event)
{
    if (wheelTurned(event->position(), event->angleDelta().y()))
        event->accept();
    else
        event->ignore();
}

void InteractivePlot::leaveEvent(QEvent* event)
{
    hovered(std::nullopt);
    QWidget::leaveEvent(event);
}

} // namespace lantern::ui
