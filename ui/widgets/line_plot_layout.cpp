// LinePlot's layout: the visible ranges, the decimated points of every series in plot units
// and pixels, and the axes' ticks.

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

const LinePlot::Layout& LinePlot::layout() const
{
    if (!m_layoutValid) {
        computeLayout();
        m_layoutValid = true;
    }
    return *m_layout;
}

void LinePlot::updateExtent(SeriesState& state) const
{
    const core::ScalarSnapshot& scalars = state.input.data;
    if (state.extentValid && state.extentGeneration == scalars.generation())
        return;
    state.extentValid = true;
    state.extentGeneration = scalars.generation();
    state.hasWall = false;
    if (scalars.empty())
        return;
    const core::ScalarPoint first = scalars[0];
    state.stepLo = double(first.step); // steps never go backwards
    state.stepHi = double(scalars[scalars.size() - 1].step);
    // Wall times from the chunk summaries and the open tail: they can go backwards (a clock
    // change, a restarted job), so first and last are not enough.
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t c = 0; c < scalars.chunkCount(); ++c) {
        const core::ScalarSummary& s = scalars.node(0, c);
        if (s.hasWallTime) {
            lo = std::min(lo, s.minWallTime);
            hi = std::max(hi, s.maxWallTime);
        }
    }
    for (const core::ScalarPoint& p : scalars.tail())
        if (!std::isnan(p.wallTime)) {
            lo = std::min(lo, p.wallTime);
            hi = std::max(hi, p.wallTime);
        }
    state.hasWall = lo <= hi;
    state.wallLo = lo;
    state.wallHi = hi;
    state.firstWall = std::isnan(first.wallTime) ? lo : first.wallTime;
}

void LinePlot::updateSmoothing(SeriesState& state) const
{
    const core::ScalarSnapshot& scalars = state.input.data;
    const double weight = m_options.smoothing;
    if (state.smoothValid && state.smoothGeneration == scalars.generation()
        && state.smoothWeight == weight)
        return;
    // Appended points continue from the saved state. Only the newest points are ever removed
    // (a purge), so if the last point smoothed is still there, everything before it is too.
    std::size_t from = state.smoothed.size();
    const bool resume = state.smoothValid && state.smoothWeight == weight && from > 0
        && scalars.size() >= from && scalars[from - 1] == state.smoothLast;
    if (!resume) {
        from = 0;
        state.smoothState = core::SmoothingState {};
        state.smoothState.weight = weight;
    }
    state.smoothed.resize(scalars.size());
    std::vector<core::ScalarPoint> points;
    std::vector<double> values;
    for (std::size_t at = from; at < scalars.size(); at += kReadBatch) {
        const std::size_t count = std::min(kReadBatch, scalars.size() - at);
        scalars.read(at, count, points);
        values.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            values[i] = points[i].value;
        core::smooth(values, state.smoothState, std::span(state.smoothed).subspan(at, count));
        state.smoothLast = points.back();
    }
    state.smoothValid = true;
    state.smoothGeneration = scalars.generation();
    state.smoothWeight = weight;
}

