#pragma once
// The HParams tab: every session of a hyperparameter search in a table (one row per session,
// hparams then metrics, sortable) with the selected session's metric charts beside it, and above
// them parallel coordinates (brushing, axes moved by dragging) or a scatter-plot matrix, in two
// tabs. Filters per hparam, metric, session name and status on the left, a column chooser, the
// column sessions are coloured by, and export of the table as shown as CSV, JSON or LaTeX.
// Hovering or clicking a session in any of the views, or the table, shows it in all of them.
// Sessions whose run is unchecked in the runs panel are hidden, as in the other tabs. The table
// is rebuilt from each new snapshot while the tab is shown (or when it is next shown), in place.

#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QToolButton;

namespace lantern::ui {

class HParamsFilterModel;
class HParamsFilterPanel;
class HParamsTableModel;
class ParallelCoordinatesView;
class RunListModel;
class ScatterMatrixView;
class SessionCharts;

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
    // What the tab shows on a snapshot or when shown is drawn on the GUI thread (the views'
    // first pictures); only later changes are drawn on workers, the last picture standing in
    // (ParallelCoordinatesView::isDrawingLines, ScatterMatrixView::isDrawing).
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
    QString json() const;
    QString latex() const;
    // Writes the table as shown in the format the path's suffix names (.csv, .json or .tex).
    bool exportTable(const QString& path) const;
    // Colours the parallel coordinates and the scatter matrix by a column ("" for the first
    // metric), as the toolbar's chooser does.
    void setColorColumn(const QString& key);
    // Shows the hover of `run` ("" for none) in the parallel coordinates and the scatter matrix.
    void hoverSession(const QString& run);

    HParamsTableModel* tableModel() const { return m_table; }
    HParamsFilterModel* filterModel() const { return m_filter; }
    QTableView* tableView() const { return m_view; }
    ParallelCoordinatesView* parallelView() const { return m_parallel; }
    ScatterMatrixView* scatterView() const { return m_scatter; }
    SessionCharts* sessionCharts() const { return m_charts; }
    QTabWidget* viewTabs() const { return m_viewTabs; }
    QComboBox* colorChooser() const { return m_colorBy; }
    QToolButton* exportButton() const { return m_export; }
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
    void chooseExportPath(const QString& suffix);
    void rebuildColorChooser();
    std::vector<int> exportedColumns() const;

    RunListModel* m_runs;
    LogdirSnapshotPtr m_snapshot;
    LogdirSnapshotPtr m_builtFrom; // the snapshot the table shows
    bool m_stale = false; // a snapshot arrived while the tab was hidden
    QSet<QString> m_hiddenColumns;
    HParamsTableModel* m_table;
    HParamsFilterModel* m_filter;
    QTableView* m_view;
    ParallelCoordinatesView* m_parallel;
    ScatterMatrixView* m_scatter;
    SessionCharts* m_charts;
    QTabWidget* m_viewTabs;
    HParamsFilterPanel* m_filters;
    QToolButton* m_columnsButton;
    QComboBox* m_colorBy;
    QToolButton* m_export;
    QLabel* m_summary;
};

} // namespace lantern::ui
