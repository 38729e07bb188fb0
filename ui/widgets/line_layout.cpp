// The line layout: the visible ranges, the decimated points of every series in plot units and
// pixels, and the axes' ticks, computed from the series and the view alone.

#include "ui/widgets/line_layout.h"

#include "ui/widgets/decimation_buffers.h"

#include <QFontMetrics>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <iterator>
#include <limits>

namespace lantern::ui {
namespace {

std::atomic<std::uint64_t> layoutsComputed = 0;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kTopMargin = 10;
constexpr int kRightMargin = 14;
constexpr double kYPadding = 0.05; // of the y span, above and below the data
constexpr double kRawAlpha = 0.25; // the raw line behind a smoothed one
constexpr double kBandAlpha = 0.2; // a band between two series (a margin chart's bounds)

// The area between two lines in pixels: the lower edge forward, the upper one back. Points
// that are not drawn (NaN) are left out, so a gap is bridged rather than breaking the band.
LineLayerJob::Band bandBetween(
    const std::vector<QPointF>& lower, const std::vector<QPointF>& upper, QColor color)
{
    const auto drawn
        = [](const QPointF& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); };
    LineLayerJob::Band band;
    band.outline.reserve(lower.size() + upper.size());
    std::copy_if(lower.begin(), lower.end(), std::back_inserter(band.outline), drawn);
    std::copy_if(upper.rbegin(), upper.rend(), std::back_inserter(band.outline), drawn);
    color.setAlphaF(kBandAlpha);
    band.fill = color;
    return band;
}
constexpr std::size_t kMaxAntialiasedSeries = 32;

// The q-quantile of values, interpolating between neighbours, as a sort would give it;
// reorders values (two partial selections instead of sorting every visible point).
double quantile(std::vector<double>& values, double q)
{
    const double position = q * double(values.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double t = position - double(below);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(below), values.end());
    const double lower = values[below];
    const double upper = above == below
        ? lower
        : *std::min_element(values.begin() + std::ptrdiff_t(above), values.end());
    return lower * (1 - t) + upper * t;
}

// The y values a layout fits its y range to: their extremes, and the values themselves only
// when the range is cut at percentiles (a thousand runs hold hundreds of thousands of them).
class YValues {
public:
    explicit YValues(bool keepValues)
        : m_keep(keepValues)
    {
    }
    void add(double y)
    {
        m_lo = std::min(m_lo, y);
        m_hi = std::max(m_hi, y);
        ++m_count;
        if (m_keep)
            m_values.push_back(y);
    }
    bool empty() const { return m_count == 0; }
    std::size_t size() const { return m_count; }
    double lo() const { return m_lo; }
    double hi() const { return m_hi; }
    std::vector<double>& values() { return m_values; } // empty unless kept

private:
    bool m_keep = false;
    double m_lo = std::numeric_limits<double>::infinity();
    double m_hi = -std::numeric_limits<double>::infinity();
    std::size_t m_count = 0;
    std::vector<double> m_values;
};

// Calls fn(x, rawY, smoothY) for every decimated point of `s` whose x is a number, in plot
// units; smoothY is NaN without smoothing. The layout keeps decimations, not these points: the
// layout's own copy becomes the pixel lines, and plotPoints derives them again when asked.
template <typename Fn> void forEachPlotPoint(const LineLayout& l, const SeriesLayout& s, Fn&& fn)
{
    if (!s.decimation)
        return;
    const core::DecimatedSeries& d = s.decimation->points;
    std::optional<SmoothedSeries::Reader> smoothed;
    if (s.smoothed)
        smoothed.emplace(*s.smoothed);
    for (std::size_t i = 0; i < d.points.size(); ++i) {
        const double x = l.toPlotX(s.extent, d.points[i]);
        if (std::isnan(x))
            continue;
        const double rawY = l.toPlotY(d.points[i].value);
        const double smoothY = smoothed ? l.toPlotY((*smoothed)(std::size_t(d.indices[i]))) : kNaN;
        fn(x, rawY, smoothY);
    }
}

// Computes one layout from the series and the view; what `previous` computed for a series
// whose snapshot did not change (or only grew) is reused.
class Layouter {
public:
    Layouter(const std::vector<LineSeries>& series, const LineView& view,
        const LineLayout* previous, LineLayout& layout)
        : m_input(series)
        , m_view(view)
        , m_options(view.options)
        , m_previous(previous)
        , m_layout(layout)
    {
        m_layout.xAxis = m_options.xAxis;
        m_layout.logY = m_options.logY;
    }

