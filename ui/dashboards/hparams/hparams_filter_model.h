#pragma once
// Which sessions the HParams tab shows, and in what order. Filters are kept by hparam name, so
// they hold across reloads that add columns: a categorical hparam hides the values unchecked,
// a numeric one keeps values inside [min, max] (a session without the hparam passes a range),
// metrics take ranges the same way (by column key), a regular expression picks sessions by run
// or group name, statuses can be hidden, and so can the sessions whose run is unchecked in the
// runs panel or left out by the parallel coordinates' brushes.
// Sorting is numeric on numeric columns, natural ("run-2" before "run-10") on text; unset
// values sort last either way.

#include "core/events/hparams.h"

#include <QCollator>
#include <QHash>
#include <QRegularExpression>
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
    // A metric's range, by its column key (HParamsTableModel::Column::key).
    void setMetricRange(const QString& key, const HParamsRange& range);
    HParamsRange metricRange(const QString& key) const { return m_metricRanges.value(key); }
    // Sessions whose run or group name the pattern finds somewhere; an empty or invalid pattern
    // lets every session through.
    void setSessionPattern(const QString& pattern);
    QString sessionPattern() const { return m_sessionPattern.pattern(); }
    // The sessions the brushes leave out, by run.
    void setBrushedOut(const QSet<QString>& runs);
    // Whether every filter but the brushes lets the table row through (the parallel coordinates
    // still draw those lines, faintly).
    bool acceptsBeforeBrushing(int sourceRow) const;

signals:
    // A filter other than the brushes changed (whether or not any row came or went).
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool acceptsHParam(int row, int column) const;
    bool acceptsMetric(int row, int column) const;

    HParamsTableModel* m_table;
    QHash<QString, QSet<QString>> m_hiddenValues; // by hparam name
    QHash<QString, HParamsRange> m_ranges;
    QSet<int> m_hiddenStatuses;
    QSet<QString> m_hiddenRuns;
    QHash<QString, HParamsRange> m_metricRanges; // by column key
    QRegularExpression m_sessionPattern;
    QSet<QString> m_brushedOut;
    QCollator m_collator;
};

} // namespace lantern::ui
