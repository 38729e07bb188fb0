#pragma once
// The lines of a LinePlot as a self-contained job: pixel polylines with their colours, drawn
// either straight onto a painter (vector devices such as SVG) or into a raster layer image.
// A job owns its data and touches no widget, so a layer can be rendered on a worker thread;
// BackgroundLineLayer does that for plots of many runs, keeping the GUI thread free.

#include "ui/widgets/latest_job.h"

#include <QImage>
#include <QObject>
#include <QPen>
#include <QPointF>
#include <QRect>

#include <cstdint>
#include <memory>
#include <vector>

class QPainter;

namespace lantern::ui {

struct LineLayerJob {
    struct Line {
        std::vector<QPointF> pixels; // widget pixels; a non-finite point breaks the line
        // Drawn with a cosmetic one-pixel pen: Qt's fast line path, antialiased or not (any
        // other pen goes through the general stroker, ~10× slower). A color and a style rather
        // than a QPen, which would cost an allocation per line in every layout.
        QColor color;
        Qt::PenStyle style = Qt::SolidLine;
        bool dense = false; // more than four points per pixel column: filled column by column
        bool dots = false; // few points: each one also drawn as a dot

        QPen pen() const;
    };
    // An area between two lines, filled under every line.
    struct Band {
        std::vector<QPointF> outline; // widget pixels: one edge forward, the other back
        QColor fill;
    };
    QRect area; // the widget pixels the layer covers
    std::vector<Band> bands;
    std::vector<Line> lines; // in drawing order
    bool antialias = true;
    // Solid lines are filled column by column too (hundreds of runs: faster, alike to the eye).
    bool everyLineByColumn = false;
};

// Draws the job's lines as vector polylines onto `painter`.
void drawLines(QPainter& painter, const LineLayerJob& job);

// Renders the job's lines into `layer` (resized to the area at `dpr` and cleared), to be drawn
// at job.area.topLeft().
void renderLineLayer(const LineLayerJob& job, qreal dpr, QImage& layer);
// How many layers renderLineLayer rendered in this process (tests check none is rendered twice).
std::uint64_t lineLayersRendered();

// Renders layers on a worker thread, one job at a time: while one renders, only the newest
// job asked for waits for its turn (a LatestJob).
class BackgroundLineLayer : public QObject {
    Q_OBJECT
public:
    explicit BackgroundLineLayer(QObject* parent = nullptr);
    ~BackgroundLineLayer() override;

    // The layer rendered for `job` at `dpr`, once ready; until then the last one rendered
    // (for an older job; null before the first), and the job is started or queued.
    const QImage* layerFor(const std::shared_ptr<const LineLayerJob>& job, qreal dpr);
    bool isBusy() const;
    // Blocks until the worker has rendered the newest job asked for (for exports).
    void waitForLayer();

signals:
    void layerReady(); // a newer layer can be drawn

private:
    struct Rendered {
        QImage layer;
        std::shared_ptr<const LineLayerJob> job;
        qreal dpr = 1;
        std::uint64_t request = 0; // counts the requests: a larger one is newer
    };
    // Shows `rendered` unless a newer layer is shown: the newest asked for, or one superseded
    // while it rendered (newer than the one shown).
    void take(Rendered rendered);

    LatestJob<Rendered> m_render;
    std::shared_ptr<const LineLayerJob> m_asked; // the newest job asked for, and at what dpr
    qreal m_askedDpr = 1;
    std::uint64_t m_requests = 0;
    std::uint64_t m_layerRequest = 0;
    QImage m_layer;
    std::shared_ptr<const LineLayerJob> m_layerJob;
    qreal m_layerDpr = 1;
};

} // namespace lantern::ui