    void compute();

private:
    // Each series' extent, and its previous layout (null if none).
    void startSeries();
    PlotRange fullXRange() const;
    // The step every point is at, when all are at one (and the x axis shows steps).
    std::optional<double> singleStep() const;
    // The unzoomed x range: the data's, within the user's limits; with some headroom once
    // points arrive live.
    PlotRange homeXRange() const;
    // Decimates, smooths and converts every series for the current x range and plot width;
    // collects the y values that fit the y range.
    void placeSeries(std::size_t columns, YValues& visible, YValues& outside);
    std::shared_ptr<const SeriesDecimation> decimation(
        std::size_t index, const core::DecimationQuery& query) const;
    PlotRange fittedYRange(YValues& visible, YValues& outside) const;
    PlotRange limitedYRange(const PlotRange& fitted) const;
    std::shared_ptr<const LineLayerJob> lineLayerJob();

    const std::vector<LineSeries>& m_input;
    const LineView& m_view;
    const LineOptions& m_options;
    const LineLayout* m_previous;
    std::vector<const SeriesLayout*> m_before; // by series
    // Each series' drawn points in plot units, then in pixels (moved into the layer job).
    std::vector<std::vector<QPointF>> m_raw;
    std::vector<std::vector<QPointF>> m_smooth;
    LineLayout& m_layout;
};

void Layouter::startSeries()
{
    m_layout.series.resize(m_input.size());
    m_before.assign(m_input.size(), nullptr);
    for (std::size_t i = 0; i < m_input.size(); ++i) {
        const core::ScalarSnapshot& scalars = m_input[i].data;
        SeriesLayout& s = m_layout.series[i];
        s.name = m_input[i].name;
        s.generation = scalars.generation();
        const SeriesLayout* before = m_previous ? m_previous->find(s.name, i) : nullptr;
        m_before[i] = before;
        s.extent
            = before && before->generation == s.generation ? before->extent : seriesExtent(scalars);
    }
}

PlotRange Layouter::fullXRange() const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < m_input.size(); ++i) {
        if (m_input[i].data.empty())
            continue;
        const SeriesExtent& extent = m_layout.series[i].extent;
        switch (m_options.xAxis) {
        case XAxisMode::Step:
            lo = std::min(lo, extent.stepLo);
            hi = std::max(hi, extent.stepHi);
            break;
        case XAxisMode::Relative:
            if (extent.hasWall) {
                lo = std::min(lo, (extent.wallLo - extent.firstWall) / kSecondsPerHour);
                hi = std::max(hi, (extent.wallHi - extent.firstWall) / kSecondsPerHour);
            }
            break;
        case XAxisMode::WallTime:
            if (extent.hasWall) {
                lo = std::min(lo, extent.wallLo);
                hi = std::max(hi, extent.wallHi);
            }
            break;
        }
    }
    if (!(lo <= hi))
        return {0, 1};
    if (lo == hi) {
        // One step: centred on it, wide enough for a few whole steps (a tenth of a large one).
        const double pad = m_options.xAxis == XAxisMode::Step ? singleStepPad(lo)
            : m_options.xAxis == XAxisMode::Relative          ? 1.0 / 60
                                                              : 30.0;
        return {lo - pad, hi + pad};
    }
    return {lo, hi};
}

std::optional<double> Layouter::singleStep() const
{
    if (m_options.xAxis != XAxisMode::Step)
        return std::nullopt;
    std::optional<double> step;
    for (std::size_t i = 0; i < m_input.size(); ++i) {
        if (m_input[i].data.empty())
            continue;
        const SeriesExtent& extent = m_layout.series[i].extent;
        if (extent.stepLo != extent.stepHi || (step && *step != extent.stepLo))
            return std::nullopt;
        step = extent.stepLo;
    }
    return step;
}

