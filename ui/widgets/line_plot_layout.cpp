// LinePlot's layout: the visible ranges, the decimated points of every series in plot units
// and pixels, and the axes' ticks, computed from a LayoutInput alone (on a worker thread for
// plots of many runs).

#include "ui/widgets/line_plot.h"
#include "ui/widgets/line_plot_state.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

constexpr double kNaN = kLinePlotNaN;
constexpr int kTopMargin = 10;
constexpr int kRightMargin = 14;
constexpr double kYPadding = 0.05; // of the y span, above and below the data
constexpr std::size_t kReadBatch = 65536; // points read at a time when smoothing
constexpr double kRawAlpha = 0.25; // the raw line behind a smoothed one
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

} // namespace

// Computes one layout from its input; the series' caches carry over to the next one.
class LinePlot::Layouter {
public:
    Layouter(const LayoutInput& input, Layout& layout)
        : m_input(input)
        , m_options(input.options)
        , m_layout(layout)
    {
        m_layout.xAxis = m_options.xAxis;
        m_layout.logY = m_options.logY;
    }

    void compute();

private:
    void updateExtent(const SeriesState& state) const;
    void updateSmoothing(const SeriesState& state) const;
    Range fullXRange() const;
    // The unzoomed ranges: the data's, within the user's limits; x with some headroom once
    // points arrive live.
    Range homeXRange() const;
    // Decimates, smooths and converts every series for the current x range and plot width;
    // collects the y values that fit the y range.
    void placeSeries(
        std::size_t columns, std::vector<double>& visible, std::vector<double>& outside);
    Range fittedYRange(std::vector<double>& visible, std::vector<double>& outside) const;
    Range limitedYRange(const Range& fitted) const;
    std::shared_ptr<const LineLayerJob> lineLayerJob() const;

    const LayoutInput& m_input;
    const Options& m_options;
    Layout& m_layout;
};

std::shared_ptr<const LinePlot::Layout> LinePlot::computeLayout(const LayoutInput& input)
{
    auto layout = std::make_shared<Layout>();
    Layouter(input, *layout).compute();
    return layout;
}

double LinePlot::withHeadroom(const Range& range)
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

bool LinePlot::drawsManyRuns(std::size_t seriesCount)
{
    return seriesCount > kMaxAntialiasedSeries;
}

void LinePlot::Layouter::updateExtent(const SeriesState& state) const
{
    SeriesCache& cache = *state.cache;
    const core::ScalarSnapshot& scalars = state.input.data;
    if (cache.extentValid && cache.extentGeneration == scalars.generation())
        return;
    cache.extentValid = true;
    cache.extentGeneration = scalars.generation();
    cache.hasWall = false;
    if (scalars.empty())
        return;
    const core::ScalarPoint first = scalars[0];
    cache.stepLo = double(first.step); // steps never go backwards
    cache.stepHi = double(scalars[scalars.size() - 1].step);
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
    cache.hasWall = lo <= hi;
    cache.wallLo = lo;
    cache.wallHi = hi;
    cache.firstWall = std::isnan(first.wallTime) ? lo : first.wallTime;
}

void LinePlot::Layouter::updateSmoothing(const SeriesState& state) const
{
    SeriesCache& cache = *state.cache;
    const core::ScalarSnapshot& scalars = state.input.data;
    const double weight = m_options.smoothing;
    if (cache.smoothValid && cache.smoothGeneration == scalars.generation()
        && cache.smoothWeight == weight)
        return;
    // Appended points continue from the saved state. Only the newest points are ever removed
    // (a purge), so if the last point smoothed is still there, everything before it is too.
    std::size_t from = cache.smoothed.size();
    const bool resume = cache.smoothValid && cache.smoothWeight == weight && from > 0
        && scalars.size() >= from && scalars[from - 1] == cache.smoothLast;
    if (!resume) {
        from = 0;
        cache.smoothState = core::SmoothingState {};
        cache.smoothState.weight = weight;
    }
    cache.smoothed.resize(scalars.size());
    std::vector<core::ScalarPoint> points;
    std::vector<double> values;
    for (std::size_t at = from; at < scalars.size(); at += kReadBatch) {
        const std::size_t count = std::min(kReadBatch, scalars.size() - at);
        scalars.read(at, count, points);
        values.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            values[i] = points[i].value;
        core::smooth(values, cache.smoothState, std::span(cache.smoothed).subspan(at, count));
        cache.smoothLast = points.back();
    }
    cache.smoothValid = true;
    cache.smoothGeneration = scalars.generation();
    cache.smoothWeight = weight;
}

