#pragma once
// What a line plot of scalar series draws, as a pure function of plain data: the series and the
// view (widget size and font, x axis, log scale, smoothing, outliers, zoom, fixed limits) in;
// the visible ranges, every series' decimated points in plot units and as pixel lines, and the
// axes' ticks out. LinePlot calls it on the GUI thread, or on a worker for plots of many runs;
// the result is immutable and belongs to whoever asked for it.
//
// A layout may be handed the previous one to reuse what did not change (each series'
// smoothing and decimation, matched by name and checked against the snapshot's generation);
// the result is the same as without it, only sooner.

#include "core/analysis/decimation.h"
#include "core/store/scalar_series.h"
#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/line_layer.h"
#include "ui/widgets/smoothed_series.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QString>

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace lantern::ui {

enum class XAxisMode { Step, Relative, WallTime };

inline constexpr double kSecondsPerHour = 3600; // relative time is in hours

struct LineSeries {
    QString name; // the run; series are matched by name across layouts
    QColor color;
    core::ScalarSnapshot data;
    // For exports, when the name says more than the run (a chart of several tags names its
    // lines "run · tag"): the run (empty: the name) and the tag (empty: the card's).
    QString run {};
    QString tag {};
    Qt::PenStyle style = Qt::SolidLine; // of the main (smoothed) line
    // A band's edges are not drawn as lines: a BandLower series and the BandUpper series right
    // after it enclose an area filled in the lower one's colour (a margin chart's bounds).
    enum class Role : std::uint8_t { Line, BandLower, BandUpper } role = Role::Line;
};

struct LineOptions {
    XAxisMode xAxis = XAxisMode::Step;
    bool logY = false;
    double smoothing = 0.6; // [0, 0.999]; 0 draws the raw series only
    bool ignoreOutliers = false; // y range from the 5th to the 95th percentile
    bool operator==(const LineOptions&) const = default;
};

// An axis range in plot units: steps, hours since the run's first point, or seconds since the
// epoch along x; values, or their log10 on a log axis, along y.
struct PlotRange {
    double lo = 0;
    double hi = 1;
    double span() const { return hi - lo; } // inf when the ends are ±DBL_MAX apart
    bool contains(double v) const { return v >= lo && v <= hi; }
    // Where `v` lies, 0 at lo and 1 at hi, and the value at such a fraction: both exact where
    // span() is finite and free of overflow where it is not.
    double fractionOf(double v) const
    {
        const double whole = span();
        return std::isfinite(whole) ? (v - lo) / whole : (v / 2 - lo / 2) / (hi / 2 - lo / 2);
    }
    double at(double fraction) const
    {
        const double whole = span();
        return std::isfinite(whole) ? lo + fraction * whole : lo * (1 - fraction) + hi * fraction;
    }
    bool operator==(const PlotRange&) const = default;
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

// Everything but the series that a layout depends on.
struct LineView {
    QRect rect; // the widget's
    QFont font; // a copy of its own when laid out on another thread: copies share state
    LineOptions options;
    std::optional<PlotRange> xZoom;
    std::optional<PlotRange> yZoom;
    AxisLimits xLimits; // for the x axis shown
    AxisLimits yLimits;
    bool live = false; // points arrive while we look: x gets headroom
    int leftMargin = 0; // the previous layout's, 0 for none: keeps the plot from jittering
};

// A series' whole extent, for the unzoomed x range and relative time.
struct SeriesExtent {
    double stepLo = 0, stepHi = 0;
    double wallLo = 0, wallHi = 0;
    double firstWall = 0; // where relative time starts
    bool hasWall = false;
};
SeriesExtent seriesExtent(const core::ScalarSnapshot& scalars);

// A decimation and what it answered, kept to bring it up to date after appends.
struct SeriesDecimation {
    core::DecimationQuery query;
    std::uint64_t generation = 0;
    std::uint64_t removals = 0;
    std::size_t size = 0;
    core::DecimatedSeries points;
};

struct SeriesLayout {
    QString name;
    std::uint64_t generation = 0; // the snapshot's
    SeriesExtent extent;
    std::shared_ptr<const SmoothedSeries> smoothed; // null without smoothing or points
    std::shared_ptr<const SeriesDecimation> decimation; // null without points
};

struct LineLayout {
    QRectF plot;
    PlotRange x;
    PlotRange y;
    XAxisMode xAxis = XAxisMode::Step;
    bool logY = false;
    std::size_t pointCount = 0; // the decimated raw points across all series
    int leftMargin = 0;
    AxisTicks xTicks;
    AxisTicks yTicks;
    std::vector<SeriesLayout> series; // one per input series, in its order
    // Every non-empty series' lines, in pixels, as drawn; the area the plot clips them to.
    std::shared_ptr<const LineLayerJob> lines = std::make_shared<LineLayerJob>();

    // The layout of the series named `name`, null if none; `hint` is where to look first.
    const SeriesLayout* find(const QString& name, std::size_t hint) const;
    // From a point to plot units (x on the axis shown, y a value or its log10) and pixels.
    double toPlotX(const SeriesExtent& extent, const core::ScalarPoint& point) const;
    double toPlotY(double value) const; // NaN (not drawn) for a value at or below 0 on a log axis
    QPointF toPixel(QPointF plotPoint) const;
    double xAtPixel(double px) const;
    double pixelAtX(double x) const;
    // The query decimation answers for `range` (plot units) at `columns` pixels.
    core::DecimationQuery decimationQuery(const SeriesExtent& extent, const PlotRange& range,
        std::size_t columns, bool fullPoints) const;
};

// Lays out `series` in `view`, reusing what `previous` (if not null) computed that still holds.
// Safe to call on any thread: it reads only its arguments, which nobody may change meanwhile.
std::shared_ptr<const LineLayout> layOutLines(
    const std::vector<LineSeries>& series, const LineView& view, const LineLayout* previous);
// How many layouts layOutLines computed in this process (tests check none is computed twice).
std::uint64_t lineLayoutsComputed();

// One series' drawn points in plot units, raw or smoothed (none without smoothing); a NaN y
// breaks the line (a non-finite value, or a non-positive one on a log axis).
std::vector<QPointF> plotPoints(const LineLayout& layout, std::size_t series, bool smoothed);

// The tooltip's rows for the cursor at plot x `x` and widget pixel row `pixelY`: every
// non-empty series' point nearest in x, nearest to the cursor first. `layout` maps to pixels
// and gives the smoothed values; it may be older than `series` (then newer points read their
// raw value as smoothed).
std::vector<HoverRow> hoverRowsAt(const LineLayout& layout, const std::vector<LineSeries>& series,
    bool smoothing, double x, double pixelY);

// How far a step axis reaches either side of a tag's only step: a few whole steps, or a tenth of
// a large step rounded to a nice number, so that the step and one tick either side are whole.
double singleStepPad(double step);
// The end of an x range with a little headroom past `range.hi`, for points arriving live.
double withHeadroom(const PlotRange& range);
// Whether so many series are drawn that smooth edges cost more than they show.
bool drawsManyRuns(std::size_t seriesCount);

} // namespace lantern::ui
