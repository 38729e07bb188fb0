#pragma once
// The "⋯" button in a card's title row that opens the card's menu, the same on every tab.

class QToolButton;
class QWidget;

namespace lantern::ui {

// A button named "cardMenu" that pops up its menu (button->menu(), owned by the button) on a
// press.
QToolButton* createCardMenuButton(QWidget* card);

} // namespace lantern::ui
