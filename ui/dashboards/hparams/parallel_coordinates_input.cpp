// ParallelCoordinatesView's mouse: brushing along an axis, dragging an axis by its title,
// hovering and clicking lines, and the scale menu.

#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/parallel_coordinates_view.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>

#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kLinePickDistance = 6, kAxisGrab = 10, kClickSlop = 3;

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t
        = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

QString ParallelCoordinatesView::sessionAt(const QPointF& position) const
{
    ensureLayout();
    QString nearest;
    double best = kLinePickDistance;
    for (std::size_t axis = 0; axis + 1 < m_axes.size(); ++axis) {
        // Only the gap between two axes can hold the position's nearest segments.
        const double left = axisXAt(axis), right = axisXAt(axis + 1);
        if (position.x() < left - kLinePickDistance || position.x() > right + kLinePickDistance)
            continue;
        for (std::size_t line = 0; line < m_lines.size(); ++line) {
            if (!m_brushedIn[line] || !fractionOf(line, axis) || !fractionOf(line, axis + 1))
                continue;
            const double d
                = distanceToSegment(position, pointAt(line, axis), pointAt(line, axis + 1));
            if (d <= best) {
                best = d;
                nearest = m_lines[line].run;
            }
        }
    }
    return nearest;
}

std::optional<std::size_t> ParallelCoordinatesView::axisNear(double x) const
{
    ensureLayout();
    for (std::size_t axis = 0; axis < m_axes.size(); ++axis)
        if (std::abs(x - axisXAt(axis)) <= kAxisGrab)
            return axis;
    return std::nullopt;
}

void ParallelCoordinatesView::removeBrushAt(std::size_t axis, double fraction)
{
    std::vector<core::BrushRange> ranges = m_brushes.value(m_axes[axis].key);
    std::erase_if(ranges, [fraction](const core::BrushRange& r) { return r.contains(fraction); });
    setBrushes(m_axes[axis].key, std::move(ranges));
}

void ParallelCoordinatesView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    m_pressPos = m_dragPos = pos;
    const QRectF plot = plotRect();
    for (std::size_t axis = 0; axis < m_axes.size(); ++axis)
        if (titleRect(m_axes[axis].key).adjusted(-2, -2, 2, 6).contains(pos)) {
            m_drag = Drag::Move;
            m_dragAxis = axis;
            setCursor(Qt::ClosedHandCursor);
            return;
        }
    if (const auto axis = axisNear(pos.x());
        axis && pos.y() >= plot.top() - 4 && pos.y() <= plot.bottom() + 4) {
        m_drag = Drag::Brush;
        m_dragAxis = *axis;
        const double f = std::clamp((plot.bottom() - pos.y()) / plot.height(), 0.0, 1.0);
        std::vector<core::BrushRange> ranges = m_brushes.value(m_axes[*axis].key);
        ranges.push_back({f, f});
        m_brushes.insert(m_axes[*axis].key, std::move(ranges));
        return;
    }
    if (const QString run = sessionAt(pos); !run.isEmpty())
        emit sessionClicked(run);
}

void ParallelCoordinatesView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::Brush) {
        const QRectF plot = plotRect();
        const auto fraction
            = [&](const QPointF& p) { return (plot.bottom() - p.y()) / plot.height(); };
        std::vector<core::BrushRange>& ranges = m_brushes[m_axes[m_dragAxis].key];
        ranges.back() = core::brushBetween(fraction(m_pressPos), fraction(pos));
        applyBrushes();
        return;
    }
    if (m_drag == Drag::Move) {
        m_dragPos = pos;
        update();
        return;
    }
    const QString run = sessionAt(pos);
    if (run != m_hovered) {
        m_hovered = run;
        update();
        emit sessionHovered(run);
    }
    if (run.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), valuesText(run), this);
}

void ParallelCoordinatesView::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    const QPointF pos = event->position();
    const bool click = (pos - m_pressPos).manhattanLength() < kClickSlop;
    if (drag == Drag::Brush) {
        const QString key = m_axes[m_dragAxis].key;
        if (click) { // a click, not a drag: drop the empty brush and any brush under it
            std::vector<core::BrushRange> ranges = m_brushes.value(key);
            ranges.pop_back();
            m_brushes.insert(key, std::move(ranges));
            const QRectF plot = plotRect();
            removeBrushAt(m_dragAxis, (plot.bottom() - pos.y()) / plot.height());
        } else
            applyBrushes();
    } else if (drag == Drag::Move) {
        unsetCursor();
        if (!click) {
            std::vector<double> xs;
            for (std::size_t axis = 0; axis < m_axes.size(); ++axis)
                xs.push_back(axisXAt(axis));
            QStringList order = axisOrder();
            std::vector<QString> keys(order.begin(), order.end());
            core::moveElement(keys, m_dragAxis, core::dropIndex(xs, m_dragAxis, pos.x()));
            setAxisOrder(QStringList(keys.begin(), keys.end()));
        }
        update();
    }
}

void ParallelCoordinatesView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QRectF plot = plotRect();
    if (const auto axis = axisNear(event->position().x());
        axis && event->position().y() >= plot.top() && event->position().y() <= plot.bottom())
        setBrushes(m_axes[*axis].key, {});
}

void ParallelCoordinatesView::leaveEvent(QEvent*)
{
    if (m_hovered.isEmpty())
        return;
    m_hovered.clear();
    update();
    emit sessionHovered(QString());
}

void ParallelCoordinatesView::contextMenuEvent(QContextMenuEvent* event)
{
    const auto index = axisNear(event->pos().x());
    if (!index || !m_axes[*index].numeric)
        return;
    const ParallelAxis axis = m_axes[*index];
    QMenu menu(this);
    auto* group = new QActionGroup(&menu);
    const std::pair<AxisScale, QString> choices[] = {{AxisScale::Linear, tr("Linear scale")},
        {AxisScale::Log, tr("Logarithmic scale")}, {AxisScale::Quantile, tr("Quantile scale")}};
    const AxisScale current = axis.quantile ? AxisScale::Quantile
        : axis.log                          ? AxisScale::Log
                                            : AxisScale::Linear;
    for (const auto& [scale, text] : choices) {
        QAction* action = menu.addAction(text);
        action->setCheckable(true);
        action->setChecked(scale == current);
        action->setEnabled(scale != AxisScale::Log || axis.positive);
        action->setData(int(scale));
        group->addAction(action);
    }
    menu.addSeparator();
    QAction* clear = menu.addAction(tr("Remove this axis's brushes"));
    clear->setEnabled(!m_brushes.value(axis.key).empty());
    QAction* chosen = menu.exec(event->globalPos());
    if (chosen == clear)
        setBrushes(axis.key, {});
    else if (chosen)
        setScale(axis.key, AxisScale(chosen->data().toInt()));
}

} // namespace lantern::ui
