#pragma once
// Lantern's main window: the runs panel on the left, dashboards in the centre, the status bar
// with load progress and problems, and a clear start page when nothing is loaded.

#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QDockWidget;

namespace lantern::ui {

class DiagnosticsPanel;
struct Preferences;
class LogLoader;
class RunListModel;
class RunSelector;
class Dashboard;
class ScalarsDashboard;
class SshQuestions;

// What to open for the paths and specs a user named (arguments, dropped paths): each as it is,
// but an event file opens its folder, its run named after that folder unless the folder is
// itself one of them (core::openedLogdirSpecs).
QStringList openedLogdirSpecs(const QStringList& arguments);

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Replaces what is open; each spec is "PATH" or "NAME:PATH".
    void openLogdirs(const QStringList& logdirSpecs);
    // Keeps what is open and adds more.
    void addLogdirs(const QStringList& logdirSpecs);
    void closeLogdirs();
    // Opens the built-in demo, generating it first (on a worker thread) when needed.
    void openDemo();
    void editPreferences();
    // File › Open Remote Log Directory…: asks for host, user, port and path, then opens it.
    void chooseRemoteLogdir();
    // Brings the dashboard with this key ("scalars", "histograms"…) to the front; false when
    // the loaded data has nothing for it.
    bool showTab(const QString& key);
    // True while a dashboard still computes what it draws off the GUI thread (images being
    // read and decoded, histogram summaries, the projector finding or projecting embeddings);
    // viewsReady() follows when none does. A screenshot waits for it.
    bool isComputing() const;
    // The dashboards, in tab order (from dashboard_registry.h).
    const std::vector<Dashboard*>& dashboards() const { return m_dashboards; }

    LogLoader* loader() const { return m_loader; }
    // `lantern --keep-orphaned-data`: keep every point as written, whatever the preference says.
    void setKeepOrphanedData(bool keep);
    RunListModel* runListModel() const { return m_runModel; }
    RunSelector* runSelector() const { return m_runSelector; }
    DiagnosticsPanel* diagnosticsPanel() const { return m_diagnostics; }
    QDockWidget* diagnosticsDock() const { return m_diagnosticsDock; }

signals:
    // Emitted on the GUI thread once a loaded snapshot has been applied to the views.
    void loadFinished();
    // Emitted when the last dashboard that was computing is ready.
    void viewsReady();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void applyPreferences(const Preferences& preferences);
    QWidget* createStartPage();
    QWidget* createContent();
    void chooseLogdir(bool add);
    void showSnapshot(const LogdirSnapshotPtr& snapshot);
    void showProgress(qint64 filesDone, qint64 filesTotal, qint64 bytesDone, qint64 bytesTotal);
    void showLoading();
    void showUnreachable(const QStringList& unreachable);
    void updateConnectionText();
    void rememberRecent(const QStringList& logdirSpecs);
    void rebuildRecentMenu();
    void setDropHighlight(bool on);
    void updateTabVisibility();
    void showFirstTabWithData();
    void dashboardReady();
    int tabIndex(const QString& key) const;

    LogLoader* m_loader = nullptr;
    RunListModel* m_runModel = nullptr;
    RunSelector* m_runSelector = nullptr;
    DiagnosticsPanel* m_diagnostics = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_tabs = nullptr;
    std::vector<Dashboard*> m_dashboards; // in tab order
    DashboardUpdate m_lastUpdate; // what the dashboards were last offered
    ScalarsDashboard* m_scalars = nullptr; // the smoothing preference sets its slider
    QLabel* m_startMessage = nullptr;
    QLabel* m_statusText = nullptr;
    // "reconnecting in 8 s (why)" while a host is unreachable, counted down by the tick.
    QLabel* m_connectionText = nullptr;
    QTimer* m_connectionTick = nullptr;
    QString m_unreachableReason;
    SshQuestions* m_sshQuestions = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_problemsButton = nullptr;
    QLabel* m_dropOverlay = nullptr;
    QLabel* m_demoBanner = nullptr;
    QMenu* m_recentMenu = nullptr;
    bool m_firstLoadDone = false;
    bool m_keepOrphanedData = false; // from the command line
};

} // namespace lantern::ui
