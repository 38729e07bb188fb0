#include "ui/dashboards/distributions/distributions_dashboard.h"

#include "core/export/histogram_csv.h"

namespace lantern::ui {

DistributionsDashboard::DistributionsDashboard(RunListModel* runs, QWidget* parent)
    : HistogramCardsDashboard(runs, QStringLiteral("distribution"), tr("X axis"), parent)
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

QString DistributionsDashboard::dataMenuText() const
{
    return tr("Save percentiles as CSV…");
}

std::string DistributionsDashboard::dataCsv(const std::string& run, const std::string& tag,
    const HistogramSeriesPlot::Entries& entries) const
{
    std::string csv = core::distributionCsvHeader();
    core::appendDistributionCsv(csv, run, tag, entries);
    return csv;
}

} // namespace lantern::ui
