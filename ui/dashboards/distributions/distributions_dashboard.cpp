#include "ui/dashboards/distributions/distributions_dashboard.h"

#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/widgets/run_list_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace lantern::ui {

DistributionsDashboard::DistributionsDashboard(RunListModel* runs, QWidget* parent)
    : QWidget(parent)
    , m_runs(runs)
{
    setObjectName(QStringLiteral("distributions")); // the main window's tab key
    m_axis = new QComboBox(this);
    m_axis->setObjectName(QStringLiteral("distributionAxis"));
    m_axis->addItem(tr("Step"), int(StepAxis::Step));
    m_axis->addItem(tr("Relative"), int(StepAxis::Relative));
    m_axis->addItem(tr("Wall"), int(StepAxis::WallTime));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("X axis"), this));
    controls->addWidget(m_axis);
    controls->addStretch(1);

    m_grid = new HistogramCardGrid(
        [this](QWidget* cardFrame) {
            auto* plot = new DistributionPlot(cardFrame);
            plot->setOptions(m_options);
            return plot;
        },
        [](QWidget* plot, const HistogramCardGrid::CardSpec& card) {
            static_cast<DistributionPlot*>(plot)->setEntries(card.data->histograms, card.color);
        },
        this);
    m_grid->setObjectName(QStringLiteral("distributionCards"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);

    connect(m_axis, &QComboBox::currentIndexChanged, this, &DistributionsDashboard::applyOptions);
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &DistributionsDashboard::rebuild);
    rebuild();
}

void DistributionsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void DistributionsDashboard::rebuild()
{
    m_grid->setCards(histogramCards(m_snapshot.get(), m_runs));
    m_grid->setEmptyText(!m_snapshot || m_snapshot->runs.empty()
            ? tr("No runs loaded.")
            : tr("The checked runs have no histograms."));
}

void DistributionsDashboard::applyOptions()
{
    m_options.axis = StepAxis(m_axis->currentData().toInt());
    m_grid->forEachPlot(
        [this](QWidget* plot) { static_cast<DistributionPlot*>(plot)->setOptions(m_options); });
}

DistributionPlot* DistributionsDashboard::plot(const QString& tag, const QString& run) const
{
    return static_cast<DistributionPlot*>(m_grid->plot(tag, run));
}

} // namespace lantern::ui
