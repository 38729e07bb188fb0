// CardGrid's groups: collapsible sections (those the owner names first, then one per tag
// prefix) whose cards flow into as many columns as the width allows.

#include "ui/widgets/card_grid.h"
#include "ui/widgets/card_grid_parts.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
std::unique_ptr<CardGrid::Group> CardGrid::createGroup(const QString& name)
{
    auto group = std::make_unique<Group>();
    group->name = name;
    group->box = new QWidget(m_content);
    group->box->setObjectName(QStringLiteral("group:") + name);
    group->header = new QToolButton(group->box);
    group->header->setObjectName(QStringLiteral("groupHeader"));
    group->header->setCheckable(true);
    group->header->setChecked(!m_collapsed.contains(name));
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

int CardGrid::columnCount() const
{
    return std::max(1, viewport()->width() / std::max(1, m_cardMinWidth));
}

void CardGrid::placeCards()
{
    // The owner's groups first, their cards in the order given; then by tag prefix, tag, run.
    std::sort(m_order.begin(), m_order.end(), [](const Card* a, const Card* b) {
        const bool leadA = a->leadingRank >= 0, leadB = b->leadingRank >= 0;
        if (leadA != leadB)
            return leadA;
        if (leadA)
            return a->leadingRank != b->leadingRank ? a->leadingRank < b->leadingRank
                                                    : a->givenOrder < b->givenOrder;
        const QString ga = groupOf(a->tag), gb = groupOf(b->tag);
        if (ga != gb)
            return naturalLess(ga, gb);
        if (a->tag != b->tag)
            return naturalLess(a->tag, b->tag);
        return a->runOrder < b->runOrder;
    });
    // The groups, kept (with their widgets) when they stay.
    std::vector<std::unique_ptr<Group>> groups;
    for (Card* card : m_order) {
        const bool leading = card->leadingRank >= 0;
        const QString name = card->groupName();
        if (groups.empty() || groups.back()->name != name || groups.back()->leading != leading) {
            const auto kept = std::find_if(m_groups.begin(), m_groups.end(),
                [&](const auto& g) { return g && g->name == name && g->leading == leading; });
            groups.push_back(kept != m_groups.end() ? std::move(*kept) : createGroup(name));
            groups.back()->leading = leading;
            groups.back()->cards.clear();
        }
        groups.back()->cards.push_back(card);
    }
    for (auto& old : m_groups)
        if (old) { // left empty; its cards that stay move to their new group below
            old->box->hide();
            old->box->deleteLater();
        }
    m_groups = std::move(groups);

    const int columns = columnCount();
    m_placedColumns = columns;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Group& group = *m_groups[g];
        fillGroup(group, columns);
        m_layout->removeWidget(group.box);
        m_layout->insertWidget(int(g), group.box);
        group.box->show();
    }
}

void CardGrid::fillGroup(Group& group, int columns) const
{
    while (group.grid->count() > 0)
        delete group.grid->takeAt(0);
    int row = 0, column = 0;
    for (Card* card : group.cards) {
        // The grid's cards as tall as their body asks (setCardSize), at the top of their row;
        // an owner's card fills its cell, as it sized itself.
        const Qt::Alignment alignment = card->owned ? Qt::AlignTop : Qt::Alignment();
        QWidget* widget = card->widget;
        if (widget->parentWidget() != group.body)
            widget->setParent(group.body);
        if (card->wholeRow) {
            row += column > 0 ? 1 : 0;
            group.grid->addWidget(widget, row++, 0, 1, columns, alignment);
            column = 0;
        } else {
            group.grid->addWidget(widget, row, column, alignment);
            if (++column == columns) {
                column = 0;
                ++row;
            }
        }
        widget->show();
    }
    // Every column gets an item (an empty spacer below the cards), so a group of fewer cards
    // than columns keeps the same card width as the others.
    const int spacerRow = row + (column > 0 ? 1 : 0);
    for (int c = 0; c < columns; ++c)
        group.grid->addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding), spacerRow, c);
    for (int c = 0; c < group.grid->columnCount(); ++c)
        group.grid->setColumnStretch(c, c < columns ? 1 : 0);
    group.header->setText(QStringLiteral("%1  (%2)").arg(group.name).arg(group.cards.size()));
}

bool CardGrid::viewportEvent(QEvent* event)
{
    const bool handled = QScrollArea::viewportEvent(event);
    // The columns follow the viewport, which narrows when a scroll bar appears.
    if (event->type() == QEvent::Resize && !m_order.empty() && columnCount() != m_placedColumns)
        placeCards();
    return handled;
}

QStringList CardGrid::groupNames() const
{
    QStringList names;
    for (const auto& group : m_groups)
        names.append(group->name);
    return names;
}

bool CardGrid::isGroupExpanded(const QString& group) const
{
    return !m_collapsed.contains(group);
}

void CardGrid::setGroupExpanded(const QString& name, bool expanded)
{
    if (expanded == isGroupExpanded(name))
        return;
    if (expanded)
        m_collapsed.remove(name);
    else
        m_collapsed.insert(name);
    for (const auto& group : m_groups) {
        if (group->name != name)
            continue;
        const QSignalBlocker blocker(group->header);
        group->header->setChecked(expanded);
        group->header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        group->body->setVisible(expanded);
    }
    emit groupExpandedChanged(name, expanded);
}

} // namespace lantern::ui
