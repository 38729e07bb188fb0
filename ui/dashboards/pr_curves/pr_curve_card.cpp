#include "ui/dashboards/pr_curves/pr_curve_card.h"

#include "core/analysis/pr_curve.h"
#include "ui/dashboards/pr_curves/pr_curve_plot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

// The index of the last entry with a step at or before `step`, or nothing. Steps never
// decrease along a series.
std::optional<std::size_t> lastAtOrBefore(
    const core::EntrySnapshot<core::TensorEntry>& entries, std::int64_t step)
{
    std::size_t lo = 0, hi = entries.size(); // the first entry past `step` is in [lo, hi]
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (entries[mid].step <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? std::nullopt : std::optional<std::size_t>(lo - 1);
}

} // namespace

PrCurveCard::PrCurveCard(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new PrCurvePlot(this);
    m_plot->setObjectName(QStringLiteral("prCurvePlot"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("stepSlider"));
    m_slider->setPageStep(1);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setMinimumWidth(
        m_stepLabel->fontMetrics().horizontalAdvance(QStringLiteral("step 0000000")));

    auto* steps = new QHBoxLayout;
    steps->addWidget(m_stepLabel);
    steps->addWidget(m_slider, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_plot, 1);
    layout->addLayout(steps);

    connect(m_slider, &QSlider::valueChanged, this, &PrCurveCard::showStep);
}

std::int64_t PrCurveCard::step() const
{
    return m_steps.empty() ? 0 : m_steps[std::size_t(m_slider->value())];
}

void PrCurveCard::setSeries(std::vector<RunSeries> series)
{
    ++m_seriesUpdates;
    const bool followNewest = m_steps.empty() || m_slider->value() == m_slider->maximum();
    const std::int64_t chosen = step();
    m_series = std::move(series);
    m_steps.clear();
    for (const RunSeries& run : m_series)
        for (std::size_t i = 0; i < run.entries.size(); ++i)
            if (m_steps.empty() || m_steps.back() != run.entries[i].step)
                m_steps.push_back(run.entries[i].step);
    std::sort(m_steps.begin(), m_steps.end());
    m_steps.erase(std::unique(m_steps.begin(), m_steps.end()), m_steps.end());

    const int last = std::max(0, int(m_steps.size()) - 1);
    int index = last;
    if (!followNewest) { // the same step, or the nearest before it
        const auto after = std::upper_bound(m_steps.begin(), m_steps.end(), chosen);
        index = std::max(0, int(after - m_steps.begin()) - 1);
    }
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, last);
    m_slider->setValue(index);
    m_slider->setEnabled(m_steps.size() > 1);
    showStep();
}

void PrCurveCard::showStep()
{
    const std::int64_t chosen = step();
    m_stepLabel->setText(tr("step %1").arg(chosen));
    std::vector<PrCurvePlot::Curve> curves;
    for (const RunSeries& run : m_series) {
        const std::optional<std::size_t> index = lastAtOrBefore(run.entries, chosen);
        if (!index)
            continue;
        const core::TensorEntry& entry = run.entries[*index];
        curves.push_back(
            {run.run, run.color, entry.step, entry.wallTime, core::prCurvePoints(entry)});
    }
    m_plot->setCurves(std::move(curves));
}

} // namespace lantern::ui
