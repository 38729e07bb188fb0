#pragma once
// The scrolling grid of cards every card tab shares (Histograms, Distributions, Images, Text,
// PR Curves): one card per (tag, run) — or per tag, when a card draws several runs — titled
// with the tag and the run in its colour, grouped under the tag's prefix before the first '/',
// groups and tags in natural order, runs in the order given. Cards are kept across updates, so
// their bodies keep their state (a plot's summary, an image's chosen step); the owner creates
// each body once and updates it after showCards. Each card may have a menu, from its "⋯"
// button or a right click, that the owner fills.

#include <QColor>
#include <QScrollArea>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QFrame;
class QLabel;
class QMenu;
class QVBoxLayout;

namespace lantern::ui {

class CardGrid : public QScrollArea {
    Q_OBJECT
public:
    struct CardKey {
        QString tag;
        QString run; // empty: the card shows the tag for every run
        QColor color; // the run's
    };
    // Makes the body of the new card `key` (a child of `card`).
    using BodyFactory = std::function<QWidget*(const CardKey& key, QWidget* card)>;
    // Fills a card's menu just before it shows; cards have no menu when it is empty.
    using MenuFiller = std::function<void(QMenu* menu, const QString& tag, const QString& run)>;

    CardGrid(BodyFactory create, MenuFiller fillMenu, QWidget* parent = nullptr);
    ~CardGrid() override;

    // Cards are at least `minWidth` wide (as many columns as fit) and `height` tall; with a
    // height of 0 each card takes the size its body asks for (columns are still `minWidth`).
    void setCardSize(int minWidth, int height);
    int cardMinWidth() const { return m_cardMinWidth; }
    // Shows exactly these cards, keeping those that were shown already.
    void showCards(const std::vector<CardKey>& cards);
    void setEmptyText(const QString& text);

    QStringList groupNames() const;
    // "tag · run" (or "tag") per card in display order.
    QStringList cardTitles() const;
    // The whole card (title, run and body), as exported, and its body.
    QWidget* card(const QString& tag, const QString& run) const;
    QWidget* body(const QString& tag, const QString& run) const;
    void forEachBody(const std::function<void(QWidget*)>& visit) const;

    // The card's objectName: "card:<tag>|<run>".
    static QString cardName(const QString& tag, const QString& run);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Card;
    std::unique_ptr<Card> createCard(const CardKey& key) const;
    void applyCardSize(QFrame* frame) const;
    void placeCards();
    int columnCount() const;

    BodyFactory m_create;
    MenuFiller m_fillMenu;
    int m_cardMinWidth = 380;
    int m_cardHeight = 280;
    QWidget* m_content = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_empty = nullptr;
    std::map<QString, std::unique_ptr<Card>> m_cards; // by cardName
    std::vector<Card*> m_order;
    std::vector<QWidget*> m_groupWidgets;
    QStringList m_groups;
    int m_placedColumns = 0;
};

} // namespace lantern::ui
