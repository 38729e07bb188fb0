#include "ui/widgets/line_plot.h"

#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/dense_line.h"

#include <QDateTime>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace lantern::ui {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kSecondsPerHour = 3600;
constexpr int kTopMargin = 10;
constexpr int kRightMargin = 14;
constexpr double kYPadding = 0.05; // of the y span, above and below the data
constexpr double kRawAlpha = 0.25; // the raw line behind a smoothed one
constexpr int kMinDragPixels = 5;
constexpr std::size_t kMaxAntialiasedSeries = 32;
constexpr std::size_t kReadBatch = 65536; // points read at a time when smoothing

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

QString formatDuration(double hours)
{
    const double seconds = hours * kSecondsPerHour;
    if (!std::isfinite(seconds))
        return QString();
    if (std::abs(seconds) < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    if (std::abs(seconds) < kSecondsPerHour)
        return QStringLiteral("%1 min").arg(seconds / 60, 0, 'f', 1);
    if (std::abs(hours) < 48)
        return QStringLiteral("%1 h").arg(hours, 0, 'f', 2);
    return QStringLiteral("%1 d").arg(hours / 24, 0, 'f', 2);
}

// The tooltip's table of rows; the pinned readout's leaves out the relative time, to stay
// narrow enough for a card.
QString rowsTable(const std::vector<LinePlot::HoverRow>& rows, bool relative = true)
{
    QString html = QStringLiteral(
        "<table cellspacing='0' cellpadding='2'><tr><th></th><th align='left'>Run</th>"
        "<th align='right'>Smoothed</th><th align='right'>Value</th><th align='right'>Step</th>");
    if (relative)
        html += QStringLiteral("<th align='right'>Relative</th>");
    html += QStringLiteral("</tr>");
    for (const LinePlot::HoverRow& row : rows) {
        html += QStringLiteral("<tr><td style='color:%1'>&#9632;</td><td>%2</td>"
                               "<td align='right'>%3</td><td align='right'>%4</td>"
                               "<td align='right'>%5</td>")
                    .arg(row.color.name(), row.name.toHtmlEscaped(),
                        AxisTicks::formatNumber(row.smoothed), AxisTicks::formatNumber(row.value),
                        QString::number(row.step));
        if (relative)
            html += QStringLiteral("<td align='right'>%1</td>")
                        .arg(formatDuration(row.relativeHours));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// Where the pinned cursor is, in the x axis's own words.
QString describeX(XAxisMode mode, double x)
{
    switch (mode) {
    case XAxisMode::Step:
        return QObject::tr("step %1").arg(AxisTicks::formatNumber(x));
    case XAxisMode::Relative:
        return formatDuration(x);
    case XAxisMode::WallTime:
        return QDateTime::fromMSecsSinceEpoch(std::llround(x * 1000))
            .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    }
    return QString();
}

// Draws a polyline through pixel coordinates, broken wherever a point is not finite; lone
// points become dots. Draws straight from `pixels`, no copy.
void drawBrokenLine(QPainter& painter, const std::vector<QPointF>& pixels, bool dots)
{
    const auto finite
        = [](const QPointF& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); };
    const QPointF* points = pixels.data();
    const std::size_t n = pixels.size();
    for (std::size_t start = 0; start < n;) {
        if (!finite(points[start])) {
            ++start;
            continue;
        }
        std::size_t end = start + 1;
        while (end < n && finite(points[end]))
            ++end;
        if (end - start == 1 || dots) {
            painter.save();
            painter.setBrush(painter.pen().color());
            for (std::size_t i = start; i < end; ++i)
                painter.drawEllipse(points[i], 2.0, 2.0);
            painter.restore();
        }
        // Short pieces: Qt strokes one polyline as a single outline, and the cost of a long
        // zig-zagging one (4 points per pixel column) grows far faster than its length.
        constexpr std::size_t kPiece = 64;
        for (std::size_t at = start; at + 1 < end; at += kPiece)
            painter.drawPolyline(points + at, int(std::min(kPiece + 1, end - at)));
        start = end;
    }
}

// `color` at `alpha` over the opaque `background`, as one opaque color: Qt fills opaque
// rectangles directly, while translucent ones go span by span through its thread pool.
QColor over(const QColor& background, QColor color, double alpha)
{
    const auto mix = [alpha](double a, double b) { return a * alpha + b * (1 - alpha); };
    return QColor::fromRgbF(float(mix(color.redF(), background.redF())),
        float(mix(color.greenF(), background.greenF())),
        float(mix(color.blueF(), background.blueF())));
}

// The image the lines are drawn into, cleared, at `size` (device pixels): one for every plot,
// as they paint one after the other on the GUI thread, so repaints allocate nothing.
QImage& lineLayer(QSize size)
{
    static QImage layer;
    if (size.isEmpty())
        return layer;
    if (layer.size() != size)
        layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    return layer;
}

} // namespace

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
    core::DecimationQuery query;
    core::DecimatedSeries decimated;

    // The decimated points in plot units, as drawn, and in pixels for the painter.
    std::vector<QPointF> raw;
    std::vector<QPointF> smooth;
    std::vector<QPointF> rawPixels;
    std::vector<QPointF> smoothPixels;
};

