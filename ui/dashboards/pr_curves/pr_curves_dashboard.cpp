#include "ui/dashboards/pr_curves/pr_curves_dashboard.h"

#include "core/export/pr_curve_csv.h"
#include "ui/dashboards/pr_curves/pr_curve_card.h"
#include "ui/dashboards/pr_curves/pr_curve_plot.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/checked_series.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/tag_filter.h"

#include <QLineEdit>
#include <QVBoxLayout>

#include <map>
#include <set>
#include <string>

namespace lantern::ui {

PrCurvesDashboard::PrCurvesDashboard(RunListModel* runs, QWidget* parent)
    : SeriesDashboard(core::ValueKind::PrCurve, parent)
    , m_runs(runs)
    , m_choosePath(exportPathDialog(this))
{
    setObjectName(QStringLiteral("pr_curves")); // the main window's tab key
    m_filter = createTagFilter(this, QStringLiteral("prCurvesTagFilter"));
    m_grid = new CardGrid(
        [](const CardGrid::CardKey&, QWidget* card) { return new PrCurveCard(card); },
        [this](QMenu* menu, const QString& tag, const QString&) { fillMenu(menu, tag); }, this);
    m_grid->setObjectName(QStringLiteral("prCurvesCards"));
    m_grid->setCardSize(420, 380); // room for the chart, its axes and the step slider

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_grid, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &PrCurvesDashboard::rebuild);
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &PrCurvesDashboard::rebuild);
    rebuild();
}

void PrCurvesDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

PrCurveCard* PrCurvesDashboard::card(const QString& tag) const
{
    return static_cast<PrCurveCard*>(m_grid->body(tag, QString()));
}

void PrCurvesDashboard::rebuild()
{
    const QRegularExpression filter = readTagFilter(m_filter);
    // One card per tag, its runs in snapshot order.
    std::map<QString, std::vector<PrCurveCard::RunSeries>> byTag;
    for (const CheckedSeries& one :
        checkedSeries(m_snapshot.get(), m_runs, filter, core::ValueKind::PrCurve))
        byTag[one.tag].push_back({one.run, one.color, one.data->tensors});
    std::vector<CardGrid::CardKey> keys;
    for (const auto& [tag, runs] : byTag)
        keys.push_back({tag, QString(), QColor()});
    m_grid->showCards(keys);
    for (auto& [tag, runs] : byTag)
        card(tag)->setSeries(std::move(runs));
    m_grid->setEmptyText(emptyCardsText(
        m_snapshot.get(), filter, tr("PR curve"), tr("The checked runs have no PR curves.")));
}

void PrCurvesDashboard::applyChange(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_snapshot = snapshot;
    const QRegularExpression filter = readTagFilter(m_filter);
    std::set<std::string> tags;
    for (const core::ChangedSeries& series : change.series)
        if (series.kind == core::ValueKind::PrCurve)
            tags.insert(series.tag);
    // Each changed tag's runs in snapshot order, as rebuild() gathers them.
    std::vector<std::pair<PrCurveCard*, std::vector<PrCurveCard::RunSeries>>> changed;
    for (const std::string& tag : tags) {
        std::vector<PrCurveCard::RunSeries> runs;
        for (const auto& run : snapshot->runs)
            if (const auto one = checkedSeriesOf(
                    *snapshot, m_runs, filter, run->name, tag, core::ValueKind::PrCurve))
                runs.push_back({one->run, one->color, one->data->tensors});
        PrCurveCard* shown = card(QString::fromStdString(tag));
        if (runs.empty() != (shown == nullptr)) {
            rebuild(); // a card comes or goes
            return;
        }
        if (shown)
            changed.emplace_back(shown, std::move(runs));
    }
    for (auto& [shown, runs] : changed)
        shown->setSeries(std::move(runs));
}

void PrCurvesDashboard::fillMenu(QMenu* menu, const QString& tag)
{
    addCardExportActions(menu, this, m_choosePath,
        {fileStemFor(tag), tr("Save shown curves as CSV…"),
            [this, tag](
                const QString& path, ImageFormat format) { return exportImage(tag, path, format); },
            [this, tag](const QString& path) { return exportData(tag, path); }});
}

bool PrCurvesDashboard::exportImage(
    const QString& tag, const QString& path, ImageFormat format) const
{
    QWidget* card = m_grid->card(tag, QString());
    return card && saveWidgetImage(card, path, format);
}

bool PrCurvesDashboard::exportData(const QString& tag, const QString& path) const
{
    const PrCurveCard* shown = card(tag);
    if (!shown)
        return false;
    std::string csv = core::prCurveCsvHeader();
    for (const PrCurvePlot::Curve& curve : shown->plot()->curves())
        core::appendPrCurveCsv(csv, curve.run.toStdString(), tag.toStdString(), curve.step,
            curve.wallTime, curve.points);
    return writeFile(path, csv);
}

} // namespace lantern::ui
