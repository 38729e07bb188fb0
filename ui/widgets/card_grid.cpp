#include "ui/widgets/card_grid.h"

#include "ui/widgets/card_menu_button.h"
#include "ui/widgets/elided_label.h"
#include "ui/widgets/tag_order.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {

struct CardGrid::Card {
    QString tag;
    QString run;
    int runOrder = 0;
    QFrame* frame = nullptr;
    QLabel* runSwatch = nullptr; // the run's colour
    ElidedLabel* runLabel = nullptr;
    QWidget* body = nullptr;
};

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

std::unique_ptr<CardGrid::Card> CardGrid::createCard(const CardKey& key) const
{
    auto card = std::make_unique<Card>();
    card->tag = key.tag;
    card->run = key.run;
    card->frame = new QFrame;
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
    std::map<QString, int> runOrder;
    for (const CardKey& key : keys) {
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
        it->second->frame->deleteLater();
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
        changed |= card.runOrder != runOrder[key->run];
        card.runOrder = runOrder[key->run];
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

int CardGrid::columnCount() const
{
    return std::max(1, viewport()->width() / std::max(1, m_cardMinWidth));
}

void CardGrid::placeCards()
{
    std::sort(m_order.begin(), m_order.end(), [](const Card* a, const Card* b) {
        const QString ga = groupOf(a->tag), gb = groupOf(b->tag);
        if (ga != gb)
            return naturalLess(ga, gb);
        if (a->tag != b->tag)
            return naturalLess(a->tag, b->tag);
        return a->runOrder < b->runOrder;
    });
    for (Card* card : m_order)
        card->frame->setParent(m_content); // keep them while the old groups go
    for (QWidget* group : m_groupWidgets)
        delete group;
    m_groupWidgets.clear();
    m_groups.clear();

    const int columns = columnCount();
    m_placedColumns = columns;
    QGridLayout* grid = nullptr;
    int index = 0;
    for (Card* card : m_order) {
        const QString group = groupOf(card->tag);
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
        card->frame->setParent(m_groupWidgets.back());
        grid->addWidget(card->frame, index / columns, index % columns, Qt::AlignTop);
        card->frame->show();
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
        titles.append(
            card->run.isEmpty() ? card->tag : card->tag + QStringLiteral(" · ") + card->run);
    return titles;
}

QWidget* CardGrid::card(const QString& tag, const QString& run) const
{
    const auto it = m_cards.find(cardName(tag, run));
    return it == m_cards.end() ? nullptr : it->second->frame;
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
