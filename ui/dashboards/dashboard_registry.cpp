#include "ui/dashboards/dashboard_registry.h"

#include "ui/dashboards/distributions/distributions_dashboard.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"
#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/dashboards/hparams/hparams_dashboard.h"
#include "ui/dashboards/images/images_dashboard.h"
#include "ui/dashboards/pr_curves/pr_curves_dashboard.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/runs/runs_dashboard.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/dashboards/text/text_dashboard.h"

namespace lantern::ui {

std::vector<Dashboard*> createDashboards(const DashboardServices& services, QWidget* parent)
{
    RunListModel* runs = services.runs;
    return {
        new ScalarsDashboard(runs, parent),
        new ImagesDashboard(runs, parent, services.reader),
        new HistogramsDashboard(runs, parent),
        new DistributionsDashboard(runs, parent),
        new GraphsDashboard(parent, services.reader),
        new TextDashboard(runs, parent),
        new PrCurvesDashboard(runs, parent),
        new HParamsDashboard(runs, parent),
        new ProjectorDashboard(parent, services.reader),
        new RunsDashboard(runs, parent),
    };
}

} // namespace lantern::ui