PlotRange Layouter::homeXRange() const
{
    PlotRange full = fullXRange();
    if (m_view.live)
        full.hi = withHeadroom(full);
    const AxisLimits& limits = m_view.xLimits;
    const PlotRange home {limits.min.value_or(full.lo), limits.max.value_or(full.hi)};
    return home.span() > 0 && std::isfinite(home.span()) ? home : full;
}

std::shared_ptr<const LineLayerJob> Layouter::lineLayerJob()
{
    const LineLayout& l = m_layout;
    auto job = std::make_shared<LineLayerJob>();
    job->area = l.plot.toRect().adjusted(-1, -1, 1, 1);
    // Smooth edges help a few lines; under hundreds of overlapping ones they cost ~4× the
    // painting time and show nothing (lantern-bench-window, 1,000 runs). So many lines are all
    // filled in column by column, solid ones at least: several times faster than Qt's stroker
    // (lantern-bench scalars-many-runs), and alike to the eye among so many.
    job->antialias = !drawsManyRuns(m_input.size());
    job->everyLineByColumn = !job->antialias;
    const bool smoothing = m_options.smoothing > 0;
    job->lines.reserve(m_input.size() * (smoothing ? 2 : 1));
    for (std::size_t i = 0; i < m_input.size(); ++i) {
        const LineSeries& input = m_input[i];
        if (input.data.empty())
            continue;
        const SeriesLayout& s = l.series[i];
        std::vector<QPointF>& raw = m_raw[i];
        std::vector<QPointF>& smooth = m_smooth[i];
        for (QPointF& p : raw)
            p = l.toPixel(p);
        for (QPointF& p : smooth)
            p = l.toPixel(p);
        if (input.role != LineSeries::Role::Line) {
            // The band follows the smoothing, as the lines do, so that it surrounds the
            // smoothed value rather than the raw noise.
            const auto& edge = smoothing ? m_smooth : m_raw;
            if (input.role == LineSeries::Role::BandUpper && i > 0
                && m_input[i - 1].role == LineSeries::Role::BandLower
                && !m_input[i - 1].data.empty())
                job->bands.push_back(bandBetween(edge[i - 1], edge[i], m_input[i - 1].color));
            continue;
        }
        const bool allPoints = s.decimation->points.allPoints;
        // Few points get dots, so a handful of evaluations does not look like a straight line.
        const bool dots = allPoints && raw.size() * 8 < l.plot.width();
        const bool dense = !allPoints;
        if (smoothing) { // the raw line faint and solid behind the smoothed one
            QColor faint = input.color;
            faint.setAlphaF(kRawAlpha);
            job->lines.push_back({std::move(raw), faint, Qt::SolidLine, dense, false});
            job->lines.push_back({std::move(smooth), input.color, input.style, dense, dots});
        } else {
            job->lines.push_back({std::move(raw), input.color, input.style, dense, dots});
        }
    }
    return job;
}

PlotRange Layouter::limitedYRange(const PlotRange& fitted) const
{
    // toPlotY: the log of a value on a log axis, NaN (ignored) for an end at or below zero.
    auto end = [&](const std::optional<double>& limit, double otherwise) {
        const double y = limit ? m_layout.toPlotY(*limit) : kNaN;
        return std::isfinite(y) ? y : otherwise;
    };
    const AxisLimits& limits = m_view.yLimits;
    const PlotRange limited {end(limits.min, fitted.lo), end(limits.max, fitted.hi)};
    return limited.hi > limited.lo && std::isfinite(limited.lo) && std::isfinite(limited.hi)
        ? limited
        : fitted;
}

