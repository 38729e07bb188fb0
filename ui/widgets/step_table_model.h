#pragma once
// The data table's rows as a Qt model: at a step the columns Run, Step, Value, Smoothed, Wall
// time and Relative; over a range Run, Start, End, Change, Min, Max, Mean and Points. Cells show
// numbers as the plots do and sort by their numbers (kSortRole); the same rows can be written as
// CSV (exact numbers, text fields neutralised against spreadsheet formulas) or as tab-separated
// text for the clipboard.

#include "ui/widgets/step_table_rows.h"

#include <QAbstractTableModel>

#include <vector>

namespace lantern::ui {

class StepTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kSortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<StepTableRow> rows, bool range);
    bool isRange() const { return m_range; }
    const std::vector<StepTableRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `rows` (model rows, in the order given) and `columns` as CSV: a header line, then one line
    // per row; numbers exact ("nan" for none), wall times in seconds.
    std::string csv(const std::vector<int>& rows, const std::vector<int>& columns) const;
    // The same cells as shown, tab-separated, for pasting into a spreadsheet.
    QString tabSeparated(const std::vector<int>& rows, const std::vector<int>& columns) const;

private:
    // A cell's number (NaN for none), or the run's name in column 0.
    double number(const StepTableRow& row, int column) const;

    std::vector<StepTableRow> m_rows;
    bool m_range = false;
};

} // namespace lantern::ui
