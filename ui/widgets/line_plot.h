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
//
// What it draws is computed by layOutLines (line_layout.h), a pure function of the series and
// the view; the widget keeps the last result, an immutable value, and hands it to the next.

#include "ui/widgets/hover_table.h"
#include "ui/widgets/interactive_plot.h"
#include "ui/widgets/latest_job.h"
#include "ui/widgets/line_layout.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QLabel;

namespace lantern::ui {

class BackgroundLineLayer;

class LinePlot : public InteractivePlot {
    Q_OBJECT
public:
    // The layout's plain types, under the names the dashboards and tests know.
    using Series = LineSeries;
    using Options = LineOptions;
    using Range = PlotRange;
    using AxisLimits = ui::AxisLimits;
    using HoverRow = ui::HoverRow;

    explicit LinePlot(QWidget* parent = nullptr);
    ~LinePlot() override;

    // Replaces the series. The next layout reuses the last one's smoothing and decimation of
    // a series whose name and generation did not change, so a new snapshot with one grown run
    // re-queries only that run.
    void setSeries(std::vector<Series> series);
    std::size_t seriesCount() const;
    const Series& series(std::size_t index) const;
    std::vector<Series> allSeries() const;
    // How many times setSeries was called (tests check that a reload leaves other cards alone).
    int seriesUpdates() const { return m_seriesUpdates; }

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
    // How the tooltip and the pinned readout order their rows, and how many they show.
    void setTooltipOptions(const HoverTableOptions& options) { m_tooltip = options; }
    const HoverTableOptions& tooltipOptions() const { return m_tooltip; }

    // The pinned cursor: its x in plot units, the rows it reads (as the tooltip's, for the
    // current data), and the box that shows them. Pinning at a widget position is what a click
    // does.
    std::optional<double> pinnedX() const;
    void pinCursor(QPointF pos);
    std::vector<HoverRow> pinnedRows() const;
    QLabel* pinnedReadout() const { return m_readout; }

    // Plots of many runs compute their layout and render their lines on a worker thread (on
    // by default); a repaint meanwhile shows the last layout and lines. isRendering() says
    // whether such work is under way; waitForRendering() blocks until the worker has laid out
    // and rendered the newest lines, computing nothing itself (exports call it).
    void setBackgroundRendering(bool on);
    bool isRendering() const;
    void waitForRendering();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    // Box zoom, pan, pinning clicks, hover, wheel zoom and double-click reset.
    bool pressed(const Press& press) override;
    void dragged(const Press& press, QPointF from, QPointF to) override;
    void released(const Press& press, QPointF at, bool wasDrag) override;
    void hovered(std::optional<QPointF> at) override;
    bool wheelTurned(QPointF at, int angleDelta) override;
    void doubleClicked(QPointF at, Qt::MouseButton button) override;

private:
    void invalidate();
    // The layout for the current input, computed here if it is not yet.
    const LineLayout& layout() const;
    // What is on screen: for plots of many runs the last layout computed, which may be older
    // than the input while the worker computes the next; else layout().
    const LineLayout& shownLayout() const;
    // The view the next layout is for.
    LineView view() const;
    // Takes `layout`, computed for input version `version`, unless a newer one is taken.
    void adopt(std::shared_ptr<const LineLayout> layout, std::uint64_t version) const;
    // Plots of many runs compute their layout on a worker thread, then render its lines there.
    void startLayoutJob();
    void layoutJobFinished(std::shared_ptr<const LineLayout> layout, std::uint64_t version);
    bool usesBackground() const;
    void unpinCursor();
    std::vector<HoverRow> rowsAt(double x, double pixelY) const;
    QString readoutText() const;
    void refreshPinnedReadout();

    // Shared with the layout under way, never changed: setSeries replaces it.
    std::shared_ptr<const std::vector<Series>> m_series
        = std::make_shared<const std::vector<Series>>();
    Options m_options;
    HoverTableOptions m_tooltip;
    std::optional<Range> m_xZoom;
    std::optional<Range> m_yZoom;
    std::array<AxisLimits, 3> m_xLimits; // by XAxisMode
    bool m_live = false; // a series has grown by appending: points arrive while we look
    int m_seriesUpdates = 0;
    AxisLimits m_yLimits;
    std::uint64_t m_inputVersion = 1; // counts the changes to what the layout depends on
    // The newest layout taken and the input version it is for. Layouts are immutable values;
    // the getters compute one when it is out of date, hence mutable.
    mutable std::shared_ptr<const LineLayout> m_layout;
    mutable std::uint64_t m_layoutVersion = 0;
    // The layout under way on a worker, for input version m_jobVersion.
    struct VersionedLayout {
        std::shared_ptr<const LineLayout> layout;
        std::uint64_t version = 0;
    };
    LatestJob<VersionedLayout> m_layoutJob;
    std::uint64_t m_jobVersion = 0;

    // A drag with Shift or the middle button pans: where it started, and the view then.
    struct Pan {
        QPointF start;
        Range x;
        Range y;
    };
    std::optional<Pan> m_pan;
    // A left drag draws a box to zoom to: where it started and where the pointer is.
    bool m_boxing = false;
    QPoint m_dragStart;
    QPoint m_dragCurrent;
    std::optional<QPointF> m_hover;
    std::optional<QPointF> m_pinned; // x in plot units, y in widget pixels (orders the rows)
    QLabel* m_readout = nullptr;
    BackgroundLineLayer* m_background = nullptr;
    bool m_backgroundRendering = true;
};

} // namespace lantern::ui
