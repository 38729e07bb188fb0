#include "ui/dashboards/graphs/graph_view.h"

#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace lantern::ui {

namespace {

constexpr double kMinScale = 0.01;
constexpr double kMaxScale = 4;
// The smallest scale a graph opens at: labels stay legible (about 8 px for a 10 pt font).
constexpr double kReadableScale = 0.8;
constexpr double kMargin = 24;
constexpr double kBadge = 16;
constexpr double kStub = 26; // an edge to the auxiliary area, drawn from its main end
constexpr int kDragPixels = 4; // a press moves this far before it pans rather than clicks

const QColor kScopeFill(0xf3, 0xd9, 0xa4);
const QColor kOpenFill(0xfb, 0xf3, 0xe2);
const QColor kSeriesFill(0xd7, 0xe4, 0xf5);
const QColor kOpFill(0xff, 0xff, 0xff);
const QColor kAuxiliaryFill(0xf2, 0xf2, 0xf2);
const QColor kOutline(0x70, 0x70, 0x70);
const QColor kSelected(0xe0, 0x6c, 0x00);
const QColor kHighlight(0x1a, 0x73, 0xe8);
const QColor kRing(0x00, 0x8a, 0xd8);
const QColor kMixedHatch(0x30, 0x30, 0x30, 90); // faint: the label stays readable
constexpr double kFaintOpacity = 0.18;
const QColor kEdge(0x80, 0x80, 0x80);
const QColor kAuxiliaryEdge(0xc8, 0xc8, 0xc8);

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

// A path through `points` whose corners are rounded (an edge's bends drawn smooth).
QPainterPath roundedPolyline(const std::vector<QPointF>& points)
{
    constexpr double kCorner = 14;
    QPainterPath path(points.front());
    for (std::size_t i = 1; i + 1 < points.size(); ++i) {
        const QLineF in(points[i], points[i - 1]), out(points[i], points[i + 1]);
        const double r = std::min({kCorner, in.length() / 2, out.length() / 2});
        if (r < 1) {
            path.lineTo(points[i]);
            continue;
        }
        path.lineTo(in.pointAt(r / in.length()));
        path.quadTo(points[i], out.pointAt(r / out.length()));
    }
    path.lineTo(points.back());
    return path;
}

// Cuts `points` to their first kStub of length (their last, `atEnd`), unless they are short.
void keepStub(std::vector<QPointF>& points, bool atEnd)
{
    if (atEnd)
        std::reverse(points.begin(), points.end());
    double total = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        total += QLineF(points[i - 1], points[i]).length();
    double left = kStub;
    for (std::size_t i = 1; i < points.size() && total > 2 * kStub; ++i) {
        const QLineF part(points[i - 1], points[i]);
        if (part.length() >= left) {
            points[i] = part.pointAt(left / part.length());
            points.resize(i + 1);
            break;
        }
        left -= part.length();
    }
    if (atEnd)
        std::reverse(points.begin(), points.end());
}

QString labelOf(const core::GraphHierarchy::Node& node)
{
    return QString::fromUtf8(node.label().data(), qsizetype(node.label().size()));
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

void GraphView::setLayout(std::shared_ptr<const core::GraphHierarchy> hierarchy,
    std::shared_ptr<const pb::GraphDef> graph, core::GraphExpansion expansion,
    core::ExpandedLayout layout, std::optional<std::uint32_t> anchor)
{
    std::optional<QPointF> anchorAt;
    if (anchor && hierarchy == m_hierarchy)
        if (const auto rect = boxRect(*anchor))
            anchorAt = rect->topLeft();
    m_hierarchy = std::move(hierarchy);
    m_graph = std::move(graph);
    m_expansion = std::move(expansion);
    m_layout = std::move(layout);
    if (m_selected && !m_layout.boxOf(*m_selected))
        m_selected.reset();
    const auto box = anchor ? m_layout.boxOf(*anchor) : std::nullopt;
    if (anchorAt && box) {
        m_offset = *anchorAt - sceneBox(*box).topLeft() * m_scale;
        update();
        emit viewMoved();
    } else {
        showInputEnd();
    }
}

void GraphView::clear()
{
    m_hierarchy.reset();
    m_graph.reset();
    m_layout = {};
    m_expansion = {};
    m_selected.reset();
    m_highlighted.clear();
    m_fills.clear();
    m_mixed.clear();
    m_ringed.clear();
    m_kept.clear();
    update();
    emit viewMoved();
}

void GraphView::select(std::optional<std::uint32_t> node)
{
    m_selected = node;
    update();
}

void GraphView::setHighlighted(std::set<std::uint32_t> nodes, bool dimOthers)
{
    m_highlighted = std::move(nodes);
    m_dimOthers = dimOthers && !m_highlighted.empty();
    update();
}

void GraphView::showInputEnd()
{
    if (width() <= 0 || height() <= 0 || m_layout.boxes.empty()) {
        m_placePending = true;
        update();
        return;
    }
    m_placePending = false;
    const double w = std::max(m_layout.width, 1.0), h = std::max(m_layout.height, 1.0);
    const double fit = std::min((width() - 2 * kMargin) / w, (height() - 2 * kMargin) / h);
    if (fit >= kReadableScale) {
        m_scale = std::min(fit, 1.0);
        m_offset
            = QPointF((width() - w * m_scale) / 2, std::max(kMargin, (height() - h * m_scale) / 2));
    } else {
        // Too big to read whole: the top rows (the inputs) at a readable scale, centred on the
        // main flow's first row.
        m_scale = kReadableScale;
        double top = 1e300, left = 1e300, right = -1e300;
        for (const auto& box : m_layout.boxes)
            if (box.parentBox < 0 && !box.auxiliary)
                top = std::min(top, box.y);
        for (const auto& box : m_layout.boxes)
            if (box.parentBox < 0 && !box.auxiliary && box.y <= top + 1) {
                left = std::min(left, box.x);
                right = std::max(right, box.x + box.width);
            }
        if (left > right)
            left = right = 0;
        // A first row wider than the view (an open scope) shows from its left edge.
        const double centreX = (right - left) * m_scale > width() - 2 * kMargin
            ? left + (width() / 2.0 - kMargin) / m_scale
            : (left + right) / 2;
        m_offset = QPointF(
            width() / 2.0 - centreX * m_scale, kMargin - std::max(0.0, top - 20) * m_scale);
    }
    update();
    emit viewMoved();
}

void GraphView::centreOn(std::uint32_t node)
{
    const auto box = m_layout.boxOf(node);
    if (!box)
        return;
    m_scale = std::max(m_scale, kReadableScale);
    m_offset = QPointF(width(), height()) / 2 - sceneBox(*box).center() * m_scale;
    update();
    emit viewMoved();
}

void GraphView::frame(const std::vector<std::uint32_t>& nodes, std::uint32_t first)
{
    QRectF bounds;
    for (const std::uint32_t node : nodes)
        if (const auto box = m_layout.boxOf(node))
            bounds = bounds.united(sceneBox(*box));
    const auto firstBox = m_layout.boxOf(first);
    if (!firstBox)
        return;
    bounds = bounds.united(sceneBox(*firstBox));
    const double fit = std::min((width() - 2 * kMargin) / std::max(bounds.width(), 1.0),
        (height() - 2 * kMargin) / std::max(bounds.height(), 1.0));
    m_scale = std::clamp(fit, kReadableScale, 1.0);
    const bool fits = fit >= kReadableScale;
    const QPointF centre = fits ? bounds.center() : sceneBox(*firstBox).center();
    m_offset = QPointF(width(), height()) / 2 - centre * m_scale;
    update();
    emit viewMoved();
}

void GraphView::centreOn(QPointF scenePoint)
{
    m_offset = QPointF(width(), height()) / 2 - scenePoint * m_scale;
    update();
    emit viewMoved();
}

QRectF GraphView::visibleSceneRect() const
{
    return QRectF(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));
}

void GraphView::setFills(std::vector<QColor> fills, std::vector<bool> mixed)
{
    m_fills = std::move(fills);
    m_mixed = std::move(mixed);
    update();
    emit viewMoved(); // the minimap shows the fills too
}

void GraphView::setRinged(std::vector<bool> ringed)
{
    m_ringed = std::move(ringed);
    update();
    emit viewMoved();
}

void GraphView::setKept(std::vector<bool> kept)
{
    m_kept = std::move(kept);
    update();
    emit viewMoved();
}

QColor GraphView::fillOf(std::uint32_t node) const
{
    return node < m_fills.size() ? m_fills[node] : QColor();
}

bool GraphView::isFaint(std::uint32_t node) const
{
    return !m_kept.empty() && !(node < m_kept.size() && m_kept[node]);
}

QPointF GraphView::toScene(QPointF widgetPoint) const
{
    return (widgetPoint - m_offset) / m_scale;
}

QRectF GraphView::sceneBox(std::size_t box) const
{
    const auto& b = m_layout.boxes[box];
    return QRectF(b.x, b.y, b.width, b.height);
}

QRectF GraphView::badgeBox(std::size_t box) const
{
    const QRectF r = sceneBox(box);
    return QRectF(r.right() - kBadge - 6, r.top() + 6, kBadge, kBadge);
}

std::optional<QRectF> GraphView::boxRect(std::uint32_t node) const
{
    const auto box = m_layout.boxOf(node);
    if (!m_hierarchy || !box)
        return std::nullopt;
    const QRectF r = sceneBox(*box);
    return QRectF(r.topLeft() * m_scale + m_offset, r.size() * m_scale);
}

std::optional<QPoint> GraphView::centreOf(std::uint32_t node) const
{
    const auto rect = boxRect(node);
    if (!rect)
        return std::nullopt;
    // An open group's centre lies on its children: point at its title band instead.
    const auto& box = m_layout.boxes[*m_layout.boxOf(node)];
    if (box.open)
        return QPointF(rect->center().x(), rect->top() + 10 * m_scale).toPoint();
    return rect->center().toPoint();
}

std::optional<QPoint> GraphView::badgeOf(std::uint32_t group) const
{
    const auto box = m_layout.boxOf(group);
    if (!m_hierarchy || !box || !m_hierarchy->node(group).isGroup())
        return std::nullopt;
    return (badgeBox(*box).center() * m_scale + m_offset).toPoint();
}

std::optional<std::size_t> GraphView::boxAt(QPointF widgetPoint) const
{
    if (!m_hierarchy)
        return std::nullopt;
    const QPointF scene = toScene(widgetPoint);
    // Boxes inside an open group come after it: the last hit is the innermost.
    for (std::size_t i = m_layout.boxes.size(); i-- > 0;)
        if (sceneBox(i).contains(scene))
            return i;
    return std::nullopt;
}

bool GraphView::isDimmed(std::size_t box) const
{
    const std::uint32_t node = m_layout.boxes[box].node;
    if (isFaint(node))
        return true;
    if (!m_dimOthers)
        return false;
    // An open group stays lit when anything inside it is.
    if (m_highlighted.contains(node))
        return false;
    if (!m_layout.boxes[box].open)
        return true;
    return std::none_of(m_highlighted.begin(), m_highlighted.end(),
        [&](std::uint32_t lit) { return m_hierarchy->childContaining(node, lit).has_value(); });
}

bool GraphView::touchesFocus(const core::ExpandedLayout::Edge& edge) const
{
    for (const std::uint32_t box : {edge.from, edge.to}) {
        const std::uint32_t node = m_layout.boxes[box].node;
        if (m_selected == node || m_highlighted.contains(node))
            return true;
    }
    return false;
}

void GraphView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (!m_hierarchy || m_layout.boxes.empty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(m_offset);
    painter.scale(m_scale, m_scale);
    const QRectF visible = visibleSceneRect();
    drawContainers(painter, visible);
    drawEdges(painter, visible);
    drawNodes(painter, visible);
}

void GraphView::renderScene(QPainter& painter) const
{
    if (!m_hierarchy || m_layout.boxes.empty())
        return;
    const QRectF everything(QPointF(-1e9, -1e9), QPointF(1e9, 1e9));
    drawContainers(painter, everything);
    drawEdges(painter, everything);
    drawNodes(painter, everything);
}

// Open groups and auxiliary areas, outermost first, under the edges and nodes.
void GraphView::drawContainers(QPainter& painter, const QRectF& visible) const
{
    QFont bold = painter.font();
    bold.setBold(true);
    for (const auto& area : m_layout.auxiliaryAreas) {
        const QRectF r(area.x, area.y, area.width, area.height);
        if (!r.intersects(visible))
            continue;
        painter.setPen(QPen(kOutline, 1, Qt::DashLine));
        painter.setBrush(kAuxiliaryFill);
        painter.drawRoundedRect(r, 6, 6);
        painter.setPen(QColor(0x66, 0x66, 0x66));
        painter.drawText(r.adjusted(0, -18, 0, 0).topLeft() + QPointF(4, 14), tr("auxiliary"));
    }
    for (std::size_t i = 0; i < m_layout.boxes.size(); ++i) {
        const auto& box = m_layout.boxes[i];
        const QRectF r = sceneBox(i);
        if (!box.open || !r.intersects(visible))
            continue;
        painter.setOpacity(isFaint(box.node) ? kFaintOpacity : isDimmed(i) ? 0.35 : 1.0);
        const bool selected = m_selected == box.node, ringed = isRinged(box.node);
        painter.setPen(QPen(selected               ? kSelected
                : ringed                           ? kRing
                : m_highlighted.contains(box.node) ? kHighlight
                                                   : kOutline,
            selected || ringed ? 3 : 1));
        // An open group's colour shows as a pale wash behind its children.
        QColor fill = fillOf(box.node);
        if (fill.isValid())
            fill.setAlpha(70);
        painter.setBrush(box.auxiliary ? kAuxiliaryFill : kOpenFill);
        painter.drawRoundedRect(r, 10, 10);
        if (fill.isValid()) {
            painter.setBrush(fill);
            painter.drawRoundedRect(r, 10, 10);
        }
        const auto& node = m_hierarchy->node(box.node);
        painter.setPen(Qt::black);
        painter.setFont(bold);
        const QRectF title(r.left() + 10, r.top() + 4, r.width() - kBadge - 26, 22);
        painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(bold).elidedText(
                labelOf(node) + QStringLiteral("  ·  ") + tr("%n op(s)", "", int(node.opCount)),
                Qt::ElideMiddle, title.width()));
        drawBadge(painter, i);
    }
    painter.setOpacity(1);
    painter.setFont(QFont(bold.family(), bold.pointSize()));
}

