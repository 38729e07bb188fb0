#include "ui/widgets/histogram_series_plot.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace lantern::ui {

HistogramSeriesPlot::HistogramSeriesPlot(std::shared_ptr<const Summary> empty, QWidget* parent)
    : QWidget(parent)
    , m_summary(std::move(empty))
    , m_summarizing([this](std::shared_ptr<const Summary> summary) { showSummary(summary); })
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
}

HistogramSeriesPlot::~HistogramSeriesPlot() = default;

void HistogramSeriesPlot::setEntries(const Entries& entries, const QColor& color)
{
    ++m_entriesUpdates;
    m_color = color;
    const Key key {entries.generation(), entries.size(), summaryVariant()};
    if (key == m_shownKey) {
        m_summarizing.cancel(); // a summary underway is of a series since replaced
        m_wantedKey = key;
        update();
        return;
    }
    if (key == m_wantedKey) { // underway
        update();
        return;
    }
    m_wantedKey = key;
    m_summarizing.run([summarize = summarizer(), entries] { return summarize(entries); });
    update(); // "Computing…" when there is nothing older to show
}

void HistogramSeriesPlot::showSummary(std::shared_ptr<const Summary> summary)
{
    m_summary = std::move(summary);
    m_shownKey = m_wantedKey;
    clearHover();
    update();
    emit summaryUpdated();
}

bool HistogramSeriesPlot::isComputing() const
{
    return !(m_shownKey == m_wantedKey);
}

std::vector<std::size_t> HistogramSeriesPlot::readSteps(const Entries& entries, Summary& summary)
{
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (!entries.stepsSorted())
        std::stable_sort(order.begin(), order.end(),
            [&entries](std::size_t a, std::size_t b) { return entries[a].step < entries[b].step; });
    summary.steps.resize(entries.size());
    summary.wallTimes.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        summary.steps[i] = entries[order[i]].step;
        summary.wallTimes[i] = entries[order[i]].wallTime;
    }
    return order;
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
