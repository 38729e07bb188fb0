#include "ui/dashboards/hparams/hparams_table_model.h"

#include "core/events/hparams_decoder.h"
#include "core/export/csv_text.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QString metricName(const core::MetricInfo& metric)
{
    return fromStd(metric.group.empty() ? metric.tag : metric.group + "/" + metric.tag);
}

QString timeText(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000))
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
}

bool allNumbers(const core::HParamsTable& table, std::size_t hparam)
{
    return std::all_of(table.sessions.begin(), table.sessions.end(), [hparam](const auto& s) {
        return !s.hparams[hparam] || std::holds_alternative<double>(*s.hparams[hparam]);
    });
}

} // namespace

std::vector<HParamsTableModel::Column> HParamsTableModel::columnsOf(const core::HParamsTable& table)
{
    std::vector<Column> columns;
    columns.push_back({ColumnKind::Session, 0, QStringLiteral("session"), tr("Session"), false});
    const auto& hparams = table.experiment.hparams;
    for (std::size_t i = 0; i < hparams.size(); ++i) {
        const core::HParamInfo& info = hparams[i];
        // Declared as a number (or not declared at all), and every value set is one.
        const bool numeric
            = (info.type == core::HParamType::Float64 || info.type == core::HParamType::Unset)
            && allNumbers(table, i);
        columns.push_back(
            {ColumnKind::HParam, int(i), QStringLiteral("hparam:") + fromStd(info.name),
                fromStd(info.displayName.empty() ? info.name : info.displayName), numeric});
    }
    const auto& metrics = table.experiment.metrics;
    for (std::size_t i = 0; i < metrics.size(); ++i)
        columns.push_back(
            {ColumnKind::Metric, int(i), QStringLiteral("metric:") + metricName(metrics[i]),
                metrics[i].displayName.empty() ? metricName(metrics[i])
                                               : fromStd(metrics[i].displayName),
                true});
    columns.push_back({ColumnKind::Status, 0, QStringLiteral("status"), tr("Status"), false});
    return columns;
}

void HParamsTableModel::setTable(core::HParamsTable table)
{
    std::vector<Column> columns = columnsOf(table);
    if (columns != m_columns) {
        beginResetModel();
        m_table = std::move(table);
        m_columns = std::move(columns);
        endResetModel();
        return;
    }
    m_table.experiment = std::move(table.experiment);
    m_table.experimentRun = std::move(table.experimentRun);
    mergeSessions(std::move(table.sessions));
}

// Both lists are in run-name order: walk them together.
void HParamsTableModel::mergeSessions(std::vector<core::HParamsSession> sessions)
{
    auto& rows = m_table.sessions;
    std::size_t row = 0;
    for (core::HParamsSession& fresh : sessions) {
        while (row < rows.size() && rows[row].run < fresh.run) {
            beginRemoveRows({}, int(row), int(row));
            rows.erase(rows.begin() + std::ptrdiff_t(row));
            endRemoveRows();
        }
        if (row < rows.size() && rows[row].run == fresh.run) {
            if (!(rows[row] == fresh)) {
                rows[row] = std::move(fresh);
                emit dataChanged(index(int(row), 0), index(int(row), columnCount() - 1));
            }
        } else {
            beginInsertRows({}, int(row), int(row));
            rows.insert(rows.begin() + std::ptrdiff_t(row), std::move(fresh));
            endInsertRows();
        }
        ++row;
    }
    if (row < rows.size()) {
        beginRemoveRows({}, int(row), int(rows.size()) - 1);
        rows.erase(rows.begin() + std::ptrdiff_t(row), rows.end());
        endRemoveRows();
    }
}

int HParamsTableModel::columnOf(const QString& key) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].key == key)
            return int(i);
    return -1;
}

int HParamsTableModel::rowOf(const QString& run) const
{
    const std::string name = run.toStdString();
    for (std::size_t i = 0; i < m_table.sessions.size(); ++i)
        if (m_table.sessions[i].run == name)
            return int(i);
    return -1;
}

std::optional<double> HParamsTableModel::number(int row, int column) const
{
    const Column& c = m_columns[column];
    const core::HParamsSession& s = m_table.sessions[row];
    if (c.kind == ColumnKind::Metric && s.metrics[c.index])
        return s.metrics[c.index]->value;
    if (c.kind == ColumnKind::HParam && s.hparams[c.index])
        if (const double* value = std::get_if<double>(&*s.hparams[c.index]))
            return *value;
    return std::nullopt;
}

