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
#include <QFutureWatcher>
#include <QWidget>

#include <array>
#include <cmath>
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
        double span() const { return hi - lo; } // inf when the ends are ±DBL_MAX apart
        bool contains(double v) const { return v >= lo && v <= hi; }
        // Where `v` lies, 0 at lo and 1 at hi, and the value at such a fraction: both exact
        // where span() is finite and free of overflow where it is not.
        double fractionOf(double v) const
        {
            const double whole = span();
            return std::isfinite(whole) ? (v - lo) / whole : (v / 2 - lo / 2) / (hi / 2 - lo / 2);
        }
        double at(double fraction) const
        {
            const double whole = span();
            return std::isfinite(whole) ? lo + fraction * whole
                                        : lo * (1 - fraction) + hi * fraction;
        }
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
    // The values the y axis is labelled at.
    std::vector<double> yTickValues() const;
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

    // Plots of many runs compute their layout and render their lines on a worker thread (on
    // by default); a repaint meanwhile shows the last layout and lines. isRendering() says
    // whether such work is under way; waitForRendering() blocks until the newest lines are
    // done (exports call it).
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
    struct SeriesCache;
    struct SeriesState;
    struct LayoutInput;
    struct Layout;
    class Layouter;

    void invalidate();
    // The layout for the current input, computed here if it is not yet (after waiting for one
    // under way on the worker).
    const Layout& layout() const;
    // What is on screen: for plots of many runs the last layout computed, which may be older
    // than the input while the worker computes the next; else layout().
    const Layout& shownLayout() const;
    LayoutInput layoutInput() const;
    static std::shared_ptr<const Layout> computeLayout(const LayoutInput& input);
    // Plots of many runs compute their layout on a worker thread, then render its lines there.
    void startLayoutJob();
    void layoutJobFinished();
    // Waits for a layout under way and takes it: afterwards the series' caches are ours.
    void settleLayoutJob() const;
    void adoptLayoutJob() const;
    static double withHeadroom(const Range& range);
    static bool drawsManyRuns(std::size_t seriesCount);
    bool usesBackground() const;
    std::vector<HoverRow> rowsAt(double x, double pixelY) const;
    QString readoutText() const;
    void refreshPinnedReadout();

    std::vector<SeriesState> m_series;
    Options m_options;
    std::optional<Range> m_xZoom;
    std::optional<Range> m_yZoom;
    std::array<AxisLimits, 3> m_xLimits; // by XAxisMode
    bool m_live = false; // a series has grown by appending: points arrive while we look
    AxisLimits m_yLimits;
    // The last layout computed and whether it is for the current input; filled lazily, hence
    // mutable. A layout job under way is for input version m_jobVersion.
    mutable std::shared_ptr<const Layout> m_layout;
    mutable bool m_layoutValid = false;
    std::uint64_t m_inputVersion = 0;
    mutable std::uint64_t m_jobVersion = 0;
    mutable bool m_jobRunning = false;
    mutable bool m_followUpPending = false; // a job's layout was taken early; its end is due
    mutable QFutureWatcher<std::shared_ptr<const Layout>> m_layoutJob;

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
