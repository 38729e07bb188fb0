#include "ui/widgets/checked_series.h"

#include "ui/widgets/run_list_model.h"

namespace lantern::ui {

std::vector<CheckedSeries> checkedSeries(const core::LogdirSnapshot* snapshot,
    const RunListModel* runs, const QRegularExpression& filter, core::ValueKind kind)
{
    std::vector<CheckedSeries> series;
    if (!snapshot)
        return series;
    const bool filtering = !filter.pattern().isEmpty() && filter.isValid();
    for (const auto& run : snapshot->runs) {
        const QString name = QString::fromStdString(run->name);
        if (runs && !runs->isChecked(name))
            continue;
        const QColor color = runs ? runs->color(name) : RunListModel::defaultColor(name);
        for (const core::TagSnapshot& tag : run->tags) {
            if (tag.kind != kind || tag.size() == 0)
                continue;
            const QString tagName = QString::fromUtf8(tag.tag);
            if (filtering && !filter.match(tagName).hasMatch())
                continue;
            series.push_back({tagName, name, color, run, &tag});
        }
    }
    return series;
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
