#include "ui/dashboards/hparams/parallel_axis.h"

#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/widgets/axis_ticks.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPalette>

#include <cmath>

namespace lantern::ui {

ParallelAxis ParallelAxis::of(const HParamsTableModel& table, int column, AxisScale wanted)
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
    if (range->first == range->second)
        axis.onlyValue = range->first;
    axis.log = wanted == AxisScale::Log && axis.positive;
    if (wanted == AxisScale::Quantile) {
        std::vector<double> values;
        values.reserve(std::size_t(table.rowCount()));
        for (int row = 0; row < table.rowCount(); ++row)
            if (const auto value = table.number(row, column))
                values.push_back(*value);
        axis.quantile = true;
        axis.quantiles = core::QuantileScale(std::move(values));
    }
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
        return fractionOfValue(*value);
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
    // One value: its tick is the value itself, where every dot is (a round number would sit
    // beside them, as 500 beside a batch size of 512).
    if (onlyValue)
        return {{fractionOfValue(*onlyValue), AxisTicks::formatNumber(*onlyValue)}};
    if (quantile) { // the quartiles
        for (const double f : {0.0, 0.25, 0.5, 0.75, 1.0})
            if (!quantiles.empty())
                result.emplace_back(f, AxisTicks::formatNumber(quantiles.valueAt(f)));
        return result;
    }
    const AxisTicks ticks
        = log ? AxisTicks::log10(lo, hi, target) : AxisTicks::linear(lo, hi, target);
    for (std::size_t i = 0; i < ticks.values.size(); ++i)
        result.emplace_back((ticks.values[i] - lo) / (hi - lo), ticks.labels[i]);
    return result;
}

double ParallelAxis::valueAt(double fraction) const
{
    if (quantile)
        return quantiles.valueAt(fraction);
    const double position = lo + fraction * (hi - lo);
    return log ? std::pow(10.0, position) : position;
}

double ParallelAxis::fractionOfValue(double value) const
{
    if (quantile)
        return quantiles.fraction(value);
    if (log && !(value > 0))
        return NAN;
    const double position = log ? std::log10(value) : value;
    return (position - lo) / (hi - lo);
}

QString ParallelAxis::label() const
{
    if (quantile)
        return title + QCoreApplication::translate("ParallelAxis", " (quantile)");
    return log ? title + QCoreApplication::translate("ParallelAxis", " (log)") : title;
}

void ParallelAxis::paint(QPainter& painter, const QPalette& palette, double x, const QRectF& plot,
    double tickLabelWidth) const
{
    painter.setPen(QPen(palette.color(QPalette::Text), 1));
    painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    painter.setPen(palette.color(QPalette::PlaceholderText));
    for (const auto& [fraction, text] : ticks(5)) {
        const double y = plot.bottom() - fraction * plot.height();
        painter.drawLine(QPointF(x - 3, y), QPointF(x, y));
        painter.drawText(QRectF(x + 4, y - 8, tickLabelWidth, 16), Qt::AlignLeft | Qt::AlignVCenter,
            painter.fontMetrics().elidedText(text, Qt::ElideRight, int(tickLabelWidth)));
    }
}

} // namespace lantern::ui