LinePlot::Range LinePlot::fullXRange() const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (SeriesState& state : m_series) {
        updateExtent(state);
        if (state.input.data.empty())
            continue;
        switch (m_options.xAxis) {
        case XAxisMode::Step:
            lo = std::min(lo, state.stepLo);
            hi = std::max(hi, state.stepHi);
            break;
        case XAxisMode::Relative:
            if (state.hasWall) {
                lo = std::min(lo, (state.wallLo - state.firstWall) / kSecondsPerHour);
                hi = std::max(hi, (state.wallHi - state.firstWall) / kSecondsPerHour);
            }
            break;
        case XAxisMode::WallTime:
            if (state.hasWall) {
                lo = std::min(lo, state.wallLo);
                hi = std::max(hi, state.wallHi);
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

LinePlot::Range LinePlot::homeXRange() const
{
    Range full = fullXRange();
    if (m_live)
        full.hi = withHeadroom(full);
    const AxisLimits& limits = xLimits();
    const Range home {limits.min.value_or(full.lo), limits.max.value_or(full.hi)};
    return home.span() > 0 && std::isfinite(home.span()) ? home : full;
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

bool LinePlot::usesBackground() const
{
    return m_backgroundRendering && m_series.size() > kMaxAntialiasedSeries;
}

std::shared_ptr<const LineLayerJob> LinePlot::lineLayerJob() const
{
    const Layout& l = *m_layout;
    auto job = std::make_shared<LineLayerJob>();
    job->area = l.plot.toRect().adjusted(-1, -1, 1, 1);
    // Smooth edges help a few lines; under hundreds of overlapping ones they cost ~4× the
    // painting time and show nothing (lantern-bench-window, 1,000 runs). So many lines are all
    // filled in column by column, solid ones at least: several times faster than Qt's stroker
    // (lantern-bench scalars-many-runs), and alike to the eye among so many.
    job->antialias = m_series.size() <= kMaxAntialiasedSeries;
    job->everyLineByColumn = !job->antialias;
    const auto pixelsOf = [this](const std::vector<QPointF>& points) {
        std::vector<QPointF> pixels(points.size());
        for (std::size_t i = 0; i < points.size(); ++i)
            pixels[i] = toPixel(points[i]);
        return pixels;
    };
    const bool smoothing = m_options.smoothing > 0;
    for (const SeriesState& state : m_series) {
        if (state.input.data.empty())
            continue;
        // Few points get dots, so a handful of evaluations does not look like a straight line.
        const bool dots = state.decimated.allPoints && state.raw.size() * 8 < l.plot.width();
        const bool dense = !state.decimated.allPoints;
        // Cosmetic one-pixel pens take Qt's fast line path, antialiased or not; any other pen
        // goes through the general stroker, ~10× slower (a thousand runs made that seconds).
        QPen linePen(state.input.color, 1.0, state.input.style);
        linePen.setCosmetic(true);
        if (smoothing) {
            QColor faint = state.input.color;
            faint.setAlphaF(kRawAlpha);
            QPen rawPen(faint, 1.0);
            rawPen.setCosmetic(true);
            job->lines.push_back({pixelsOf(state.raw), rawPen, dense, false});
            job->lines.push_back({pixelsOf(state.smooth), linePen, dense, dots});
        } else {
            job->lines.push_back({pixelsOf(state.raw), linePen, dense, dots});
        }
    }
    return job;
}

core::DecimationQuery LinePlot::decimationQuery(
    const SeriesState& state, const Range& x, std::size_t columns, bool fullPoints) const
{
    core::DecimationQuery query;
    query.axis = m_options.xAxis == XAxisMode::Step ? core::DecimationAxis::Step
                                                    : core::DecimationAxis::WallTime;
    query.x0 = toDecimationX(state, x.lo);
    query.x1 = toDecimationX(state, x.hi);
    query.columns = columns;
    query.fullPoints = fullPoints;
    return query;
}

LinePlot::Range LinePlot::limitedYRange(const Range& fitted) const
{
    // toPlotY: the log of a value on a log axis, NaN (ignored) for an end at or below zero.
    auto end = [&](const std::optional<double>& limit, double otherwise) {
        const double y = limit ? toPlotY(*limit) : kNaN;
        return std::isfinite(y) ? y : otherwise;
    };
    const Range limited {end(m_yLimits.min, fitted.lo), end(m_yLimits.max, fitted.hi)};
    return limited.span() > 0 && std::isfinite(limited.span()) ? limited : fitted;
}

double LinePlot::toDecimationX(const SeriesState& state, double x) const
{
    return m_options.xAxis == XAxisMode::Relative ? state.firstWall + x * kSecondsPerHour : x;
}

double LinePlot::toPlotX(const SeriesState& state, const core::ScalarPoint& point) const
{
    switch (m_options.xAxis) {
    case XAxisMode::Step:
        return double(point.step);
    case XAxisMode::Relative:
        return (point.wallTime - state.firstWall) / kSecondsPerHour;
    case XAxisMode::WallTime:
        return point.wallTime;
    }
    return kNaN;
}

double LinePlot::toPlotY(double value) const
{
    if (!m_options.logY)
        return value;
    return value > 0 ? std::log10(value) : kNaN; // log of zero or less: not drawn
}

QPointF LinePlot::toPixel(QPointF p) const
{
    const Layout& l = *m_layout;
    const double x = l.plot.left() + (p.x() - l.x.lo) / l.x.span() * l.plot.width();
    const double y = l.plot.bottom() - (p.y() - l.y.lo) / l.y.span() * l.plot.height();
    // Far outside points still give the right direction; huge coordinates upset the rasterizer.
    constexpr double kLimit = 1e5;
    return {std::clamp(x, -kLimit, kLimit), std::isfinite(y) ? std::clamp(y, -kLimit, kLimit) : y};
}

double LinePlot::xAtPixel(double px) const
{
    const Layout& l = layout();
    return l.x.lo + (px - l.plot.left()) / l.plot.width() * l.x.span();
}

double LinePlot::pixelAtX(double x) const
{
    const Layout& l = layout();
    return l.plot.left() + (x - l.x.lo) / l.x.span() * l.plot.width();
}

void LinePlot::computeLayout() const
{
    Layout& l = *m_layout;
    const QFontMetrics metrics = fontMetrics();
    const int bottomMargin = metrics.height() + 10;
    int left
        = l.leftMargin > 0 ? l.leftMargin : metrics.horizontalAdvance(QStringLiteral("0.000")) + 12;
    const bool smoothing = m_options.smoothing > 0;

    // Twice at most: the y labels' width sets the plot's width, which sets the decimation.
    for (int pass = 0; pass < 2; ++pass) {
        l.plot = QRectF(rect()).adjusted(left, kTopMargin, -kRightMargin, -bottomMargin);
        if (l.plot.width() < 1)
            l.plot.setWidth(1);
        if (l.plot.height() < 1)
            l.plot.setHeight(1);
        const auto columns = std::size_t(std::max(1.0, std::floor(l.plot.width())));
        l.x = m_xZoom.value_or(homeXRange());
        l.pointCount = 0;

        std::vector<double> visible; // y values inside the x range, for fitting y
        std::vector<double> outside; // the neighbours just outside, when nothing is inside
        for (SeriesState& state : m_series) {
            state.raw.clear();
            state.smooth.clear();
            const core::ScalarSnapshot& scalars = state.input.data;
            if (scalars.empty())
                continue;
            // Drawing needs only x on the current axis and the value (toPlotX); hover and the
            // CSV export read full points elsewhere, so skip decoding the other field here.
            const core::DecimationQuery query = decimationQuery(state, l.x, columns, false);
            const bool sameQuery = state.decimationValid && state.query.axis == query.axis
                && state.query.x0 == query.x0 && state.query.x1 == query.x1
                && state.query.columns == query.columns;
            if (!sameQuery || state.decimationGeneration != scalars.generation()) {
                // Points only appended under the same view: only the newest columns change.
                const bool appended = sameQuery && scalars.removals() == state.decimationRemovals
                    && scalars.size() >= state.decimationSize;
                if (appended)
                    core::decimateAppended(scalars, query, state.decimated);
                else
                    core::decimate(scalars, query, state.decimated);
                state.query = query;
                state.decimationGeneration = scalars.generation();
                state.decimationRemovals = scalars.removals();
                state.decimationSize = scalars.size();
                state.decimationValid = true;
            }
            if (smoothing)
                updateSmoothing(state);
            const core::DecimatedSeries& d = state.decimated;
            l.pointCount += d.points.size();
            state.raw.reserve(d.points.size());
            if (smoothing)
                state.smooth.reserve(d.points.size());
            for (std::size_t i = 0; i < d.points.size(); ++i) {
                const double x = toPlotX(state, d.points[i]);
                if (std::isnan(x))
                    continue;
                const double rawY = toPlotY(d.points[i].value);
                const double smoothY
                    = smoothing ? toPlotY(state.smoothed[std::size_t(d.indices[i])]) : kNaN;
                state.raw.emplace_back(x, rawY);
                if (smoothing)
                    state.smooth.emplace_back(x, smoothY);
                std::vector<double>& into = l.x.contains(x) ? visible : outside;
                if (std::isfinite(rawY))
                    into.push_back(rawY);
                if (std::isfinite(smoothY))
                    into.push_back(smoothY);
            }
        }

        if (m_yZoom) {
            l.y = *m_yZoom;
        } else {
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
            double pad = (hi - lo) * kYPadding;
            // A flat series: smoothing a constant rounds to a few ulps off it, which must not
            // become a y range 1e-16 wide.
            const double magnitude = std::max(std::abs(lo), std::abs(hi));
            if (!(pad > magnitude * 1e-12))
                pad = m_options.logY ? 0.5 : std::max(std::abs(lo) * 0.1, 0.5);
            l.y = limitedYRange({lo - pad, hi + pad});
        }
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

} // namespace lantern::ui