struct LinePlot::Layout {
    QRectF plot;
    Range x;
    Range y;
    std::size_t pointCount = 0;
    int leftMargin = 0;
    AxisTicks xTicks;
    AxisTicks yTicks;
};

LinePlot::LinePlot(QWidget* parent)
    : QWidget(parent)
    , m_layout(std::make_unique<Layout>())
{
    setMouseTracking(true);
    setMinimumSize(200, 140);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("pinnedReadout"));
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setAutoFillBackground(true);
    m_readout->setFrameShape(QFrame::Box);
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents); // clicks reach the plot
    QFont small = m_readout->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_readout->setFont(small);
    m_readout->hide();
}

LinePlot::~LinePlot() = default;

void LinePlot::setSeries(std::vector<Series> series)
{
    bool changed = series.size() != m_series.size();
    std::vector<SeriesState> states;
    states.reserve(series.size());
    for (std::size_t i = 0; i < series.size(); ++i) {
        auto old = std::find_if(m_series.begin(), m_series.end(),
            [&](const SeriesState& s) { return s.input.name == series[i].name; });
        SeriesState state;
        if (old != m_series.end()) {
            changed = changed || old - m_series.begin() != std::ptrdiff_t(i)
                || old->input.color != series[i].color || old->input.style != series[i].style
                || old->input.data.generation() != series[i].data.generation();
            state = std::move(*old);
        } else {
            changed = true;
        }
        state.input = std::move(series[i]);
        states.push_back(std::move(state));
    }
    m_series = std::move(states);
    if (changed)
        invalidate();
}

std::size_t LinePlot::seriesCount() const
{
    return m_series.size();
}

const LinePlot::Series& LinePlot::series(std::size_t index) const
{
    return m_series.at(index).input;
}

void LinePlot::setOptions(const Options& options)
{
    if (options == m_options)
        return;
    if (options.xAxis != m_options.xAxis) {
        m_xZoom.reset(); // the units changed
        m_yZoom.reset();
        unpinCursor();
    }
    if (options.logY != m_options.logY)
        m_yZoom.reset();
    m_options = options;
    invalidate();
}

void LinePlot::setXAxisMode(XAxisMode mode)
{
    Options options = m_options;
    options.xAxis = mode;
    setOptions(options);
}

void LinePlot::setLogScale(bool on)
{
    Options options = m_options;
    options.logY = on;
    setOptions(options);
}

void LinePlot::setSmoothing(double weight)
{
    Options options = m_options;
    options.smoothing = std::isfinite(weight) ? std::clamp(weight, 0.0, 0.999) : 0.0;
    setOptions(options);
}

void LinePlot::setIgnoreOutliers(bool on)
{
    Options options = m_options;
    options.ignoreOutliers = on;
    setOptions(options);
}

LinePlot::Range LinePlot::xRange() const
{
    return layout().x;
}
LinePlot::Range LinePlot::yRange() const
{
    return layout().y;
}
QRectF LinePlot::plotArea() const
{
    return layout().plot;
}

