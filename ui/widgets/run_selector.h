#pragma once
// The runs panel: a regular-expression filter, all/none, a count, and the run list with
// checkboxes and colour swatches; right-click to hide, recolour, copy or reveal a run.

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace lantern::ui {

class RunListModel;

class RunSelector : public QWidget {
    Q_OBJECT
public:
    explicit RunSelector(RunListModel* model, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return m_filter; }
    QListView* view() const { return m_view; }
    // Rows the filter lets through.
    int visibleRunCount() const;

private:
    void applyFilter(const QString& pattern);
    void setVisibleChecked(bool checked);
    void updateCount();
    void showContextMenu(const QPoint& position);

    RunListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QListView* m_view;
    QLabel* m_count;
};

} // namespace lantern::ui
