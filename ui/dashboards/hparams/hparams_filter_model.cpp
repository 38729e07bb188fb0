#include "ui/dashboards/hparams/hparams_filter_model.h"

#include "ui/dashboards/hparams/hparams_table_model.h"

namespace lantern::ui {

HParamsFilterModel::HParamsFilterModel(HParamsTableModel* table, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_table(table)
    // The C locale compares code points and ignores numeric mode: collate as English then.
    , m_collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSourceModel(table);
    setSortRole(HParamsTableModel::SortRole);
    setDynamicSortFilter(true);
}

void HParamsFilterModel::setHiddenValues(const QString& hparam, const QSet<QString>& texts)
{
    if (m_hiddenValues.value(hparam) == texts)
        return;
    m_hiddenValues.insert(hparam, texts);
    invalidateRowsFilter();
}

void HParamsFilterModel::setRange(const QString& hparam, const HParamsRange& range)
{
    if (m_ranges.value(hparam) == range)
        return;
    m_ranges.insert(hparam, range);
    invalidateRowsFilter();
}

void HParamsFilterModel::setStatusShown(core::SessionEndStatus status, bool shown)
{
    if (isStatusShown(status) == shown)
        return;
    if (shown)
        m_hiddenStatuses.remove(int(status));
    else
        m_hiddenStatuses.insert(int(status));
    invalidateRowsFilter();
}

bool HParamsFilterModel::isStatusShown(core::SessionEndStatus status) const
{
    return !m_hiddenStatuses.contains(int(status));
}

void HParamsFilterModel::setHiddenRuns(const QSet<QString>& runs)
{
    if (m_hiddenRuns == runs)
        return;
    m_hiddenRuns = runs;
    invalidateRowsFilter();
}

bool HParamsFilterModel::acceptsHParam(int row, int column) const
{
    const auto& info = m_table->table().experiment.hparams[m_table->columns()[column].index];
    const QString name = QString::fromStdString(info.name);
    if (const auto hidden = m_hiddenValues.find(name);
        hidden != m_hiddenValues.end() && hidden->contains(m_table->valueText(row, column)))
        return false;
    const auto range = m_ranges.find(name);
    if (range == m_ranges.end())
        return true;
    const auto value = m_table->number(row, column);
    if (!value)
        return true;
    return (!range->min || *value >= *range->min) && (!range->max || *value <= *range->max);
}

bool HParamsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const core::HParamsSession& session = m_table->session(sourceRow);
    if (m_hiddenStatuses.contains(int(session.status))
        || m_hiddenRuns.contains(QString::fromStdString(session.run)))
        return false;
    const auto& columns = m_table->columns();
    for (std::size_t column = 0; column < columns.size(); ++column)
        if (columns[column].kind == HParamsTableModel::ColumnKind::HParam
            && !acceptsHParam(sourceRow, int(column)))
            return false;
    return true;
}

bool HParamsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole()), b = right.data(sortRole());
    const bool aUnset = !a.isValid() || a.toString().isEmpty();
    const bool bUnset = !b.isValid() || b.toString().isEmpty();
    if (aUnset || bUnset) // unset last in both orders (Qt sorts descending by swapping sides)
        return sortOrder() == Qt::AscendingOrder ? !aUnset && bUnset : aUnset && !bUnset;
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    return m_collator.compare(a.toString(), b.toString()) < 0;
}

} // namespace lantern::ui