void GraphView::drawEdges(QPainter& painter, const QRectF& visible) const
{
    std::vector<QPointF> points;
    for (const auto& edge : m_layout.edges) {
        const QRectF a = sceneBox(edge.from), b = sceneBox(edge.to);
        // Its bends (core/analysis/graph_edge_routes.h) lead it around the boxes between.
        points.clear();
        QRectF bounds = a.united(b);
        for (std::uint32_t i = 0; i < edge.bendCount; ++i) {
            const auto& bend = m_layout.bends[edge.firstBend + i];
            points.emplace_back(bend.x, bend.y);
            bounds |= QRectF(points.back(), QSizeF(1, 1));
        }
        if (!bounds.intersects(visible))
            continue;
        const QPointF start = borderPoint(a, points.empty() ? b.center() : points.front());
        QPointF end = borderPoint(b, points.empty() ? a.center() : points.back());
        const std::uint32_t count = edge.data + edge.control;
        points.insert(points.begin(), start);
        points.push_back(end);
        if (edge.auxiliary && !touchesFocus(edge)) {
            // To or from the auxiliary area: a short stub at the main end, as long lines
            // from every op to the global step would cross the whole drawing. It follows the
            // edge's route, which passes beside the boxes in between.
            const bool fromAside = m_layout.boxes[edge.from].auxiliary;
            if (fromAside != m_layout.boxes[edge.to].auxiliary)
                keepStub(points, fromAside);
            end = points.back();
        }
        const QColor colour = edge.auxiliary ? kAuxiliaryEdge : kEdge;
        QPen pen(colour, 1.2 + std::min(5.0, std::log2(double(std::max(count, 1u)))));
        if (edge.data == 0)
            pen.setStyle(Qt::DashLine);
        painter.setOpacity(isDimmed(edge.from) || isDimmed(edge.to) ? 0.2 : 1.0);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(roundedPolyline(points));
        const QPointF d = end - points[points.size() - 2];
        const double length = std::hypot(d.x(), d.y());
        if (length < 1)
            continue;
        // The arrow head, pointing at the consumer.
        const QPointF unit = d / length, normal(-unit.y(), unit.x());
        const double size = 6 + pen.widthF();
        QPolygonF head;
        head << end << end - unit * size + normal * size / 2
             << end - unit * size - normal * size / 2;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawPolygon(head);
        // The count beside the middle of its longest straight part.
        std::size_t longest = 1;
        for (std::size_t i = 1; i < points.size(); ++i)
            if (QLineF(points[i - 1], points[i]).length()
                > QLineF(points[longest - 1], points[longest]).length())
                longest = i;
        const QLineF part(points[longest - 1], points[longest]);
        if (count > 1 && m_scale > 0.3 && part.length() > 3 * kStub) {
            const QPointF along = (part.p2() - part.p1()) / part.length();
            painter.setPen(colour.darker(150));
            const QPointF middle = part.center() + QPointF(-along.y(), along.x()) * 12;
            painter.drawText(QRectF(middle - QPointF(30, 8), QSizeF(60, 16)), Qt::AlignCenter,
                QString::number(count));
        }
    }
    painter.setOpacity(1);
}

