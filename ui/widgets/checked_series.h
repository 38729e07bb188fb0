#pragma once
// What the card tabs show: the series of one kind in the runs checked in the runs panel whose
// tag matches the tab's filter, each with its run's colour.

#include "core/load/snapshot_change.h"
#include "ui/adapter/loaded_data.h"
#include "ui/widgets/card_grid.h"

#include <QColor>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace lantern::ui {

class RunListModel;

struct CheckedSeries {
    QString tag;
    QString run;
    QColor color;
    std::shared_ptr<const core::RunSnapshot> runData; // keeps `data` alive
    const core::TagSnapshot* data = nullptr; // inside runData
};

// Runs in snapshot order, tags in run order; empty series are left out. Every tag matches an
// empty or invalid filter (a regular expression matched anywhere in the tag). Without a runs
// model every run counts as checked, in its default colour.
std::vector<CheckedSeries> checkedSeries(const core::LogdirSnapshot* snapshot,
    const RunListModel* runs, const QRegularExpression& filter, core::ValueKind kind);

// A card per series, for CardGrid::showCards.
std::vector<CardGrid::CardKey> cardKeys(const std::vector<CheckedSeries>& series);

// One series as checkedSeries would list it, or nullopt when it would leave it out (no such
// run or tag, empty, unchecked, filtered out).
std::optional<CheckedSeries> checkedSeriesOf(const core::LogdirSnapshot& snapshot,
    const RunListModel* runs, const QRegularExpression& filter, std::string_view run,
    std::string_view tag, core::ValueKind kind);

// For a tab with a card per (tag, run) of `kind` in `grid`: hands `update` the card body and
// the series of each card whose series `change` names, and leaves every other card alone.
// False, having updated nothing, when cards must come or go (a named series appeared in or
// left the view): then the tab rebuilds.
bool updateChangedCards(const CardGrid& grid, const core::LogdirSnapshot& snapshot,
    const RunListModel* runs, const QRegularExpression& filter, core::ValueKind kind,
    const core::SnapshotChange& change,
    const std::function<void(QWidget* body, const CheckedSeries& series)>& update);

} // namespace lantern::ui
