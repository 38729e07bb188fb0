#pragma once
// The cards of a tab with a card per checked (run, tag) of one kind, such as Images and Audio:
// which cards the snapshot, the runs panel's checks and the tag filter call for, each handed
// its series' data; after a change notice only the cards whose series changed. The cards are
// worked out again when the filter's text or the checked runs change.

#include "ui/adapter/loaded_data.h"
#include "ui/widgets/checked_series.h"

#include <functional>

class QLineEdit;

namespace lantern::ui {

class CardGrid;
class RunListModel;

class SeriesCards {
public:
    using HandData = std::function<void(QWidget* body, const CheckedSeries& series)>;

    // `noun` names the kind in the grid's empty text ("image"), `none` says that the checked
    // runs hold none of it; `hand` gives a card's body its series' data.
    SeriesCards(core::ValueKind kind, CardGrid* grid, RunListModel* runs, QLineEdit* filter,
        QString noun, QString none, HandData hand);

    void setSnapshot(const LogdirSnapshotPtr& snapshot);
    void applyChange(const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change);
    void rebuild();
    // Whether `busy` holds for some card's body.
    bool anyBody(const std::function<bool(QWidget* body)>& busy) const;

private:
    core::ValueKind m_kind;
    CardGrid* m_grid;
    RunListModel* m_runs;
    QLineEdit* m_filter;
    QString m_noun;
    QString m_none;
    HandData m_hand;
    LogdirSnapshotPtr m_snapshot;
};

} // namespace lantern::ui
