#pragma once
// Which cards a card tab shows: one per tag of its kind in each run checked in the runs panel,
// kept when the tag filter (a regular expression matched anywhere in the tag, ignoring case)
// matches. An invalid filter filters nothing, and its box says why.

#include "ui/adapter/loaded_data.h"

#include <QColor>
#include <QRegularExpression>

#include <vector>

class QLineEdit;
class QWidget;

namespace lantern::ui {

class RunListModel;

struct TagCard {
    QString tag;
    QString run;
    QColor color;
    std::shared_ptr<const core::RunSnapshot> runData;
    const core::TagSnapshot* data = nullptr; // inside runData
};

// The cards for every non-empty tag of `kind` in the checked runs of `snapshot` (every run
// when `runs` is null) that `filter` accepts; runs in snapshot order, tags in stored order.
std::vector<TagCard> tagCards(const core::LogdirSnapshot* snapshot, const RunListModel* runs,
    core::ValueKind kind, const QRegularExpression& filter = {});

// A tag filter box: a placeholder saying what it takes, and a clear button.
QLineEdit* createTagFilterBox(const QString& objectName, QWidget* parent);
// The box's filter; when it is not a valid expression the box turns red with the reason as
// its tooltip.
QRegularExpression readTagFilter(QLineEdit* box);
// True when the filter is empty or invalid, or matches `tag`.
bool tagFilterAccepts(const QRegularExpression& filter, const QString& tag);

} // namespace lantern::ui
