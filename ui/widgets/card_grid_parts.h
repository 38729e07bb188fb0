#pragma once
// What the files implementing CardGrid share: a card and a group of cards.

#include "ui/widgets/card_grid.h"
#include "ui/widgets/tag_order.h"

#include <QPointer>

class QGridLayout;
class QToolButton;

namespace lantern::ui {

class ElidedLabel;

struct CardGrid::Card {
    QString tag;
    QString run;
    int runOrder = 0;
    QString leadingGroup;
    int leadingRank = -1; // the leading group's place, or -1 for the tag's prefix group
    int givenOrder = 0; // the order of the keys, within a leading group
    bool wholeRow = false;
    bool owned = true; // made by the grid, not handed over by the owner
    QPointer<QWidget> widget; // the whole card
    QFrame* frame = nullptr; // the grid's own cards: the card, again
    QLabel* runSwatch = nullptr; // the run's colour
    ElidedLabel* runLabel = nullptr;
    QWidget* body = nullptr;

    QString groupName() const { return leadingRank >= 0 ? leadingGroup : groupOf(tag); }
};

struct CardGrid::Group {
    QString name;
    bool leading = false; // a group the owner named, not a tag prefix
    QWidget* box = nullptr;
    QToolButton* header = nullptr;
    QWidget* body = nullptr;
    QGridLayout* grid = nullptr;
    std::vector<Card*> cards; // in display order
};

} // namespace lantern::ui
