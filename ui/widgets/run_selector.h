#pragma once
// The runs panel: a regular-expression filter, all/none, a count, and the run list with
// checkboxes and colour swatches, grouped under each logdir's name when several are open;
// right-click to hide, recolour, copy or reveal a run.

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;
class QSortFilterProxyModel;

namespace lantern::ui {

class RunListModel;

class RunSelector : public QWidget {
    Q_OBJECT
public:
    explicit RunSelector(RunListModel* model, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return m_filter; }
    QTreeView* view() const { return m_view; }
    // What the panel says in place of the run list while there are no runs (say, what was
    // found instead); empty for the plain empty list.
    void setNoRunsText(const QString& text);

private:
    void applyFilter(const QString& pattern);
    void setVisibleChecked(bool checked);
    // The full names of the runs the filter lets through, in display order.
    QStringList visibleRuns() const;
    void showGroups();
    void updateCount();
    void showContextMenu(const QPoint& position);

    RunListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTreeView* m_view;
    QLabel* m_count;
    QLabel* m_noRuns;
};

} // namespace lantern::ui
