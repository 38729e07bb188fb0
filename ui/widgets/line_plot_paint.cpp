// LinePlot's painting: grid, axes, every series' lines, the cursors and the zoom box.

#include "ui/widgets/dense_line.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/line_plot_state.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <optional>

namespace lantern::ui {
namespace {

constexpr double kRawAlpha = 0.25; // the raw line behind a smoothed one
constexpr std::size_t kMaxAntialiasedSeries = 32;

// Draws a polyline through pixel coordinates, broken wherever a point is not finite; lone
// points become dots. Draws straight from `pixels`, no copy.
void drawBrokenLine(QPainter& painter, const std::vector<QPointF>& pixels, bool dots)
{
    const auto finite
        = [](const QPointF& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); };
    const QPointF* points = pixels.data();
    const std::size_t n = pixels.size();
    for (std::size_t start = 0; start < n;) {
        if (!finite(points[start])) {
            ++start;
            continue;
        }
        std::size_t end = start + 1;
        while (end < n && finite(points[end]))
            ++end;
        if (end - start == 1 || dots) {
            painter.save();
            painter.setBrush(painter.pen().color());
            for (std::size_t i = start; i < end; ++i)
                painter.drawEllipse(points[i], 2.0, 2.0);
            painter.restore();
        }
        // Short pieces: Qt strokes one polyline as a single outline, and the cost of a long
        // zig-zagging one (4 points per pixel column) grows far faster than its length.
        constexpr std::size_t kPiece = 64;
        for (std::size_t at = start; at + 1 < end; at += kPiece)
            painter.drawPolyline(points + at, int(std::min(kPiece + 1, end - at)));
        start = end;
    }
}

// `color` at `alpha` over the opaque `background`, as one opaque color: Qt fills opaque
// rectangles directly, while translucent ones go span by span through its thread pool.
QColor over(const QColor& background, QColor color, double alpha)
{
    const auto mix = [alpha](double a, double b) { return a * alpha + b * (1 - alpha); };
    return QColor::fromRgbF(float(mix(color.redF(), background.redF())),
        float(mix(color.greenF(), background.greenF())),
        float(mix(color.blueF(), background.blueF())));
}

// The image the lines are drawn into, cleared, at `size` (device pixels): one for every plot,
// as they paint one after the other on the GUI thread, so repaints allocate nothing.
QImage& lineLayer(QSize size)
{
    static QImage layer;
    if (size.isEmpty())
        return layer;
    if (layer.size() != size)
        layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    return layer;
}

} // namespace

