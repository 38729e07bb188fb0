#include "ui/dashboards/graphs/graph_view.h"

#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>

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
    m_edgeShapes = edgeShapesOf(m_layout);
    m_boxTexts.assign(m_layout.boxes.size(), {});
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
    m_edgeShapes.clear();
    m_boxTexts.clear();
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

void GraphView::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    if (!m_hierarchy || m_layout.boxes.empty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(m_offset);
    painter.scale(m_scale, m_scale);
    // Only what the exposed part shows is drawn.
    const QRectF exposed(event->rect());
    const QRectF visible(toScene(exposed.topLeft()), toScene(exposed.bottomRight()));
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
    const QFont font = painter.font();
    QFont bold = font;
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
        painter.setPen(Qt::black);
        painter.setFont(bold);
        const QStaticText& title = textsOf(i, font).label;
        painter.drawStaticText(
            QPointF(r.left() + 10, r.top() + 4 + (22 - title.size().height()) / 2), title);
        drawBadge(painter, i);
    }
    painter.setOpacity(1);
    painter.setFont(font);
}

// Strokes the shapes made with the layout (graph_edge_shapes.h): culled by their bounds, so
// that a repaint costs what is in sight, and nothing built per edge here.
void GraphView::drawEdges(QPainter& painter, const QRectF& visible) const
{
    painter.setBrush(Qt::NoBrush);
    QPen pen;
    for (std::size_t i = 0; i < m_layout.edges.size(); ++i) {
        const auto& edge = m_layout.edges[i];
        const EdgeShapes& drawn = m_edgeShapes[i];
        const EdgeShape& shape = drawn.stub && !touchesFocus(edge) ? *drawn.stub : drawn.full;
        if (!shape.bounds.intersects(visible))
            continue;
        pen.setColor(drawn.colour);
        pen.setWidthF(drawn.penWidth);
        pen.setStyle(drawn.controlOnly ? Qt::DashLine : Qt::SolidLine);
        painter.setOpacity(isDimmed(edge.from) || isDimmed(edge.to) ? 0.2 : 1.0);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(shape.path);
        if (shape.head.isEmpty())
            continue;
        painter.setPen(Qt::NoPen);
        painter.setBrush(drawn.colour);
        painter.drawPolygon(shape.head);
        if (shape.countAt && !drawn.count.isEmpty() && m_scale > 0.3) {
            painter.setPen(drawn.colour.darker(150));
            painter.drawText(QRectF(*shape.countAt - QPointF(30, 8), QSizeF(60, 16)),
                Qt::AlignCenter, drawn.count);
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
        } else {
            painter.setBrush(fill.isValid() ? fill : box.auxiliary ? kAuxiliaryFill : kOpFill);
            painter.drawEllipse(r);
        }
        if (node.isGroup())
            drawBadge(painter, i);
        if (!withText)
            continue;
        // The name centred above the middle, the detail (smaller) below it.
        const QRectF inner = r.adjusted(10, 3, node.isGroup() ? -kBadge - 8 : -10, -3);
        const BoxTexts& texts = textsOf(i, font);
        painter.setPen(Qt::black);
        painter.setFont(font);
        const QSizeF label = texts.label.size();
        painter.drawStaticText(QPointF(inner.center().x() - label.width() / 2,
                                   inner.top() + inner.height() / 2 + 2 - label.height()),
            texts.label);
        painter.setFont(small);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawStaticText(
            QPointF(inner.center().x() - texts.detail.size().width() / 2, inner.center().y() + 2),
            texts.detail);
    }
    painter.setOpacity(1);
    painter.setFont(font);
}

const GraphView::BoxTexts& GraphView::textsOf(std::size_t box, const QFont& font) const
{
    if (font != m_textFont) {
        m_boxTexts.assign(m_layout.boxes.size(), {});
        m_textFont = font;
    }
    BoxTexts& texts = m_boxTexts[box];
    if (texts.made)
        return texts;
    texts.made = true;
    // Laid out in the font it is drawn in: centring it needs its size.
    const auto plain = [](const QString& text, const QFont& in) {
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText); // op names are never markup
        laidOut.prepare(QTransform(), in);
        return laidOut;
    };
    const auto& shown = m_layout.boxes[box];
    const auto& node = m_hierarchy->node(shown.node);
    const QRectF r = sceneBox(box);
    if (shown.open) { // the title band, in bold
        QFont bold = font;
        bold.setBold(true);
        texts.label = plain(QFontMetricsF(bold).elidedText(labelOf(node) + QStringLiteral("  ·  ")
                                    + tr("%n op(s)", "", int(node.opCount)),
                                Qt::ElideMiddle, r.width() - kBadge - 26),
            bold);
        return texts;
    }
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    const double width = r.width() - 20 - (node.isGroup() ? kBadge - 2 : 0);
    QString detail;
    if (node.isGroup())
        detail = tr("%n op(s)", "", int(node.opCount));
    else if (m_graph && node.nodeDef >= 0 && node.nodeDef < m_graph->node_size())
        detail = QString::fromStdString(m_graph->node(node.nodeDef).op());
    texts.label
        = plain(QFontMetricsF(font).elidedText(labelOf(node), Qt::ElideMiddle, width), font);
    texts.detail = plain(QFontMetricsF(small).elidedText(detail, Qt::ElideRight, width), small);
    return texts;
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
