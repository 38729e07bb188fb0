#include "ui/widgets/histogram_series_plot.h"

#include <QFutureWatcher>
#include <QMouseEvent>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace lantern::ui {

HistogramSeriesPlot::HistogramSeriesPlot(std::shared_ptr<const Summary> empty, QWidget* parent)
    : QWidget(parent)
    , m_summary(std::move(empty))
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
    m_watcher = new QFutureWatcher<std::shared_ptr<const Summary>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &HistogramSeriesPlot::summaryFinished);
}

// A summary still running keeps only its own copies (the snapshot and the captured
// parameters), so the plot can go away without waiting for it.
HistogramSeriesPlot::~HistogramSeriesPlot() = default;

void HistogramSeriesPlot::setEntries(const Entries& entries, const QColor& color)
{
    m_color = color;
    const Key key {entries.generation(), entries.size(), summaryVariant()};
    if (key == m_wantedKey || key == m_shownKey) { // a summary underway is then dropped
        m_wantedKey = key;
        m_wanted.reset();
        update();
        return;
    }
    m_wantedKey = key;
    m_wanted = entries;
    if (!m_runningKey)
        startSummary();
    update(); // "Computing…" when there is nothing older to show
}

void HistogramSeriesPlot::startSummary()
{
    m_runningKey = m_wantedKey;
    m_watcher->setFuture(QtConcurrent::run(summarizer(), std::move(*m_wanted)));
    m_wanted.reset();
}

void HistogramSeriesPlot::summaryFinished()
{
    const Key finished = *m_runningKey;
    m_runningKey.reset();
    if (!(finished == m_wantedKey)) { // the series changed meanwhile: summarise the newest
        if (m_wanted)
            startSummary();
        return;
    }
    m_summary = m_watcher->result();
    m_shownKey = finished;
    clearHover();
    update();
    emit summaryUpdated();
}

bool HistogramSeriesPlot::isComputing() const
{
    return !(m_shownKey == m_wantedKey);
}

void HistogramSeriesPlot::readSteps(const Entries& entries, Summary& summary)
{
    summary.steps.resize(entries.size());
    summary.wallTimes.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        summary.steps[i] = entries[i].step;
        summary.wallTimes[i] = entries[i].wallTime;
    }
}

void HistogramSeriesPlot::setOptions(const Options& options)
{
    m_options = options;
    clearHover();
    update();
}

std::pair<std::size_t, std::size_t> HistogramSeriesPlot::visibleSteps() const
{
    const std::vector<std::int64_t>& steps = m_summary->steps;
    const auto first = std::lower_bound(steps.begin(), steps.end(), m_options.steps.first);
    const auto last = std::upper_bound(first, steps.end(), m_options.steps.last);
    return {std::size_t(first - steps.begin()), std::size_t(last - steps.begin())};
}

double HistogramSeriesPlot::offsetOf(std::size_t index) const
{
    const Summary& s = *m_summary;
    return stepAxisValue(m_options.axis, s.steps[index], s.wallTimes[index],
        s.wallTimes.empty() ? 0 : s.wallTimes[0]);
}

QString HistogramSeriesPlot::placeholderText() const
{
    if (stepCount() == 0)
        return isComputing() ? tr("Computing…") : tr("No histograms");
    const auto [first, last] = visibleSteps();
    if (first == last)
        return tr("No steps in the chosen range");
    return tr("No finite values to draw"); // every bucket NaN, infinite or empty
}

void HistogramSeriesPlot::drawPlaceholder(QPainter& painter, const QRect& target) const
{
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(target, Qt::AlignCenter, placeholderText());
}

void HistogramSeriesPlot::hoverAt(const QPointF& position)
{
    clearHover();
    describeHover(position);
    setToolTip(m_hoverText);
    update();
}

void HistogramSeriesPlot::clearHover()
{
    m_hovered.reset();
    m_hoverText.clear();
}

void HistogramSeriesPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

void HistogramSeriesPlot::mouseMoveEvent(QMouseEvent* event)
{
    hoverAt(event->position());
}

void HistogramSeriesPlot::leaveEvent(QEvent*)
{
    clearHover();
    update();
}

} // namespace lantern::ui