LinePlot::Range LinePlot::Layouter::fullXRange() const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const SeriesState& state : m_input.series) {
        updateExtent(state);
        const SeriesCache& cache = *state.cache;
        if (state.input.data.empty())
            continue;
        switch (m_options.xAxis) {
        case XAxisMode::Step:
            lo = std::min(lo, cache.stepLo);
            hi = std::max(hi, cache.stepHi);
            break;
        case XAxisMode::Relative:
            if (cache.hasWall) {
                lo = std::min(lo, (cache.wallLo - cache.firstWall) / kSecondsPerHour);
                hi = std::max(hi, (cache.wallHi - cache.firstWall) / kSecondsPerHour);
            }
            break;
        case XAxisMode::WallTime:
            if (cache.hasWall) {
                lo = std::min(lo, cache.wallLo);
                hi = std::max(hi, cache.wallHi);
            }
            break;
        }
    }
    if (!(lo <= hi))
        return {0, 1};
    if (lo == hi) {
        const double pad = m_options.xAxis == XAxisMode::Step ? 1.0
            : m_options.xAxis == XAxisMode::Relative          ? 1.0 / 60
                                                              : 30.0;
        return {lo - pad, hi + pad};
    }
    return {lo, hi};
}

LinePlot::Range LinePlot::Layouter::homeXRange() const
{
    Range full = fullXRange();
    if (m_input.live)
        full.hi = withHeadroom(full);
    const AxisLimits& limits = m_input.xLimits;
    const Range home {limits.min.value_or(full.lo), limits.max.value_or(full.hi)};
    return home.span() > 0 && std::isfinite(home.span()) ? home : full;
}

std::shared_ptr<const LineLayerJob> LinePlot::Layouter::lineLayerJob() const
{
    const Layout& l = m_layout;
    auto job = std::make_shared<LineLayerJob>();
    job->area = l.plot.toRect().adjusted(-1, -1, 1, 1);
    // Smooth edges help a few lines; under hundreds of overlapping ones they cost ~4× the
    // painting time and show nothing (lantern-bench-window, 1,000 runs). So many lines are all
    // filled in column by column, solid ones at least: several times faster than Qt's stroker
    // (lantern-bench scalars-many-runs), and alike to the eye among so many.
    job->antialias = !drawsManyRuns(m_input.series.size());
    job->everyLineByColumn = !job->antialias;
    const auto pixelsOf = [&l](const std::vector<QPointF>& points) {
        std::vector<QPointF> pixels(points.size());
        for (std::size_t i = 0; i < points.size(); ++i)
            pixels[i] = l.toPixel(points[i]);
        return pixels;
    };
    const bool smoothing = m_options.smoothing > 0;
    for (const SeriesState& state : m_input.series) {
        if (state.input.data.empty())
            continue;
        const SeriesCache& cache = *state.cache;
        // Few points get dots, so a handful of evaluations does not look like a straight line.
        const bool dots = cache.decimated.allPoints && cache.raw.size() * 8 < l.plot.width();
        const bool dense = !cache.decimated.allPoints;
        // Cosmetic one-pixel pens take Qt's fast line path, antialiased or not; any other pen
        // goes through the general stroker, ~10× slower (a thousand runs made that seconds).
        QPen linePen(state.input.color, 1.0, state.input.style);
        linePen.setCosmetic(true);
        if (smoothing) {
            QColor faint = state.input.color;
            faint.setAlphaF(kRawAlpha);
            QPen rawPen(faint, 1.0);
            rawPen.setCosmetic(true);
            job->lines.push_back({pixelsOf(cache.raw), rawPen, dense, false});
            job->lines.push_back({pixelsOf(cache.smooth), linePen, dense, dots});
        } else {
            job->lines.push_back({pixelsOf(cache.raw), linePen, dense, dots});
        }
    }
    return job;
}

