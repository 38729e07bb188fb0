#include "ui/dashboards/projector/embedding_scatter_plot.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kPickRadius = 6; // pixels
constexpr int kScatterDragThreshold = 3; // pixels a press moves before it is a drag, not a click
constexpr int kLassoStep = 2; // pixels the mouse moves before the lasso gets another corner
constexpr QRgb kDefaultColor = 0xff4285f4;
constexpr QPoint kNowhere(-100000, -100000);

} // namespace

EmbeddingScatterPlot::EmbeddingScatterPlot(QWidget* parent)
    : InteractivePlot(kScatterDragThreshold, parent)
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
    resetView();
}

void EmbeddingScatterPlot::setCoordinates(std::vector<QVector3D> points, int dimensions)
{
    if (points.size() != m_points.size())
        return;
    m_points = std::move(points);
    setDimensions(dimensions);
}

void EmbeddingScatterPlot::setDimensions(int dimensions)
{
    m_dimensions = dimensions == 3 ? 3 : 2;
    resetView();
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

void EmbeddingScatterPlot::setLabels(PointLabels labels)
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
    // Drawing tiles from the painter's own format skips a conversion per tile.
    const auto format = QImage::Format_ARGB32_Premultiplied;
    if (!atlas.isNull() && atlas.format() != format && atlas.format() != QImage::Format_RGB32)
        atlas.convertTo(format);
    m_atlas = std::move(atlas);
    m_tile = tile;
    update();
}

void EmbeddingScatterPlot::setSpritesShown(bool shown)
{
    m_spritesShown = shown;
    update();
}

void EmbeddingScatterPlot::setDragTool(DragTool tool)
{
    m_tool = tool;
    updateCursor();
}

void EmbeddingScatterPlot::updateCursor()
{
    setCursor(m_tool == DragTool::Navigate ? Qt::ArrowCursor : Qt::CrossCursor);
}

void EmbeddingScatterPlot::resetView()
{
    m_frame = frameOf(m_points, m_dimensions, size());
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
    // Off by more than this, a point is as good as nowhere (and its pixel fits an int).
    constexpr double kFar = 1e6;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        QPointF& screen = m_screen[i];
        if (!projection.project(m_points[i], screen, m_depth[i]) || !(std::abs(screen.x()) < kFar)
            || !(std::abs(screen.y()) < kFar))
            m_depth[i] = -1; // behind the eye, not a number, or too far to draw
    }
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

void EmbeddingScatterPlot::selectLasso(const QPolygonF& lasso)
{
    ensureProjected();
    std::vector<int> inside;
    const QRect bounds = lasso.boundingRect().toAlignedRect() & rect();
    if (lasso.size() >= 3 && !bounds.isEmpty()) {
        // The loop filled into a mask: one look-up per point, however many corners it has. A
        // point is inside when the pixel it is drawn at is filled; the winding rule counts a
        // part the loop went round twice as inside.
        QImage mask(bounds.size(), QImage::Format_Grayscale8);
        mask.fill(0);
        {
            QPainter painter(&mask);
            painter.translate(-bounds.topLeft());
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::white);
            painter.drawPolygon(lasso, Qt::WindingFill);
        }
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            if (m_depth[i] < 0)
                continue;
            const int x = int(std::floor(m_screen[i].x())) - bounds.left();
            const int y = int(std::floor(m_screen[i].y())) - bounds.top();
            if (x >= 0 && y >= 0 && x < mask.width() && y < mask.height()
                && mask.constScanLine(y)[x] != 0)
                inside.push_back(int(i));
        }
    }
    userSelect(std::move(inside));
}

void EmbeddingScatterPlot::hovered(std::optional<QPointF> at)
{
    if (at)
        setHovered(pointAt(at->toPoint()));
    else if (!press()) // a press under way that left the widget may come back
        setHovered(-1);
}

void EmbeddingScatterPlot::dragStarted(const Press& press)
{
    const bool left = press.button == Qt::LeftButton;
    // The keys held when the button went down choose the gesture.
    const bool shift = press.modifiers.testFlag(Qt::ShiftModifier);
    const bool alt = press.modifiers.testFlag(Qt::AltModifier);
    const bool control = press.modifiers.testFlag(Qt::ControlModifier);
    m_pressPosition = m_lastPosition = press.position.toPoint();
    if (left && ((shift && alt) || (!shift && m_tool == DragTool::Lasso))) {
        m_drag = Drag::Lasso;
        m_lasso = QPolygonF({QPointF(m_pressPosition)});
    } else if (left && (shift || m_tool == DragTool::Box))
        m_drag = Drag::Box;
    else if (m_dimensions == 3 && left && !control)
        m_drag = Drag::Orbit;
    else
        m_drag = Drag::Pan;
    setHovered(-1);
    if (m_drag == Drag::Pan || m_drag == Drag::Orbit)
        setCursor(Qt::ClosedHandCursor);
}

void EmbeddingScatterPlot::dragged(const Press&, QPointF, QPointF to)
{
    const QPoint position = to.toPoint();
    const QPointF delta = position - m_lastPosition;
    m_lastPosition = position;
    if (m_drag == Drag::Pan)
        m_camera = panned(m_camera, m_frame, delta);
    else if (m_drag == Drag::Orbit)
        m_camera = orbited(m_camera, delta);
    if (m_drag == Drag::Lasso) {
        if ((QPointF(position) - m_lasso.back()).manhattanLength() >= kLassoStep)
            m_lasso << QPointF(position);
        update();
    } else if (m_drag == Drag::Box) {
        update();
    } else {
        cameraChanged();
    }
}

void EmbeddingScatterPlot::released(const Press& press, QPointF at, bool wasDrag)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    updateCursor();
    if (drag == Drag::Box) {
        selectBox(QRect(m_pressPosition, at.toPoint()).normalized());
        return;
    }
    if (drag == Drag::Lasso) {
        QPolygonF lasso = std::exchange(m_lasso, {});
        lasso << at;
        selectLasso(lasso);
        update();
        return;
    }
    if (wasDrag || press.button != Qt::LeftButton)
        return;
    const int index = pointAt(at.toPoint());
    if (press.modifiers.testFlag(Qt::ShiftModifier)) {
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

void EmbeddingScatterPlot::doubleClicked(QPointF, Qt::MouseButton button)
{
    if (button == Qt::LeftButton)
        resetView();
}

bool EmbeddingScatterPlot::wheelTurned(QPointF at, int angleDelta)
{
    if (angleDelta == 0)
        return false;
    // One notch (120) zooms by 20%.
    const float factor = std::pow(1.2f, float(angleDelta) / 120.f);
    m_camera = zoomed(m_camera, m_frame, at, factor);
    cameraChanged();
    return true;
}

void EmbeddingScatterPlot::resizeEvent(QResizeEvent*)
{
    m_frame.widget = size();
    cameraChanged();
}

void EmbeddingScatterPlot::moveCoordinates(std::vector<QVector3D> points)
{
    if (points.size() != m_points.size())
        return;
    m_points = std::move(points);
    const ViewFrame frame = frameOf(m_points, m_dimensions, size());
    // The target keeps its place in the frame, however the frame grew or moved.
    m_camera.target = frame.centre + (m_camera.target - m_frame.centre) * frame.size / m_frame.size;
    m_frame = frame;
    cameraChanged();
}

} // namespace lantern::ui