std::shared_ptr<const SeriesDecimation> Layouter::decimation(
    std::size_t index, const core::DecimationQuery& query) const
{
    const core::ScalarSnapshot& scalars = m_input[index].data;
    const SeriesLayout* before = m_before[index];
    const SeriesDecimation* was = before ? before->decimation.get() : nullptr;
    const bool sameQuery = was && was->query.axis == query.axis && was->query.x0 == query.x0
        && was->query.x1 == query.x1 && was->query.columns == query.columns;
    if (sameQuery && was->generation == scalars.generation())
        return before->decimation;
    std::shared_ptr<SeriesDecimation> now = newSeriesDecimation();
    // Points only appended under the same view: only the newest columns change.
    if (sameQuery && scalars.removals() == was->removals && scalars.size() >= was->size) {
        now->points = was->points;
        core::decimateAppended(scalars, query, now->points);
    } else {
        core::decimate(scalars, query, now->points);
    }
    now->query = query;
    now->generation = scalars.generation();
    now->removals = scalars.removals();
    now->size = scalars.size();
    return now;
}

void Layouter::placeSeries(std::size_t columns, YValues& visible, YValues& outside)
{
    LineLayout& l = m_layout;
    const bool smoothing = m_options.smoothing > 0;
    m_raw.resize(m_input.size());
    m_smooth.resize(m_input.size());
    for (std::size_t index = 0; index < m_input.size(); ++index) {
        SeriesLayout& s = l.series[index];
        std::vector<QPointF>& raw = m_raw[index];
        std::vector<QPointF>& smooth = m_smooth[index];
        raw.clear();
        smooth.clear();
        const core::ScalarSnapshot& scalars = m_input[index].data;
        if (scalars.empty())
            continue;
        // Drawing needs only x on the current axis and the value (toPlotX); hover and the
        // CSV export read full points elsewhere, so skip decoding the other field here.
        s.decimation = decimation(index, l.decimationQuery(s.extent, l.x, columns, false));
        if (smoothing && !s.smoothed) {
            const SeriesLayout* before = m_before[index];
            const SmoothedSeries* was = before ? before->smoothed.get() : nullptr;
            // Unchanged (a new view of the same data): the same immutable smoothing, not a copy.
            if (was && was->generation() == scalars.generation()
                && was->weight() == m_options.smoothing)
                s.smoothed = before->smoothed;
            else
                s.smoothed = std::make_shared<const SmoothedSeries>(
                    SmoothedSeries::of(scalars, m_options.smoothing, was));
        }
        l.pointCount += s.decimation->points.size();
        raw.reserve(s.decimation->points.size());
        if (smoothing)
            smooth.reserve(s.decimation->points.size());
        forEachPlotPoint(l, s, [&](double x, double rawY, double smoothY) {
            raw.emplace_back(x, rawY);
            if (smoothing)
                smooth.emplace_back(x, smoothY);
            YValues& into = l.x.contains(x) ? visible : outside;
            if (std::isfinite(rawY))
                into.add(rawY);
            if (std::isfinite(smoothY))
                into.add(smoothY);
        });
    }
}

PlotRange Layouter::fittedYRange(YValues& visible, YValues& outside) const
{
    if (m_view.yZoom)
        return *m_view.yZoom;
    YValues& values = visible.empty() ? outside : visible;
    double lo = 0, hi = 1;
    if (!values.empty()) {
        if (m_options.ignoreOutliers && values.size() >= 3) {
            lo = quantile(values.values(), 0.05);
            hi = quantile(values.values(), 0.95);
        } else {
            lo = values.lo();
            hi = values.hi();
        }
    }
    // Halves first: the span of data from -DBL_MAX to DBL_MAX is beyond a double.
    double pad = (hi / 2 - lo / 2) * (2 * kYPadding);
    // A flat series: smoothing a constant rounds to a few ulps off it, which must not become a
    // y range 1e-16 wide.
    const double magnitude = std::max(std::abs(lo), std::abs(hi));
    // A single value (or a constant) sits in the middle of ±10 % of itself, ±1 for zero.
    if (!(pad > magnitude * 1e-12))
        pad = m_options.logY ? 0.5 : magnitude > 0 ? magnitude * 0.1 : 1.0;
    constexpr double kMax = std::numeric_limits<double>::max();
    return limitedYRange({std::max(lo - pad, -kMax), std::min(hi + pad, kMax)});
}

