#include "ui/dashboards/projector/embedding_scatter_plot.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <map>

namespace lantern::ui {
namespace {

constexpr double kPickRadius = 6; // pixels
constexpr int kDragThreshold = 3; // pixels a press moves before it is a drag, not a click
constexpr QRgb kDefaultColor = 0xff4285f4;
constexpr QRgb kBackground = 0xffffffff;
constexpr QRgb kFaded = 0xffd0d0d0; // points that do not match a search
constexpr int kDepthBands = 4; // 3-D: farther bands drawn first, smaller and fainter
constexpr QPoint kNowhere(-100000, -100000);

// `color` moved `amount` (0–1) of the way to the background: a depth cue that stays opaque.
QRgb fadeTowardBackground(QRgb color, double amount)
{
    const auto mix = [amount](int from, int to) { return int(from + (to - from) * amount); };
    return qRgb(mix(qRed(color), qRed(kBackground)), mix(qGreen(color), qGreen(kBackground)),
        mix(qBlue(color), qBlue(kBackground)));
}

} // namespace

EmbeddingScatterPlot::EmbeddingScatterPlot(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(200, 200);
    setAutoFillBackground(true);
    QPalette background = palette();
    background.setColor(QPalette::Window, QColor::fromRgb(kBackground));
    setPalette(background);
    m_frame = frameOf(m_points, m_dimensions, size());
}

EmbeddingScatterPlot::~EmbeddingScatterPlot() = default;

void EmbeddingScatterPlot::setPoints(std::vector<QVector3D> points, int dimensions)
{
    m_points = std::move(points);
    m_dimensions = dimensions == 3 ? 3 : 2;
    m_colors.clear();
    m_labels.clear();
    m_highlighted.clear();
    m_selection.clear();
    m_neighbours.clear();
    m_hovered = -1;
    m_frame = frameOf(m_points, m_dimensions, size());
    m_camera = fittedCamera(m_frame);
    cameraChanged();
}

void EmbeddingScatterPlot::setColors(std::vector<QRgb> colors)
{
    m_colors = std::move(colors);
    update();
}

void EmbeddingScatterPlot::setLegend(ProjectorLegend legend)
{
    m_legend = std::move(legend);
    update();
}

void EmbeddingScatterPlot::setLabels(std::vector<QString> labels)
{
    m_labels = std::move(labels);
    update();
}

void EmbeddingScatterPlot::setHighlighted(std::vector<bool> highlighted)
{
    m_highlighted = std::move(highlighted);
    update();
}

void EmbeddingScatterPlot::setSelection(std::vector<int> selected)
{
    std::erase_if(selected, [this](int i) { return i < 0 || i >= pointCount(); });
    m_selection = std::move(selected);
    update();
}

void EmbeddingScatterPlot::setNeighbours(std::vector<int> neighbours)
{
    std::erase_if(neighbours, [this](int i) { return i < 0 || i >= pointCount(); });
    m_neighbours = std::move(neighbours);
    update();
}

void EmbeddingScatterPlot::setSprites(QImage atlas, QSize tile)
{
    m_atlas = std::move(atlas);
    m_tile = tile;
    update();
}

void EmbeddingScatterPlot::setSpritesShown(bool shown)
{
    m_spritesShown = shown;
    update();
}

void EmbeddingScatterPlot::setSelectionMode(bool box)
{
    m_boxMode = box;
}

void EmbeddingScatterPlot::resetView()
{
    m_camera = fittedCamera(m_frame);
    cameraChanged();
}

void EmbeddingScatterPlot::setCamera(const ProjectorCamera& camera)
{
    m_camera = camera;
    cameraChanged();
}

void EmbeddingScatterPlot::cameraChanged()
{
    m_projected = false;
    update();
}

QRgb EmbeddingScatterPlot::colorOf(int index) const
{
    return index >= 0 && std::size_t(index) < m_colors.size() ? m_colors[std::size_t(index)]
                                                              : kDefaultColor;
}

void EmbeddingScatterPlot::ensureProjected() const
{
    if (m_projected)
        return;
    const ViewProjection projection(m_camera, m_frame);
    m_screen.resize(m_points.size());
    m_depth.resize(m_points.size());
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (!projection.project(m_points[i], m_screen[i], m_depth[i]))
            m_depth[i] = -1;
    m_projected = true;
}

QPoint EmbeddingScatterPlot::positionOf(int index) const
{
    ensureProjected();
    const auto i = std::size_t(index);
    return m_depth.at(i) < 0 ? kNowhere : m_screen[i].toPoint();
}

int EmbeddingScatterPlot::pointAt(QPoint position) const
{
    ensureProjected();
    int nearest = -1;
    // The nearest on screen, to the pixel; of points as near, the one nearest the eye (3-D).
    long best = std::lround(kPickRadius * kPickRadius);
    float bestDepth = 2;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        if (m_depth[i] < 0)
            continue;
        const QPointF delta = m_screen[i] - QPointF(position);
        const long distance = std::lround(QPointF::dotProduct(delta, delta));
        if (distance < best || (distance == best && m_depth[i] < bestDepth)) {
            best = distance;
            bestDepth = m_depth[i];
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
    ensureProjected();
    const bool searching = !m_highlighted.empty();
    const int bands = m_dimensions == 3 ? kDepthBands : 1;
    // Few points may be large; many must be small to stay apart.
    const double size = m_points.size() < 2000 ? 5 : m_points.size() < 20000 ? 4 : 3;
    const QRectF visible = QRectF(rect()).adjusted(-size, -size, size, size);
    // Group by depth band and colour so each pair is one drawPoints call.
    std::map<std::pair<int, QRgb>, QVector<QPointF>> groups;
    QVector<QPointF> highlighted;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const QPointF& screen = m_screen[i];
        if (m_depth[i] < 0 || !visible.contains(screen))
            continue;
        if (searching && i < m_highlighted.size() && m_highlighted[i]) {
            highlighted.append(screen);
            continue;
        }
        const int band = std::min(bands - 1, int(m_depth[i] * float(bands)));
        groups[{band, searching ? kFaded : colorOf(int(i))}].append(screen);
    }
    QPen pen;
    pen.setCapStyle(Qt::SquareCap);
    // Farthest band first; each band nearer is larger and less faded.
    for (auto group = groups.rbegin(); group != groups.rend(); ++group) {
        const auto& [key, points] = *group;
        const double far = bands > 1 ? double(key.first) / (bands - 1) : 0;
        pen.setWidthF(bands > 1 ? size * (1.4 - 0.7 * far) : size);
        pen.setColor(QColor::fromRgb(fadeTowardBackground(key.second, 0.6 * far)));
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
    const auto ring = [&](int index, double radius) {
        if (m_depth[std::size_t(index)] >= 0)
            painter.drawEllipse(m_screen[std::size_t(index)], radius, radius);
    };
    painter.setPen(QPen(QColor(0xd9, 0x30, 0x25), 1.5));
    for (int neighbour : m_neighbours)
        ring(neighbour, 5);
    painter.setPen(QPen(Qt::black, 2));
    for (int selected : m_selection)
        ring(selected, 7);
    if (m_hovered >= 0) {
        painter.setPen(QPen(Qt::black, 1));
        ring(m_hovered, 5);
    }
    if (m_drag == Drag::Box) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(QColor(0x42, 0x85, 0xf4), 1, Qt::DashLine));
        painter.setBrush(QColor(0x42, 0x85, 0xf4, 40));
        painter.drawRect(QRect(m_pressPosition, m_lastPosition).normalized());
    }
}

