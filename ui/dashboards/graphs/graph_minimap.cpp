#include "ui/dashboards/graphs/graph_minimap.h"

#include "ui/dashboards/graphs/graph_view.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kWidth = 220;
constexpr int kHeight = 150;
constexpr int kMinimapMargin = 8; // from the view's edges, and inside the map around the scene

} // namespace

GraphMinimap::GraphMinimap(GraphView* view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("graphMinimap"));
    setFixedSize(kWidth, kHeight);
    setCursor(Qt::PointingHandCursor);
    view->installEventFilter(this);
    connect(view, &GraphView::viewMoved, this, [this] {
        showIfNeeded();
        update();
    });
    placeInCorner();
    showIfNeeded();
}

void GraphMinimap::setWanted(bool wanted)
{
    m_wanted = wanted;
    showIfNeeded();
}

void GraphMinimap::showIfNeeded()
{
    const QRectF scene(QPointF(0, 0), m_view->sceneSize());
    // A pixel of slack: a graph fitted to the view edge to edge is in sight.
    const bool allInSight = m_view->visibleSceneRect().adjusted(-1, -1, 1, 1).contains(scene);
    setVisible(m_wanted && m_view->hasLevel() && !allInSight);
}

double GraphMinimap::scale() const
{
    const QSizeF scene = m_view->sceneSize();
    return std::min((kWidth - 2.0 * kMinimapMargin) / std::max(scene.width(), 1.0),
        (kHeight - 2.0 * kMinimapMargin) / std::max(scene.height(), 1.0));
}

QPointF GraphMinimap::toMap(QPointF scene) const
{
    return scene * scale() + QPointF(kMinimapMargin, kMinimapMargin);
}

QPointF GraphMinimap::toScene(QPointF mapPoint) const
{
    return (mapPoint - QPointF(kMinimapMargin, kMinimapMargin)) / scale();
}

void GraphMinimap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(255, 255, 255, 235));
    painter.setPen(QColor(0x90, 0x90, 0x90));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (!m_view->hasLevel())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(kMinimapMargin, kMinimapMargin);
    painter.scale(scale(), scale());
    m_view->renderScene(painter);
    painter.restore();
    const QRectF seen(toMap(m_view->visibleSceneRect().topLeft()),
        toMap(m_view->visibleSceneRect().bottomRight()));
    painter.setPen(QPen(QColor(0xe0, 0x6c, 0x00), 2));
    painter.setBrush(QColor(0xe0, 0x6c, 0x00, 30));
    painter.drawRect(seen.intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
}

void GraphMinimap::mousePressEvent(QMouseEvent* event)
{
    m_view->centreOn(toScene(event->position()));
}

void GraphMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        m_view->centreOn(toScene(event->position()));
}

bool GraphMinimap::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize) {
        placeInCorner();
        showIfNeeded();
    }
    return QWidget::eventFilter(watched, event);
}

void GraphMinimap::placeInCorner()
{
    move(m_view->width() - kWidth - kMinimapMargin, m_view->height() - kHeight - kMinimapMargin);
    raise();
}

} // namespace lantern::ui