void LinePlot::zoomTo(const Range& x, std::optional<Range> y)
{
    if (!(x.span() > 0) || !std::isfinite(x.span()))
        return;
    if (y && (!(y->span() > 0) || !std::isfinite(y->span())))
        y.reset();
    m_xZoom = x;
    m_yZoom = y;
    invalidate();
    emit zoomChanged();
}

void LinePlot::setXLimits(const AxisLimits& limits)
{
    m_xLimits[std::size_t(m_options.xAxis)] = limits;
    invalidate();
}

void LinePlot::setYLimits(const AxisLimits& limits)
{
    m_yLimits = limits;
    invalidate();
}

LinePlot::AxisLimits LinePlot::xLimits() const
{
    return m_xLimits[std::size_t(m_options.xAxis)];
}

void LinePlot::resetZoom()
{
    if (!isZoomed())
        return;
    m_xZoom.reset();
    m_yZoom.reset();
    invalidate();
    emit zoomChanged();
}

std::size_t LinePlot::drawnPointCount() const
{
    return layout().pointCount;
}

std::vector<QPointF> LinePlot::drawnPoints(std::size_t series, bool smoothed) const
{
    layout();
    const SeriesState& state = m_series.at(series);
    return smoothed ? state.smooth : state.raw;
}

void LinePlot::invalidate()
{
    m_layoutValid = false;
    update();
    if (m_pinned)
        refreshPinnedReadout();
}

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
    const Range full = fullXRange();
    const AxisLimits& limits = xLimits();
    const Range home {limits.min.value_or(full.lo), limits.max.value_or(full.hi)};
    return home.span() > 0 && std::isfinite(home.span()) ? home : full;
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
            core::DecimationQuery query;
            query.axis = m_options.xAxis == XAxisMode::Step ? core::DecimationAxis::Step
                                                            : core::DecimationAxis::WallTime;
            query.x0 = toDecimationX(state, l.x.lo);
            query.x1 = toDecimationX(state, l.x.hi);
            query.columns = columns;
            // Drawing needs only x on the current axis and the value (toPlotX); hover and the
            // CSV export read full points elsewhere, so skip decoding the other field here.
            query.fullPoints = false;
            const bool cached = state.decimationValid
                && state.decimationGeneration == scalars.generation()
                && state.query.axis == query.axis && state.query.x0 == query.x0
                && state.query.x1 == query.x1 && state.query.columns == query.columns;
            if (!cached) {
                core::decimate(scalars, query, state.decimated);
                state.query = query;
                state.decimationGeneration = scalars.generation();
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
    for (SeriesState& state : m_series) {
        const auto toPixels
            = [this](const std::vector<QPointF>& points, std::vector<QPointF>& out) {
                  out.resize(points.size());
                  for (std::size_t i = 0; i < points.size(); ++i)
                      out[i] = toPixel(points[i]);
              };
        toPixels(state.raw, state.rawPixels);
        toPixels(state.smooth, state.smoothPixels);
    }
    const int xTarget = std::max(2, int(l.plot.width() / 110));
    l.xTicks = m_options.xAxis == XAxisMode::WallTime ? AxisTicks::wallTime(l.x.lo, l.x.hi, xTarget)
                                                      : AxisTicks::linear(l.x.lo, l.x.hi, xTarget);
}

std::vector<LinePlot::HoverRow> LinePlot::hoverRows(QPointF pos) const
{
    return rowsAt(xAtPixel(pos.x()), pos.y());
}

