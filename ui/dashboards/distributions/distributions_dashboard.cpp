#include "ui/dashboards/distributions/distributions_dashboard.h"

#include "core/export/histogram_csv.h"

namespace lantern::ui {

DistributionsDashboard::DistributionsDashboard(RunListModel* runs, QWidget* parent)
    : HistogramCardsDashboard(runs, QStringLiteral("distribution"), tr("X axis"),
        {tr("Save percentiles as CSV…"), core::distributionCsvHeader, core::appendDistributionCsv},
        parent)
{
}

HistogramSeriesPlot* DistributionsDashboard::createPlot(QWidget* parent) const
{
    return new DistributionPlot(parent);
}

DistributionPlot* DistributionsDashboard::plot(const QString& tag, const QString& run) const
{
    return static_cast<DistributionPlot*>(grid()->plot(tag, run));
}

} // namespace lantern::ui