void GraphView::drawNodes(QPainter& painter, const QRectF& visible) const
{
    using Kind = core::GraphHierarchy::Kind;
    QFont font = painter.font();
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    const bool withText = m_scale > 0.25; // smaller than that, text is only noise
    for (std::size_t i = 0; i < m_layout.boxes.size(); ++i) {
        const auto& box = m_layout.boxes[i];
        const QRectF r = sceneBox(i);
        if (box.open || !r.intersects(visible))
            continue;
        const core::GraphHierarchy::Node& node = m_hierarchy->node(box.node);
        painter.setOpacity(isFaint(box.node) ? kFaintOpacity : isDimmed(i) ? 0.3 : 1.0);
        const bool selected = m_selected == box.node, lit = m_highlighted.contains(box.node);
        const bool ringed = isRinged(box.node);
        painter.setPen(QPen(selected ? kSelected
                : ringed             ? kRing
                : lit                ? kHighlight
                                     : kOutline,
            selected || lit || ringed ? 3 : 1));
        const QColor fill = fillOf(box.node);
        QString detail;
        if (node.isGroup()) {
            painter.setBrush(fill.isValid()     ? fill
                    : node.kind == Kind::Series ? kSeriesFill
                                                : kScopeFill);
            painter.drawRoundedRect(r, 8, 8);
            if (isMixed(box.node)) { // its ops differ: hatched over the most common value
                const QPen pen = painter.pen();
                painter.setPen(Qt::NoPen);
                painter.setBrush(QBrush(kMixedHatch, Qt::BDiagPattern));
                painter.drawRoundedRect(r, 8, 8);
                painter.setPen(pen);
            }
            detail = tr("%n op(s)", "", int(node.opCount));
        } else {
            painter.setBrush(fill.isValid() ? fill : box.auxiliary ? kAuxiliaryFill : kOpFill);
            painter.drawEllipse(r);
            if (m_graph && node.nodeDef >= 0 && node.nodeDef < m_graph->node_size())
                detail = QString::fromStdString(m_graph->node(node.nodeDef).op());
        }
        if (node.isGroup())
            drawBadge(painter, i);
        if (!withText)
            continue;
        const QRectF inner = r.adjusted(10, 3, node.isGroup() ? -kBadge - 8 : -10, -3);
        painter.setPen(Qt::black);
        painter.setFont(font);
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2 + 2),
            Qt::AlignHCenter | Qt::AlignBottom,
            QFontMetricsF(font).elidedText(labelOf(node), Qt::ElideMiddle, inner.width()));
        painter.setFont(small);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(
            QRectF(inner.left(), inner.center().y() + 2, inner.width(), inner.height() / 2 - 2),
            Qt::AlignHCenter | Qt::AlignTop,
            QFontMetricsF(small).elidedText(detail, Qt::ElideRight, inner.width()));
    }
    painter.setOpacity(1);
    painter.setFont(font);
}

