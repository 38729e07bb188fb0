#include "ui/widgets/checked_series.h"

#include "ui/widgets/run_list_model.h"

#include <algorithm>

namespace lantern::ui {

namespace {

bool isFiltering(const QRegularExpression& filter)
{
    return !filter.pattern().isEmpty() && filter.isValid();
}

QColor colorOf(const RunListModel* runs, const QString& run)
{
    return runs ? runs->color(run) : RunListModel::defaultColor(run);
}

// Whether a tab of `kind` shows `tag` (named `name`) of a checked run.
bool isShown(const core::TagSnapshot& tag, const QString& name, core::ValueKind kind,
    const QRegularExpression& filter)
{
    return tag.kind == kind && tag.size() > 0
        && (!isFiltering(filter) || filter.match(name).hasMatch());
}

} // namespace

std::vector<CheckedSeries> checkedSeries(const core::LogdirSnapshot* snapshot,
    const RunListModel* runs, const QRegularExpression& filter, core::ValueKind kind)
{
    std::vector<CheckedSeries> series;
    if (!snapshot)
        return series;
    for (const auto& run : snapshot->runs) {
        const QString name = QString::fromStdString(run->name);
        if (runs && !runs->isChecked(name))
            continue;
        const QColor color = colorOf(runs, name);
        for (const core::TagSnapshot& tag : run->tags) {
            const QString tagName = QString::fromUtf8(tag.tag);
            if (isShown(tag, tagName, kind, filter))
                series.push_back({tagName, name, color, run, &tag});
        }
    }
    return series;
}

std::optional<CheckedSeries> checkedSeriesOf(const core::LogdirSnapshot& snapshot,
    const RunListModel* runs, const QRegularExpression& filter, std::string_view run,
    std::string_view tag, core::ValueKind kind)
{
    // Runs are sorted by name.
    const auto found = std::lower_bound(snapshot.runs.begin(), snapshot.runs.end(), run,
        [](const auto& candidate, std::string_view name) { return candidate->name < name; });
    if (found == snapshot.runs.end() || (*found)->name != run)
        return std::nullopt;
    const QString runName = QString::fromStdString((*found)->name);
    const core::TagSnapshot* series = (*found)->find(tag, kind);
    const QString tagName = QString::fromUtf8(tag.data(), qsizetype(tag.size()));
    if ((runs && !runs->isChecked(runName)) || !series || !isShown(*series, tagName, kind, filter))
        return std::nullopt;
    return CheckedSeries {tagName, runName, colorOf(runs, runName), *found, series};
}

bool updateChangedCards(const CardGrid& grid, const core::LogdirSnapshot& snapshot,
    const RunListModel* runs, const QRegularExpression& filter, core::ValueKind kind,
    const core::SnapshotChange& change,
    const std::function<void(QWidget* body, const CheckedSeries& series)>& update)
{
    std::vector<std::pair<QWidget*, CheckedSeries>> changed;
    for (const core::ChangedSeries& named : change.series) {
        if (named.kind != kind)
            continue;
        std::optional<CheckedSeries> now
            = checkedSeriesOf(snapshot, runs, filter, named.run, named.tag, kind);
        QWidget* body
            = grid.body(QString::fromStdString(named.tag), QString::fromStdString(named.run));
        if (now.has_value() != (body != nullptr))
            return false;
        if (now)
            changed.emplace_back(body, std::move(*now));
    }
    for (const auto& [body, series] : changed)
        update(body, series);
    return true;
}

std::vector<CardGrid::CardKey> cardKeys(const std::vector<CheckedSeries>& series)
{
    std::vector<CardGrid::CardKey> keys;
    keys.reserve(series.size());
    for (const CheckedSeries& one : series)
        keys.push_back({one.tag, one.run, one.color});
    return keys;
}

} // namespace lantern::ui
