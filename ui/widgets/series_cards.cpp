#include "ui/widgets/series_cards.h"

#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/tag_filter.h"

#include <QLineEdit>

namespace lantern::ui {

SeriesCards::SeriesCards(core::ValueKind kind, CardGrid* grid, RunListModel* runs,
    QLineEdit* filter, QString noun, QString none, HandData hand)
    : m_kind(kind)
    , m_grid(grid)
    , m_runs(runs)
    , m_filter(filter)
    , m_noun(std::move(noun))
    , m_none(std::move(none))
    , m_hand(std::move(hand))
{
    // The grid as the connections' context: they end with the cards.
    QObject::connect(m_filter, &QLineEdit::textChanged, m_grid, [this] { rebuild(); });
    if (m_runs)
        QObject::connect(m_runs, &RunListModel::selectionChanged, m_grid, [this] { rebuild(); });
    rebuild();
}

void SeriesCards::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void SeriesCards::rebuild()
{
    const QRegularExpression filter = readTagFilter(m_filter);
    const std::vector<CheckedSeries> series
        = checkedSeries(m_snapshot.get(), m_runs, filter, m_kind);
    m_grid->showCards(cardKeys(series));
    for (const CheckedSeries& one : series)
        m_hand(m_grid->body(one.tag, one.run), one);
    m_grid->setEmptyText(emptyCardsText(m_snapshot.get(), filter, m_noun, m_none));
}

void SeriesCards::applyChange(const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_snapshot = snapshot;
    if (!updateChangedCards(
            *m_grid, *snapshot, m_runs, readTagFilter(m_filter), m_kind, change, m_hand))
        rebuild();
}

bool SeriesCards::anyBody(const std::function<bool(QWidget* body)>& busy) const
{
    bool any = false;
    m_grid->forEachBody([&](QWidget* body) { any = any || busy(body); });
    return any;
}

} // namespace lantern::ui