std::vector<LinePlot::HoverRow> LinePlot::rowsAt(double x, double pixelY) const
{
    layout();
    const bool smoothing = m_options.smoothing > 0;
    std::vector<HoverRow> rows;
    core::DecimatedSeries near;
    for (const SeriesState& state : m_series) {
        const core::ScalarSnapshot& scalars = state.input.data;
        if (scalars.empty())
            continue;
        // A one-column query at x yields the points at x and the neighbours on either side.
        core::DecimationQuery query;
        query.axis = m_options.xAxis == XAxisMode::Step ? core::DecimationAxis::Step
                                                        : core::DecimationAxis::WallTime;
        query.x0 = query.x1 = toDecimationX(state, x);
        query.columns = 1;
        core::decimate(scalars, query, near);
        std::size_t best = near.points.size();
        double bestDistance = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < near.points.size(); ++i) {
            const double distance = std::abs(toPlotX(state, near.points[i]) - x);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        if (best == near.points.size())
            continue;
        const core::ScalarPoint& p = near.points[best];
        HoverRow row;
        row.name = state.input.name;
        row.color = state.input.color;
        row.value = p.value;
        row.smoothed = smoothing && state.smoothValid
            ? state.smoothed[std::size_t(near.indices[best])]
            : p.value;
        row.step = p.step;
        row.wallTime = p.wallTime;
        row.relativeHours = (p.wallTime - state.firstWall) / kSecondsPerHour;
        const double y = toPlotY(row.smoothed);
        const QPointF pixel = toPixel({toPlotX(state, p), y});
        row.distance = std::isfinite(y) ? std::hypot(pixel.x() - pixelAtX(x), pixel.y() - pixelY)
                                        : std::numeric_limits<double>::infinity();
        rows.push_back(row);
    }
    std::stable_sort(rows.begin(), rows.end(),
        [](const HoverRow& a, const HoverRow& b) { return a.distance < b.distance; });
    return rows;
}

QString LinePlot::tooltipText(QPointF pos) const
{
    const std::vector<HoverRow> rows = hoverRows(pos);
    return rows.empty() ? QString() : rowsTable(rows);
}

std::optional<double> LinePlot::pinnedX() const
{
    return m_pinned ? std::optional(m_pinned->x()) : std::nullopt;
}

void LinePlot::pinCursor(QPointF pos)
{
    // At the x of the point the rows put first, so the line goes through what they read.
    double x = xAtPixel(pos.x());
    const std::vector<HoverRow> rows = rowsAt(x, pos.y());
    if (!rows.empty()) {
        const HoverRow& nearest = rows.front();
        x = m_options.xAxis == XAxisMode::Step       ? double(nearest.step)
            : m_options.xAxis == XAxisMode::Relative ? nearest.relativeHours
                                                     : nearest.wallTime;
    }
    m_pinned = QPointF(x, pos.y());
    refreshPinnedReadout();
    update();
    emit cursorPinned(true);
}

void LinePlot::unpinCursor()
{
    if (!m_pinned)
        return;
    m_pinned.reset();
    m_readout->hide();
    update();
    emit cursorPinned(false);
}

std::vector<LinePlot::HoverRow> LinePlot::pinnedRows() const
{
    return m_pinned ? rowsAt(m_pinned->x(), m_pinned->y()) : std::vector<HoverRow> {};
}

QString LinePlot::readoutText() const
{
    const std::vector<HoverRow> rows = pinnedRows();
    const QString where = tr("Pinned at %1").arg(describeX(m_options.xAxis, m_pinned->x()));
    return QStringLiteral("<b>%1</b>").arg(where.toHtmlEscaped())
        + (rows.empty() ? QStringLiteral("<br>") + tr("No data") : rowsTable(rows, false));
}

void LinePlot::refreshPinnedReadout()
{
    m_readout->setText(readoutText());
    m_readout->adjustSize();
    // Beside the pinned line, on the side with more room, inside the plot.
    const QRectF plot = layout().plot;
    const double lineX = pixelAtX(m_pinned->x());
    const bool right = lineX < plot.center().x();
    const double x = right ? lineX + 6 : lineX - 6 - m_readout->width();
    const double maxX = std::max(plot.left(), plot.right() - m_readout->width());
    m_readout->move(int(std::clamp(x, plot.left(), maxX)), int(plot.top()) + 2);
    m_readout->show();
}

