#pragma once
// LinePlot's private state, shared by the files that implement it (line_plot*.cpp): what it
// caches per series and what a layout computes. Not for use outside LinePlot.

#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/line_layer.h"
#include "ui/widgets/line_plot.h"

#include <QPointF>
#include <QRectF>

#include <limits>
#include <memory>
#include <vector>

namespace lantern::ui {

inline constexpr double kLinePlotNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kSecondsPerHour = 3600;

struct LinePlot::SeriesState {
    Series input;

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

struct LinePlot::Layout {
    QRectF plot;
    Range x;
    Range y;
    std::size_t pointCount = 0;
    int leftMargin = 0;
    AxisTicks xTicks;
    AxisTicks yTicks;
    // Every non-empty series' lines, in pixels, as drawn; the area the plot clips them to.
    std::shared_ptr<const LineLayerJob> lines;
};

} // namespace lantern::ui
