// LinePlot's painting: grid, axes, every series' lines, the cursors and the zoom box.

#include "ui/widgets/line_layer.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/tick_label_placement.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

// `color` at `alpha` over the opaque `background`, as one opaque color: Qt fills opaque
// rectangles directly, while translucent ones go span by span through its thread pool.
QColor over(const QColor& background, QColor color, double alpha)
{
    const auto mix = [alpha](double a, double b) { return a * alpha + b * (1 - alpha); };
    return QColor::fromRgbF(float(mix(color.redF(), background.redF())),
        float(mix(color.greenF(), background.greenF())),
        float(mix(color.blueF(), background.blueF())));
}

// The image the lines are drawn into: one for every plot that draws them on the GUI thread,
// as they paint one after the other, so repaints allocate nothing.
QImage& sharedLineLayer()
{
    static QImage layer;
    return layer;
}

} // namespace

void LinePlot::paintEvent(QPaintEvent*)
{
    // A plot of many runs shows its last layout until the worker has computed the next.
    if (usesBackground() && m_layoutVersion != m_inputVersion)
        startLayoutJob();
    QPainter painter(this);
    const QColor background = palette().color(QPalette::Base);
    painter.fillRect(rect(), background);
    if (usesBackground() && !m_layout)
        return; // the first one is on its way
    const LineLayout& l = shownLayout();

    const QColor text = palette().color(QPalette::Text);
    QColor frame = text;
    frame.setAlphaF(0.35);
    const QColor grid = over(background, text, 0.12);
    const QFontMetrics metrics = fontMetrics();
    // Grid lines and the frame as whole opaque pixel rows and columns.
    const QRect plotPixels = l.plot.toRect();
    for (std::size_t i = 0; i < l.yTicks.values.size(); ++i) {
        const double y = l.toPixel({l.x.lo, l.yTicks.values[i]}).y();
        painter.fillRect(QRect(plotPixels.left(), int(std::floor(y)), plotPixels.width(), 1), grid);
        painter.setPen(text);
        const QRectF box(0, y - metrics.height() / 2.0, l.plot.left() - 6, metrics.height());
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, l.yTicks.labels[i]);
    }
    std::vector<TickLabel> xLabels;
    for (std::size_t i = 0; i < l.xTicks.values.size(); ++i) {
        const double x = l.toPixel({l.xTicks.values[i], l.y.lo}).x();
        painter.fillRect(QRect(int(std::floor(x)), plotPixels.top(), 1, plotPixels.height()), grid);
        xLabels.push_back({x, double(metrics.horizontalAdvance(l.xTicks.labels[i]))});
    }
    painter.setPen(text);
    const std::vector<std::optional<double>> lefts = placeTickLabels(xLabels, width());
    for (std::size_t i = 0; i < lefts.size(); ++i)
        if (lefts[i])
            painter.drawText(
                QPointF(*lefts[i], l.plot.bottom() + 4 + metrics.ascent()), l.xTicks.labels[i]);
    const QColor opaqueFrame = over(background, text, 0.35);
    const QRect f = plotPixels;
    painter.fillRect(QRect(f.left(), f.top(), f.width() + 1, 1), opaqueFrame);
    painter.fillRect(QRect(f.left(), f.top() + f.height(), f.width() + 1, 1), opaqueFrame);
    painter.fillRect(QRect(f.left(), f.top(), 1, f.height() + 1), opaqueFrame);
    painter.fillRect(QRect(f.left() + f.width(), f.top(), 1, f.height() + 1), opaqueFrame);

    painter.save();
    painter.setClipRect(l.lines->area);
    // On a raster device the lines go into a layer over the plot, drawn at once; for many
    // runs it is rendered on a worker thread, the last one drawn meanwhile. Other devices
    // (SVG) get every line as a vector polyline.
    if (painter.paintEngine()->type() != QPaintEngine::Raster) {
        drawLines(painter, *l.lines);
    } else if (const qreal dpr = painter.device()->devicePixelRatioF(); usesBackground()) {
        if (const QImage* layer = m_background->layerFor(l.lines, dpr))
            painter.drawImage(l.lines->area.topLeft(), *layer);
    } else {
        QImage& layer = sharedLineLayer();
        renderLineLayer(*l.lines, dpr, layer);
        painter.drawImage(l.lines->area.topLeft(), layer);
    }
    if (m_hover && l.plot.contains(*m_hover) && !m_boxing) {
        QColor cursor = text;
        cursor.setAlphaF(0.5);
        painter.setPen(QPen(cursor, 1, Qt::DashLine));
        painter.drawLine(
            QPointF(m_hover->x(), l.plot.top()), QPointF(m_hover->x(), l.plot.bottom()));
    }
    if (m_pinned) {
        const double x = l.pixelAtX(m_pinned->x());
        painter.setPen(QPen(text, 1));
        painter.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
    }
    painter.restore();

    if (l.lines->lines.empty()) { // every series is empty
        painter.setPen(frame);
        painter.drawText(l.plot, Qt::AlignCenter, tr("No data"));
    }
    if (m_boxing) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlphaF(0.2);
        painter.setPen(palette().color(QPalette::Highlight));
        painter.setBrush(fill);
        painter.drawRect(QRectF(QRect(m_dragStart, m_dragCurrent).normalized()));
    }
}

} // namespace lantern::ui