void LinePlot::paintEvent(QPaintEvent*)
{
    const Layout& l = layout();
    QPainter painter(this);
    const QColor background = palette().color(QPalette::Base);
    painter.fillRect(rect(), background);

    const QColor text = palette().color(QPalette::Text);
    QColor frame = text;
    frame.setAlphaF(0.35);
    const QColor grid = over(background, text, 0.12);
    const QFontMetrics metrics = fontMetrics();
    // Grid lines and the frame as whole opaque pixel rows and columns.
    const QRect plotPixels = l.plot.toRect();
    for (std::size_t i = 0; i < l.yTicks.values.size(); ++i) {
        const double y = toPixel({l.x.lo, l.yTicks.values[i]}).y();
        painter.fillRect(QRect(plotPixels.left(), int(std::floor(y)), plotPixels.width(), 1), grid);
        painter.setPen(text);
        const QRectF box(0, y - metrics.height() / 2.0, l.plot.left() - 6, metrics.height());
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, l.yTicks.labels[i]);
    }
    for (std::size_t i = 0; i < l.xTicks.values.size(); ++i) {
        const double x = toPixel({l.xTicks.values[i], l.y.lo}).x();
        painter.fillRect(QRect(int(std::floor(x)), plotPixels.top(), 1, plotPixels.height()), grid);
        painter.setPen(text);
        const int width = metrics.horizontalAdvance(l.xTicks.labels[i]);
        const double left
            = std::clamp(x - width / 2.0, 0.0, std::max(0.0, double(this->width() - width)));
        painter.drawText(QPointF(left, l.plot.bottom() + 4 + metrics.ascent()), l.xTicks.labels[i]);
    }
    const QColor opaqueFrame = over(background, text, 0.35);
    const QRect f = plotPixels;
    painter.fillRect(QRect(f.left(), f.top(), f.width() + 1, 1), opaqueFrame);
    painter.fillRect(QRect(f.left(), f.top() + f.height(), f.width() + 1, 1), opaqueFrame);
    painter.fillRect(QRect(f.left(), f.top(), 1, f.height() + 1), opaqueFrame);
    painter.fillRect(QRect(f.left() + f.width(), f.top(), 1, f.height() + 1), opaqueFrame);

    painter.save();
    const QRect area = plotPixels.adjusted(-1, -1, 1, 1);
    painter.setClipRect(area);
    // On a raster device the lines go into a layer over the plot, drawn at once: a dense line
    // (decimated, more than four points per pixel column) is filled in column by column
    // (dense_line.h), the others drawn with a painter, in series order. Other devices (SVG)
    // get every line as a vector polyline.
    const bool raster = painter.paintEngine()->type() == QPaintEngine::Raster;
    const qreal dpr = painter.device()->devicePixelRatioF();
    QImage& layer = lineLayer(raster ? (QSizeF(area.size()) * dpr).toSize() : QSize());
    std::optional<QPainter> layerPainter;
    if (raster) {
        layer.setDevicePixelRatio(dpr);
        layerPainter.emplace(&layer);
        layerPainter->translate(-area.topLeft());
    }
    QPainter& target = raster ? *layerPainter : painter;
    std::vector<QPointF> devicePixels;
    std::vector<ColumnExtent> extents;
    // Smooth edges help a few lines; under hundreds of overlapping ones they cost ~4× the
    // painting time and show nothing (lantern-bench-window, 1,000 runs).
    const bool antialias = m_series.size() <= kMaxAntialiasedSeries;
    const auto draw
        = [&](const std::vector<QPointF>& pixels, const QPen& pen, bool dense, bool dots) {
              if (raster && dense) {
                  extents.assign(std::size_t(layer.width()), ColumnExtent {});
                  devicePixels.clear();
                  for (const QPointF& p : pixels) {
                      if (std::isfinite(p.x()) && std::isfinite(p.y())) {
                          devicePixels.push_back((p - area.topLeft()) * dpr);
                          continue;
                      }
                      addColumnExtents(devicePixels, extents);
                      devicePixels.clear();
                  }
                  addColumnExtents(devicePixels, extents);
                  // A cosmetic pen is one device pixel wide, others scale with the screen.
                  fillColumnExtents(layer, extents, pen.color(),
                      pen.isCosmetic() ? 1.0 : std::max(1.0, pen.widthF()) * dpr);
                  return;
              }
              target.setPen(pen);
              target.setRenderHint(QPainter::Antialiasing, antialias);
              drawBrokenLine(target, pixels, dots);
          };
    const bool smoothing = m_options.smoothing > 0;
    bool anyData = false;
    for (const SeriesState& state : m_series) {
        if (state.input.data.empty())
            continue;
        anyData = true;
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
            draw(state.rawPixels, rawPen, dense, false);
            draw(state.smoothPixels, linePen, dense, dots);
        } else {
            draw(state.rawPixels, linePen, dense, dots);
        }
    }
    if (layerPainter) {
        layerPainter->end();
        painter.drawImage(area.topLeft(), layer);
    }
    if (m_hover && l.plot.contains(*m_hover) && !m_dragging) {
        QColor cursor = text;
        cursor.setAlphaF(0.5);
        painter.setPen(QPen(cursor, 1, Qt::DashLine));
        painter.drawLine(
            QPointF(m_hover->x(), l.plot.top()), QPointF(m_hover->x(), l.plot.bottom()));
    }
    if (m_pinned) {
        const double x = pixelAtX(m_pinned->x());
        painter.setPen(QPen(text, 1));
        painter.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
    }
    painter.restore();

    if (!anyData) {
        painter.setPen(frame);
        painter.drawText(l.plot, Qt::AlignCenter, tr("No data"));
    }
    if (m_dragging) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlphaF(0.2);
        painter.setPen(palette().color(QPalette::Highlight));
        painter.setBrush(fill);
        painter.drawRect(QRectF(QRect(m_dragStart, m_dragCurrent).normalized()));
    }
}

void LinePlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

void LinePlot::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton || !layout().plot.contains(pos)) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_dragStart = m_dragCurrent = pos;
    QToolTip::hideText();
    update();
}

void LinePlot::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_dragging) {
        const QRectF plot = layout().plot;
        m_dragCurrent = QPoint(int(std::clamp(pos.x(), plot.left(), plot.right())),
            int(std::clamp(pos.y(), plot.top(), plot.bottom())));
        update();
        return;
    }
    if (layout().plot.contains(pos)) {
        m_hover = pos;
        const QString text = tooltipText(pos);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint() + QPoint(16, 16), text, this);
    } else {
        m_hover.reset();
        QToolTip::hideText();
    }
    update();
}

void LinePlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    const QRect box = QRect(m_dragStart, m_dragCurrent).normalized();
    if (box.width() < kMinDragPixels && box.height() < kMinDragPixels) {
        // A click, not a drag: pin the cursor there, or let go of the pinned one.
        if (m_pinned)
            unpinCursor();
        else
            pinCursor(m_dragStart);
    } else if (box.width() >= kMinDragPixels) {
        const Layout& l = layout();
        const Range x {xAtPixel(box.left()), xAtPixel(box.right())};
        std::optional<Range> y = m_yZoom;
        if (box.height() >= kMinDragPixels) {
            auto yAt = [&](double py) {
                return l.y.lo + (l.plot.bottom() - py) / l.plot.height() * l.y.span();
            };
            y = Range {yAt(box.bottom()), yAt(box.top())};
        }
        zoomTo(x, y);
    }
    update();
}

void LinePlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        unpinCursor(); // the double click's first click pinned it
        resetZoom();
    }
}

void LinePlot::wheelEvent(QWheelEvent* event)
{
    const Layout& l = layout();
    const QPointF pos = event->position();
    const int delta = event->angleDelta().y();
    if (delta == 0 || !l.plot.contains(pos)) {
        event->ignore();
        return;
    }
    // One notch (120) zooms in by √2, around the point under the cursor.
    const double factor = std::pow(2.0, -delta / 240.0);
    const double cx = xAtPixel(pos.x());
    const Range x {cx - (cx - l.x.lo) * factor, cx + (l.x.hi - cx) * factor};
    std::optional<Range> y = m_yZoom;
    if (y) {
        const double cy = l.y.lo + (l.plot.bottom() - pos.y()) / l.plot.height() * l.y.span();
        y = Range {cy - (cy - l.y.lo) * factor, cy + (l.y.hi - cy) * factor};
    }
    zoomTo(x, y);
    event->accept();
}

void LinePlot::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_pinned) {
        unpinCursor();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void LinePlot::leaveEvent(QEvent* event)
{
    m_hover.reset();
    QToolTip::hideText();
    update();
    QWidget::leaveEvent(event);
}

} // namespace lantern::ui
