#include "ui/dashboards/graphs/graph_edge_shapes.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace lantern::ui {

namespace {

constexpr double kStub = 26; // an edge to the auxiliary area, drawn from its main end
const QColor kEdge(0x80, 0x80, 0x80);
const QColor kAuxiliaryEdge(0xc8, 0xc8, 0xc8);

QRectF boxRectOf(const core::ExpandedLayout::Box& box)
{
    return QRectF(box.x, box.y, box.width, box.height);
}

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

double lengthOf(const std::vector<QPointF>& points)
{
    double total = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        total += QLineF(points[i - 1], points[i]).length();
    return total;
}

// Cuts `points` to their first kStub of length (their last, `atEnd`).
void cutToStub(std::vector<QPointF>& points, bool atEnd)
{
    if (atEnd)
        std::reverse(points.begin(), points.end());
    double left = kStub;
    for (std::size_t i = 1; i < points.size(); ++i) {
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

// The shape of the route through `points` (its ends on the two boxes' borders).
EdgeShape shapeThrough(const std::vector<QPointF>& points, double penWidth)
{
    EdgeShape shape;
    shape.path = roundedPolyline(points);
    const QPointF end = points.back();
    const QPointF d = end - points[points.size() - 2];
    const double length = std::hypot(d.x(), d.y());
    if (length >= 1) {
        // The arrow head, pointing at the consumer.
        const QPointF unit = d / length, normal(-unit.y(), unit.x());
        const double size = 6 + penWidth;
        shape.head << end << end - unit * size + normal * size / 2
                   << end - unit * size - normal * size / 2;
        // The count beside the middle of its longest straight part.
        std::size_t longest = 1;
        for (std::size_t i = 1; i < points.size(); ++i)
            if (QLineF(points[i - 1], points[i]).length()
                > QLineF(points[longest - 1], points[longest]).length())
                longest = i;
        const QLineF part(points[longest - 1], points[longest]);
        if (part.length() > 3 * kStub) {
            const QPointF along = (part.p2() - part.p1()) / part.length();
            shape.countAt = part.center() + QPointF(-along.y(), along.x()) * 12;
        }
    }
    shape.bounds = shape.path.controlPointRect().united(shape.head.boundingRect());
    if (shape.countAt)
        shape.bounds |= QRectF(*shape.countAt - QPointF(30, 8), QSizeF(60, 16));
    const double room = penWidth / 2 + 1; // the pen's half-width and antialiasing
    shape.bounds.adjust(-room, -room, room, room);
    return shape;
}

} // namespace

std::vector<EdgeShapes> edgeShapesOf(const core::ExpandedLayout& layout)
{
    std::vector<EdgeShapes> shapes;
    shapes.reserve(layout.edges.size());
    std::vector<QPointF> points;
    for (const auto& edge : layout.edges) {
        const QRectF a = boxRectOf(layout.boxes[edge.from]), b = boxRectOf(layout.boxes[edge.to]);
        points.clear();
        for (std::uint32_t i = 0; i < edge.bendCount; ++i) {
            const auto& bend = layout.bends[edge.firstBend + i];
            points.emplace_back(bend.x, bend.y);
        }
        const QPointF start = borderPoint(a, points.empty() ? b.center() : points.front());
        const QPointF end = borderPoint(b, points.empty() ? a.center() : points.back());
        points.insert(points.begin(), start);
        points.push_back(end);

        EdgeShapes drawn;
        const std::uint32_t count = edge.data + edge.control;
        drawn.colour = edge.auxiliary ? kAuxiliaryEdge : kEdge;
        drawn.penWidth = 1.2 + std::min(5.0, std::log2(double(std::max(count, 1u))));
        drawn.controlOnly = edge.data == 0;
        if (count > 1)
            drawn.count = QString::number(count);
        drawn.full = shapeThrough(points, drawn.penWidth);
        const bool fromAside = layout.boxes[edge.from].auxiliary;
        if (edge.auxiliary && fromAside != layout.boxes[edge.to].auxiliary
            && lengthOf(points) > 2 * kStub) {
            // Along the edge's route, which passes beside the boxes in between.
            std::vector<QPointF> stub = points;
            cutToStub(stub, fromAside);
            drawn.stub = shapeThrough(stub, drawn.penWidth);
        }
        shapes.push_back(std::move(drawn));
    }
    return shapes;
}

} // namespace lantern::ui
