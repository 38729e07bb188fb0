#pragma once
// One vertical axis of the parallel-coordinates view, for one column of the hparams table: a
// numeric scale over the values' range (linear, or log10 when every value is positive), or
// evenly spaced categories (the first at the top). It maps a session's value to a fraction of
// the axis height: 0 at the bottom, 1 at the top.

#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QPainter;
class QPalette;

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
    // The title as drawn: "(log)" added on a log scale.
    QString label() const;
    // The axis line at `x` down `plot`, its label in bold in `titleBox` (wrapped onto two lines
    // at most), and its ticks labelled to the right, each at most `tickLabelWidth` wide, in the
    // painter's font.
    void paint(QPainter& painter, const QPalette& palette, double x, const QRectF& plot,
        const QRectF& titleBox, double tickLabelWidth) const;
};

} // namespace lantern::ui