QString HParamsTableModel::valueText(int row, int column) const
{
    const Column& c = m_columns[column];
    const core::HParamsSession& s = m_table.sessions[row];
    switch (c.kind) {
    case ColumnKind::Session:
        return fromStd(s.run);
    case ColumnKind::HParam:
        return s.hparams[c.index] ? fromStd(core::hparamValueText(*s.hparams[c.index])) : QString();
    case ColumnKind::Metric:
        return s.metrics[c.index] ? fromStd(core::shortestNumber(s.metrics[c.index]->value))
                                  : QString();
    case ColumnKind::Status:
        return statusText(s.status);
    }
    return {};
}

QStringList HParamsTableModel::categories(int column) const
{
    QStringList values;
    const Column& c = m_columns[column];
    if (c.kind == ColumnKind::HParam)
        for (const core::HParamValue& value : m_table.experiment.hparams[c.index].discreteDomain)
            values.append(fromStd(core::hparamValueText(value)));
    QStringList seen;
    for (int row = 0; row < rowCount(); ++row)
        if (const QString text = valueText(row, column);
            !text.isEmpty() && !values.contains(text) && !seen.contains(text))
            seen.append(text);
    seen.sort();
    return values + seen;
}

std::optional<std::pair<double, double>> HParamsTableModel::range(int column) const
{
    std::optional<std::pair<double, double>> result;
    for (int row = 0; row < rowCount(); ++row) {
        const auto value = number(row, column);
        if (!value || !std::isfinite(*value))
            continue;
        result = result
            ? std::pair(std::min(result->first, *value), std::max(result->second, *value))
            : std::pair(*value, *value);
    }
    return result;
}

QString HParamsTableModel::statusText(core::SessionEndStatus status)
{
    switch (status) {
    case core::SessionEndStatus::Success:
        return tr("Success");
    case core::SessionEndStatus::Failure:
        return tr("Failure");
    case core::SessionEndStatus::Running:
        return tr("Running");
    case core::SessionEndStatus::Unknown:
        break;
    }
    return tr("Unknown");
}

int HParamsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.sessions.size());
}

int HParamsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant HParamsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const int row = index.row(), column = index.column();
    const Column& c = m_columns[column];
    switch (role) {
    case Qt::DisplayRole:
        // Numbers as people write them (0.0001, not 1e-04); exact text is in the tooltip
        // and the export. Metrics to six significant digits.
        if (c.kind != ColumnKind::Session && c.kind != ColumnKind::Status)
            if (const auto value = number(row, column))
                return QString::number(*value, 'g', c.kind == ColumnKind::Metric ? 6 : 12);
        return valueText(row, column);
    case SortRole:
        if (c.numeric) {
            const auto value = number(row, column);
            return value && !std::isnan(*value) ? QVariant(*value) : QVariant();
        }
        return valueText(row, column);
    case ExportRole:
        return valueText(row, column);
    case RunRole:
        return fromStd(m_table.sessions[row].run);
    case Qt::ToolTipRole:
        return plainToolTip(toolTip(row, column));
    case Qt::TextAlignmentRole:
        return c.numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QString HParamsTableModel::toolTip(int row, int column) const
{
    const Column& c = m_columns[column];
    const core::HParamsSession& s = m_table.sessions[row];
    if (c.kind == ColumnKind::Metric && s.metrics[c.index])
        return tr("%1 at step %2 (%3)")
            .arg(valueText(row, column))
            .arg(s.metrics[c.index]->step)
            .arg(timeText(s.metrics[c.index]->wallTime));
    if (c.kind == ColumnKind::Session)
        return tr("Group: %1\nStarted %2").arg(fromStd(s.groupName), timeText(s.startTimeSecs));
    if (c.kind == ColumnKind::Status && s.endTimeSecs)
        return tr("Ended %1").arg(timeText(*s.endTimeSecs));
    return {};
}

QVariant HParamsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column& c = m_columns[section];
    if (role == Qt::DisplayRole)
        return c.title;
    if (role == Qt::ToolTipRole) {
        if (c.kind == ColumnKind::HParam)
            return plainToolTip(fromStd(m_table.experiment.hparams[c.index].description));
        if (c.kind == ColumnKind::Metric) {
            const core::MetricInfo& metric = m_table.experiment.metrics[c.index];
            const QString name = tr("Last value of %1").arg(metricName(metric));
            return plainToolTip(
                metric.description.empty() ? name : name + "\n" + fromStd(metric.description));
        }
    }
    return {};
}

} // namespace lantern::ui
