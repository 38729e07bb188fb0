#pragma once
// Lists every record Lantern skipped or could not read: run, file, byte offset, how many
// bytes, and why, so nothing is lost silently.

#include "ui/adapter/loaded_data.h"

#include <QWidget>

class QTableWidget;
class QLabel;

namespace lantern::ui {

class DiagnosticsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget* parent = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot);
    int problemCount() const { return m_count; }
    QTableWidget* table() const { return m_table; }
    // Lists only the problems of this run (empty: every problem).
    void setRunFilter(const QString& run);
    const QString& runFilter() const { return m_runFilter; }

private:
    void applyRunFilter();

    QTableWidget* m_table;
    QLabel* m_summary;
    int m_count = 0;
    QString m_runFilter;
};

} // namespace lantern::ui