void Layouter::compute()
{
    LineLayout& l = m_layout;
    const QFontMetrics metrics(m_view.font);
    const int bottomMargin = metrics.height() + 10;
    int left = m_view.leftMargin > 0 ? m_view.leftMargin
                                     : metrics.horizontalAdvance(QStringLiteral("0.000")) + 12;
    startSeries();

    // Twice at most: the y labels' width sets the plot's width, which sets the decimation.
    for (int pass = 0; pass < 2; ++pass) {
        l.plot = QRectF(m_view.rect).adjusted(left, kTopMargin, -kRightMargin, -bottomMargin);
        if (l.plot.width() < 1)
            l.plot.setWidth(1);
        if (l.plot.height() < 1)
            l.plot.setHeight(1);
        const auto columns = std::size_t(std::max(1.0, std::floor(l.plot.width())));
        l.x = m_view.xZoom.value_or(homeXRange());
        l.pointCount = 0;

        const bool percentiles = m_options.ignoreOutliers && !m_view.yZoom;
        YValues visible(percentiles); // y values inside the x range, for fitting y
        YValues outside(percentiles); // the neighbours just outside, when nothing is inside
        placeSeries(columns, visible, outside);
        l.y = fittedYRange(visible, outside);
        const int yTarget = std::max(2, int(l.plot.height() / 40));
        l.yTicks = m_options.logY ? AxisTicks::log10(l.y.lo, l.y.hi, yTarget)
                                  : AxisTicks::linear(l.y.lo, l.y.hi, yTarget);
        int widest = 0;
        for (const QString& label : l.yTicks.labels)
            widest = std::max(widest, metrics.horizontalAdvance(label));
        const int needed = std::max(36, widest + 12);
        if (needed == left || pass == 1)
            break;
        left = needed;
    }
    l.leftMargin = left;
    l.lines = lineLayerJob();
    const int xTarget = std::max(2, int(l.plot.width() / 110));
    const std::optional<double> single = m_view.xZoom ? std::nullopt : singleStep();
    switch (m_options.xAxis) {
    case XAxisMode::Step:
        l.xTicks = AxisTicks::steps(l.x.lo, l.x.hi, xTarget);
        if (single && !m_view.xLimits.isSet()) // the step and one either side, all whole
            l.xTicks = AxisTicks::around(*single, singleStepPad(*single) / 2);
        break;
    case XAxisMode::Relative:
        l.xTicks = AxisTicks::linear(l.x.lo, l.x.hi, xTarget);
        break;
    case XAxisMode::WallTime:
        l.xTicks = AxisTicks::wallTime(l.x.lo, l.x.hi, xTarget);
        break;
    }
}

} // namespace

double singleStepPad(double step)
{
    return std::max(2.0, AxisTicks::niceStep(std::abs(step) * 0.2, 1));
}

SeriesExtent seriesExtent(const core::ScalarSnapshot& scalars)
{
    SeriesExtent extent;
    if (scalars.empty())
        return extent;
    const core::ScalarPoint first = scalars[0];
    extent.stepLo = double(first.step); // steps never go backwards
    extent.stepHi = double(scalars[scalars.size() - 1].step);
    // Wall times from the chunk summaries and the open tail: they can go backwards (a clock
    // change, a restarted job), so first and last are not enough.
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    if (scalars.chunkCount() > 0) {
        const core::ScalarSummaryLevel& chunks = scalars.summaries(0);
        for (std::size_t c = 0; c < scalars.chunkCount(); ++c) {
            if (chunks.has(c, core::ScalarSummaryLevel::kHasWallTime)) {
                lo = std::min(lo, chunks.minWallTime[c]);
                hi = std::max(hi, chunks.maxWallTime[c]);
            }
        }
    }
    for (const core::ScalarPoint& p : scalars.tail())
        if (!std::isnan(p.wallTime)) {
            lo = std::min(lo, p.wallTime);
            hi = std::max(hi, p.wallTime);
        }
    extent.hasWall = lo <= hi;
    extent.wallLo = lo;
    extent.wallHi = hi;
    extent.firstWall = std::isnan(first.wallTime) ? lo : first.wallTime;
    return extent;
}

