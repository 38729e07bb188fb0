#pragma once
// The HParams tab: every session of a hyperparameter search in a table (one row per session,
// hparams then metrics, sortable) and in parallel coordinates above it, with filters per hparam
// and status on the left, a menu to show or hide columns, and CSV export of the table as shown.
// Sessions whose run is unchecked in the runs panel are hidden, as in the other tabs. The table
// is rebuilt from each new snapshot while the tab is shown (or when it is next shown), in place.

#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QToolButton;

namespace lantern::ui {

class HParamsFilterModel;
class HParamsFilterPanel;
class HParamsTableModel;
class ParallelCoordinatesView;
class RunListModel;

class HParamsDashboard : public Dashboard {
    Q_OBJECT
public:
    explicit HParamsDashboard(RunListModel* runs, QWidget* parent = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot);

    // Dashboard: the table is built on the GUI thread
    QString key() const override { return QStringLiteral("hparams"); }
    QString title() const override { return tr("HParams"); }
    std::optional<bool> hasDataFor(const DashboardUpdate& update) const override
    {
        return std::any_of(update.snapshot->runs.begin(), update.snapshot->runs.end(),
            [](const auto& run) { return !run->hparams.empty(); });
    }
    bool computesInBackground() const override { return false; }
    bool isComputing() const override { return false; }

    // Shows or hides a column (HParamsTableModel::Column::key) in the table, the parallel
    // coordinates and the CSV export.
    void setColumnShown(const QString& key, bool shown);
    bool isColumnShown(const QString& key) const { return !m_hiddenColumns.contains(key); }
    // Selects the session's row (when shown) and highlights its line.
    void selectSession(const QString& run);
    // The table as shown: rows filtered and in their order, hidden columns left out.
    QString csv() const;
    bool exportCsv(const QString& path) const;

    HParamsTableModel* tableModel() const { return m_table; }
    HParamsFilterModel* filterModel() const { return m_filter; }
    QTableView* tableView() const { return m_view; }
    ParallelCoordinatesView* parallelView() const { return m_parallel; }
    HParamsFilterPanel* filterPanel() const { return m_filters; }
    QToolButton* columnsButton() const { return m_columnsButton; }
    QLabel* summaryLabel() const { return m_summary; }

protected:
    void apply(const DashboardUpdate& update) override { setSnapshot(update.snapshot); }
    // Sessions' hparams, and scalars the table reads (see core::scalarsMayChange).
    bool isAffectedBy(const core::SnapshotChange& change) const override;
    void showEvent(QShowEvent* event) override;

private:
    void rebuild();
    void applyRunSelection();
    void rebuildColumnsMenu();
    void highlightCurrentRow();
    void updateSummary();
    void chooseExportPath();

    RunListModel* m_runs;
    LogdirSnapshotPtr m_snapshot;
    LogdirSnapshotPtr m_builtFrom; // the snapshot the table shows
    bool m_stale = false; // a snapshot arrived while the tab was hidden
    QSet<QString> m_hiddenColumns;
    HParamsTableModel* m_table;
    HParamsFilterModel* m_filter;
    QTableView* m_view;
    ParallelCoordinatesView* m_parallel;
    HParamsFilterPanel* m_filters;
    QToolButton* m_columnsButton;
    QPushButton* m_export;
    QLabel* m_summary;
};

} // namespace lantern::ui
