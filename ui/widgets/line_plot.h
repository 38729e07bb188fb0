#pragma once
// A fast line plot of scalar series, one per run, drawn with QPainter. On every paint it asks
// core::decimate for what the visible x range holds at the plot's width in pixels, so it never
// handles more than a few points per pixel column however long the runs are. Smoothing (the
// debiased EMA) is computed once per series generation and weight over the whole series, and
// looked up at the decimated points' indices.
//
// Mouse: drag a box to zoom, wheel to zoom around the cursor, double-click to reset; hovering
// shows a cursor line and a tooltip with every run's value at the nearest x. A zoom survives
// new data; an unzoomed plot follows the data as it grows.

#include "core/analysis/decimation.h"
#include "core/analysis/smoothing.h"
#include "core/store/scalar_series.h"

#include <QColor>
#include <QWidget>

#include <optional>
#include <vector>

class QTextStream;

namespace lantern::ui {

enum class XAxisMode { Step, Relative, WallTime };

class LinePlot : public QWidget {
    Q_OBJECT
public:
    struct Series {
        QString name; // the run; series are matched by name across setSeries calls
        QColor color;
        core::ScalarSnapshot data;
    };

    struct Options {
        XAxisMode xAxis = XAxisMode::Step;
        bool logY = false;
        double smoothing = 0.6; // [0, 0.999]; 0 draws the raw series only
        bool ignoreOutliers = false; // y range from the 5th to the 95th percentile
        bool operator==(const Options&) const = default;
    };

    // An axis range in plot units: steps, hours since the run's first point, or seconds since
    // the epoch along x; values, or their log10 on a log axis, along y.
    struct Range {
        double lo = 0;
        double hi = 1;
        double span() const { return hi - lo; }
        bool contains(double v) const { return v >= lo && v <= hi; }
        bool operator==(const Range&) const = default;
    };

    // One run's line in the hover tooltip.
    struct HoverRow {
        QString name;
        QColor color;
        double smoothed = 0;
        double value = 0;
        std::int64_t step = 0;
        double wallTime = 0;
        double relativeHours = 0;
        double distance = 0; // pixels from the cursor to the drawn point; rows sorted by it
    };

    explicit LinePlot(QWidget* parent = nullptr);
    ~LinePlot() override;

    // Replaces the series. A series whose name and generation did not change keeps its caches
    // (smoothing, decimation), so a new snapshot with one grown run re-queries only that run.
    void setSeries(std::vector<Series> series);
    std::size_t seriesCount() const;
    const Series& series(std::size_t index) const;

    const Options& options() const { return m_options; }
    void setOptions(const Options& options);
    void setXAxisMode(XAxisMode mode);
    void setLogScale(bool on);
    void setSmoothing(double weight);
    void setIgnoreOutliers(bool on);

    // The visible ranges, as the next paint will draw them.
    Range xRange() const;
    Range yRange() const;
    QRectF plotArea() const;
    bool isZoomed() const { return m_xZoom.has_value() || m_yZoom.has_value(); }
    // Zooms to x (and y, or y fitted to the data when absent); kept until resetZoom().
    void zoomTo(const Range& x, std::optional<Range> y = std::nullopt);
    void resetZoom();

    // What the painter is handed: the decimated raw points across all series.
    std::size_t drawnPointCount() const;
    // One series' drawn points in plot units; a NaN y breaks the line (a non-finite value,
    // or a non-positive one on a log axis).
    std::vector<QPointF> drawnPoints(std::size_t series, bool smoothed) const;

    double xAtPixel(double px) const;
    double pixelAtX(double x) const;
    // The tooltip's rows for the cursor at `pos` (widget pixels), nearest run first.
    std::vector<HoverRow> hoverRows(QPointF pos) const;
    QString tooltipText(QPointF pos) const;

    // Every point of every series: run,tag,step,wall_time,value.
    void writeCsv(QTextStream& out, const QString& tag) const;

signals:
    void zoomChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct SeriesState;
    struct Layout;

    void invalidate();
    // Brings the layout (ranges, decimated and transformed points) up to date.
    const Layout& layout() const;
    void computeLayout() const;
    void updateExtent(SeriesState& state) const;
    void updateSmoothing(SeriesState& state) const;
    Range fullXRange() const;
    double toDecimationX(const SeriesState& state, double x) const;
    double toPlotX(const SeriesState& state, const core::ScalarPoint& point) const;
    double toPlotY(double value) const;
    QPointF toPixel(QPointF plotPoint) const;

    // Caches filled lazily by layout(), hence mutable.
    mutable std::vector<SeriesState> m_series;
    Options m_options;
    std::optional<Range> m_xZoom;
    std::optional<Range> m_yZoom;
    mutable std::unique_ptr<Layout> m_layout;
    mutable bool m_layoutValid = false;

    bool m_dragging = false;
    QPoint m_dragStart;
    QPoint m_dragCurrent;
    std::optional<QPointF> m_hover;
};

} // namespace lantern::ui
