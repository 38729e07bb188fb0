#include "ui/widgets/line_layer.h"

#include "ui/widgets/dense_line.h"
#include "ui/widgets/plot_workers.h"

#include <QPainter>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace lantern::ui {
namespace {

std::atomic<std::uint64_t> layersRendered = 0;

bool finite(const QPointF& p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

// Draws a polyline through pixel coordinates, broken wherever a point is not finite; lone
// points become dots. Draws straight from `pixels`, no copy.
void drawBrokenLine(QPainter& painter, const std::vector<QPointF>& pixels, bool dots)
{
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

void drawLine(QPainter& painter, const LineLayerJob::Line& line, bool antialias)
{
    painter.setPen(line.pen());
    painter.setRenderHint(QPainter::Antialiasing, antialias);
    drawBrokenLine(painter, line.pixels, line.dots);
}

void drawBands(QPainter& painter, const LineLayerJob& job)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setRenderHint(QPainter::Antialiasing, job.antialias);
    for (const LineLayerJob::Band& band : job.bands) {
        painter.setBrush(band.fill);
        painter.drawPolygon(band.outline.data(), int(band.outline.size()));
    }
    painter.restore();
}

} // namespace

QPen LineLayerJob::Line::pen() const
{
    QPen pen(color, 1.0, style);
    pen.setCosmetic(true);
    return pen;
}

void drawLines(QPainter& painter, const LineLayerJob& job)
{
    drawBands(painter, job);
    for (const LineLayerJob::Line& line : job.lines)
        drawLine(painter, line, job.antialias);
}

void renderLineLayer(const LineLayerJob& job, qreal dpr, QImage& layer)
{
    layersRendered.fetch_add(1, std::memory_order_relaxed);
    const QSize size = (QSizeF(job.area.size()) * dpr).toSize();
    if (layer.size() != size || layer.format() != QImage::Format_ARGB32_Premultiplied)
        layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    layer.setDevicePixelRatio(dpr);
    if (size.isEmpty())
        return;
    QPainter painter(&layer);
    painter.translate(-job.area.topLeft());
    drawBands(painter, job);
    std::vector<QPointF> devicePixels;
    std::vector<ColumnExtent> extents;
    for (const LineLayerJob::Line& line : job.lines) {
        const bool byColumn
            = line.dense || (job.everyLineByColumn && !line.dots && line.style == Qt::SolidLine);
        if (!byColumn) {
            drawLine(painter, line, job.antialias);
            continue;
        }
        extents.assign(std::size_t(layer.width()), ColumnExtent {});
        devicePixels.clear();
        for (const QPointF& p : line.pixels) {
            if (finite(p)) {
                devicePixels.push_back((p - job.area.topLeft()) * dpr);
                continue;
            }
            addColumnExtents(devicePixels, extents);
            devicePixels.clear();
        }
        addColumnExtents(devicePixels, extents);
        // A cosmetic pen is one device pixel wide.
        fillColumnExtents(layer, extents, line.color, 1.0);
    }
}

std::uint64_t lineLayersRendered()
{
    return layersRendered.load(std::memory_order_relaxed);
}

BackgroundLineLayer::BackgroundLineLayer(QObject* parent)
    : QObject(parent)
    // Waits when it goes, as a raster painter is not to outlive the application.
    , m_render([this](Rendered rendered) { take(std::move(rendered)); }, &plotWorkers(),
          LatestJobRunner::OnDestroy::Wait)
{
    m_render.setSupersededHandler([this](Rendered rendered) { take(std::move(rendered)); });
}

BackgroundLineLayer::~BackgroundLineLayer() = default;

const QImage* BackgroundLineLayer::layerFor(
    const std::shared_ptr<const LineLayerJob>& job, qreal dpr)
{
    const bool ready = m_layerJob == job && m_layerDpr == dpr;
    const bool asked = m_render.isBusy() && m_asked == job && m_askedDpr == dpr;
    if (!ready && !asked) {
        m_asked = job;
        m_askedDpr = dpr;
        m_render.run([job, dpr, request = ++m_requests] {
            Rendered rendered {QImage(), job, dpr, request};
            renderLineLayer(*job, dpr, rendered.layer);
            return rendered;
        });
    }
    return m_layer.isNull() ? nullptr : &m_layer;
}

bool BackgroundLineLayer::isBusy() const
{
    return m_render.isBusy();
}

void BackgroundLineLayer::waitForLayer()
{
    m_render.waitForLatest();
}

void BackgroundLineLayer::take(Rendered rendered)
{
    if (rendered.request <= m_layerRequest)
        return;
    m_layerRequest = rendered.request;
    m_layer = std::move(rendered.layer);
    m_layerJob = std::move(rendered.job);
    m_layerDpr = rendered.dpr;
    emit layerReady();
}

} // namespace lantern::ui
