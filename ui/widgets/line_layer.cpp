#include "ui/widgets/line_layer.h"

#include "ui/widgets/dense_line.h"
#include "ui/widgets/plot_workers.h"

#include <QPainter>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

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
    painter.setPen(line.pen);
    painter.setRenderHint(QPainter::Antialiasing, antialias);
    drawBrokenLine(painter, line.pixels, line.dots);
}

} // namespace

void drawLines(QPainter& painter, const LineLayerJob& job)
{
    for (const LineLayerJob::Line& line : job.lines)
        drawLine(painter, line, job.antialias);
}

void renderLineLayer(const LineLayerJob& job, qreal dpr, QImage& layer)
{
    const QSize size = (QSizeF(job.area.size()) * dpr).toSize();
    if (layer.size() != size || layer.format() != QImage::Format_ARGB32_Premultiplied)
        layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    layer.setDevicePixelRatio(dpr);
    if (size.isEmpty())
        return;
    QPainter painter(&layer);
    painter.translate(-job.area.topLeft());
    std::vector<QPointF> devicePixels;
    std::vector<ColumnExtent> extents;
    for (const LineLayerJob::Line& line : job.lines) {
        const bool byColumn = line.dense
            || (job.everyLineByColumn && !line.dots && line.pen.style() == Qt::SolidLine);
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
        // A cosmetic pen is one device pixel wide, others scale with the screen.
        fillColumnExtents(layer, extents, line.pen.color(),
            line.pen.isCosmetic() ? 1.0 : std::max(1.0, line.pen.widthF()) * dpr);
    }
}

BackgroundLineLayer::BackgroundLineLayer(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, &BackgroundLineLayer::finished);
}

BackgroundLineLayer::~BackgroundLineLayer()
{
    m_watcher.waitForFinished(); // the job reads nothing of ours, but its result lands here
}

const QImage* BackgroundLineLayer::layerFor(
    const std::shared_ptr<const LineLayerJob>& job, qreal dpr)
{
    const bool ready = m_layerJob == job && m_layerDpr == dpr;
    if (!ready) {
        if (!m_running)
            start(job, dpr);
        else if (m_running != job || m_runningDpr != dpr) {
            m_queued = job;
            m_queuedDpr = dpr;
        }
    }
    return m_layer.isNull() ? nullptr : &m_layer;
}

bool BackgroundLineLayer::isBusy() const
{
    return m_running != nullptr;
}

void BackgroundLineLayer::waitForLayer()
{
    while (m_running) {
        m_watcher.waitForFinished();
        finished();
    }
}

void BackgroundLineLayer::start(std::shared_ptr<const LineLayerJob> job, qreal dpr)
{
    m_running = std::move(job);
    m_runningDpr = dpr;
    m_watcher.setFuture(QtConcurrent::run(&plotWorkers(), [job = m_running, dpr] {
        QImage layer;
        renderLineLayer(*job, dpr, layer);
        return layer;
    }));
}

void BackgroundLineLayer::finished()
{
    if (!m_running || !m_watcher.isFinished())
        return; // already taken by waitForLayer
    m_layer = m_watcher.result();
    m_layerJob = std::move(m_running);
    m_layerDpr = m_runningDpr;
    m_running = nullptr;
    if (m_queued) {
        start(std::move(m_queued), m_queuedDpr);
        m_queued = nullptr;
    }
    emit layerReady();
}

} // namespace lantern::ui
