#pragma once
// LinePlot's private state, shared by the files that implement it (line_plot*.cpp): what it
// caches per series, what a layout is computed from and what it computes. Not for use outside
// LinePlot.
//
// A layout is computed from a LayoutInput, a copy of everything it needs, so that plots of many
// runs can compute it on a worker thread. The series' caches are the one thing it shares with
// the plot: only one computation at a time touches them, and the GUI thread reads them only
// when no computation is under way.

#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/line_layer.h"
#include "ui/widgets/line_plot.h"

#include <QFont>
#include <QPointF>
#include <QRectF>

#include <limits>
#include <memory>
#include <vector>

namespace lantern::ui {

inline constexpr double kLinePlotNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kSecondsPerHour = 3600;

// What a series' last layout computed, kept for the next one.
struct LinePlot::SeriesCache {
    // The whole series' extent, for the unzoomed x range.
    bool extentValid = false;
    std::uint64_t extentGeneration = 0;
    double stepLo = 0, stepHi = 0;
    double wallLo = 0, wallHi = 0;
    double firstWall = 0; // where relative time starts
    bool hasWall = false;

    // Smoothed values of every point, by index, for (generation, weight).
    bool smoothValid = false;
    std::uint64_t smoothGeneration = 0;
    double smoothWeight = -1;
    std::vector<double> smoothed;
    core::SmoothingState smoothState;
    core::ScalarPoint smoothLast;

    // The last decimation and what it answered.
    bool decimationValid = false;
    std::uint64_t decimationGeneration = 0;
    std::uint64_t decimationRemovals = 0;
    std::size_t decimationSize = 0;
    core::DecimationQuery query;
    core::DecimatedSeries decimated;

    // The decimated points in plot units, as drawn (the layout's lines hold them in pixels).
    std::vector<QPointF> raw;
    std::vector<QPointF> smooth;
};

struct LinePlot::SeriesState {
    Series input;
    std::shared_ptr<SeriesCache> cache = std::make_shared<SeriesCache>();
};

struct LinePlot::LayoutInput {
    QRect rect; // the widget's
    QFont font;
    Options options;
    std::optional<Range> xZoom;
    std::optional<Range> yZoom;
    AxisLimits xLimits; // for the x axis shown
    AxisLimits yLimits;
    bool live = false;
    int leftMargin = 0; // the last layout's, 0 for none
    std::vector<SeriesState> series;
};

struct LinePlot::Layout {
    QRectF plot;
    Range x;
    Range y;
    XAxisMode xAxis = XAxisMode::Step;
    bool logY = false;
    std::size_t pointCount = 0;
    int leftMargin = 0;
    AxisTicks xTicks;
    AxisTicks yTicks;
    // Every non-empty series' lines, in pixels, as drawn; the area the plot clips them to.
    std::shared_ptr<const LineLayerJob> lines = std::make_shared<LineLayerJob>();

    // From a point to plot units (x on the axis shown, y a value or its log10) and pixels.
    double toPlotX(const SeriesCache& cache, const core::ScalarPoint& point) const;
    double toPlotY(double value) const; // NaN (not drawn) for a value at or below 0 on a log axis
    QPointF toPixel(QPointF plotPoint) const;
    double xAtPixel(double px) const;
    double pixelAtX(double x) const;
    // From x in plot units to what decimation compares (a step, or seconds since the epoch).
    double toDecimationX(const SeriesCache& cache, double x) const;
    core::DecimationQuery decimationQuery(
        const SeriesCache& cache, const Range& x, std::size_t columns, bool fullPoints) const;
};

} // namespace lantern::ui
