#include "ui/widgets/card_menu_button.h"

#include <QMenu>
#include <QToolButton>

namespace lantern::ui {

QToolButton* createCardMenuButton(QWidget* card)
{
    auto* button = new QToolButton(card);
    button->setObjectName(QStringLiteral("cardMenu"));
    button->setText(QStringLiteral("⋯"));
    button->setAutoRaise(true);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(new QMenu(button));
    return button;
}

} // namespace lantern::ui