LinePlot::Range LinePlot::Layouter::limitedYRange(const Range& fitted) const
{
    // toPlotY: the log of a value on a log axis, NaN (ignored) for an end at or below zero.
    auto end = [&](const std::optional<double>& limit, double otherwise) {
        const double y = limit ? m_layout.toPlotY(*limit) : kNaN;
        return std::isfinite(y) ? y : otherwise;
    };
    const AxisLimits& limits = m_input.yLimits;
    const Range limited {end(limits.min, fitted.lo), end(limits.max, fitted.hi)};
    return limited.hi > limited.lo && std::isfinite(limited.lo) && std::isfinite(limited.hi)
        ? limited
        : fitted;
}

void LinePlot::Layouter::placeSeries(
    std::size_t columns, std::vector<double>& visible, std::vector<double>& outside)
{
    Layout& l = m_layout;
    const bool smoothing = m_options.smoothing > 0;
    for (const SeriesState& state : m_input.series) {
        SeriesCache& cache = *state.cache;
        cache.raw.clear();
        cache.smooth.clear();
        const core::ScalarSnapshot& scalars = state.input.data;
        if (scalars.empty())
            continue;
        // Drawing needs only x on the current axis and the value (toPlotX); hover and the
        // CSV export read full points elsewhere, so skip decoding the other field here.
        const core::DecimationQuery query = l.decimationQuery(cache, l.x, columns, false);
        const bool sameQuery = cache.decimationValid && cache.query.axis == query.axis
            && cache.query.x0 == query.x0 && cache.query.x1 == query.x1
            && cache.query.columns == query.columns;
        if (!sameQuery || cache.decimationGeneration != scalars.generation()) {
            // Points only appended under the same view: only the newest columns change.
            const bool appended = sameQuery && scalars.removals() == cache.decimationRemovals
                && scalars.size() >= cache.decimationSize;
            if (appended)
                core::decimateAppended(scalars, query, cache.decimated);
            else
                core::decimate(scalars, query, cache.decimated);
            cache.query = query;
            cache.decimationGeneration = scalars.generation();
            cache.decimationRemovals = scalars.removals();
            cache.decimationSize = scalars.size();
            cache.decimationValid = true;
        }
        if (smoothing)
            updateSmoothing(state);
        const core::DecimatedSeries& d = cache.decimated;
        l.pointCount += d.points.size();
        cache.raw.reserve(d.points.size());
        if (smoothing)
            cache.smooth.reserve(d.points.size());
        for (std::size_t i = 0; i < d.points.size(); ++i) {
            const double x = l.toPlotX(cache, d.points[i]);
            if (std::isnan(x))
                continue;
            const double rawY = l.toPlotY(d.points[i].value);
            const double smoothY
                = smoothing ? l.toPlotY(cache.smoothed[std::size_t(d.indices[i])]) : kNaN;
            cache.raw.emplace_back(x, rawY);
            if (smoothing)
                cache.smooth.emplace_back(x, smoothY);
            std::vector<double>& into = l.x.contains(x) ? visible : outside;
            if (std::isfinite(rawY))
                into.push_back(rawY);
            if (std::isfinite(smoothY))
                into.push_back(smoothY);
        }
    }
}

LinePlot::Range LinePlot::Layouter::fittedYRange(
    std::vector<double>& visible, std::vector<double>& outside) const
{
    if (m_input.yZoom)
        return *m_input.yZoom;
    std::vector<double>& values = visible.empty() ? outside : visible;
    double lo = 0, hi = 1;
    if (!values.empty()) {
        if (m_options.ignoreOutliers && values.size() >= 3) {
            lo = quantile(values, 0.05);
            hi = quantile(values, 0.95);
        } else {
            const auto [min, max] = std::minmax_element(values.begin(), values.end());
            lo = *min;
            hi = *max;
        }
    }
    // Halves first: the span of data from -DBL_MAX to DBL_MAX is beyond a double.
    double pad = (hi / 2 - lo / 2) * (2 * kYPadding);
    // A flat series: smoothing a constant rounds to a few ulps off it, which must not become a
    // y range 1e-16 wide.
    const double magnitude = std::max(std::abs(lo), std::abs(hi));
    if (!(pad > magnitude * 1e-12))
        pad = m_options.logY ? 0.5 : std::max(std::abs(lo) * 0.1, 0.5);
    constexpr double kMax = std::numeric_limits<double>::max();
    return limitedYRange({std::max(lo - pad, -kMax), std::min(hi + pad, kMax)});
}

