#pragma once
// Which sessions the HParams tab shows, and in what order. Filters are kept by hparam name, so
// they hold across reloads that add columns: a categorical hparam hides the values unchecked,
// a numeric one keeps values inside [min, max] (a session without the hparam passes a range),
// statuses can be hidden, and so can the sessions whose run is unchecked in the runs panel.
// Sorting is numeric on numeric columns, natural ("run-2" before "run-10") on text; unset
// values sort last either way.

#include "core/events/hparams.h"

#include <QCollator>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace lantern::ui {

class HParamsTableModel;

struct HParamsRange {
    std::optional<double> min;
    std::optional<double> max;
    bool operator==(const HParamsRange&) const = default;
};

class HParamsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit HParamsFilterModel(HParamsTableModel* table, QObject* parent = nullptr);

    HParamsTableModel* table() const { return m_table; }

    // Texts as HParamsTableModel::valueText gives them; "" stands for "not set".
    void setHiddenValues(const QString& hparam, const QSet<QString>& texts);
    QSet<QString> hiddenValues(const QString& hparam) const { return m_hiddenValues.value(hparam); }
    void setRange(const QString& hparam, const HParamsRange& range);
    HParamsRange range(const QString& hparam) const { return m_ranges.value(hparam); }
    void setStatusShown(core::SessionEndStatus status, bool shown);
    bool isStatusShown(core::SessionEndStatus status) const;
    void setHiddenRuns(const QSet<QString>& runs);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool acceptsHParam(int row, int column) const;

    HParamsTableModel* m_table;
    QHash<QString, QSet<QString>> m_hiddenValues; // by hparam name
    QHash<QString, HParamsRange> m_ranges;
    QSet<int> m_hiddenStatuses;
    QSet<QString> m_hiddenRuns;
    QCollator m_collator;
};

} // namespace lantern::ui
