#include "ui/dashboards/text/text_dashboard.h"

#include "ui/dashboards/text/text_card.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/checked_series.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/tag_filter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace lantern::ui {

TextDashboard::TextDashboard(RunListModel* runs, QWidget* parent)
    : SeriesDashboard(core::ValueKind::Text, parent)
    , m_runs(runs)
{
    setObjectName(QStringLiteral("text")); // the main window's tab key
    m_filter = createTagFilter(this, QStringLiteral("textTagFilter"));
    m_markdown = new QCheckBox(tr("Render markdown"), this);
    m_markdown->setObjectName(QStringLiteral("textMarkdown"));
    m_markdown->setChecked(true);
    m_markdown->setToolTip(tr("Off: the text exactly as written"));
    m_grid = new CardGrid(
        [](const CardGrid::CardKey&, QWidget* card) { return new TextCard(card); }, {}, this);
    m_grid->setObjectName(QStringLiteral("textCards"));
    m_grid->setCardSize(480, 380); // text reads best wide and tall: two columns on most screens

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_filter, 1);
    controls->addSpacing(12);
    controls->addWidget(m_markdown);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &TextDashboard::rebuild);
    connect(m_markdown, &QCheckBox::toggled, this, &TextDashboard::applyFormat);
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &TextDashboard::rebuild);
    rebuild();
}

void TextDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

TextCard* TextDashboard::card(const QString& tag, const QString& run) const
{
    return static_cast<TextCard*>(m_grid->body(tag, run));
}

void TextDashboard::rebuild()
{
    const QRegularExpression filter = readTagFilter(m_filter);
    const std::vector<CheckedSeries> series
        = checkedSeries(m_snapshot.get(), m_runs, filter, core::ValueKind::Text);
    m_grid->showCards(cardKeys(series));
    applyFormat();
    for (const CheckedSeries& one : series)
        card(one.tag, one.run)->setEntries(one.data->tensors);
    m_grid->setEmptyText(emptyCardsText(
        m_snapshot.get(), filter, tr("text"), tr("The checked runs have no text summaries.")));
}

void TextDashboard::applyChange(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_snapshot = snapshot;
    if (!updateChangedCards(*m_grid, *snapshot, m_runs, readTagFilter(m_filter),
            core::ValueKind::Text, change, [](QWidget* body, const CheckedSeries& series) {
                static_cast<TextCard*>(body)->setEntries(series.data->tensors);
            }))
        rebuild();
}

void TextDashboard::applyFormat()
{
    const TextFormat format = m_markdown->isChecked() ? TextFormat::Markdown : TextFormat::Plain;
    m_grid->forEachBody(
        [format](QWidget* body) { static_cast<TextCard*>(body)->setFormat(format); });
}

} // namespace lantern::ui