void GraphView::drawBadge(QPainter& painter, std::size_t box) const
{
    const QRectF badge = badgeBox(box);
    painter.setPen(QPen(kOutline, 1));
    painter.setBrush(Qt::white);
    painter.drawRect(badge);
    const QPointF c = badge.center();
    painter.drawLine(c - QPointF(4, 0), c + QPointF(4, 0));
    if (!m_layout.boxes[box].open)
        painter.drawLine(c - QPointF(0, 4), c + QPointF(0, 4));
}

void GraphView::resizeEvent(QResizeEvent*)
{
    if (m_placePending)
        showInputEnd();
}

bool GraphView::pressed(const Press& press)
{
    return press.button == Qt::LeftButton;
}

void GraphView::dragged(const Press&, QPointF from, QPointF to)
{
    m_offset += to - from;
    update();
    emit viewMoved();
}

void GraphView::released(const Press&, QPointF at, bool wasDrag)
{
    if (wasDrag || !m_hierarchy)
        return;
    const auto box = boxAt(at);
    if (!box) {
        select(std::nullopt);
        return;
    }
    const std::uint32_t node = m_layout.boxes[*box].node;
    if (m_hierarchy->node(node).isGroup() && badgeBox(*box).contains(toScene(at))) {
        emit expandToggled(node);
        return;
    }
    select(node);
    emit nodeClicked(node);
}