void LinePlot::paintEvent(QPaintEvent*)
{
    const Layout& l = layout();
    QPainter painter(this);
    const QColor background = palette().color(QPalette::Base);
    painter.fillRect(rect(), background);

    const QColor text = palette().color(QPalette::Text);
    QColor frame = text;
    frame.setAlphaF(0.35);
    const QColor grid = over(background, text, 0.12);
    const QFontMetrics metrics = fontMetrics();
    // Grid lines and the frame as whole opaque pixel rows and columns.
    const QRect plotPixels = l.plot.toRect();
    for (std::size_t i = 0; i < l.yTicks.values.size(); ++i) {
        const double y = toPixel({l.x.lo, l.yTicks.values[i]}).y();
        painter.fillRect(QRect(plotPixels.left(), int(std::floor(y)), plotPixels.width(), 1), grid);
        painter.setPen(text);
        const QRectF box(0, y - metrics.height() / 2.0, l.plot.left() - 6, metrics.height());
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, l.yTicks.labels[i]);
    }
    for (std::size_t i = 0; i < l.xTicks.values.size(); ++i) {
        const double x = toPixel({l.xTicks.values[i], l.y.lo}).x();
        painter.fillRect(QRect(int(std::floor(x)), plotPixels.top(), 1, plotPixels.height()), grid);
        painter.setPen(text);
        const int width = metrics.horizontalAdvance(l.xTicks.labels[i]);
        const double left
            = std::clamp(x - width / 2.0, 0.0, std::max(0.0, double(this->width() - width)));
        painter.drawText(QPointF(left, l.plot.bottom() + 4 + metrics.ascent()), l.xTicks.labels[i]);
    }
    const QColor opaqueFrame = over(background, text, 0.35);
    const QRect f = plotPixels;
    painter.fillRect(QRect(f.left(), f.top(), f.width() + 1, 1), opaqueFrame);
    painter.fillRect(QRect(f.left(), f.top() + f.height(), f.width() + 1, 1), opaqueFrame);
    painter.fillRect(QRect(f.left(), f.top(), 1, f.height() + 1), opaqueFrame);
    painter.fillRect(QRect(f.left() + f.width(), f.top(), 1, f.height() + 1), opaqueFrame);

    painter.save();
    const QRect area = plotPixels.adjusted(-1, -1, 1, 1);
    painter.setClipRect(area);
    // On a raster device the lines go into a layer over the plot, drawn at once: a dense line
    // (decimated, more than four points per pixel column) is filled in column by column
    // (dense_line.h), the others drawn with a painter, in series order. Other devices (SVG)
    // get every line as a vector polyline.
    const bool raster = painter.paintEngine()->type() == QPaintEngine::Raster;
    const qreal dpr = painter.device()->devicePixelRatioF();
    QImage& layer = lineLayer(raster ? (QSizeF(area.size()) * dpr).toSize() : QSize());
    std::optional<QPainter> layerPainter;
    if (raster) {
        layer.setDevicePixelRatio(dpr);
        layerPainter.emplace(&layer);
        layerPainter->translate(-area.topLeft());
    }
    QPainter& target = raster ? *layerPainter : painter;
    std::vector<QPointF> devicePixels;
    std::vector<ColumnExtent> extents;
    // Smooth edges help a few lines; under hundreds of overlapping ones they cost ~4× the
    // painting time and show nothing (lantern-bench-window, 1,000 runs). So many lines are all
    // filled in column by column, solid ones at least: several times faster than Qt's stroker
    // (lantern-bench scalars-many-runs), and alike to the eye among so many.
    const bool manyLines = m_series.size() > kMaxAntialiasedSeries;
    const bool antialias = !manyLines;
    const auto draw
        = [&](const std::vector<QPointF>& pixels, const QPen& pen, bool dense, bool dots) {
              const bool byColumn = dense || (manyLines && !dots && pen.style() == Qt::SolidLine);
              if (raster && byColumn) {
                  extents.assign(std::size_t(layer.width()), ColumnExtent {});
                  devicePixels.clear();
                  for (const QPointF& p : pixels) {
                      if (std::isfinite(p.x()) && std::isfinite(p.y())) {
                          devicePixels.push_back((p - area.topLeft()) * dpr);
                          continue;
                      }
                      addColumnExtents(devicePixels, extents);
                      devicePixels.clear();
                  }
                  addColumnExtents(devicePixels, extents);
                  // A cosmetic pen is one device pixel wide, others scale with the screen.
                  fillColumnExtents(layer, extents, pen.color(),
                      pen.isCosmetic() ? 1.0 : std::max(1.0, pen.widthF()) * dpr);
                  return;
              }
              target.setPen(pen);
              target.setRenderHint(QPainter::Antialiasing, antialias);
              drawBrokenLine(target, pixels, dots);
          };
    const bool smoothing = m_options.smoothing > 0;
    bool anyData = false;
    for (const SeriesState& state : m_series) {
        if (state.input.data.empty())
            continue;
        anyData = true;
        // Few points get dots, so a handful of evaluations does not look like a straight line.
        const bool dots = state.decimated.allPoints && state.raw.size() * 8 < l.plot.width();
        const bool dense = !state.decimated.allPoints;
        // Cosmetic one-pixel pens take Qt's fast line path, antialiased or not; any other pen
        // goes through the general stroker, ~10× slower (a thousand runs made that seconds).
        QPen linePen(state.input.color, 1.0, state.input.style);
        linePen.setCosmetic(true);
        if (smoothing) {
            QColor faint = state.input.color;
            faint.setAlphaF(kRawAlpha);
            QPen rawPen(faint, 1.0);
            rawPen.setCosmetic(true);
            draw(state.rawPixels, rawPen, dense, false);
            draw(state.smoothPixels, linePen, dense, dots);
        } else {
            draw(state.rawPixels, linePen, dense, dots);
        }
    }
    if (layerPainter) {
        layerPainter->end();
        painter.drawImage(area.topLeft(), layer);
    }
    if (m_hover && l.plot.contains(*m_hover) && !m_dragging) {
        QColor cursor = text;
        cursor.setAlphaF(0.5);
        painter.setPen(QPen(cursor, 1, Qt::DashLine));
        painter.drawLine(
            QPointF(m_hover->x(), l.plot.top()), QPointF(m_hover->x(), l.plot.bottom()));
    }
    if (m_pinned) {
        const double x = pixelAtX(m_pinned->x());
        painter.setPen(QPen(text, 1));
        painter.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
    }
    painter.restore();

    if (!anyData) {
        painter.setPen(frame);
        painter.drawText(l.plot, Qt::AlignCenter, tr("No data"));
    }
    if (m_dragging) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlphaF(0.2);
        painter.setPen(palette().color(QPalette::Highlight));
        painter.setBrush(fill);
        painter.drawRect(QRectF(QRect(m_dragStart, m_dragCurrent).normalized()));
    }
}

} // namespace lantern::ui
