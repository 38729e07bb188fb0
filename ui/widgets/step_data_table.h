#pragma once
// The data table under a Scalars card: for the selected step or range, a row per run (see
// step_table_rows.h), sortable by any column, with columns to show or hide, copy and save as
// CSV. Rows are computed on a worker thread (a run's smoothing and sum pyramid are built there
// once, then reused), so the GUI never waits on a long series.

#include "ui/widgets/latest_job.h"
#include "ui/widgets/line_layout.h"
#include "ui/widgets/step_selection.h"
#include "ui/widgets/step_table_rows.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace lantern::ui {

class StepTableModel;

class StepDataTable : public QWidget {
    Q_OBJECT
public:
    explicit StepDataTable(QWidget* parent = nullptr);
    ~StepDataTable() override;

    // The card's runs and smoothing; the rows follow them.
    void setSeries(std::vector<LineSeries> series, double smoothing);
    void setSelection(const StepSelection& selection);
    std::optional<StepSelection> selection() const { return m_selection; }

    StepTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Whether `column` (of the current mode) is shown; the choice is kept per mode.
    bool isColumnShown(int column) const;
    void setColumnShown(int column, bool shown);
    // The shown rows in their sorted order and the shown columns, as CSV or for the clipboard.
    std::string csv() const;
    QString tabSeparated() const;
    bool saveCsv(const QString& path) const;
    void copyToClipboard() const;
    // Blocks until the rows for the latest series and selection are shown (tests, exports).
    void waitForRows();

signals:
    void closeRequested();

private:
    void refresh();
    void showRows(std::vector<StepTableRow> rows, std::vector<StepTableSource> sources, bool range);
    void applyShownColumns();
    std::vector<int> shownRows() const;
    std::vector<int> shownColumns() const;
    void chooseCsvPath();

    struct Result {
        std::vector<StepTableRow> rows;
        std::vector<StepTableSource> sources;
        bool range = false;
    };

    std::vector<LineSeries> m_series;
    double m_smoothing = 0;
    std::optional<StepSelection> m_selection;
    std::vector<StepTableSource> m_sources; // what the last rows were computed from, reused
    std::vector<bool> m_hidden[2]; // columns hidden, at a step [0] and over a range [1]
    LatestJob<Result> m_job;

    QLabel* m_caption = nullptr;
    QToolButton* m_columns = nullptr;
    StepTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace lantern::ui
