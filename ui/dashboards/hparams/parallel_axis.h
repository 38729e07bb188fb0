#pragma once
// One vertical axis of the parallel-coordinates view, for one column of the hparams table: a
// numeric scale over the values' range (linear, log10 when every value is positive, or quantile:
// each distinct value at its rank), or evenly spaced categories (the first at the top). It maps
// a session's value to a fraction of the axis height: 0 at the bottom, 1 at the top.

#include "core/analysis/quantile_scale.h"

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

enum class AxisScale { Linear, Log, Quantile };

struct ParallelAxis {
    int column = 0;
    QString key; // HParamsTableModel::Column::key
    QString title;
    bool numeric = false;
    bool log = false;
    bool quantile = false;
    core::QuantileScale quantiles; // the column's values, on a quantile scale
    bool positive = false; // every value > 0: a log scale is possible
    double lo = 0; // numeric: the range shown (log10 of it on a log scale)
    double hi = 1;
    std::optional<double> onlyValue; // numeric: the one value every session has, if so
    QStringList categories;

    // A log scale is honoured only when every value is positive; categories ignore `wanted`.
    static ParallelAxis of(const HParamsTableModel& table, int column, AxisScale wanted);

    // Where a session's value sits on the axis, or nullopt when it has none.
    std::optional<double> fraction(const HParamsTableModel& table, int row) const;
    // (fraction, label) pairs for about `target` ticks, or one per category.
    std::vector<std::pair<double, QString>> ticks(int target) const;
    // The value at a fraction of a numeric axis (the inverse of fraction()).
    double valueAt(double fraction) const;
    // Where `value` sits on a numeric axis (beyond 0..1 outside its range; NaN where the scale
    // has no place for it, as zero on a log scale).
    double fractionOfValue(double value) const;
    // The title as drawn: "(log)" or "(quantile)" added.
    QString label() const;
    // The axis line at `x` down `plot` and its ticks labelled to the right, each at most
    // `tickLabelWidth` wide, in the painter's font. The title is the view's to place.
    void paint(QPainter& painter, const QPalette& palette, double x, const QRectF& plot,
        double tickLabelWidth) const;
};

} // namespace lantern::ui