void EmbeddingScatterPlot::setHovered(int index)
{
    if (index == m_hovered)
        return;
    m_hovered = index;
    update();
    emit pointHovered(index);
}

void EmbeddingScatterPlot::userSelect(std::vector<int> selected)
{
    if (selected == m_selection)
        return;
    m_selection = std::move(selected);
    update();
    emit selectionChanged(m_selection);
}

void EmbeddingScatterPlot::selectBox(QRect box)
{
    ensureProjected();
    std::vector<int> inside;
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (m_depth[i] >= 0 && box.contains(m_screen[i].toPoint()))
            inside.push_back(int(i));
    userSelect(std::move(inside));
}

void EmbeddingScatterPlot::mousePressEvent(QMouseEvent* event)
{
    m_drag = Drag::Pending;
    m_dragButton = event->button();
    m_pressPosition = m_lastPosition = event->position().toPoint();
    m_pressModifiers = event->modifiers();
}

void EmbeddingScatterPlot::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    if (m_drag == Drag::None) {
        setHovered(pointAt(position));
        return;
    }
    if (m_drag == Drag::Pending) {
        if ((position - m_pressPosition).manhattanLength() < kDragThreshold)
            return;
        const bool left = m_dragButton == Qt::LeftButton;
        // The keys held when the button went down choose the gesture.
        const bool shift = m_pressModifiers.testFlag(Qt::ShiftModifier);
        const bool control = m_pressModifiers.testFlag(Qt::ControlModifier);
        if (left && (shift || m_boxMode))
            m_drag = Drag::Box;
        else if (m_dimensions == 3 && left && !control)
            m_drag = Drag::Orbit;
        else
            m_drag = Drag::Pan;
        setHovered(-1);
    }
    const QPointF delta = position - m_lastPosition;
    m_lastPosition = position;
    if (m_drag == Drag::Pan)
        m_camera = panned(m_camera, m_frame, delta);
    else if (m_drag == Drag::Orbit)
        m_camera = orbited(m_camera, delta);
    if (m_drag == Drag::Box)
        update();
    else
        cameraChanged();
}

void EmbeddingScatterPlot::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (event->button() != m_dragButton)
        return;
    if (drag == Drag::Box) {
        selectBox(QRect(m_pressPosition, event->position().toPoint()).normalized());
        return;
    }
    if (drag != Drag::Pending || m_dragButton != Qt::LeftButton)
        return;
    const int index = pointAt(event->position().toPoint());
    if (m_pressModifiers.testFlag(Qt::ShiftModifier)) {
        if (index < 0)
            return;
        std::vector<int> selected = m_selection;
        const auto found = std::find(selected.begin(), selected.end(), index);
        if (found == selected.end())
            selected.push_back(index);
        else
            selected.erase(found);
        userSelect(std::move(selected));
    } else {
        userSelect(index < 0 ? std::vector<int>() : std::vector<int> {index});
    }
}

void EmbeddingScatterPlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        resetView();
}

void EmbeddingScatterPlot::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0)
        return;
    // One notch (120) zooms by 20%.
    const float factor = std::pow(1.2f, float(steps) / 120.f);
    m_camera = zoomed(m_camera, m_frame, event->position(), factor);
    cameraChanged();
    event->accept();
}

void EmbeddingScatterPlot::leaveEvent(QEvent*)
{
    if (m_drag == Drag::None)
        setHovered(-1);
}

void EmbeddingScatterPlot::resizeEvent(QResizeEvent*)
{
    m_frame.widget = size();
    cameraChanged();
}

} // namespace lantern::ui
