#include "ui/dashboards/dashboard_registry.h"

#include "ui/dashboards/audio/audio_dashboard.h"
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
#include "ui/widgets/selected_step.h"

namespace lantern::ui {

std::vector<Dashboard*> createDashboards(const DashboardServices& services, QWidget* parent)
{
    RunListModel* runs = services.runs;
    // Linked time: the step selected on Scalars, which Images and Histograms follow.
    auto* selectedStep = new SelectedStep(parent);
    auto* scalars = new ScalarsDashboard(runs, parent);
    scalars->publishSelectedStep(selectedStep);
    auto* images = new ImagesDashboard(runs, parent, services.reader);
    images->followSelectedStep(selectedStep);
    auto* histograms = new HistogramsDashboard(runs, parent);
    histograms->followSelectedStep(selectedStep);
    return {
        scalars,
        images,
        new AudioDashboard(runs, parent, services.reader),
        histograms,
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
