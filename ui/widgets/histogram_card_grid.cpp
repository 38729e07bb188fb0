#include "ui/widgets/histogram_card_grid.h"

#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/card_menu_button.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kCardMinWidth = 380;
constexpr int kCardHeight = 280;

} // namespace

struct HistogramCardGrid::Card {
    QString tag;
    QString run;
    int runOrder = 0;
    QFrame* frame = nullptr;
    QLabel* runLabel = nullptr;
    HistogramSeriesPlot* plot = nullptr;
};

HistogramCardGrid::HistogramCardGrid(PlotFactory create, MenuFiller fillMenu, QWidget* parent)
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

HistogramCardGrid::~HistogramCardGrid() = default;

QString HistogramCardGrid::cardName(const QString& tag, const QString& run)
{
    return QStringLiteral("card:") + tag + QLatin1Char('|') + run;
}

void HistogramCardGrid::setEmptyText(const QString& text)
{
    m_empty->setText(text);
    m_empty->setVisible(m_cards.empty());
}

void HistogramCardGrid::setCards(const std::vector<CardSpec>& specs)
{
    std::map<QString, const CardSpec*> wanted;
    std::map<QString, int> runOrder;
    for (const CardSpec& spec : specs) {
        wanted[cardName(spec.tag, spec.run)] = &spec;
        runOrder.emplace(spec.run, int(runOrder.size()));
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
    for (const auto& [name, spec] : wanted) {
        auto it = m_cards.find(name);
        if (it == m_cards.end()) {
            auto card = std::make_unique<Card>();
            card->tag = spec->tag;
            card->run = spec->run;
            card->frame = new QFrame;
            card->frame->setObjectName(name);
            card->frame->setFrameShape(QFrame::StyledPanel);
            card->frame->setMinimumWidth(kCardMinWidth - 20);
            card->frame->setFixedHeight(kCardHeight);
            auto* title = new QLabel(spec->tag, card->frame);
            title->setObjectName(QStringLiteral("cardTitle"));
            QFont bold = title->font();
            bold.setBold(true);
            title->setFont(bold);
            title->setTextInteractionFlags(Qt::TextSelectableByMouse);
            card->runLabel = new QLabel(card->frame);
            card->runLabel->setObjectName(QStringLiteral("cardRun"));
            card->plot = m_create(card->frame);
            card->plot->setObjectName(QStringLiteral("plot"));
            QToolButton* menuButton = createCardMenuButton(card->frame);
            QMenu* menu = menuButton->menu();
            connect(
                menu, &QMenu::aboutToShow, this, [this, menu, tag = spec->tag, run = spec->run] {
                    menu->clear();
                    m_fillMenu(menu, tag, run);
                });
            QFrame* frame = card->frame;
            frame->setContextMenuPolicy(Qt::CustomContextMenu);
            connect(frame, &QWidget::customContextMenuRequested, menu,
                [menu, frame](
                    const QPoint& position) { menu->popup(frame->mapToGlobal(position)); });
            auto* header = new QHBoxLayout;
            header->addWidget(title, 1);
            header->addWidget(card->runLabel);
            header->addWidget(menuButton);
            auto* layout = new QVBoxLayout(card->frame);
            layout->setContentsMargins(6, 4, 6, 6);
            layout->addLayout(header);
            layout->addWidget(card->plot, 1);
            it = m_cards.emplace(name, std::move(card)).first;
            m_order.push_back(it->second.get());
            changed = true;
        }
        Card& card = *it->second;
        changed |= card.runOrder != runOrder[spec->run];
        card.runOrder = runOrder[spec->run];
        card.runLabel->setText(QStringLiteral("<span style='color:%1'>■</span> %2")
                                   .arg(spec->color.name(), spec->run.toHtmlEscaped()));
        card.plot->setEntries(spec->data->histograms, spec->color);
    }
    if (changed || m_placedColumns == 0)
        placeCards();
    m_empty->setVisible(m_cards.empty());
}

int HistogramCardGrid::columnCount() const
{
    return std::max(1, viewport()->width() / kCardMinWidth);
}

void HistogramCardGrid::placeCards()
{
    std::sort(m_order.begin(), m_order.end(), [](const Card* a, const Card* b) {
        const QString ga = ScalarsDashboard::groupOf(a->tag),
                      gb = ScalarsDashboard::groupOf(b->tag);
        if (ga != gb)
            return ScalarsDashboard::naturalLess(ga, gb);
        if (a->tag != b->tag)
            return ScalarsDashboard::naturalLess(a->tag, b->tag);
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
        const QString group = ScalarsDashboard::groupOf(card->tag);
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
        grid->addWidget(card->frame, index / columns, index % columns);
        card->frame->show();
        ++index;
    }
}

void HistogramCardGrid::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (!m_order.empty() && columnCount() != m_placedColumns)
        placeCards();
}

QStringList HistogramCardGrid::groupNames() const
{
    return m_groups;
}

QStringList HistogramCardGrid::cardTitles() const
{
    QStringList titles;
    for (const Card* card : m_order)
        titles.append(card->tag + QStringLiteral(" · ") + card->run);
    return titles;
}

HistogramSeriesPlot* HistogramCardGrid::plot(const QString& tag, const QString& run) const
{
    const auto it = m_cards.find(cardName(tag, run));
    return it == m_cards.end() ? nullptr : it->second->plot;
}

QWidget* HistogramCardGrid::card(const QString& tag, const QString& run) const
{
    const auto it = m_cards.find(cardName(tag, run));
    return it == m_cards.end() ? nullptr : it->second->frame;
}

void HistogramCardGrid::forEachPlot(const std::function<void(HistogramSeriesPlot*)>& visit) const
{
    for (const Card* card : m_order)
        visit(card->plot);
}

} // namespace lantern::ui
