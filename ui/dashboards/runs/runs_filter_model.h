#pragma once
// The runs table as shown: sorted by any column (numbers and times as numbers, through
// RunsTableModel::SortRole) and filtered by a regular expression on the run's name, and to runs
// with problems or live runs.

#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace lantern::ui {

class RunsTableModel;

class RunsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterModel(RunsTableModel* source, QObject* parent = nullptr);

    // An invalid expression filters nothing (it is being typed).
    void setNamePattern(const QString& pattern);
    void setOnlyWithProblems(bool only);
    void setOnlyLive(bool only);

    // Around a live update that changes the column sorted by: the changed rows are not re-sorted
    // block by block (each a layout change of the whole view) but all at once at the end, and
    // re-filtered when a filter is on.
    void holdSorting();
    void releaseSorting();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    // Compares RunsTableModel's sort keys directly; empty cells last, numbers before text.
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    RunsTableModel* m_table;
    QRegularExpression m_name;
    bool m_onlyProblems = false;
    bool m_onlyLive = false;
};

} // namespace lantern::ui