void LinePlot::Layouter::compute()
{
    Layout& l = m_layout;
    const QFontMetrics metrics(m_input.font);
    const int bottomMargin = metrics.height() + 10;
    int left = m_input.leftMargin > 0 ? m_input.leftMargin
                                      : metrics.horizontalAdvance(QStringLiteral("0.000")) + 12;

    // Twice at most: the y labels' width sets the plot's width, which sets the decimation.
    for (int pass = 0; pass < 2; ++pass) {
        l.plot = QRectF(m_input.rect).adjusted(left, kTopMargin, -kRightMargin, -bottomMargin);
        if (l.plot.width() < 1)
            l.plot.setWidth(1);
        if (l.plot.height() < 1)
            l.plot.setHeight(1);
        const auto columns = std::size_t(std::max(1.0, std::floor(l.plot.width())));
        l.x = m_input.xZoom.value_or(homeXRange());
        l.pointCount = 0;

        std::vector<double> visible; // y values inside the x range, for fitting y
        std::vector<double> outside; // the neighbours just outside, when nothing is inside
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
    l.xTicks = m_options.xAxis == XAxisMode::WallTime ? AxisTicks::wallTime(l.x.lo, l.x.hi, xTarget)
                                                      : AxisTicks::linear(l.x.lo, l.x.hi, xTarget);
}

double LinePlot::Layout::toPlotX(const SeriesCache& cache, const core::ScalarPoint& point) const
{
    switch (xAxis) {
    case XAxisMode::Step:
        return double(point.step);
    case XAxisMode::Relative:
        return (point.wallTime - cache.firstWall) / kSecondsPerHour;
    case XAxisMode::WallTime:
        return point.wallTime;
    }
    return kNaN;
}

double LinePlot::Layout::toPlotY(double value) const
{
    if (!logY)
        return value;
    return value > 0 ? std::log10(value) : kNaN; // log of zero or less: not drawn
}

QPointF LinePlot::Layout::toPixel(QPointF p) const
{
    const double px = plot.left() + x.fractionOf(p.x()) * plot.width();
    const double py = plot.bottom() - y.fractionOf(p.y()) * plot.height();
    // Far outside points still give the right direction; huge coordinates upset the rasterizer.
    constexpr double kLimit = 1e5;
    return {
        std::clamp(px, -kLimit, kLimit), std::isfinite(py) ? std::clamp(py, -kLimit, kLimit) : py};
}

double LinePlot::Layout::xAtPixel(double px) const
{
    return x.at((px - plot.left()) / plot.width());
}

double LinePlot::Layout::pixelAtX(double plotX) const
{
    return plot.left() + x.fractionOf(plotX) * plot.width();
}

double LinePlot::Layout::toDecimationX(const SeriesCache& cache, double plotX) const
{
    return xAxis == XAxisMode::Relative ? cache.firstWall + plotX * kSecondsPerHour : plotX;
}

core::DecimationQuery LinePlot::Layout::decimationQuery(
    const SeriesCache& cache, const Range& range, std::size_t columns, bool fullPoints) const
{
    core::DecimationQuery query;
    query.axis
        = xAxis == XAxisMode::Step ? core::DecimationAxis::Step : core::DecimationAxis::WallTime;
    query.x0 = toDecimationX(cache, range.lo);
    query.x1 = toDecimationX(cache, range.hi);
    query.columns = columns;
    query.fullPoints = fullPoints;
    return query;
}

} // namespace lantern::ui
