#pragma once
// Lantern's main window: the runs panel on the left, dashboards in the centre, and a clear
// "open a log directory" state when nothing is loaded.

#include "ui/adapter/run_summary.h"

#include <QMainWindow>

class QLabel;
class QListView;
class QStackedWidget;

namespace lantern::ui {

class LogLoader;
class RunListModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openLogdirs(const QStringList& logdirSpecs);
    RunListModel* runListModel() const { return m_runModel; }
    QListView* runListView() const { return m_runView; }

signals:
    // Emitted on the GUI thread once a load has been applied to the views.
    void loadFinished();

private:
    void chooseLogdir();
    void showSnapshot(const LoadSnapshot& snapshot);
    QWidget* createEmptyState();
    QWidget* createContent();

    LogLoader* m_loader = nullptr;
    RunListModel* m_runModel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QListView* m_runView = nullptr;
    QLabel* m_emptyMessage = nullptr;
    QLabel* m_overview = nullptr;
    QLabel* m_statusText = nullptr;
};

} // namespace lantern::ui
