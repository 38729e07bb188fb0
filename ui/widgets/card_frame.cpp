#include "ui/widgets/card_frame.h"

#include "ui/widgets/card_menu_button.h"

#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace lantern::ui {

CardFrame::CardFrame(const QString& tag, MenuFiller fillMenu, QWidget* parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto* title = new QLabel(tag, this);
    title->setObjectName(QStringLiteral("cardTitle"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runLabel = new QLabel(this);
    m_runLabel->setObjectName(QStringLiteral("cardRun"));
    QToolButton* menuButton = createCardMenuButton(this);
    QMenu* menu = menuButton->menu();
    connect(menu, &QMenu::aboutToShow, this, [menu, fill = std::move(fillMenu)] {
        menu->clear();
        fill(menu);
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, menu,
        [this, menu](const QPoint& position) { menu->popup(mapToGlobal(position)); });

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_runLabel);
    header->addWidget(menuButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(header);
    m_body = new QVBoxLayout;
    layout->addLayout(m_body, 1);
}

void CardFrame::setRun(const QString& run, const QColor& color)
{
    m_runLabel->setText(QStringLiteral("<span style='color:%1'>■</span> %2")
                            .arg(color.name(), run.toHtmlEscaped()));
}

} // namespace lantern::ui
