#pragma once
// The scrolling grid of cards every card tab shares (Scalars, Histograms, Distributions, Images,
// Text, PR Curves): one card per (tag, run) — or per tag, when a card draws several runs —
// titled with the tag and the run in its colour, grouped under the tag's prefix before the
// first '/', groups and tags in natural order, runs in the order given. Groups the owner names
// ("Pinned", "Custom charts") come first, their cards in the order given. Each group has a
// header that collapses it (the grid remembers which are collapsed); a card may take the whole
// row (an enlarged card). Cards are kept across updates, so their bodies keep their state (a
// plot's summary, an image's chosen step); the owner creates each body once and updates it
// after showCards. Each card may have a menu, from its "⋯" button or a right click, that the
// owner fills. An owner whose cards draw their own title (Scalars) hands the grid whole cards.

#include <QColor>
#include <QScrollArea>
#include <QSet>

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
        QString run {}; // empty: the card shows the tag for every run
        QColor color {}; // the run's
        // A group the owner puts before the groups by tag prefix, its cards in the order
        // given (groups in the order they first appear); empty: the group of the tag's prefix.
        QString leadingGroup {};
        bool wholeRow = false; // the card spans the full row (an enlarged card)
        // A whole card the owner made and keeps, placed as it is (no frame, title or menu of
        // the grid's); when it leaves the grid it stays the owner's to delete. Cards are then
        // told apart by this widget, not by (tag, run). Null: the grid makes the card.
        QWidget* card = nullptr;
    };
    // Makes the body of the new card `key` (a child of `card`).
    using BodyFactory = std::function<QWidget*(const CardKey& key, QWidget* card)>;
    // Fills a card's menu just before it shows; cards have no menu when it is empty.
    using MenuFiller = std::function<void(QMenu* menu, const QString& tag, const QString& run)>;

    CardGrid(BodyFactory create, MenuFiller fillMenu, QWidget* parent = nullptr);
    ~CardGrid() override;

    // Cards are at least `minWidth` wide (as many columns as fit) and `height` tall; with a
    // height of 0 each card takes the size its body asks for (columns are still `minWidth`).
    // The owner's own cards keep the size they set.
    void setCardSize(int minWidth, int height);
    int cardMinWidth() const { return m_cardMinWidth; }
    // Shows exactly these cards, keeping those that were shown already.
    void showCards(const std::vector<CardKey>& cards);
    void setEmptyText(const QString& text);
    QLabel* emptyMessage() const { return m_empty; }

    QStringList groupNames() const;
    // "tag · run" (or "tag") per card in display order.
    QStringList cardTitles() const;
    // The whole cards in display order: all, or those of one group.
    std::vector<QWidget*> cards(const QString& group = QString()) const;
    // The whole card (title, run and body), as exported, and its body.
    QWidget* card(const QString& tag, const QString& run) const;
    QWidget* body(const QString& tag, const QString& run) const;
    void forEachBody(const std::function<void(QWidget*)>& visit) const;

    // A group's header collapses and expands it; collapsed groups stay collapsed while they
    // come and go (named groups, so a tab may keep the set between sessions).
    bool isGroupExpanded(const QString& group) const;
    void setGroupExpanded(const QString& group, bool expanded);
    QSet<QString> collapsedGroups() const { return m_collapsed; }

    // The card's objectName: "card:<tag>|<run>".
    static QString cardName(const QString& tag, const QString& run);

signals:
    void groupExpandedChanged(const QString& group, bool expanded);

protected:
    bool viewportEvent(QEvent* event) override;

private:
    struct Card;
    struct Group;
    static QString keyName(const CardKey& key);
    std::unique_ptr<Card> createCard(const CardKey& key) const;
    void applyCardSize(QFrame* frame) const;
    std::unique_ptr<Group> createGroup(const QString& name);
    void placeCards();
    void fillGroup(Group& group, int columns) const;
    int columnCount() const;

    BodyFactory m_create;
    MenuFiller m_fillMenu;
    int m_cardMinWidth = 380;
    int m_cardHeight = 280;
    QWidget* m_content = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_empty = nullptr;
    std::map<QString, std::unique_ptr<Card>> m_cards; // by keyName
    std::vector<Card*> m_order;
    std::vector<std::unique_ptr<Group>> m_groups; // in display order
    QSet<QString> m_collapsed;
    int m_placedColumns = 0;
};

} // namespace lantern::ui
