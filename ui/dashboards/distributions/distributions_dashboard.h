#pragma once
// The Distributions tab: one card per histogram tag and checked run, each a DistributionPlot
// of the nine basis-point values per step against step, relative or wall time. A card's data
// export is those values, one row per step.

#include "ui/dashboards/histogram_cards/histogram_cards_dashboard.h"
#include "ui/widgets/distribution_plot.h"

namespace lantern::ui {

class DistributionsDashboard : public HistogramCardsDashboard {
    Q_OBJECT
public:
    explicit DistributionsDashboard(RunListModel* runs, QWidget* parent = nullptr);

    QString key() const override { return QStringLiteral("distributions"); }
    QString title() const override { return tr("Distributions"); }
    DistributionPlot* plot(const QString& tag, const QString& run) const;

protected:
    HistogramSeriesPlot* createPlot(QWidget* parent) const override;
};

} // namespace lantern::ui
