#pragma once
// A scrolling grid of cards, one per (tag, run), grouped under the tag's prefix before the
// first '/': groups and tags in natural order, runs in the order given. The grid owns the
// cards' placement only; what a card shows is its creator's. Cards are kept across updates,
// so a card keeps its state (a plot's summary, an image's chosen step).

#include <QScrollArea>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace lantern::ui {

class CardGrid : public QScrollArea {
    Q_OBJECT
public:
    struct Key {
        QString tag;
        QString run;
    };
    using CardFactory = std::function<QWidget*(const Key& key)>;

    explicit CardGrid(QWidget* parent = nullptr);
    ~CardGrid() override;

    // Shows exactly the cards of `keys`: kept when already shown, made by `create` when not
    // (named cardName(tag, run)), deleted when no longer listed. Runs are ordered as they
    // first appear in `keys`.
    void setCards(const std::vector<Key>& keys, const CardFactory& create);
    void setEmptyText(const QString& text);
    // The width a column is given at least; the viewport holds as many columns as fit.
    void setColumnWidth(int width);
    int columnWidth() const { return m_columnWidth; }

    QStringList groupNames() const;
    // "tag · run" per card in display order.
    QStringList cardTitles() const;
    QWidget* card(const QString& tag, const QString& run) const;
    // Every card in display order.
    std::vector<QWidget*> cards() const;

    // A card's objectName: "card:<tag>|<run>".
    static QString cardName(const QString& tag, const QString& run);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Card;
    void placeCards();
    int columnCount() const;

    QWidget* m_content = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_empty = nullptr;
    std::map<QString, std::unique_ptr<Card>> m_cards; // by cardName
    std::vector<Card*> m_order;
    std::vector<QWidget*> m_groupWidgets;
    QStringList m_groups;
    int m_columnWidth = 380;
    int m_placedColumns = 0;
};

} // namespace lantern::ui
