#pragma once
// A fast line plot of scalar series, one per run, drawn with QPainter. On every paint it asks
// core::decimate for what the visible x range holds at the plot's width in pixels, so it never
// handles more than a few points per pixel column however long the runs are. Smoothing (the
// debiased EMA) is computed once per series generation and weight over the whole series, and
// looked up at the decimated points' indices.
//
// Mouse: drag a box to zoom, Shift-drag (or drag with the middle button) to pan, wheel to zoom
// around the cursor, double-click to reset; hovering shows a cursor line and a tooltip with
// every run's value at the nearest x; a click (no drag) pins that cursor and its rows in a box
// that stays, following new data, until the next click or Escape. A zoom survives new data; an
// unzoomed plot follows the data as it grows, within any axis limits the user fixed, with a little
// headroom on the right so that the axis does not shift with every point.

#include "core/analysis/decimation.h"
#include "core/analysis/smoothing.h"
#include "core/store/scalar_series.h"

#include <QColor>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QLabel;

namespace lantern::ui {

class BackgroundLineLayer;
struct LineLayerJob;

enum class XAxisMode { Step, Relative, WallTime };

class LinePlot : public QWidget {
    Q_OBJECT
public:
    struct Series {
        QString name; // the run; series are matched by name across setSeries calls
        QColor color;
        core::ScalarSnapshot data;
        // For exports, when the name says more than the run (a chart of several tags names
        // its lines "run · tag"): the run (empty: the name) and the tag (empty: the card's).
        QString run {};
        QString tag {};
        Qt::PenStyle style = Qt::SolidLine; // of the main (smoothed) line
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

    // A range the user fixed for an axis; an end left empty follows the data.
    struct AxisLimits {
        std::optional<double> min;
        std::optional<double> max;
        bool isSet() const { return min.has_value() || max.has_value(); }
        bool operator==(const AxisLimits&) const = default;
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
    std::vector<Series> allSeries() const;

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

    // Fixed axis ranges: where the plot shows when not zoomed, kept across new data. x is in
    // the units of the x axis shown when they are set, and applies only while that axis is
    // shown; y is in values (also on a log axis, where an end at or below zero is ignored).
    void setXLimits(const AxisLimits& limits);
    void setYLimits(const AxisLimits& limits);
    AxisLimits xLimits() const;
    AxisLimits yLimits() const { return m_yLimits; }

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

    // The pinned cursor: its x in plot units, the rows it reads (as the tooltip's, for the
    // current data), and the box that shows them. Pinning at a widget position is what a click
    // does.
    std::optional<double> pinnedX() const;
    void pinCursor(QPointF pos);
    void unpinCursor();
    std::vector<HoverRow> pinnedRows() const;
    QLabel* pinnedReadout() const { return m_readout; }

    // Plots of many runs render their lines on a worker thread (on by default); a repaint
    // meanwhile shows the last lines rendered. isRendering() says whether a render is under
    // way; waitForRendering() blocks until the newest one is done (exports call it).
    void setBackgroundRendering(bool on);
    bool isRendering() const;
    void waitForRendering();

signals:
    void zoomChanged();
    void cursorPinned(bool pinned);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

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
    // The unzoomed ranges: the data's, within the user's limits; x with some headroom once
    // points arrive live.
    Range homeXRange() const;
    static double withHeadroom(const Range& range);
    std::shared_ptr<const LineLayerJob> lineLayerJob() const;
    bool usesBackground() const;
    core::DecimationQuery decimationQuery(
        const SeriesState& state, const Range& x, std::size_t columns, bool fullPoints) const;
    Range limitedYRange(const Range& fitted) const;
    std::vector<HoverRow> rowsAt(double x, double pixelY) const;
    QString readoutText() const;
    void refreshPinnedReadout();
    double toDecimationX(const SeriesState& state, double x) const;
    double toPlotX(const SeriesState& state, const core::ScalarPoint& point) const;
    double toPlotY(double value) const;
    QPointF toPixel(QPointF plotPoint) const;

    // Caches filled lazily by layout(), hence mutable.
    mutable std::vector<SeriesState> m_series;
    Options m_options;
    std::optional<Range> m_xZoom;
    std::optional<Range> m_yZoom;
    std::array<AxisLimits, 3> m_xLimits; // by XAxisMode
    bool m_live = false; // a series has grown by appending: points arrive while we look
    AxisLimits m_yLimits;
    mutable std::unique_ptr<Layout> m_layout;
    mutable bool m_layoutValid = false;

    // A drag with Shift or the middle button pans: where it started, and the view then.
    struct Pan {
        QPointF start;
        Range x;
        Range y;
    };
    std::optional<Pan> m_pan;
    bool m_dragging = false;
    QPoint m_dragStart;
    QPoint m_dragCurrent;
    std::optional<QPointF> m_hover;
    std::optional<QPointF> m_pinned; // x in plot units, y in widget pixels (orders the rows)
    QLabel* m_readout = nullptr;
    BackgroundLineLayer* m_background = nullptr;
    bool m_backgroundRendering = true;
};

} // namespace lantern::ui
