#include "ui/widgets/step_table_model.h"

#include "core/export/csv_text.h"
#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/hover_table.h"

#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

enum StepColumn { kRun, kStep, kValue, kSmoothed, kWallTime, kRelative, kStepColumns };
enum RangeColumn { kStart = 1, kEnd, kChange, kMin, kMax, kMean, kPoints, kRangeColumns };

} // namespace

void StepTableModel::setRows(std::vector<StepTableRow> rows, bool range)
{
    beginResetModel(); // rows come and go with the runs, columns with the mode
    m_rows = std::move(rows);
    m_range = range;
    endResetModel();
}

int StepTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StepTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_range ? int(kRangeColumns) : int(kStepColumns);
}

QVariant StepTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const stepNames[]
        = {"Run", "Step", "Value", "Smoothed", "Wall time", "Relative"};
    static const char* const rangeNames[]
        = {"Run", "Start", "End", "Change", "Min", "Max", "Mean", "Points"};
    if (section < 0 || section >= columnCount())
        return {};
    return tr(m_range ? rangeNames[section] : stepNames[section]);
}

double StepTableModel::number(const StepTableRow& row, int column) const
{
    if (m_range) {
        const core::RangeStatistics& r = row.range;
        const bool any = r.count > 0;
        switch (column) {
        case kStart:
            return any ? r.first.value : kNoValue;
        case kEnd:
            return any ? r.last.value : kNoValue;
        case kChange:
            return r.change();
        case kMin:
            return r.min;
        case kMax:
            return r.max;
        case kMean:
            return r.mean();
        case kPoints:
            return double(r.count);
        default:
            return kNoValue;
        }
    }
    if (!row.point)
        return kNoValue;
    switch (column) {
    case kStep:
        return double(row.point->step);
    case kValue:
        return row.point->value;
    case kSmoothed:
        return row.smoothed;
    case kWallTime:
        return row.point->wallTime;
    case kRelative:
        return row.relativeHours;
    default:
        return kNoValue;
    }
}

QVariant StepTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const StepTableRow& row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (column == kRun) {
        if (role == Qt::DisplayRole || role == kSortRole)
            return row.run;
        if (role == Qt::DecorationRole)
            return row.color;
        return {};
    }
    const double value = number(row, column);
    if (role == kSortRole)
        return std::isnan(value) ? -std::numeric_limits<double>::infinity() : value;
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (std::isnan(value) && (m_range ? row.range.count == 0 : !row.point))
        return QString(); // the run has nothing there
    if (!m_range && column == kStep)
        return QString::number(row.point->step);
    if (!m_range && column == kWallTime)
        return formatWallTime(value);
    if (!m_range && column == kRelative)
        return formatDuration(value);
    if (m_range && column == kPoints)
        return QString::number(row.range.count);
    return AxisTicks::formatNumber(value);
}

std::string StepTableModel::csv(const std::vector<int>& rows, const std::vector<int>& columns) const
{
    std::string out;
    const auto line = [&](auto&& cell) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0)
                out += ',';
            cell(columns[c]);
        }
        out += '\n';
    };
    line([&](int column) {
        core::appendCsvField(out, headerData(column, Qt::Horizontal).toString().toStdString());
    });
    for (const int r : rows) {
        const StepTableRow& row = m_rows.at(std::size_t(r));
        line([&](int column) {
            if (column == kRun)
                core::appendCsvField(out, row.run.toStdString());
            else if (!m_range && column == kWallTime && row.point)
                out += core::formatWallTime(row.point->wallTime);
            else if (!m_range && column == kStep && row.point)
                out += std::to_string(row.point->step);
            else if (m_range && column == kPoints)
                out += std::to_string(row.range.count);
            else
                out += core::shortestNumber(number(row, column));
        });
    }
    return out;
}

QString StepTableModel::tabSeparated(
    const std::vector<int>& rows, const std::vector<int>& columns) const
{
    QStringList lines;
    QStringList header;
    for (const int column : columns)
        header << headerData(column, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (const int r : rows) {
        QStringList cells;
        for (const int column : columns)
            cells << data(index(r, column)).toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace lantern::ui
