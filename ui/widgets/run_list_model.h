#pragma once
// The runs panel's model: one row per run with a checkbox and a stable colour.

#include "ui/adapter/run_summary.h"

#include <QAbstractListModel>
#include <QColor>
#include <QSet>

namespace lantern::ui {

class RunListModel : public QAbstractListModel {
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    void setRuns(const QList<RunSummary>& runs);
    const RunSummary& run(int row) const { return m_runs.at(row); }
    bool isChecked(const QString& runName) const { return !m_unchecked.contains(runName); }

    // A run's colour depends only on its name, so it keeps it across reloads and sessions.
    static QColor colorFor(const QString& runName);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void checkedRunsChanged();

private:
    QList<RunSummary> m_runs;
    QSet<QString> m_unchecked;
};

} // namespace lantern::ui
