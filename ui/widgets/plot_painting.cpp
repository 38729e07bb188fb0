#include "ui/widgets/plot_painting.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace lantern::ui {

QColor beginPlotPainting(QPainter& painter, const QRect& target, const QPalette& palette)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, palette.base());
    QFont small = painter.font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    painter.setFont(small);
    return palette.color(QPalette::Text);
}

} // namespace lantern::ui
