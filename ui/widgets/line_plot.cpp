#include "ui/widgets/line_plot.h"

#include "ui/widgets/line_layer.h"
#include "ui/widgets/plot_workers.h"

#include <QKeyEvent>
#include <QLabel>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr int kMinDragPixels = 5;

} // namespace

LinePlot::LinePlot(QWidget* parent)
    // Any move draws the zoom box (or pans); a box under kMinDragPixels is still a click.
    : InteractivePlot(0, parent)
    // Waits when the plot goes: the job's font copy is not to outlive the application.
    , m_layoutJob(
          [this](VersionedLayout done) { layoutJobFinished(std::move(done.layout), done.version); },
          &plotWorkers(), LatestJobRunner::OnDestroy::Wait)
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
    m_background = new BackgroundLineLayer(this);
    connect(m_background, &BackgroundLineLayer::layerReady, this, qOverload<>(&QWidget::update));
    // A layout superseded while it was computed is still newer than the one shown: show it.
    m_layoutJob.setSupersededHandler([this](VersionedLayout done) {
        adopt(std::move(done.layout), done.version);
        update();
    });
}

LinePlot::~LinePlot() = default;

void LinePlot::setSeries(std::vector<Series> series)
{
    ++m_seriesUpdates;
    const std::vector<Series>& was = *m_series;
    bool changed = series.size() != was.size();
    for (std::size_t i = 0; i < series.size(); ++i) {
        auto old = i < was.size() && was[i].name == series[i].name
            ? was.begin() + std::ptrdiff_t(i)
            : std::find_if(
                was.begin(), was.end(), [&](const Series& s) { return s.name == series[i].name; });
        if (old == was.end()) {
            changed = true;
            continue;
        }
        changed = changed || old - was.begin() != std::ptrdiff_t(i) || old->color != series[i].color
            || old->style != series[i].style
            || old->data.generation() != series[i].data.generation();
        const core::ScalarSnapshot& before = old->data;
        const core::ScalarSnapshot& now = series[i].data;
        m_live = m_live
            || (now.size() > before.size() && !before.empty()
                && now.removals() == before.removals());
    }
    m_series = std::make_shared<const std::vector<Series>>(std::move(series));
    if (changed)
        invalidate();
}

void LinePlot::setBackgroundRendering(bool on)
{
    m_backgroundRendering = on;
    update();
}

bool LinePlot::isRendering() const
{
    return m_layoutJob.isBusy() || m_background->isBusy();
}

void LinePlot::waitForRendering()
{
    if (!usesBackground())
        return;
    // The worker's layout and lines, waited for rather than computed again here.
    if (m_layoutVersion != m_inputVersion)
        startLayoutJob(); // unless asked for already
    m_layoutJob.waitForLatest(); // taking it asks for its lines
    m_background->layerFor(m_layout->lines, devicePixelRatioF()); // unless asked for already
    m_background->waitForLayer();
}

std::vector<LinePlot::Series> LinePlot::allSeries() const
{
    return *m_series;
}

std::size_t LinePlot::seriesCount() const
{
    return m_series->size();
}

