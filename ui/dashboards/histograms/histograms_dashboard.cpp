#include "ui/dashboards/histograms/histograms_dashboard.h"

#include "core/export/histogram_csv.h"
#include "ui/widgets/histogram_card_grid.h"
#include "ui/widgets/selected_step.h"

#include <QComboBox>

namespace lantern::ui {

HistogramsDashboard::HistogramsDashboard(RunListModel* runs, QWidget* parent)
    : HistogramCardsDashboard(runs, QStringLiteral("histogram"), tr("Offset axis"),
        {tr("Save buckets as CSV…"), core::histogramBucketsCsvHeader,
            core::appendHistogramBucketsCsv},
        parent)
{
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("histogramMode"));
    m_mode->addItem(tr("Offset"), int(HistogramMode::Offset));
    m_mode->addItem(tr("Overlay"), int(HistogramMode::Overlay));
    addControl(tr("Mode"), m_mode);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        HistogramPlotOptions changed = options();
        changed.mode = HistogramMode(m_mode->currentData().toInt());
        setOptions(changed);
    });
}

HistogramSeriesPlot* HistogramsDashboard::createPlot(QWidget* parent) const
{
    auto* plot = new HistogramPlot(parent);
    plot->setMarkedStep(m_markedStep);
    return plot;
}

void HistogramsDashboard::followSelectedStep(SelectedStep* selected)
{
    connect(selected, &SelectedStep::changed, this,
        [this](const std::optional<StepSelection>& selection) {
            m_markedStep = selection ? std::optional(selection->lo) : std::nullopt;
            grid()->forEachPlot([this](HistogramSeriesPlot* plot) {
                static_cast<HistogramPlot*>(plot)->setMarkedStep(m_markedStep);
            });
        });
}

HistogramPlot* HistogramsDashboard::plot(const QString& tag, const QString& run) const
{
    return static_cast<HistogramPlot*>(grid()->plot(tag, run));
}

} // namespace lantern::ui
