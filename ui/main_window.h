#pragma once
// Lantern's main window: the runs panel on the left, dashboards in the centre, the status bar
// with load progress and problems, and a clear start page when nothing is loaded.

#include "ui/adapter/loaded_data.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QDockWidget;

namespace lantern::ui {

class DiagnosticsPanel;
struct Preferences;
class LogLoader;
class RunListModel;
class RunSelector;
class ScalarsDashboard;
class GraphsDashboard;
class HistogramsDashboard;
class ImagesDashboard;
class DistributionsDashboard;
class ProjectorDashboard;
class TextDashboard;
class PrCurvesDashboard;
class HParamsDashboard;

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
    // Brings the dashboard with this key ("scalars", "histograms"…) to the front; false when
    // the loaded data has nothing for it.
    bool showTab(const QString& key);
    // True while a view still computes what it draws off the GUI thread (images being read
    // and decoded, histogram summaries, the projector finding or projecting embeddings); a
    // screenshot waits for it.
    bool isComputing() const;

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
    void rememberRecent(const QStringList& logdirSpecs);
    void rebuildRecentMenu();
    void setDropHighlight(bool on);
    void updateTabVisibility(const core::LogdirSnapshot& snapshot);
    int tabIndex(const QString& key) const;

    LogLoader* m_loader = nullptr;
    RunListModel* m_runModel = nullptr;
    RunSelector* m_runSelector = nullptr;
    DiagnosticsPanel* m_diagnostics = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_tabs = nullptr;
    ScalarsDashboard* m_scalars = nullptr;
    ImagesDashboard* m_images = nullptr;
    HistogramsDashboard* m_histograms = nullptr;
    GraphsDashboard* m_graphs = nullptr;
    DistributionsDashboard* m_distributions = nullptr;
    ProjectorDashboard* m_projector = nullptr;
    TextDashboard* m_text = nullptr;
    PrCurvesDashboard* m_prCurves = nullptr;
    HParamsDashboard* m_hparams = nullptr;
    QLabel* m_startMessage = nullptr;
    QLabel* m_overview = nullptr;
    QLabel* m_statusText = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_problemsButton = nullptr;
    QLabel* m_dropOverlay = nullptr;
    QLabel* m_demoBanner = nullptr;
    QMenu* m_recentMenu = nullptr;
    bool m_firstLoadDone = false;
    bool m_keepOrphanedData = false; // from the command line
};

} // namespace lantern::ui
