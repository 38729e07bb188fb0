#include "ui/dashboards/graphs/graph_view.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace lantern::ui {

namespace {

constexpr double kMinScale = 0.02;
constexpr double kMaxScale = 4;
constexpr int kDragPixels = 4; // a press moves this far before it pans rather than clicks

const QColor kScopeFill(0xf3, 0xd9, 0xa4);
const QColor kSeriesFill(0xd7, 0xe4, 0xf5);
const QColor kOpFill(0xff, 0xff, 0xff);
const QColor kOutline(0x70, 0x70, 0x70);
const QColor kSelected(0xe0, 0x6c, 0x00);
const QColor kEdge(0x80, 0x80, 0x80);

// A point on the border of `box` on the way from its centre towards `towards`.
QPointF borderPoint(const QRectF& box, QPointF towards)
{
    const QPointF centre = box.center();
    const QPointF d = towards - centre;
    if (d.isNull())
        return centre;
    const double sx = d.x() != 0 ? (box.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (box.height() / 2) / std::abs(d.y()) : 1e9;
    return centre + d * std::min({sx, sy, 1.0});
}

} // namespace

GraphView::GraphView(QWidget* parent)
    : InteractivePlot(kDragPixels, parent)
{
    setObjectName(QStringLiteral("graphView"));
    setMinimumSize(200, 200);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    setPalette(p);
}

void GraphView::setLevel(std::shared_ptr<const core::GraphHierarchy> hierarchy,
    std::shared_ptr<const pb::GraphDef> graph, std::uint32_t group, core::GraphLayout layout)
{
    m_hierarchy = std::move(hierarchy);
    m_graph = std::move(graph);
    m_group = group;
    m_layout = std::move(layout);
    m_selected.reset();
    fitToView();
}

void GraphView::clear()
{
    m_hierarchy.reset();
    m_graph.reset();
    m_layout = {};
    m_selected.reset();
    update();
}

void GraphView::select(std::optional<std::uint32_t> node)
{
    m_selected = node;
    update();
}

void GraphView::fitToView()
{
    if (width() <= 0 || height() <= 0 || m_layout.positions.empty()) {
        m_fitPending = true;
        update();
        return;
    }
    m_fitPending = false;
    const double margin = 24;
    const double w = std::max(m_layout.width, 1.0), h = std::max(m_layout.height, 1.0);
    m_scale = std::clamp(
        std::min((width() - 2 * margin) / w, (height() - 2 * margin) / h), kMinScale, 1.0);
    m_offset = QPointF((width() - w * m_scale) / 2, std::max(margin, (height() - h * m_scale) / 2));
    update();
}

QPointF GraphView::toScene(QPointF widgetPoint) const
{
    return (widgetPoint - m_offset) / m_scale;
}

QRectF GraphView::boxOf(std::size_t child) const
{
    const auto& p = m_layout.positions[child];
    return QRectF(p.x - m_options.nodeWidth / 2, p.y - m_options.nodeHeight / 2,
        m_options.nodeWidth, m_options.nodeHeight);
}

std::optional<std::size_t> GraphView::childAt(QPointF widgetPoint) const
{
    if (!m_hierarchy)
        return std::nullopt;
    const QPointF scene = toScene(widgetPoint);
    for (std::size_t i = 0; i < m_layout.positions.size(); ++i)
        if (boxOf(i).contains(scene))
            return i;
    return std::nullopt;
}

std::optional<QPoint> GraphView::centreOf(std::uint32_t node) const
{
    if (!m_hierarchy)
        return std::nullopt;
    const auto& children = m_hierarchy->node(m_group).children;
    const auto it = std::find(children.begin(), children.end(), node);
    if (it == children.end() || m_layout.positions.size() != children.size())
        return std::nullopt;
    return (boxOf(std::size_t(it - children.begin())).center() * m_scale + m_offset).toPoint();
}

void GraphView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (!m_hierarchy || m_layout.positions.empty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(m_offset);
    painter.scale(m_scale, m_scale);
    if (!m_layout.grid)
        drawEdges(painter);
    drawNodes(painter);
}

void GraphView::drawEdges(QPainter& painter) const
{
    const auto& children = m_hierarchy->node(m_group).children;
    std::unordered_map<std::uint32_t, std::size_t> indexOf;
    for (std::size_t i = 0; i < children.size(); ++i)
        indexOf.emplace(children[i], i);
    const auto& edges = m_hierarchy->edgesWithin(m_group);
    std::set<std::pair<std::uint32_t, std::uint32_t>> directions;
    for (const core::GraphHierarchy::Edge& edge : edges)
        directions.emplace(edge.from, edge.to);
    for (const core::GraphHierarchy::Edge& edge : edges) {
        const auto from = indexOf.find(edge.from), to = indexOf.find(edge.to);
        if (from == indexOf.end() || to == indexOf.end())
            continue;
        const QRectF a = boxOf(from->second), b = boxOf(to->second);
        QPointF start = borderPoint(a, b.center()), end = borderPoint(b, a.center());
        if (directions.count({edge.to, edge.from})) {
            // Both ways between the same two boxes: each keeps to its own side.
            const QPointF d = end - start;
            const double length = std::max(1.0, std::hypot(d.x(), d.y()));
            const QPointF side = QPointF(-d.y(), d.x()) / length * 6.0;
            start += side;
            end += side;
        }
        const std::uint32_t count = edge.data + edge.control;
        QPen pen(kEdge, 1.2 + std::min(5.0, std::log2(double(std::max(count, 1u)))));
        if (edge.data == 0)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(start, end);
        // The arrow head, pointing at the consumer.
        const QPointF d = end - start;
        const double length = std::hypot(d.x(), d.y());
        if (length < 1)
            continue;
        const QPointF unit = d / length, normal(-unit.y(), unit.x());
        const double size = 6 + pen.widthF();
        QPolygonF head;
        head << end << end - unit * size + normal * size / 2
             << end - unit * size - normal * size / 2;
        painter.setPen(Qt::NoPen);
        painter.setBrush(kEdge);
        painter.drawPolygon(head);
        if (count > 1) {
            painter.setPen(kEdge.darker(150));
            // Beside the line, on the side it was shifted to when it has a twin.
            const QPointF middle = (start + end) / 2 + normal * 12;
            painter.drawText(QRectF(middle - QPointF(30, 8), QSizeF(60, 16)), Qt::AlignCenter,
                QString::number(count));
        }
    }
}

void GraphView::drawNodes(QPainter& painter) const
{
    using Kind = core::GraphHierarchy::Kind;
    const auto& children = m_hierarchy->node(m_group).children;
    QFont font = painter.font();
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    // A grid level may hold many thousands of boxes: paint only those in sight.
    const QRectF visible(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));
    for (std::size_t i = 0; i < children.size(); ++i) {
        const core::GraphHierarchy::Node& node = m_hierarchy->node(children[i]);
        const QRectF box = boxOf(i);
        if (!box.intersects(visible))
            continue;
        const bool selected = m_selected == children[i];
        painter.setPen(QPen(selected ? kSelected : kOutline, selected ? 3 : 1));
        QString detail;
        if (node.isGroup()) {
            painter.setBrush(node.kind == Kind::Series ? kSeriesFill : kScopeFill);
            painter.drawRoundedRect(box, 8, 8);
            detail = tr("%n op(s)", "", int(node.opCount));
        } else {
            painter.setBrush(kOpFill);
            painter.drawEllipse(box);
            if (m_graph && node.nodeDef >= 0 && node.nodeDef < m_graph->node_size())
                detail = QString::fromStdString(m_graph->node(node.nodeDef).op());
        }
        const QRectF inner = box.adjusted(10, 3, -10, -3);
        const QString label
            = QString::fromUtf8(node.label().data(), qsizetype(node.label().size()));
        painter.setPen(Qt::black);
        painter.setFont(font);
        const QFontMetricsF metrics(font);
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2 + 2),
            Qt::AlignHCenter | Qt::AlignBottom,
            metrics.elidedText(label, Qt::ElideMiddle, inner.width()));
        painter.setFont(small);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(
            QRectF(inner.left(), inner.center().y() + 2, inner.width(), inner.height() / 2 - 2),
            Qt::AlignHCenter | Qt::AlignTop,
            QFontMetricsF(small).elidedText(detail, Qt::ElideRight, inner.width()));
    }
    painter.setFont(font);
}

