#pragma once
// Point labels of the projector's view: which labels fit without covering each other, and
// drawing one with a halo so it reads on points of any colour.

#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstddef>
#include <vector>

class QPainter;

namespace lantern::ui {

// The boxes to keep, in order of priority: the first `always` are kept whatever they cover,
// each later one only when it overlaps no box kept before it. Returns their positions.
std::vector<std::size_t> placeLabels(const std::vector<QRectF>& boxes, std::size_t always);

// Where the label of a point drawn at `anchor` goes: just right of the point, centred on it.
QRectF labelBox(QPointF anchor, QSizeF textSize);

// Draws `text` in `box` with a white halo.
void paintLabel(QPainter& painter, const QRectF& box, const QString& text);

} // namespace lantern::ui
