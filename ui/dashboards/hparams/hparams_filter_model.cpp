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
    emit filtersChanged();
}

void HParamsFilterModel::setRange(const QString& hparam, const HParamsRange& range)
{
    if (m_ranges.value(hparam) == range)
        return;
    m_ranges.insert(hparam, range);
    invalidateRowsFilter();
    emit filtersChanged();
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
    emit filtersChanged();
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
    emit filtersChanged();
}

void HParamsFilterModel::setMetricRange(const QString& key, const HParamsRange& range)
{
    if (m_metricRanges.value(key) == range)
        return;
    m_metricRanges.insert(key, range);
    invalidateRowsFilter();
    emit filtersChanged();
}

void HParamsFilterModel::setSessionPattern(const QString& pattern)
{
    if (m_sessionPattern.pattern() == pattern)
        return;
    m_sessionPattern = QRegularExpression(pattern);
    invalidateRowsFilter();
    emit filtersChanged();
}

void HParamsFilterModel::setBrushedOut(const QSet<QString>& runs)
{
    if (m_brushedOut == runs)
        return;
    m_brushedOut = runs;
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

bool HParamsFilterModel::acceptsMetric(int row, int column) const
{
    const auto range = m_metricRanges.find(m_table->columns()[column].key);
    if (range == m_metricRanges.end())
        return true;
    const auto value = m_table->number(row, column);
    return !value
        || ((!range->min || *value >= *range->min) && (!range->max || *value <= *range->max));
}

bool HParamsFilterModel::acceptsBeforeBrushing(int sourceRow) const
{
    const core::HParamsSession& session = m_table->session(sourceRow);
    const QString run = QString::fromStdString(session.run);
    if (m_hiddenStatuses.contains(int(session.status)) || m_hiddenRuns.contains(run))
        return false;
    if (!m_sessionPattern.pattern().isEmpty() && m_sessionPattern.isValid()
        && !m_sessionPattern.match(run).hasMatch()
        && !m_sessionPattern.match(QString::fromStdString(session.groupName)).hasMatch())
        return false;
    const auto& columns = m_table->columns();
    for (std::size_t column = 0; column < columns.size(); ++column) {
        const auto kind = columns[column].kind;
        if ((kind == HParamsTableModel::ColumnKind::HParam
                && !acceptsHParam(sourceRow, int(column)))
            || (kind == HParamsTableModel::ColumnKind::Metric
                && !acceptsMetric(sourceRow, int(column))))
            return false;
    }
    return true;
}

bool HParamsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    return acceptsBeforeBrushing(sourceRow)
        && (m_brushedOut.isEmpty()
            || !m_brushedOut.contains(QString::fromStdString(m_table->session(sourceRow).run)));
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
