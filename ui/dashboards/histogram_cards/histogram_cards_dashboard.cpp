#include "ui/dashboards/histogram_cards/histogram_cards_dashboard.h"

#include "ui/widgets/card_export_menu.h"
#include "ui/widgets/checked_series.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/step_range_bar.h"
#include "ui/widgets/tag_filter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {

HistogramCardsDashboard::HistogramCardsDashboard(RunListModel* runs, const QString& name,
    const QString& axisLabel, DataExport dataExport, QWidget* parent)
    : SeriesDashboard(core::ValueKind::Histogram, parent)
    , m_runs(runs)
    , m_dataExport(std::move(dataExport))
    , m_choosePath(exportPathDialog(this))
{
    setObjectName(name + QLatin1Char('s')); // the main window's tab key
    m_filter = createTagFilter(this, name + QStringLiteral("TagFilter"));
    m_axis = new QComboBox(this);
    m_axis->setObjectName(name + QStringLiteral("Axis"));
    m_axis->addItem(tr("Step"), int(StepAxis::Step));
    m_axis->addItem(tr("Relative"), int(StepAxis::Relative));
    m_axis->addItem(tr("Wall"), int(StepAxis::WallTime));
    m_stepRange = new StepRangeBar(this);
    m_stepRange->setObjectName(name + QStringLiteral("StepRange"));

    m_controls = new QHBoxLayout;
    m_controls->addWidget(m_filter, 1);
    m_controls->addSpacing(12);
    m_controlSlot = m_controls->count();
    m_controls->addWidget(new QLabel(axisLabel, this));
    m_controls->addWidget(m_axis);
    m_controls->addSpacing(12);
    m_controls->addWidget(m_stepRange);

    m_grid = new HistogramCardGrid(
        [this](QWidget* cardFrame) {
            HistogramSeriesPlot* plot = createPlot(cardFrame);
            plot->setOptions(m_options);
            return plot;
        },
        [this](QMenu* menu, const QString& tag, const QString& run) { fillMenu(menu, tag, run); },
        this);
    m_grid->setObjectName(name + QStringLiteral("Cards"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_controls);
    layout->addWidget(m_grid, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &HistogramCardsDashboard::rebuild);
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this] {
        HistogramPlotOptions options = m_options;
        options.axis = StepAxis(m_axis->currentData().toInt());
        setOptions(options);
    });
    connect(m_stepRange, &StepRangeBar::rangeChanged, this, [this](const StepRange& range) {
        HistogramPlotOptions options = m_options;
        options.steps = range;
        setOptions(options);
    });
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &HistogramCardsDashboard::rebuild);
    rebuild();
}

void HistogramCardsDashboard::addControl(const QString& label, QWidget* control)
{
    m_controls->insertWidget(m_controlSlot++, new QLabel(label, this));
    m_controls->insertWidget(m_controlSlot++, control);
    m_controls->insertSpacing(m_controlSlot++, 12);
}

void HistogramCardsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void HistogramCardsDashboard::rebuild()
{
    const QRegularExpression filter = readTagFilter(m_filter);
    const std::vector<HistogramCardGrid::CardSpec> cards
        = checkedSeries(m_snapshot.get(), m_runs, filter, core::ValueKind::Histogram);
    m_grid->setCards(cards);
    m_grid->setEmptyText(emptyCardsText(
        m_snapshot.get(), filter, tr("histogram"), tr("The checked runs have no histograms.")));
    updateExtent(cards, false);
}

void HistogramCardsDashboard::applyChange(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_snapshot = snapshot;
    const QRegularExpression filter = readTagFilter(m_filter);
    std::vector<HistogramCardGrid::CardSpec> changed;
    const bool cardsKept = updateChangedCards(*m_grid, *snapshot, m_runs, filter,
        core::ValueKind::Histogram, change, [&changed](QWidget* body, const CheckedSeries& series) {
            static_cast<HistogramSeriesPlot*>(body)->setEntries(
                series.data->histograms, series.color);
            changed.push_back(series);
        });
    if (!cardsKept) {
        rebuild();
        return;
    }
    // Points only added: the steps shown only spread. Otherwise some may have gone.
    if (change.appendsOnly)
        updateExtent(changed, true);
    else
        updateExtent(
            checkedSeries(m_snapshot.get(), m_runs, filter, core::ValueKind::Histogram), false);
}

void HistogramCardsDashboard::updateExtent(
    const std::vector<HistogramCardGrid::CardSpec>& cards, bool widen)
{
    std::optional<std::pair<std::int64_t, std::int64_t>> extent;
    if (widen)
        extent = m_extent;
    for (const HistogramCardGrid::CardSpec& card : cards) {
        // Not the first and last entries: kept as written, steps may go back.
        const auto& entries = card.data->histograms;
        const std::int64_t first = entries.minStep(), last = entries.maxStep();
        extent = extent ? std::pair(std::min(extent->first, first), std::max(extent->second, last))
                        : std::pair(first, last);
    }
    if (extent == m_extent && widen)
        return;
    m_extent = extent;
    m_stepRange->setExtent(extent);
}

void HistogramCardsDashboard::setOptions(const HistogramPlotOptions& options)
{
    m_options = options;
    m_grid->forEachPlot([this](HistogramSeriesPlot* plot) { plot->setOptions(m_options); });
}

bool HistogramCardsDashboard::isComputing() const
{
    bool computing = false;
    m_grid->forEachPlot(
        [&computing](HistogramSeriesPlot* plot) { computing = computing || plot->isComputing(); });
    return computing;
}

void HistogramCardsDashboard::fillMenu(QMenu* menu, const QString& tag, const QString& run)
{
    addCardExportActions(menu, this, m_choosePath,
        {fileStemFor(run + QLatin1Char('_') + tag), m_dataExport.menuText,
            [this, tag, run](const QString& path, ImageFormat format) {
                return exportImage(tag, run, path, format);
            },
            [this, tag, run](const QString& path) { return exportData(tag, run, path); }});
}

bool HistogramCardsDashboard::exportImage(
    const QString& tag, const QString& run, const QString& path, ImageFormat format) const
{
    QWidget* card = m_grid->card(tag, run);
    return card && saveWidgetImage(card, path, format);
}

bool HistogramCardsDashboard::exportData(
    const QString& tag, const QString& run, const QString& path) const
{
    if (!m_grid->card(tag, run) || !m_snapshot)
        return false;
    // From the store, so every step is written, not the subset a plot draws.
    const std::string runName = run.toStdString(), tagName = tag.toStdString();
    const core::TagSnapshot* stored = nullptr;
    for (const auto& candidate : m_snapshot->runs)
        if (candidate->name == runName)
            stored = candidate->find(tagName, core::ValueKind::Histogram);
    if (!stored)
        return false;
    std::string csv = m_dataExport.header();
    m_dataExport.appendRows(csv, runName, tagName, stored->histograms);
    return writeFile(path, csv);
}

} // namespace lantern::ui