std::vector<QPointF> plotPoints(const LineLayout& layout, std::size_t series, bool smoothed)
{
    const SeriesLayout& s = layout.series.at(series);
    std::vector<QPointF> points;
    if (smoothed && !s.smoothed)
        return points;
    forEachPlotPoint(layout, s, [&](double x, double rawY, double smoothY) {
        points.emplace_back(x, smoothed ? smoothY : rawY);
    });
    return points;
}

std::shared_ptr<const LineLayout> layOutLines(
    const std::vector<LineSeries>& series, const LineView& view, const LineLayout* previous)
{
    auto layout = std::make_shared<LineLayout>();
    Layouter(series, view, previous, *layout).compute();
    layoutsComputed.fetch_add(1, std::memory_order_relaxed);
    return layout;
}

std::uint64_t lineLayoutsComputed()
{
    return layoutsComputed.load(std::memory_order_relaxed);
}

double withHeadroom(const PlotRange& range)
{
    // A multiple of a power of two between 1/32 and 1/16 of the span, counted from lo: the
    // axis stays put between such ends, and so do the columns the data falls in, so each
    // update decimates only the newest columns instead of the whole view.
    const double quantum = std::exp2(std::floor(std::log2(range.span()))) / 16;
    if (!(quantum > 0) || !std::isfinite(quantum))
        return range.hi;
    const double ends = std::floor(range.span() / quantum) + 1;
    return range.lo + ends * quantum;
}

bool drawsManyRuns(std::size_t seriesCount)
{
    return seriesCount > kMaxAntialiasedSeries;
}

const SeriesLayout* LineLayout::find(const QString& name, std::size_t hint) const
{
    if (hint < series.size() && series[hint].name == name)
        return &series[hint]; // the usual case: the same series in the same order
    for (const SeriesLayout& s : series)
        if (s.name == name)
            return &s;
    return nullptr;
}

double LineLayout::toPlotX(const SeriesExtent& extent, const core::ScalarPoint& point) const
{
    switch (xAxis) {
    case XAxisMode::Step:
        return double(point.step);
    case XAxisMode::Relative:
        return (point.wallTime - extent.firstWall) / kSecondsPerHour;
    case XAxisMode::WallTime:
        return point.wallTime;
    }
    return kNaN;
}

double LineLayout::toPlotY(double value) const
{
    if (!logY)
        return value;
    return value > 0 ? std::log10(value) : kNaN; // log of zero or less: not drawn
}

QPointF LineLayout::toPixel(QPointF p) const
{
    const double px = plot.left() + x.fractionOf(p.x()) * plot.width();
    const double py = plot.bottom() - y.fractionOf(p.y()) * plot.height();
    // Far outside points still give the right direction; huge coordinates upset the rasterizer.
    constexpr double kLimit = 1e5;
    return {
        std::clamp(px, -kLimit, kLimit), std::isfinite(py) ? std::clamp(py, -kLimit, kLimit) : py};
}

double LineLayout::xAtPixel(double px) const
{
    return x.at((px - plot.left()) / plot.width());
}

double LineLayout::pixelAtX(double plotX) const
{
    return plot.left() + x.fractionOf(plotX) * plot.width();
}

core::DecimationQuery LineLayout::decimationQuery(
    const SeriesExtent& extent, const PlotRange& range, std::size_t columns, bool fullPoints) const
{
    // Relative time is hours since the run's first point; decimation compares seconds.
    const auto toDecimationX = [&](double plotX) {
        return xAxis == XAxisMode::Relative ? extent.firstWall + plotX * kSecondsPerHour : plotX;
    };
    core::DecimationQuery query;
    query.axis
        = xAxis == XAxisMode::Step ? core::DecimationAxis::Step : core::DecimationAxis::WallTime;
    query.x0 = toDecimationX(range.lo);
    query.x1 = toDecimationX(range.hi);
    query.columns = columns;
    query.fullPoints = fullPoints;
    return query;
}

} // namespace lantern::ui
