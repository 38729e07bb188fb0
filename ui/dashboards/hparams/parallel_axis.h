#pragma once
// One vertical axis of the parallel-coordinates view, for one column of the hparams table: a
// numeric scale over the values' range (linear, or log10 when every value is positive), or
// evenly spaced categories (the first at the top). It maps a session's value to a fraction of
// the axis height: 0 at the bottom, 1 at the top.

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace lantern::ui {

class HParamsTableModel;

struct ParallelAxis {
    int column = 0;
    QString key; // HParamsTableModel::Column::key
    QString title;
    bool numeric = false;
    bool log = false;
    bool positive = false; // every value > 0: a log scale is possible
    double lo = 0; // numeric: the range shown (log10 of it on a log scale)
    double hi = 1;
    QStringList categories;

    // `wantLog` is honoured only when every value is positive.
    static ParallelAxis of(const HParamsTableModel& table, int column, bool wantLog);

    // Where a session's value sits on the axis, or nullopt when it has none.
    std::optional<double> fraction(const HParamsTableModel& table, int row) const;
    // (fraction, label) pairs for about `target` ticks, or one per category.
    std::vector<std::pair<double, QString>> ticks(int target) const;
};

} // namespace lantern::ui
