// ParallelCoordinatesView's painting: the axes into one cached image, the faint lines over a copy
// of it and the lines inside the brushes over a copy of that (on a worker once the view has a
// picture of its size), then on each frame the count, the brushes, the hovered and selected
// lines and an axis being dragged.

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
    m_axesDirty = true;
    m_picture.invalidate();
    ++m_faintVersion;
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
    // Every brush frame asks for tens of thousands: the axes' places once, not per point.
    const qreal scale = devicePixelRatioF();
    const QRectF plot = plotRect();
    std::vector<double> xs;
    for (std::size_t axis = 0; axis < m_axes.size(); ++axis)
        xs.push_back(axisXAt(axis) * scale);
    const auto y
        = [&](double fraction) { return (plot.bottom() - fraction * plot.height()) * scale; };
    std::vector<core::ColoredSegment> result;
    for (std::size_t line = 0; line < m_lines.size(); ++line) {
        if (coloured && !m_brushedIn[line])
            continue;
        const QRgb rgb = coloured ? sessionColor(m_lines[line].shade).rgb() : kFaintGrey;
        for (std::size_t axis = 0; axis + 1 < m_axes.size(); ++axis) {
            const double from = m_fractions[axis][line], to = m_fractions[axis + 1][line];
            if (!std::isnan(from) && !std::isnan(to))
                result.push_back({xs[axis], y(from), xs[axis + 1], y(to), rgb & 0xffffff});
        }
    }
    return result;
}

void ParallelCoordinatesView::renderAxes() const
{
    resetCache(m_axesImage, *this);
    m_axesDirty = false;
    QPainter painter(&m_axesImage);
    painter.setFont(font());
    if (m_axes.empty()) {
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(rect(), Qt::AlignCenter, tr("No hyperparameters or metrics to show"));
        return;
    }
    paintAxes(painter);
}

ParallelCoordinatesView::LayerInputs ParallelCoordinatesView::layerInputs() const
{
    LayerInputs inputs;
    inputs.axes = m_axesImage;
    // Every line in grey, not only those brushed out: then a brush change need not redraw it.
    inputs.greyLines = !m_brushes.isEmpty();
    inputs.faintVersion = m_faintVersion;
    if (m_faintDrawnFor == m_faintVersion && m_faintHasLines == inputs.greyLines)
        inputs.faint = m_faint;
    else if (inputs.greyLines)
        inputs.grey = segments(false);
    inputs.lines = segments(true);
    return inputs;
}

ParallelCoordinatesView::Layers ParallelCoordinatesView::drawLayers(LayerInputs inputs)
{
    Layers layers {std::move(inputs.faint), {}, inputs.greyLines, inputs.faintVersion};
    if (layers.faint.isNull()) {
        layers.faint = inputs.axes.copy();
        core::blendLines(pixelsOf(layers.faint), inputs.grey, kFaintAlpha);
    }
    layers.lines = linesOver(layers.faint, inputs.lines);
    return layers;
}

bool ParallelCoordinatesView::showLayers(Layers& layers)
{
    if (layers.lines.size() != size() * devicePixelRatioF())
        return false; // drawn before a resize
    if (layers.faintVersion == m_faintVersion) {
        m_faint = std::move(layers.faint);
        m_faintHasLines = layers.greyLines;
        m_faintDrawnFor = layers.faintVersion;
    }
    m_cache = std::move(layers.lines);
    return true;
}

void ParallelCoordinatesView::finishDrawingLines()
{
    ensureLayout();
    if (m_axesDirty || m_axesImage.size() != size() * devicePixelRatioF())
        renderAxes();
    m_picture.finish([this] { return layerInputs(); });
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
    if (m_axesDirty || m_axesImage.size() != pixels)
        renderAxes();
    // The last picture stands in while the worker draws, if there is one of this size.
    m_picture.refresh(
        m_backgroundDrawing && m_cache.size() == pixels, [this] { return layerInputs(); });
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
