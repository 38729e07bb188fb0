#include "ui/dashboards/projector/embedding_scatter_plot.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <map>

namespace lantern::ui {
namespace {

constexpr int kMargin = 16;
constexpr double kPickRadius = 6; // pixels
constexpr QRgb kDefaultColor = 0xff4285f4;

} // namespace

EmbeddingScatterPlot::EmbeddingScatterPlot(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(200, 200);
    setAutoFillBackground(true);
    QPalette background = palette();
    background.setColor(QPalette::Window, Qt::white);
    setPalette(background);
}

void EmbeddingScatterPlot::setPoints(std::vector<QPointF> points)
{
    m_points = std::move(points);
    m_colors.clear();
    m_highlighted.clear();
    m_selected = -1;
    m_neighbours.clear();
    m_hovered = -1;
    fitView();
    update();
}

void EmbeddingScatterPlot::setColors(std::vector<QRgb> colors)
{
    m_colors = std::move(colors);
    update();
}

void EmbeddingScatterPlot::setHighlighted(std::vector<bool> highlighted)
{
    m_highlighted = std::move(highlighted);
    update();
}

void EmbeddingScatterPlot::setSelected(int index, std::vector<int> neighbours)
{
    m_selected = index;
    m_neighbours = std::move(neighbours);
    update();
}

QRgb EmbeddingScatterPlot::colorOf(int index) const
{
    return index >= 0 && std::size_t(index) < m_colors.size() ? m_colors[std::size_t(index)]
                                                              : kDefaultColor;
}

void EmbeddingScatterPlot::fitView()
{
    if (m_points.empty())
        return;
    double left = m_points[0].x(), right = left, bottom = m_points[0].y(), top = bottom;
    for (const QPointF& point : m_points) {
        left = std::min(left, point.x());
        right = std::max(right, point.x());
        bottom = std::min(bottom, point.y());
        top = std::max(top, point.y());
    }
    const double spanX = std::max(right - left, 1e-12), spanY = std::max(top - bottom, 1e-12);
    const double width = std::max(1, this->width() - 2 * kMargin);
    const double height = std::max(1, this->height() - 2 * kMargin);
    // One scale for both axes: distances in the plot mean the same in every direction.
    m_scale = std::min(width / spanX, height / spanY);
    const QPointF centre((left + right) / 2, (bottom + top) / 2);
    m_offset = QPointF(
        this->width() / 2.0 - m_scale * centre.x(), this->height() / 2.0 + m_scale * centre.y());
}

QPointF EmbeddingScatterPlot::toScreen(QPointF point) const
{
    return {m_offset.x() + m_scale * point.x(), m_offset.y() - m_scale * point.y()};
}

QPoint EmbeddingScatterPlot::positionOf(int index) const
{
    return toScreen(m_points.at(std::size_t(index))).toPoint();
}

int EmbeddingScatterPlot::pointAt(QPoint position) const
{
    int nearest = -1;
    double best = kPickRadius * kPickRadius;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const QPointF delta = toScreen(m_points[i]) - QPointF(position);
        const double distance = QPointF::dotProduct(delta, delta);
        if (distance <= best) {
            best = distance;
            nearest = int(i);
        }
    }
    return nearest;
}

void EmbeddingScatterPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_points.empty())
        return;
    const bool searching = !m_highlighted.empty();
    // Group by colour so each colour is one drawPoints call.
    std::map<QRgb, QVector<QPointF>> byColor;
    QVector<QPointF> highlighted;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const QPointF screen = toScreen(m_points[i]);
        if (searching && m_highlighted[i])
            highlighted.append(screen);
        else
            byColor[searching ? 0xffd0d0d0 : colorOf(int(i))].append(screen);
    }
    QPen pen;
    pen.setCapStyle(Qt::SquareCap);
    // Few points may be large; many must be small to stay apart.
    const double size = m_points.size() < 2000 ? 5 : m_points.size() < 20000 ? 4 : 3;
    pen.setWidthF(size);
    for (const auto& [color, points] : byColor) {
        pen.setColor(QColor::fromRgba(color));
        painter.setPen(pen);
        painter.drawPoints(points.constData(), int(points.size()));
    }
    if (!highlighted.isEmpty()) {
        pen.setWidthF(size + 3);
        pen.setColor(QColor(0xe3, 0x74, 0x00));
        painter.setPen(pen);
        painter.drawPoints(highlighted.constData(), int(highlighted.size()));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0xd9, 0x30, 0x25), 1.5));
    for (int neighbour : m_neighbours)
        painter.drawEllipse(toScreen(m_points.at(std::size_t(neighbour))), 5, 5);
    if (m_selected >= 0) {
        painter.setPen(QPen(Qt::black, 2));
        painter.drawEllipse(toScreen(m_points.at(std::size_t(m_selected))), 7, 7);
    }
    if (m_hovered >= 0) {
        painter.setPen(QPen(Qt::black, 1));
        painter.drawEllipse(toScreen(m_points.at(std::size_t(m_hovered))), 5, 5);
    }
}

void EmbeddingScatterPlot::mouseMoveEvent(QMouseEvent* event)
{
    const int index = pointAt(event->position().toPoint());
    if (index == m_hovered)
        return;
    m_hovered = index;
    update();
    emit pointHovered(index);
}

void EmbeddingScatterPlot::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        emit pointClicked(pointAt(event->position().toPoint()));
}

void EmbeddingScatterPlot::resizeEvent(QResizeEvent*)
{
    fitView();
}

} // namespace lantern::ui
