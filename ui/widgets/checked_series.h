#pragma once
// What the card tabs show: the series of one kind in the runs checked in the runs panel whose
// tag matches the tab's filter, each with its run's colour.

#include "ui/adapter/loaded_data.h"
#include "ui/widgets/card_grid.h"

#include <QColor>
#include <QRegularExpression>
#include <QString>

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

} // namespace lantern::ui