const LinePlot::Series& LinePlot::series(std::size_t index) const
{
    return m_series->at(index);
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

std::vector<double> LinePlot::yTickValues() const
{
    return layout().yTicks.values;
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
}

double LinePlot::xAtPixel(double px) const
{
    return shownLayout().xAtPixel(px);
}

double LinePlot::pixelAtX(double x) const
{
    return shownLayout().pixelAtX(x);
}

std::size_t LinePlot::drawnPointCount() const
{
    return layout().pointCount;
}

std::vector<QPointF> LinePlot::drawnPoints(std::size_t series, bool smoothed) const
{
    return plotPoints(layout(), series, smoothed);
}

void LinePlot::invalidate()
{
    ++m_inputVersion;
    update();
    // A plot of many runs refreshes the readout when its next layout arrives.
    if (m_pinned && !usesBackground())
        refreshPinnedReadout();
}

bool LinePlot::usesBackground() const
{
    return m_backgroundRendering && drawsManyRuns(m_series->size());
}

const LineLayout& LinePlot::layout() const
{
    if (m_layoutVersion != m_inputVersion)
        adopt(layOutLines(*m_series, view(), m_layout.get()), m_inputVersion);
    return *m_layout;
}

const LineLayout& LinePlot::shownLayout() const
{
    return usesBackground() && m_layout ? *m_layout : layout();
}

LineView LinePlot::view() const
{
    LineView view;
    view.rect = rect();
    // A font of its own: fonts share state that is not thread-safe between copies.
    view.font.fromString(font().toString());
    view.options = m_options;
    view.xZoom = m_xZoom;
    view.yZoom = m_yZoom;
    view.xLimits = xLimits();
    view.yLimits = m_yLimits;
    view.live = m_live;
    view.leftMargin = m_layout ? m_layout->leftMargin : 0;
    return view;
}

void LinePlot::adopt(std::shared_ptr<const LineLayout> layout, std::uint64_t version) const
{
    if (m_layout && version <= m_layoutVersion)
        return; // a newer one is shown already
    m_layout = std::move(layout);
    m_layoutVersion = version;
}

void LinePlot::startLayoutJob()
{
    if (m_layoutJob.isBusy() && m_jobVersion == m_inputVersion)
        return; // asked for already
    m_jobVersion = m_inputVersion;
    m_layoutJob.run(
        [series = m_series, view = view(), previous = m_layout, version = m_jobVersion] {
            return VersionedLayout {layOutLines(*series, view, previous.get()), version};
        });
}

void LinePlot::layoutJobFinished(std::shared_ptr<const LineLayout> layout, std::uint64_t version)
{
    adopt(std::move(layout), version);
    if (m_layoutVersion == m_inputVersion)
        m_background->layerFor(m_layout->lines, devicePixelRatioF()); // no wait for a paint
    if (m_pinned)
        refreshPinnedReadout();
    update();
}

void LinePlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

bool LinePlot::pressed(const Press& press)
{
    const QPoint pos = press.position.toPoint();
    const bool pan = press.button == Qt::MiddleButton
        || (press.button == Qt::LeftButton && (press.modifiers & Qt::ShiftModifier));
    if (!shownLayout().plot.contains(pos) || !(pan || press.button == Qt::LeftButton))
        return false;
    QToolTip::hideText();
    if (pan) {
        m_pan = Pan {press.position, shownLayout().x, shownLayout().y};
        setCursor(Qt::ClosedHandCursor);
        return true;
    }
    m_boxing = true;
    m_dragStart = m_dragCurrent = pos;
    update();
    return true;
}

void LinePlot::dragged(const Press&, QPointF, QPointF to)
{
    const QRectF plot = shownLayout().plot;
    if (m_pan) {
        // The point grabbed stays under the cursor: the view moves with it, on both axes.
        const double dx = (to.x() - m_pan->start.x()) / plot.width() * m_pan->x.span();
        const double dy = (to.y() - m_pan->start.y()) / plot.height() * m_pan->y.span();
        zoomTo({m_pan->x.lo - dx, m_pan->x.hi - dx}, Range {m_pan->y.lo + dy, m_pan->y.hi + dy});
        return;
    }
    m_dragCurrent = QPoint(int(std::clamp(to.x(), plot.left(), plot.right())),
        int(std::clamp(to.y(), plot.top(), plot.bottom())));
    update();
}

void LinePlot::hovered(std::optional<QPointF> at)
{
    if (at && shownLayout().plot.contains(*at)) {
        m_hover = at;
        const QString text = tooltipText(*at);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(mapToGlobal(*at).toPoint() + QPoint(16, 16), text, this);
    } else {
        m_hover.reset();
        QToolTip::hideText();
    }
    update();
}

void LinePlot::released(const Press&, QPointF, bool)
{
    if (m_pan) {
        m_pan.reset();
        unsetCursor();
        return;
    }
    m_boxing = false;
    const QRect box = QRect(m_dragStart, m_dragCurrent).normalized();
    if (box.width() < kMinDragPixels && box.height() < kMinDragPixels) {
        // A click, not a drag: pin the cursor there, or let go of the pinned one.
        if (m_pinned)
            unpinCursor();
        else
            pinCursor(m_dragStart);
    } else if (box.width() >= kMinDragPixels) {
        const LineLayout& l = shownLayout();
        const Range x {xAtPixel(box.left()), xAtPixel(box.right())};
        std::optional<Range> y = m_yZoom;
        if (box.height() >= kMinDragPixels) {
            auto yAt = [&](double py) { return l.y.at((l.plot.bottom() - py) / l.plot.height()); };
            y = Range {yAt(box.bottom()), yAt(box.top())};
        }
        zoomTo(x, y);
    }
    update();
}

void LinePlot::doubleClicked(QPointF, Qt::MouseButton button)
{
    if (button == Qt::LeftButton) {
        m_boxing = false;
        unpinCursor(); // the double click's first click pinned it
        resetZoom();
    }
}

bool LinePlot::wheelTurned(QPointF at, int angleDelta)
{
    const LineLayout& l = shownLayout();
    if (angleDelta == 0 || !l.plot.contains(at))
        return false;
    // One notch (120) zooms in by √2, around the point under the cursor.
    const double factor = std::pow(2.0, -angleDelta / 240.0);
    const double cx = xAtPixel(at.x());
    const Range x {cx - (cx - l.x.lo) * factor, cx + (l.x.hi - cx) * factor};
    std::optional<Range> y = m_yZoom;
    if (y) {
        const double cy = l.y.at((l.plot.bottom() - at.y()) / l.plot.height());
        y = Range {cy - (cy - l.y.lo) * factor, cy + (l.y.hi - cy) * factor};
    }
    zoomTo(x, y);
    return true;
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

} // namespace lantern::ui
