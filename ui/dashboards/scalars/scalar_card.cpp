#include "ui/dashboards/scalars/scalar_card.h"

#include "ui/widgets/elided_label.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/step_data_table.h"
#include "ui/widgets/step_strip.h"

#include <QActionGroup>
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
constexpr int kTableHeight = 150; // added under the plot while a step is selected

QToolButton* toolButton(QWidget* parent, const QString& name)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ScalarCard::ScalarCard(const QStringList& tags, bool custom, QWidget* parent)
    : ScalarCard(tags, custom ? Kind::Custom : Kind::Tag, QString(), parent)
{
}

ScalarCard::ScalarCard(const QStringList& tags, Kind kind, const QString& title, QWidget* parent)
    : QFrame(parent)
    , m_tags(tags)
    , m_kind(kind)
    , m_layoutTitle(title)
{
    const bool custom = kind != Kind::Tag;
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
    m_strip = new StepStrip(m_plot, this);
    m_table = new StepDataTable(this);
    m_table->setObjectName(QStringLiteral("stepDataTable"));
    m_table->hide();
    connect(m_strip, &StepStrip::selectionChanged, this,
        [this](const std::optional<StepSelection>& selection) {
            showStepTable(selection);
            emit stepSelectionChanged(selection);
        });
    connect(m_table, &StepDataTable::closeRequested, this, [this] {
        setStepSelection(std::nullopt);
        emit stepSelectionChanged(std::nullopt);
    });

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
        applyHeight();
        emit enlargeToggled(on);
    });

    m_menu = new QMenu(this);
    m_menu->addAction(m_pin);
    m_menu->addAction(m_enlarge);
    m_menu->addSeparator();
    m_menu->addAction(tr("Reset zoom"), m_plot, &LinePlot::resetZoom);
    m_menu->addAction(tr("Set axis ranges…"), this, &ScalarCard::axisRangesRequested);
    QMenu* yAxis = m_menu->addMenu(tr("Y axis"));
    auto* yChoices = new QActionGroup(this);
    const QString yNames[] = {tr("As the toolbar"), tr("Linear"), tr("Log")};
    for (int i = 0; i < 3; ++i) {
        m_yAxis[i] = yAxis->addAction(yNames[i]);
        m_yAxis[i]->setCheckable(true);
        yChoices->addAction(m_yAxis[i]);
        connect(m_yAxis[i], &QAction::triggered, this,
            [this, i] { setLogScaleOverride(i == 0 ? std::nullopt : std::optional(i == 2)); });
    }
    m_yAxis[0]->setChecked(true);
    QMenu* xAxis = m_menu->addMenu(tr("X axis"));
    auto* xChoices = new QActionGroup(this);
    const QString xNames[] = {tr("As the toolbar"), tr("Step"), tr("Relative"), tr("Wall")};
    for (int i = 0; i < 4; ++i) {
        m_xAxis[i] = xAxis->addAction(xNames[i]);
        m_xAxis[i]->setCheckable(true);
        xChoices->addAction(m_xAxis[i]);
        connect(m_xAxis[i], &QAction::triggered, this, [this, i] {
            setXAxisOverride(i == 0 ? std::nullopt : std::optional(XAxisMode(i - 1)));
        });
    }
    m_xAxis[0]->setChecked(true);
    m_menu->addSeparator();
    if (kind == Kind::Custom) {
        m_menu->addAction(tr("Edit tags…"), this, &ScalarCard::tagsRequested);
        m_menu->addAction(tr("Remove chart"), this, &ScalarCard::removeRequested);
    } else if (kind == Kind::Tag) {
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
    layout->addWidget(m_strip);
    layout->addWidget(m_table);
    setTags(tags);
}

void ScalarCard::setLogScaleOverride(std::optional<bool> log)
{
    m_yAxis[!log ? 0 : *log ? 2 : 1]->setChecked(true);
    if (log == m_logOverride)
        return;
    m_logOverride = log;
    emit axesOverrideChanged();
}

void ScalarCard::setXAxisOverride(std::optional<XAxisMode> mode)
{
    m_xAxis[mode ? 1 + int(*mode) : 0]->setChecked(true); // the menu lists XAxisMode in order
    if (mode == m_xAxisOverride)
        return;
    m_xAxisOverride = mode;
    emit axesOverrideChanged();
}

void ScalarCard::setSeries(std::vector<LineSeries> series)
{
    m_plot->setSeries(std::move(series));
    refreshStepTable();
}

void ScalarCard::refreshStepTable()
{
    if (m_strip->selection())
        m_table->setSeries(m_plot->allSeries(), m_plot->options().smoothing);
}

std::optional<StepSelection> ScalarCard::stepSelection() const
{
    return m_strip->selection();
}

void ScalarCard::setStepSelection(const std::optional<StepSelection>& selection)
{
    m_strip->setSelection(selection);
    showStepTable(selection);
}

void ScalarCard::showStepTable(const std::optional<StepSelection>& selection)
{
    const bool shown = selection.has_value();
    if (shown) {
        if (m_table->isHidden())
            m_table->setSeries(m_plot->allSeries(), m_plot->options().smoothing);
        m_table->setSelection(*selection);
    }
    m_table->setVisible(shown);
    applyHeight();
}

void ScalarCard::applyHeight()
{
    const int plotHeight = m_enlarge->isChecked() ? kEnlargedHeight : kCardHeight;
    setFixedHeight(plotHeight + (m_table->isHidden() ? 0 : kTableHeight));
}

void ScalarCard::setTags(const QStringList& tags)
{
    m_tags = tags;
    m_title->setFullText(title(), isCustom() ? m_tags.join(QLatin1Char('\n')) : QString());
}

QString ScalarCard::title() const
{
    return m_kind == Kind::Layout ? m_layoutTitle : m_tags.join(QStringLiteral(" + "));
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
    applyHeight();
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
