// ScalarsDashboard's card groups: collapsible sections (pinned, custom, one per tag prefix)
// whose cards flow into as many columns as the width allows.

#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/dashboards/scalars/scalars_dashboard_parts.h"
#include "ui/widgets/tag_order.h"

#include <QEvent>
#include <QGridLayout>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kCardMinWidth = 380;

} // namespace

ScalarsDashboard::Group* ScalarsDashboard::createGroup(const QString& key, const QString& name)
{
    auto* group = new Group;
    group->key = key;
    group->name = name;
    group->box = new QWidget(m_content);
    group->box->setObjectName(
        objectNameFor("group", key == kPinnedGroup || key == kCustomGroup ? key : name));
    group->header = new QToolButton(group->box);
    group->header->setObjectName(QStringLiteral("groupHeader"));
    group->header->setCheckable(true);
    group->header->setChecked(!m_collapsed.contains(key));
    group->header->setAutoRaise(true);
    group->header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    group->header->setArrowType(group->header->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    QFont bold = group->header->font();
    bold.setBold(true);
    group->header->setFont(bold);
    group->body = new QWidget(group->box);
    group->body->setVisible(group->header->isChecked());
    group->grid = new QGridLayout(group->body);
    group->grid->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(group->box);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addWidget(group->header, 0, Qt::AlignLeft);
    layout->addWidget(group->body);
    connect(group->header, &QToolButton::toggled, this,
        [this, name](bool expanded) { setGroupExpanded(name, expanded); });
    return group;
}

int ScalarsDashboard::columnCount() const
{
    return std::max(1, m_scroll->viewport()->width() / kCardMinWidth);
}

void ScalarsDashboard::placeCards()
{
    // The groups' cards: pinned tags, custom charts, then the rest by prefix, all in natural
    // order but the charts (in the order they were made).
    std::vector<std::pair<QString, QString>> order; // (key, name)
    std::map<QString, std::vector<ScalarCard*>> members;
    auto add = [&](const QString& key, const QString& name, ScalarCard* card) {
        if (members[key].empty())
            order.emplace_back(key, name);
        members[key].push_back(card);
    };
    std::vector<QString> tags;
    for (const auto& [tag, card] : m_cards)
        tags.push_back(tag);
    std::sort(tags.begin(), tags.end(), [](const QString& a, const QString& b) {
        const QString ga = groupOf(a), gb = groupOf(b);
        return ga != gb ? naturalLess(ga, gb) : naturalLess(a, b);
    });
    std::vector<QString> pinned;
    std::copy_if(tags.begin(), tags.end(), std::back_inserter(pinned),
        [this](const QString& tag) { return m_pinned.contains(tag); });
    std::sort(pinned.begin(), pinned.end(), naturalLess);
    for (const QString& tag : pinned)
        add(kPinnedGroup, tr("Pinned"), m_cards.at(tag));
    for (ScalarCard* chart : m_charts)
        add(kCustomGroup, tr("Custom charts"), chart);
    for (const QString& tag : tags)
        if (!m_pinned.contains(tag))
            add(QStringLiteral("tags/") + groupOf(tag), groupOf(tag), m_cards.at(tag));

    std::vector<std::unique_ptr<Group>> groups;
    for (const auto& [key, name] : order) {
        auto existing = std::find_if(m_groups.begin(), m_groups.end(),
            [&](const std::unique_ptr<Group>& g) { return g && g->key == key; });
        if (existing != m_groups.end())
            groups.push_back(std::move(*existing));
        else
            groups.emplace_back(createGroup(key, name));
        groups.back()->cards = std::move(members[key]);
    }
    for (auto& old : m_groups)
        if (old) {
            // A group left empty; its cards that stay move to their new group below, before
            // the deferred delete.
            old->box->deleteLater();
        }
    m_groups = std::move(groups);

    const int columns = columnCount();
    m_placedColumns = columns;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Group& group = *m_groups[g];
        while (group.grid->count() > 0)
            delete group.grid->takeAt(0);
        int row = 0, column = 0;
        for (ScalarCard* card : group.cards) {
            if (card->parentWidget() != group.body)
                card->setParent(group.body);
            if (card->isEnlarged()) {
                // The whole row to itself.
                row += column > 0 ? 1 : 0;
                group.grid->addWidget(card, row++, 0, 1, columns);
                column = 0;
            } else {
                group.grid->addWidget(card, row, column);
                if (++column == columns) {
                    column = 0;
                    ++row;
                }
            }
            card->show();
        }
        // Every column gets an item (an empty spacer below the cards), so a group of fewer
        // cards than columns keeps the same card width as the others.
        const int spacerRow = row + (column > 0 ? 1 : 0);
        for (int c = 0; c < columns; ++c)
            group.grid->addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding), spacerRow, c);
        for (int c = 0; c < group.grid->columnCount(); ++c)
            group.grid->setColumnStretch(c, c < columns ? 1 : 0);
        group.header->setText(QStringLiteral("%1  (%2)").arg(group.name).arg(group.cards.size()));
        m_groupsLayout->removeWidget(group.box);
        m_groupsLayout->insertWidget(int(g), group.box);
        group.box->show();
    }
}

bool ScalarsDashboard::eventFilter(QObject* watched, QEvent* event)
{
    // The columns follow the scroll area's viewport, which is sized after the dashboard.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && !m_groups.empty()
        && columnCount() != m_placedColumns)
        placeCards();
    return QWidget::eventFilter(watched, event);
}

QStringList ScalarsDashboard::groupNames() const
{
    QStringList names;
    for (const auto& group : m_groups)
        names.append(group->name);
    return names;
}

QStringList ScalarsDashboard::tagsInGroup(const QString& name) const
{
    QStringList titles;
    for (const auto& group : m_groups)
        if (group->name == name)
            for (const ScalarCard* card : group->cards)
                titles.append(card->title());
    return titles;
}

QStringList ScalarsDashboard::cardTags() const
{
    QStringList titles;
    for (const auto& group : m_groups)
        for (const ScalarCard* card : group->cards)
            titles.append(card->title());
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
    for (const auto& group : m_groups)
        if (group->name == name)
            return !m_collapsed.contains(group->key);
    return !m_collapsed.contains(QStringLiteral("tags/") + name);
}

void ScalarsDashboard::setGroupExpanded(const QString& name, bool expanded)
{
    for (const auto& group : m_groups) {
        if (group->name != name)
            continue;
        if (expanded)
            m_collapsed.remove(group->key);
        else
            m_collapsed.insert(group->key);
        const QSignalBlocker blocker(group->header);
        group->header->setChecked(expanded);
        group->header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        group->body->setVisible(expanded);
    }
}

} // namespace lantern::ui
