// ParallelCoordinatesView's painting: the axes and faint lines into one cached image, the lines
// inside the brushes over a copy of it (in the background while a brush is dragged), then on each
// frame the count, the brushes, the hovered and selected lines and an axis being dragged.

#include "core/analysis/line_raster.h"
#include "ui/dashboards/hparams/parallel_coordinates_view.h"
#include "ui/dashboards/hparams/session_shade.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kPaintBottom = 30, kPaintTickWidth = 64, kBrushHalfWidth = 7;
constexpr QRgb kFaintGrey = qRgb(150, 150, 150);
constexpr double kFaintAlpha = 0.25, kLineAlpha = 0.75;

// A copy of `faint` with `lines` blended over it in colour (on any thread).
QImage linesOver(const QImage& faint, const std::vector<core::ColoredSegment>& lines)
{
    QImage image = faint.copy();
    core::blendLines(pixelsOf(image), lines, kLineAlpha);
    return image;
}

} // namespace

void ParallelCoordinatesView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_faintDirty = true;
}

void ParallelCoordinatesView::paintAxes(QPainter& painter) const
{
    const QRectF plot = plotRect();
    QFont bold = font();
    bold.setBold(true);
    for (std::size_t i = 0; i < m_axes.size(); ++i) {
        m_axes[i].paint(painter, palette(), axisXAt(i), plot, kPaintTickWidth - 8);
        painter.setFont(bold);
        painter.setPen(palette().color(QPalette::Text));
        const QRectF box = titleRect(m_axes[i].key);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
            painter.fontMetrics().elidedText(
                m_axes[i].label(), Qt::ElideMiddle, int(2 * box.width() - 8)));
        painter.setFont(font());
    }
}

void ParallelCoordinatesView::paintLine(QPainter& painter, std::size_t line, const QPen& pen) const
{
    // Separate segments, not a polyline: a stroked polyline is outlined as one path, which
    // costs the rasterizer far more than its segments do.
    painter.setPen(pen);
    QLineF segments[64];
    int count = 0;
    for (std::size_t axis = 0; axis + 1 < m_axes.size(); ++axis) {
        if (fractionOf(line, axis) && fractionOf(line, axis + 1))
            segments[count++] = QLineF(pointAt(line, axis), pointAt(line, axis + 1));
        if (count == 64) {
            painter.drawLines(segments, count);
            count = 0;
        }
    }
    painter.drawLines(segments, count);
}

std::vector<core::ColoredSegment> ParallelCoordinatesView::segments(bool coloured) const
{
    const qreal scale = devicePixelRatioF();
    std::vector<core::ColoredSegment> result;
    for (std::size_t line = 0; line < m_lines.size(); ++line) {
        if (coloured && !m_brushedIn[line])
            continue;
        const QRgb rgb = coloured ? sessionColor(m_lines[line].shade).rgb() : kFaintGrey;
        for (std::size_t axis = 0; axis + 1 < m_axes.size(); ++axis)
            if (fractionOf(line, axis) && fractionOf(line, axis + 1)) {
                const QPointF a = pointAt(line, axis) * scale, b = pointAt(line, axis + 1) * scale;
                result.push_back({a.x(), a.y(), b.x(), b.y(), rgb & 0xffffff});
            }
    }
    return result;
}

void ParallelCoordinatesView::renderFaint() const
{
    m_linesJob.cancel(); // a drag's lines over the old picture would be stale
    resetCache(m_faint, *this);
    m_faintDirty = false;
    m_cacheDirty = true;
    QPainter painter(&m_faint);
    painter.setFont(font());
    if (m_axes.empty()) {
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(rect(), Qt::AlignCenter, tr("No hyperparameters or metrics to show"));
        return;
    }
    paintAxes(painter);
    painter.end(); // the lines go straight into the pixels
    // Every line, not only those brushed out: then a brush change need not redraw this.
    m_faintHasLines = !m_brushes.isEmpty();
    if (m_faintHasLines)
        core::blendLines(pixelsOf(m_faint), segments(false), kFaintAlpha);
}

void ParallelCoordinatesView::renderLines() const
{
    m_linesJob.cancel();
    m_cache = linesOver(m_faint, segments(true));
    m_cacheDirty = false;
}

void ParallelCoordinatesView::requestLinesInBackground()
{
    ensureLayout();
    // The grey lines appear with the first brush: that picture is redrawn on the next paint.
    if (m_faintDirty || m_faintHasLines == m_brushes.isEmpty()
        || m_faint.size() != size() * devicePixelRatioF())
        return;
    m_linesJob.run([faint = m_faint, lines = segments(true)] { return linesOver(faint, lines); });
}

void ParallelCoordinatesView::finishDrawingLines()
{
    m_linesJob.waitForLatest();
    repaint();
}

void ParallelCoordinatesView::paintBrushes(QPainter& painter) const
{
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(60);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
    painter.setBrush(fill);
    for (std::size_t axis = 0; axis < m_axes.size(); ++axis)
        for (const core::BrushRange& range : m_brushes.value(m_axes[axis].key)) {
            const double x = axisXAt(axis);
            painter.drawRect(QRectF(QPointF(x - kBrushHalfWidth, yOf(range.hi)),
                QPointF(x + kBrushHalfWidth, yOf(range.lo))));
        }
    painter.setBrush(Qt::NoBrush);
}

void ParallelCoordinatesView::paintCount(QPainter& painter) const
{
    const auto brushedIn = std::size_t(std::count(m_brushedIn.begin(), m_brushedIn.end(), 1));
    QString count = tr("%n session(s)", "", int(m_lines.size()));
    if (brushedIn != m_lines.size())
        count = tr("%1 of %2 inside the brushes").arg(brushedIn).arg(count);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(8, height() - kPaintBottom + 8, width() - 8, kPaintBottom - 8),
        Qt::AlignLeft | Qt::AlignVCenter,
        m_shadeTitle.isEmpty()
            ? count
            : tr("%1 · coloured by %2, low (purple) to high (yellow)").arg(count, m_shadeTitle));
}

void ParallelCoordinatesView::paintEvent(QPaintEvent*)
{
    ensureLayout();
    const QSize pixels = size() * devicePixelRatioF();
    if (m_faintDirty || m_faintHasLines == m_brushes.isEmpty() || m_faint.size() != pixels)
        renderFaint();
    // While a drag's lines are drawn in the background, the last ones finished stand in.
    const bool standIn = m_drag == Drag::Brush && m_linesJob.isBusy() && m_cache.size() == pixels;
    if ((m_cacheDirty && !standIn) || m_cache.size() != pixels)
        renderLines();
    QPainter painter(this);
    painter.drawImage(0, 0, m_cache);
    if (m_axes.empty())
        return;
    painter.setFont(font());
    paintCount(painter);
    painter.setRenderHint(QPainter::Antialiasing);
    paintBrushes(painter);
    if (const auto hovered = lineOf(m_hovered); hovered && m_hovered != m_highlighted)
        paintLine(painter, *hovered, QPen(sessionColor(m_lines[*hovered].shade), 3));
    if (const auto highlighted = lineOf(m_highlighted))
        paintLine(painter, *highlighted, QPen(palette().color(QPalette::Highlight), 3));
    if (m_drag == Drag::Move) { // where the dragged axis would go
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        painter.drawLine(
            QPointF(m_dragPos.x(), plotRect().top()), QPointF(m_dragPos.x(), plotRect().bottom()));
    }
}

} // namespace lantern::ui
