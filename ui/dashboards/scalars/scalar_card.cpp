#include "ui/dashboards/scalars/scalar_card.h"

#include "ui/widgets/elided_label.h"
#include "ui/widgets/line_plot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {

constexpr int kCardMinWidth = 360;
constexpr int kCardHeight = 290;
constexpr int kEnlargedHeight = 560;

QToolButton* toolButton(QWidget* parent, const QString& name)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ScalarCard::ScalarCard(const QStringList& tags, bool custom, QWidget* parent)
    : QFrame(parent)
    , m_tags(tags)
    , m_custom(custom)
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(kCardMinWidth);
    setFixedHeight(kCardHeight);

    m_title = new ElidedLabel(this);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The card's width is the grid's to choose: a tag of any length is elided, never widens it.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_noData = new QLabel(tr("No data for the selected runs"), this);
    m_noData->setObjectName(QStringLiteral("noDataNote"));
    m_noData->setEnabled(false); // drawn greyed
    m_noData->hide();
    m_plot = new LinePlot(this);
    m_plot->setObjectName(QStringLiteral("plot"));

    m_pin = new QAction(tr("Pin to top"), this);
    m_pin->setObjectName(QStringLiteral("pinCard"));
    m_pin->setIconText(QStringLiteral("★"));
    m_pin->setToolTip(tr("Pin this card to the top"));
    m_pin->setCheckable(true);
    m_pin->setVisible(!custom); // custom charts sit at the top already
    m_enlarge = new QAction(tr("Enlarge"), this);
    m_enlarge->setObjectName(QStringLiteral("enlargeCard"));
    m_enlarge->setIconText(QStringLiteral("⤢"));
    m_enlarge->setToolTip(tr("Show this card across the whole row"));
    m_enlarge->setCheckable(true);
    connect(m_pin, &QAction::toggled, this, &ScalarCard::pinToggled);
    connect(m_enlarge, &QAction::toggled, this, [this](bool on) {
        setFixedHeight(on ? kEnlargedHeight : kCardHeight);
        emit enlargeToggled(on);
    });

    m_menu = new QMenu(this);
    m_menu->addAction(m_pin);
    m_menu->addAction(m_enlarge);
    m_menu->addSeparator();
    m_menu->addAction(tr("Reset zoom"), m_plot, &LinePlot::resetZoom);
    m_menu->addAction(tr("Set axis ranges…"), this, &ScalarCard::axisRangesRequested);
    m_menu->addSeparator();
    if (custom) {
        m_menu->addAction(tr("Edit tags…"), this, &ScalarCard::tagsRequested);
        m_menu->addAction(tr("Remove chart"), this, &ScalarCard::removeRequested);
    } else {
        m_menu->addAction(tr("Add tag to this chart…"), this, &ScalarCard::tagsRequested);
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Save as PNG…"), this, [this] { emit exportRequested(Export::Png); });
    m_menu->addAction(tr("Save as SVG…"), this, [this] { emit exportRequested(Export::Svg); });
    m_menu->addAction(tr("Save data as CSV…"), this, [this] { emit exportRequested(Export::Csv); });
    m_menu->addAction(
        tr("Save data as JSON…"), this, [this] { emit exportRequested(Export::Json); });

    QToolButton* pinButton = toolButton(this, QStringLiteral("pinButton"));
    pinButton->setDefaultAction(m_pin);
    pinButton->setVisible(!custom);
    QToolButton* enlargeButton = toolButton(this, QStringLiteral("enlargeButton"));
    enlargeButton->setDefaultAction(m_enlarge);
    QToolButton* menuButton = toolButton(this, QStringLiteral("cardMenu"));
    menuButton->setText(QStringLiteral("⋯"));
    menuButton->setPopupMode(QToolButton::InstantPopup);
    menuButton->setMenu(m_menu);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this,
        [this](const QPoint& pos) { m_menu->popup(mapToGlobal(pos)); });

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(pinButton);
    header->addWidget(enlargeButton);
    header->addWidget(menuButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_noData);
    layout->addWidget(m_plot, 1);
    setTags(tags);
}

void ScalarCard::setTags(const QStringList& tags)
{
    m_tags = tags;
    m_title->setFullText(title(), m_custom ? m_tags.join(QLatin1Char('\n')) : QString());
}

QString ScalarCard::title() const
{
    return m_tags.join(QStringLiteral(" + "));
}

QAction* ScalarCard::action(const QString& text) const
{
    for (QAction* action : m_menu->actions())
        if (action->isVisible() && !action->isSeparator() && action->text().startsWith(text))
            return action;
    return nullptr;
}

bool ScalarCard::isPinned() const
{
    return m_pin->isChecked();
}

void ScalarCard::setPinned(bool pinned)
{
    const QSignalBlocker blocker(m_pin);
    m_pin->setChecked(pinned);
}

bool ScalarCard::isEnlarged() const
{
    return m_enlarge->isChecked();
}

void ScalarCard::setEnlarged(bool enlarged)
{
    const QSignalBlocker blocker(m_enlarge);
    m_enlarge->setChecked(enlarged);
    setFixedHeight(enlarged ? kEnlargedHeight : kCardHeight);
}

void ScalarCard::setNoDataNoteShown(bool shown)
{
    m_noData->setVisible(shown);
}

bool ScalarCard::isNoDataNoteShown() const
{
    return !m_noData->isHidden();
}

} // namespace lantern::ui
