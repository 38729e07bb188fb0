#include "ui/widgets/card_grid.h"

#include "ui/dashboards/scalars/scalars_dashboard.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {

struct CardGrid::Card {
    Key key;
    int runOrder = 0;
    QWidget* widget = nullptr;
};

CardGrid::CardGrid(QWidget* parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_content = new QWidget;
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(m_content);
    m_empty->setObjectName(QStringLiteral("emptyMessage"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);
    setWidget(m_content);
}

CardGrid::~CardGrid() = default;

QString CardGrid::cardName(const QString& tag, const QString& run)
{
    return QStringLiteral("card:") + tag + QLatin1Char('|') + run;
}

void CardGrid::setEmptyText(const QString& text)
{
    m_empty->setText(text);
    m_empty->setVisible(m_cards.empty());
}

void CardGrid::setColumnWidth(int width)
{
    if (width == m_columnWidth)
        return;
    m_columnWidth = width;
    if (!m_order.empty())
        placeCards();
}

void CardGrid::setCards(const std::vector<Key>& keys, const CardFactory& create)
{
    std::map<QString, const Key*> wanted;
    std::map<QString, int> runOrder;
    for (const Key& key : keys) {
        wanted[cardName(key.tag, key.run)] = &key;
        runOrder.emplace(key.run, int(runOrder.size()));
    }
    bool changed = false;
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (wanted.count(it->first)) {
            ++it;
            continue;
        }
        std::erase(m_order, it->second.get());
        it->second->widget->deleteLater();
        it = m_cards.erase(it);
        changed = true;
    }
    for (const auto& [name, key] : wanted) {
        auto it = m_cards.find(name);
        if (it == m_cards.end()) {
            auto card = std::make_unique<Card>();
            card->key = *key;
            card->widget = create(*key);
            card->widget->setObjectName(name);
            it = m_cards.emplace(name, std::move(card)).first;
            m_order.push_back(it->second.get());
            changed = true;
        }
        Card& card = *it->second;
        changed |= card.runOrder != runOrder[key->run];
        card.runOrder = runOrder[key->run];
    }
    if (changed || m_placedColumns == 0)
        placeCards();
    m_empty->setVisible(m_cards.empty());
}

int CardGrid::columnCount() const
{
    return std::max(1, viewport()->width() / std::max(1, m_columnWidth));
}

void CardGrid::placeCards()
{
    std::sort(m_order.begin(), m_order.end(), [](const Card* a, const Card* b) {
        const QString ga = ScalarsDashboard::groupOf(a->key.tag),
                      gb = ScalarsDashboard::groupOf(b->key.tag);
        if (ga != gb)
            return ScalarsDashboard::naturalLess(ga, gb);
        if (a->key.tag != b->key.tag)
            return ScalarsDashboard::naturalLess(a->key.tag, b->key.tag);
        return a->runOrder < b->runOrder;
    });
    for (Card* card : m_order)
        card->widget->setParent(m_content); // keep them while the old groups go
    for (QWidget* group : m_groupWidgets)
        delete group;
    m_groupWidgets.clear();
    m_groups.clear();

    const int columns = columnCount();
    m_placedColumns = columns;
    QGridLayout* grid = nullptr;
    int index = 0;
    for (Card* card : m_order) {
        const QString group = ScalarsDashboard::groupOf(card->key.tag);
        if (m_groups.isEmpty() || m_groups.back() != group) {
            m_groups.append(group);
            auto* box = new QWidget(m_content);
            box->setObjectName(QStringLiteral("group:") + group);
            auto* layout = new QVBoxLayout(box);
            layout->setContentsMargins(0, 4, 0, 4);
            auto* header = new QLabel(QStringLiteral("<b>%1</b>").arg(group.toHtmlEscaped()), box);
            header->setObjectName(QStringLiteral("groupHeader"));
            layout->addWidget(header);
            grid = new QGridLayout;
            for (int c = 0; c < columns; ++c)
                grid->setColumnStretch(c, 1);
            layout->addLayout(grid);
            m_layout->insertWidget(int(m_groupWidgets.size()), box);
            m_groupWidgets.push_back(box);
            box->show();
            index = 0;
        }
        card->widget->setParent(m_groupWidgets.back());
        grid->addWidget(card->widget, index / columns, index % columns, Qt::AlignTop);
        card->widget->show();
        ++index;
    }
}

void CardGrid::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (!m_order.empty() && columnCount() != m_placedColumns)
        placeCards();
}

QStringList CardGrid::groupNames() const
{
    return m_groups;
}

QStringList CardGrid::cardTitles() const
{
    QStringList titles;
    for (const Card* card : m_order)
        titles.append(card->key.tag + QStringLiteral(" · ") + card->key.run);
    return titles;
}

QWidget* CardGrid::card(const QString& tag, const QString& run) const
{
    const auto it = m_cards.find(cardName(tag, run));
    return it == m_cards.end() ? nullptr : it->second->widget;
}

std::vector<QWidget*> CardGrid::cards() const
{
    std::vector<QWidget*> widgets;
    for (const Card* card : m_order)
        widgets.push_back(card->widget);
    return widgets;
}

} // namespace lantern::ui
