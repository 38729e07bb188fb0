#include "ui/dashboards/hparams/parallel_axis.h"

#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/widgets/axis_ticks.h"

#include <cmath>

namespace lantern::ui {

ParallelAxis ParallelAxis::of(const HParamsTableModel& table, int column, bool wantLog)
{
    const HParamsTableModel::Column& c = table.columns()[column];
    ParallelAxis axis;
    axis.column = column;
    axis.key = c.key;
    axis.title = c.title;
    axis.numeric = c.numeric;
    if (!axis.numeric) {
        axis.categories = table.categories(column);
        return axis;
    }
    const auto range = table.range(column);
    if (!range)
        return axis; // no value yet: an empty [0, 1] axis
    axis.positive = range->first > 0;
    axis.log = wantLog && axis.positive;
    axis.lo = axis.log ? std::log10(range->first) : range->first;
    axis.hi = axis.log ? std::log10(range->second) : range->second;
    if (axis.hi == axis.lo) { // one value: put it in the middle
        const double pad = axis.lo != 0 && !axis.log ? std::abs(axis.lo) * 0.1 : 0.5;
        axis.lo -= pad;
        axis.hi += pad;
    }
    return axis;
}

std::optional<double> ParallelAxis::fraction(const HParamsTableModel& table, int row) const
{
    if (numeric) {
        const auto value = table.number(row, column);
        if (!value || !std::isfinite(*value) || (log && *value <= 0))
            return std::nullopt;
        const double position = log ? std::log10(*value) : *value;
        return (position - lo) / (hi - lo);
    }
    const QString text = table.valueText(row, column);
    const qsizetype index = text.isEmpty() ? -1 : categories.indexOf(text);
    if (index < 0)
        return std::nullopt;
    return categories.size() == 1 ? 0.5 : 1.0 - double(index) / double(categories.size() - 1);
}

std::vector<std::pair<double, QString>> ParallelAxis::ticks(int target) const
{
    std::vector<std::pair<double, QString>> result;
    if (!numeric) {
        for (qsizetype i = 0; i < categories.size(); ++i)
            result.emplace_back(
                categories.size() == 1 ? 0.5 : 1.0 - double(i) / double(categories.size() - 1),
                categories[i]);
        return result;
    }
    const AxisTicks ticks
        = log ? AxisTicks::log10(lo, hi, target) : AxisTicks::linear(lo, hi, target);
    for (std::size_t i = 0; i < ticks.values.size(); ++i)
        result.emplace_back((ticks.values[i] - lo) / (hi - lo), ticks.labels[i]);
    return result;
}

} // namespace lantern::ui
