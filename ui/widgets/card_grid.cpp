#include "ui/widgets/card_grid.h"

#include "ui/widgets/card_grid_parts.h"
#include "ui/widgets/card_menu_button.h"
#include "ui/widgets/elided_label.h"

#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {

CardGrid::CardGrid(BodyFactory create, MenuFiller fillMenu, QWidget* parent)
    : QScrollArea(parent)
    , m_create(std::move(create))
    , m_fillMenu(std::move(fillMenu))
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

void CardGrid::setCardSize(int minWidth, int height)
{
    if (minWidth == m_cardMinWidth && height == m_cardHeight)
        return;
    m_cardMinWidth = minWidth;
    m_cardHeight = height;
    for (const auto& [name, card] : m_cards)
        if (card->owned)
            applyCardSize(card->frame);
    if (!m_order.empty())
        placeCards();
}

void CardGrid::applyCardSize(QFrame* frame) const
{
    if (m_cardHeight > 0) {
        frame->setMinimumWidth(m_cardMinWidth - 20);
        frame->setFixedHeight(m_cardHeight);
    } else { // an explicit minimum would keep the card from growing with its body
        frame->setMinimumSize(0, 0);
        frame->setMaximumHeight(QWIDGETSIZE_MAX);
    }
}

void CardGrid::setEmptyText(const QString& text)
{
    m_empty->setText(text);
    m_empty->setVisible(m_cards.empty());
}

QString CardGrid::keyName(const CardKey& key)
{
    return key.card ? QStringLiteral("widget:") + QString::number(quintptr(key.card), 16)
                    : cardName(key.tag, key.run);
}

std::unique_ptr<CardGrid::Card> CardGrid::createCard(const CardKey& key) const
{
    auto card = std::make_unique<Card>();
    card->tag = key.tag;
    card->run = key.run;
    if (key.card) {
        card->owned = false;
        card->widget = card->body = key.card;
        return card;
    }
    card->frame = new QFrame;
    card->widget = card->frame;
    card->frame->setObjectName(cardName(key.tag, key.run));
    card->frame->setFrameShape(QFrame::StyledPanel);
    applyCardSize(card->frame);
    auto* title = new ElidedLabel(card->frame);
    title->setObjectName(QStringLiteral("cardTitle"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setFullText(key.tag);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The card's width is the grid's to choose: names of any length are elided, never widen it.
    title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    card->runSwatch = new QLabel(card->frame);
    card->runLabel = new ElidedLabel(card->frame);
    card->runLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    card->runLabel->setObjectName(QStringLiteral("cardRun"));
    card->body = m_create(key, card->frame);
    // The tag and the menu; under them the run, each with the card's whole width to show it.
    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(card->runSwatch);
    runRow->addWidget(card->runLabel, 1);
    if (m_fillMenu) {
        QToolButton* menuButton = createCardMenuButton(card->frame);
        QMenu* menu = menuButton->menu();
        connect(menu, &QMenu::aboutToShow, this, [this, menu, tag = key.tag, run = key.run] {
            menu->clear();
            m_fillMenu(menu, tag, run);
        });
        QFrame* frame = card->frame;
        frame->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(frame, &QWidget::customContextMenuRequested, menu,
            [menu, frame](const QPoint& position) { menu->popup(frame->mapToGlobal(position)); });
        header->addWidget(menuButton);
    }
    auto* layout = new QVBoxLayout(card->frame);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addLayout(runRow);
    layout->addWidget(card->body, 1);
    return card;
}

void CardGrid::showCards(const std::vector<CardKey>& keys)
{
    std::map<QString, const CardKey*> wanted;
    std::map<QString, int> given;
    std::map<QString, int> runOrder;
    std::map<QString, int> leadingRank;
    for (const CardKey& key : keys) {
        const QString name = keyName(key);
        wanted[name] = &key;
        given.emplace(name, int(given.size()));
        runOrder.emplace(key.run, int(runOrder.size()));
        if (!key.leadingGroup.isEmpty())
            leadingRank.emplace(key.leadingGroup, int(leadingRank.size()));
    }
    bool changed = false;
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (wanted.count(it->first)) {
            ++it;
            continue;
        }
        Card* card = it->second.get();
        std::erase(m_order, card);
        for (const auto& group : m_groups)
            std::erase(group->cards, card);
        if (card->owned) {
            card->frame->deleteLater();
        } else if (card->widget) { // the owner's, out of the groups (which may go)
            card->widget->hide();
            card->widget->setParent(m_content);
        }
        it = m_cards.erase(it);
        changed = true;
    }
    for (const auto& [name, key] : wanted) {
        auto it = m_cards.find(name);
        if (it == m_cards.end()) {
            it = m_cards.emplace(name, createCard(*key)).first;
            m_order.push_back(it->second.get());
            changed = true;
        }
        Card& card = *it->second;
        const int rank = key->leadingGroup.isEmpty() ? -1 : leadingRank[key->leadingGroup];
        const int order = given[name];
        changed |= card.tag != key->tag || card.runOrder != runOrder[key->run]
            || card.leadingRank != rank || card.leadingGroup != key->leadingGroup
            || card.wholeRow != key->wholeRow || (rank >= 0 && card.givenOrder != order);
        card.tag = key->tag; // an owner's card may change its title
        card.runOrder = runOrder[key->run];
        card.leadingGroup = key->leadingGroup;
        card.leadingRank = rank;
        card.givenOrder = order;
        card.wholeRow = key->wholeRow;
        if (!card.owned)
            continue;
        card.runSwatch->setVisible(!key->run.isEmpty());
        card.runSwatch->setText(
            QStringLiteral("<span style='color:%1'>■</span>").arg(key->color.name()));
        card.runLabel->setVisible(!key->run.isEmpty());
        card.runLabel->setFullText(key->run);
    }
    if (changed || m_placedColumns == 0)
        placeCards();
    m_empty->setVisible(m_cards.empty());
}

std::vector<QWidget*> CardGrid::cards(const QString& group) const
{
    std::vector<QWidget*> widgets;
    for (const auto& shown : m_groups)
        if (group.isNull() || shown->name == group)
            for (const Card* card : shown->cards)
                widgets.push_back(card->widget);
    return widgets;
}

QStringList CardGrid::cardTitles() const
{
    QStringList titles;
    for (const Card* card : m_order)
        titles.append(
            card->run.isEmpty() ? card->tag : card->tag + QStringLiteral(" · ") + card->run);
    return titles;
}

QWidget* CardGrid::card(const QString& tag, const QString& run) const
{
    const auto it = m_cards.find(cardName(tag, run));
    return it == m_cards.end() ? nullptr : it->second->widget.data();
}

QWidget* CardGrid::body(const QString& tag, const QString& run) const
{
    const auto it = m_cards.find(cardName(tag, run));
    return it == m_cards.end() ? nullptr : it->second->body;
}

void CardGrid::forEachBody(const std::function<void(QWidget*)>& visit) const
{
    for (const Card* card : m_order)
        visit(card->body);
}

} // namespace lantern::ui
