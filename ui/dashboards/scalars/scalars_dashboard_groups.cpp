// ScalarsDashboard's card groups, shown by the shared CardGrid: the custom scalars layout's
// categories, "Pinned", "Custom charts", then one per tag prefix; an enlarged card takes the
// whole row.

#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/dashboards/scalars/scalars_dashboard_parts.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/tag_order.h"

#include <algorithm>

namespace lantern::ui {

void ScalarsDashboard::placeCards()
{
    // Pinned tags in natural order, the custom charts in the order they were made, then the
    // rest (which the grid orders by prefix and tag).
    std::vector<CardGrid::CardKey> keys;
    auto add = [&](ScalarCard* card, const QString& group) {
        keys.push_back({.tag = card->title(),
            .leadingGroup = group,
            .wholeRow = card->isEnlarged(),
            .card = card});
    };
    for (const LayoutChart& chart : m_layoutCharts)
        add(chart.card, chart.category);
    QStringList pinned;
    for (const auto& [tag, card] : m_cards)
        if (m_pinned.contains(tag))
            pinned.append(tag);
    std::sort(pinned.begin(), pinned.end(), naturalLess);
    for (const QString& tag : std::as_const(pinned))
        add(m_cards.at(tag), tr("Pinned"));
    for (ScalarCard* chart : m_charts)
        add(chart, tr("Custom charts"));
    for (const auto& [tag, card] : m_cards)
        if (!m_pinned.contains(tag))
            add(card, QString());
    m_grid->showCards(keys);
}

QStringList ScalarsDashboard::groupNames() const
{
    return m_grid->groupNames();
}

QStringList ScalarsDashboard::tagsInGroup(const QString& name) const
{
    QStringList titles;
    for (const QWidget* card : m_grid->cards(name))
        titles.append(static_cast<const ScalarCard*>(card)->title());
    return titles;
}

QStringList ScalarsDashboard::cardTags() const
{
    QStringList titles;
    for (const QWidget* card : m_grid->cards())
        titles.append(static_cast<const ScalarCard*>(card)->title());
    return titles;
}

ScalarCard* ScalarsDashboard::card(const QString& tag) const
{
    const auto it = m_cards.find(tag);
    return it == m_cards.end() ? nullptr : it->second;
}

bool ScalarsDashboard::isComputing() const
{
    const auto rendering = [](const ScalarCard* card) { return card->plot()->isRendering(); };
    return std::any_of(m_charts.begin(), m_charts.end(), rendering)
        || std::any_of(m_layoutCharts.begin(), m_layoutCharts.end(),
            [&](const LayoutChart& chart) { return rendering(chart.card); })
        || std::any_of(m_cards.begin(), m_cards.end(),
            [&](const auto& entry) { return rendering(entry.second); });
}

LinePlot* ScalarsDashboard::plot(const QString& tag) const
{
    const ScalarCard* found = card(tag);
    return found ? found->plot() : nullptr;
}

bool ScalarsDashboard::isGroupExpanded(const QString& name) const
{
    return m_grid->isGroupExpanded(name);
}

void ScalarsDashboard::setGroupExpanded(const QString& name, bool expanded)
{
    m_grid->setGroupExpanded(name, expanded);
}

} // namespace lantern::ui
