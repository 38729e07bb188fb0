#pragma once
// What the Graphs canvas strokes for each edge of an expanded layout, made once per layout so
// that a repaint only culls and strokes: the route from border to border through its bends
// (graph_edge_routes.h) with rounded corners, the arrow head at the consumer, where its input
// count goes, and its bounds. An edge to or from the auxiliary area also has a short form, a
// stub at its main end (long lines from every op to the global step would cross the whole
// drawing), which the view draws unless the edge touches the selection.

#include "core/analysis/graph_expanded_layout.h"

#include <QColor>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace lantern::ui {

struct EdgeShape {
    QPainterPath path;
    QPolygonF head;
    QRectF bounds; // of the path and head, with room for the pen and the count
    std::optional<QPointF> countAt; // the centre of its count's text (none: too short for one)
};

struct EdgeShapes {
    EdgeShape full;
    std::optional<EdgeShape> stub; // only edges between the main flow and the auxiliary area
    QColor colour;
    double penWidth = 1;
    bool controlOnly = false; // dashed
    QString count; // the inputs it carries, drawn when more than one
};

std::vector<EdgeShapes> edgeShapesOf(const core::ExpandedLayout& layout);

} // namespace lantern::ui
