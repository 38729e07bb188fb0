#include "ui/dashboards/projector/projector_labels.h"

#include <QPainter>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr double kLabelGap = 6; // pixels between a point and its label

} // namespace

std::vector<std::size_t> placeLabels(const std::vector<QRectF>& boxes, std::size_t always)
{
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const bool free = i < always || std::none_of(kept.begin(), kept.end(), [&](std::size_t k) {
            return boxes[k].intersects(boxes[i]);
        });
        if (free)
            kept.push_back(i);
    }
    return kept;
}

QRectF labelBox(QPointF anchor, QSizeF textSize)
{
    return {QPointF(anchor.x() + kLabelGap, anchor.y() - textSize.height() / 2), textSize};
}

void paintLabel(QPainter& painter, const QRectF& box, const QString& text)
{
    // The halo is the text drawn white one pixel around, cheaper than stroking its outline.
    painter.save();
    painter.setPen(QColor(255, 255, 255, 235));
    for (const QPointF offset : {QPointF(-1, -1), QPointF(0, -1), QPointF(1, -1), QPointF(-1, 0),
             QPointF(1, 0), QPointF(-1, 1), QPointF(0, 1), QPointF(1, 1)})
        painter.drawText(box.translated(offset), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter.setPen(QColor(0x20, 0x21, 0x24));
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
    painter.restore();
}

} // namespace lantern::ui