void GraphView::resizeEvent(QResizeEvent*)
{
    if (m_fitPending)
        fitToView();
}

bool GraphView::pressed(const Press& press)
{
    return press.button == Qt::LeftButton;
}

void GraphView::dragged(const Press&, QPointF from, QPointF to)
{
    m_offset += to - from;
    update();
}

void GraphView::released(const Press&, QPointF at, bool wasDrag)
{
    if (wasDrag || !m_hierarchy)
        return;
    if (const auto child = childAt(at)) {
        const std::uint32_t node = m_hierarchy->node(m_group).children[*child];
        select(node);
        emit nodeClicked(node);
    } else {
        select(std::nullopt);
    }
}

void GraphView::doubleClicked(QPointF at, Qt::MouseButton)
{
    if (!m_hierarchy)
        return;
    if (const auto child = childAt(at)) {
        const std::uint32_t node = m_hierarchy->node(m_group).children[*child];
        if (m_hierarchy->node(node).isGroup())
            emit groupActivated(node);
    }
}

bool GraphView::wheelTurned(QPointF at, int angleDelta)
{
    const double factor = std::pow(1.0015, angleDelta);
    const double scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    const QPointF scene = toScene(at);
    m_scale = scale;
    m_offset = at - scene * m_scale; // the point under the cursor stays put
    update();
    return true;
}

} // namespace lantern::ui