void GraphView::doubleClicked(QPointF at, Qt::MouseButton)
{
    const auto box = boxAt(at);
    if (!box || !m_hierarchy->node(m_layout.boxes[*box].node).isGroup())
        return;
    const std::uint32_t node = m_layout.boxes[*box].node;
    if (badgeBox(*box).contains(toScene(at)))
        return; // the two clicks on the badge toggled it twice already
    if (QGuiApplication::keyboardModifiers() & Qt::ControlModifier)
        emit groupActivated(node);
    else
        emit expandToggled(node);
}

void GraphView::contextMenuEvent(QContextMenuEvent* event)
{
    const auto box = boxAt(event->pos());
    if (!box)
        return;
    const auto& shown = m_layout.boxes[*box];
    const std::uint32_t node = shown.node;
    QMenu menu(this);
    if (m_hierarchy->node(node).isGroup()) {
        menu.addAction(shown.open ? tr("Close") : tr("Open"), this,
            [this, node] { emit expandToggled(node); });
        menu.addAction(
            tr("Show this group alone"), this, [this, node] { emit groupActivated(node); });
    }
    menu.addAction(
        shown.auxiliary ? tr("Move to the main graph") : tr("Move to the auxiliary area"), this,
        [this, node] { emit auxiliaryToggled(node); });
    menu.exec(event->globalPos());
}

void GraphView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_A && m_selected) {
        emit auxiliaryToggled(*m_selected);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_selected
        && m_hierarchy && m_hierarchy->node(*m_selected).isGroup()) {
        emit expandToggled(*m_selected);
        return;
    }
    InteractivePlot::keyPressEvent(event);
}

bool GraphView::wheelTurned(QPointF at, int angleDelta)
{
    const double factor = std::pow(1.0015, angleDelta);
    const double scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    const QPointF scene = toScene(at);
    m_scale = scale;
    m_offset = at - scene * m_scale; // the point under the cursor stays put
    update();
    emit viewMoved();
    return true;
}

} // namespace lantern::ui
