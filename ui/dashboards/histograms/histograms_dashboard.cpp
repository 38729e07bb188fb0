#include "ui/dashboards/histograms/histograms_dashboard.h"

#include "ui/widgets/run_list_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace lantern::ui {

std::vector<HistogramCardGrid::CardSpec> histogramCards(
    const core::LogdirSnapshot* snapshot, const RunListModel* runs)
{
    std::vector<HistogramCardGrid::CardSpec> cards;
    if (!snapshot)
        return cards;
    for (const auto& run : snapshot->runs) {
        const QString name = QString::fromStdString(run->name);
        if (runs && !runs->isChecked(name))
            continue;
        const QColor color = runs ? runs->color(name) : RunListModel::defaultColor(name);
        for (const core::TagSnapshot& tag : run->tags)
            if (tag.kind == core::ValueKind::Histogram && !tag.histograms.empty())
                cards.push_back({QString::fromStdString(tag.tag), name, color, &tag});
    }
    return cards;
}

HistogramsDashboard::HistogramsDashboard(RunListModel* runs, QWidget* parent)
    : QWidget(parent)
    , m_runs(runs)
{
    setObjectName(QStringLiteral("histograms")); // the main window's tab key
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("histogramMode"));
    m_mode->addItem(tr("Offset"), int(HistogramMode::Offset));
    m_mode->addItem(tr("Overlay"), int(HistogramMode::Overlay));
    m_axis = new QComboBox(this);
    m_axis->setObjectName(QStringLiteral("histogramAxis"));
    m_axis->addItem(tr("Step"), int(StepAxis::Step));
    m_axis->addItem(tr("Relative"), int(StepAxis::Relative));
    m_axis->addItem(tr("Wall"), int(StepAxis::WallTime));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Mode"), this));
    controls->addWidget(m_mode);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Offset axis"), this));
    controls->addWidget(m_axis);
    controls->addStretch(1);

    m_grid = new HistogramCardGrid(
        [this](QWidget* cardFrame) {
            auto* plot = new HistogramPlot(cardFrame);
            plot->setOptions(m_options);
            return plot;
        },
        [](QWidget* plot, const HistogramCardGrid::CardSpec& card) {
            static_cast<HistogramPlot*>(plot)->setEntries(card.data->histograms, card.color);
        },
        this);
    m_grid->setObjectName(QStringLiteral("histogramCards"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &HistogramsDashboard::applyOptions);
    connect(m_axis, &QComboBox::currentIndexChanged, this, &HistogramsDashboard::applyOptions);
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &HistogramsDashboard::rebuild);
    rebuild();
}

void HistogramsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void HistogramsDashboard::rebuild()
{
    m_grid->setCards(histogramCards(m_snapshot.get(), m_runs));
    m_grid->setEmptyText(!m_snapshot || m_snapshot->runs.empty()
            ? tr("No runs loaded.")
            : tr("The checked runs have no histograms."));
}

void HistogramsDashboard::applyOptions()
{
    m_options.mode = HistogramMode(m_mode->currentData().toInt());
    m_options.axis = StepAxis(m_axis->currentData().toInt());
    m_grid->forEachPlot(
        [this](QWidget* plot) { static_cast<HistogramPlot*>(plot)->setOptions(m_options); });
}

HistogramPlot* HistogramsDashboard::plot(const QString& tag, const QString& run) const
{
    return static_cast<HistogramPlot*>(m_grid->plot(tag, run));
}

} // namespace lantern::ui
