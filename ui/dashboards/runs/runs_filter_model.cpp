#include "ui/dashboards/runs/runs_filter_model.h"

#include "ui/dashboards/runs/runs_table_model.h"

namespace lantern::ui {

RunsFilterModel::RunsFilterModel(RunsTableModel* source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_table(source)
{
    setSourceModel(source);
    setSortRole(RunsTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RunsFilterModel::setNamePattern(const QString& pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    m_name = expression.isValid() && !pattern.isEmpty() ? expression : QRegularExpression();
    invalidateRowsFilter();
}

void RunsFilterModel::setOnlyWithProblems(bool only)
{
    m_onlyProblems = only;
    invalidateRowsFilter();
}

void RunsFilterModel::setOnlyLive(bool only)
{
    m_onlyLive = only;
    invalidateRowsFilter();
}

void RunsFilterModel::holdSorting()
{
    setDynamicSortFilter(false);
}

void RunsFilterModel::releaseSorting()
{
    setDynamicSortFilter(true); // sorts every row once
    if (m_onlyProblems || m_onlyLive || !m_name.pattern().isEmpty())
        invalidateRowsFilter();
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (m_onlyProblems && m_table->problems(sourceRow) == 0)
        return false;
    if (m_onlyLive && !m_table->isLive(sourceRow))
        return false;
    return m_name.pattern().isEmpty() || m_name.match(m_table->runName(sourceRow)).hasMatch();
}

bool RunsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const RunsTableModel::SortKey a = m_table->sortKey(left.row(), left.column());
    const RunsTableModel::SortKey b = m_table->sortKey(right.row(), right.column());
    if (a.kind != b.kind) {
        if (a.kind == RunsTableModel::SortKey::Empty || b.kind == RunsTableModel::SortKey::Empty)
            return b.kind == RunsTableModel::SortKey::Empty;
        return a.kind == RunsTableModel::SortKey::Number;
    }
    if (a.kind == RunsTableModel::SortKey::Number)
        return a.number < b.number;
    return QString::compare(a.text, b.text, Qt::CaseInsensitive) < 0;
}

} // namespace lantern::ui
