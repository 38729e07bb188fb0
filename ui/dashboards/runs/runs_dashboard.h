#pragma once
// The Runs tab: every run as a table row (runs_table_model.h) to sort, filter (regex, "has
// problems", "live"), check and uncheck (the same state as the runs panel), recolour, and
// export as CSV; columns chosen from the header's context menu; and the choice of what runs
// are coloured by (run, regex group, log directory or an hparam), which every view follows.

#include "ui/dashboards/dashboard.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace lantern::ui {

class RunListModel;
class RunsFilterModel;
class RunsTableModel;

class RunsDashboard : public Dashboard {
    Q_OBJECT
public:
    RunsDashboard(RunListModel* runs, QWidget* parent);

    QString key() const override { return QStringLiteral("runs"); }
    QString title() const override { return tr("Runs"); }
    std::optional<bool> hasDataFor(const DashboardUpdate& update) const override;
    bool computesInBackground() const override { return false; }
    bool isComputing() const override { return false; }

    RunsTableModel* tableModel() const { return m_table; }
    RunsFilterModel* filterModel() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_nameFilter; }
    QCheckBox* problemsOnly() const { return m_problemsOnly; }
    QCheckBox* liveOnly() const { return m_liveOnly; }
    QComboBox* colorByChooser() const { return m_colorBy; }
    QLineEdit* colorPatternEdit() const { return m_colorPattern; }
    QComboBox* colorHParamChooser() const { return m_colorHParam; }
    QLabel* summary() const { return m_summary; }

    // The rows shown, in the order shown, with the columns shown, as CSV.
    QString csv() const;
    bool exportCsv(const QString& path) const;
    // Checks (or unchecks) the runs of the selected rows, everywhere.
    void checkSelected(bool checked);

signals:
    // The user asked to see a run's problems (the Problems cell was clicked).
    void problemsRequested(const QString& run);

protected:
    void apply(const DashboardUpdate& update) override;
    bool isAffectedBy(const core::SnapshotChange& change) const override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* createColorBar();
    void applyColorScheme();
    void updateColorControls();
    void cellClicked(const QModelIndex& index);
    void showHeaderMenu(const QPoint& position);
    void showRowMenu(const QPoint& position);
    void hideEmptyColumns();
    void updateSummary();
    void chooseExportPath();

    RunListModel* m_runs;
    RunsTableModel* m_table;
    RunsFilterModel* m_filter;
    QTableView* m_view;
    QLineEdit* m_nameFilter;
    QCheckBox* m_problemsOnly;
    QCheckBox* m_liveOnly;
    QComboBox* m_colorBy;
    QLineEdit* m_colorPattern;
    QComboBox* m_colorHParam;
    QPushButton* m_export;
    QLabel* m_summary;
    QTimer* m_clock; // moves "3 s ago" on while the tab is shown
    bool m_columnsChosen = false; // by the user: keep them across reloads
};

} // namespace lantern::ui
