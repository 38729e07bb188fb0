#include "ui/main_window.h"

#include "core/demo/demo_logdir.h"
#include "core/io/opened_logdirs.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/dashboard_registry.h"
#include "ui/dashboards/runs/runs_dashboard.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/preferences_dialog.h"
#include "ui/remote/remote_logdir_dialog.h"
#include "ui/remote/ssh_questions.h"
#include "ui/settings.h"
#include "ui/widgets/counted.h"
#include "ui/widgets/diagnostics_panel.h"
#include "ui/widgets/holdings_text.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/run_selector.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <google/protobuf/stubs/common.h>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kMaxRecent = 10;

enum Page { StartPage, ContentPage };

// A dropped folder becomes a named logdir (a dropped event file opens its folder, named alike:
// see addLogdirs).
QString logdirSpecForDrop(const QString& localPath)
{
    return QString::fromStdString(
        core::namedFolderSpec(pathFromQString(QFileInfo(localPath).absoluteFilePath())));
}

std::size_t embeddingCount(const core::LogdirSnapshot& snapshot)
{
    return snapshot.projector ? snapshot.projector->embeddings.size() : 0;
}

} // namespace

QStringList openedLogdirSpecs(const QStringList& arguments)
{
    std::vector<std::string> opened;
    for (const QString& argument : arguments)
        opened.push_back(argument.toStdString());
    QStringList specs;
    for (const std::string& spec : core::openedLogdirSpecs(opened))
        specs.append(QString::fromStdString(spec));
    return specs;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new LogLoader(this))
    , m_runModel(new RunListModel(this))
{
    setWindowTitle(tr("Lantern"));
    resize(1200, 800);
    setAcceptDrops(true);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createStartPage());
    m_pages->addWidget(createContent());
    setCentralWidget(m_pages);

    m_diagnostics = new DiagnosticsPanel(this);
    m_diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    m_diagnosticsDock->hide();

    m_statusText = new QLabel(tr("No log directory open"), this);
    m_statusText->setObjectName(QStringLiteral("statusText"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy until the first load finishes
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_problemsButton = new QPushButton(this);
    m_problemsButton->setObjectName(QStringLiteral("problemsButton"));
    m_problemsButton->setFlat(true);
    m_problemsButton->hide();
    connect(m_problemsButton, &QPushButton::clicked, this, [this] {
        m_diagnostics->setRunFilter({});
        m_diagnosticsDock->show();
    });
    for (Dashboard* dashboard : m_dashboards)
        if (auto* runs = qobject_cast<RunsDashboard*>(dashboard))
            connect(runs, &RunsDashboard::problemsRequested, this, [this](const QString& run) {
                m_diagnostics->setRunFilter(run);
                m_diagnosticsDock->show();
            });
    // Colours chosen for runs are remembered between sessions.
    m_runModel->setChosenColors(Settings().runColors());
    connect(m_runModel, &RunListModel::colorChosen, this,
        [this] { Settings().setRunColors(m_runModel->chosenColors()); });
    m_connectionText = new QLabel(this);
    m_connectionText->setObjectName(QStringLiteral("connectionStatus"));
    m_connectionText->setStyleSheet(QStringLiteral("color: #B3261E;"));
    // A long reason must not widen the window: it is cut, and whole in the tooltip.
    m_connectionText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_connectionText->hide();
    m_connectionTick = new QTimer(this);
    m_connectionTick->setInterval(250); // the countdown shows whole seconds
    connect(m_connectionTick, &QTimer::timeout, this, &MainWindow::updateConnectionText);
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addWidget(m_connectionText, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_problemsButton);

    m_dropOverlay = new QLabel(tr("Drop folders to add them as log directories"), this);
    m_dropOverlay->setAlignment(Qt::AlignCenter);
    m_dropOverlay->setStyleSheet(QStringLiteral(
        "background: rgba(66,133,244,40); border: 3px dashed #4285F4; font-size: 18px;"));
    m_dropOverlay->hide();

    createMenus();
    applyPreferences(Preferences::load());
    connect(m_loader, &LogLoader::loadStarted, this, &MainWindow::showLoading);
    connect(m_loader, &LogLoader::snapshotChanged, this, &MainWindow::showSnapshot);
    connect(m_loader, &LogLoader::progressed, this, &MainWindow::showProgress);
    connect(m_loader, &LogLoader::unreachableChanged, this, &MainWindow::showUnreachable);
    m_sshQuestions = new SshQuestions(this);
}

MainWindow::~MainWindow()
{
    // First: a connection waiting for an answer is released, so the loader can end.
    delete m_sshQuestions;
    // Closing hides the dashboards after this part of the window is gone: no calls back.
    for (Dashboard* dashboard : m_dashboards)
        dashboard->disconnect(this);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(
        tr("&Open Log Directory…"), QKeySequence::Open, this, [this] { chooseLogdir(false); });
    file->addAction(tr("Open Re&mote Log Directory…"), this, &MainWindow::chooseRemoteLogdir)
        ->setObjectName(QStringLiteral("openRemoteLogdir"));
    file->addAction(tr("&Add Log Directory…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
        [this] { chooseLogdir(true); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction* reload = file->addAction(tr("&Reload"), m_loader, &LogLoader::reload);
    reload->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    file->addAction(
        tr("&Close Log Directory"), QKeySequence::Close, this, &MainWindow::closeLogdirs);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::editPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* diagnostics = m_diagnosticsDock->toggleViewAction();
    diagnostics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    view->addAction(diagnostics);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Lantern"), this, [this] {
        QMessageBox::about(this, tr("About Lantern"),
            tr("<h3>Lantern %1</h3><p>A desktop viewer for TensorBoard logs.</p>"
               "<p>Qt %2 · protobuf %3</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                    QString::fromStdString(
                        google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION))));
    });
}

QWidget* MainWindow::createStartPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto* title = new QLabel(tr("<h2>Open a log directory</h2>"), page);
    title->setAlignment(Qt::AlignCenter);
    m_startMessage = new QLabel(page);
    m_startMessage->setObjectName(QStringLiteral("startMessage"));
    m_startMessage->setAlignment(Qt::AlignCenter);
    m_startMessage->setWordWrap(true);
    m_startMessage->setText(
        tr("Choose or drop a folder that holds <code>events.out.tfevents.*</code> files,<br>"
           "as written by TensorFlow, PyTorch, Keras, Lightning, JAX or tensorboardX."));
    auto* button = new QPushButton(tr("Open Log Directory…"), page);
    button->setObjectName(QStringLiteral("openLogdirButton"));
    connect(button, &QPushButton::clicked, this, [this] { chooseLogdir(false); });
    layout->addWidget(title);
    layout->addWidget(m_startMessage);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

QWidget* MainWindow::createContent()
{
    auto* splitter = new QSplitter(this);
    m_runSelector = new RunSelector(m_runModel, splitter);
    m_runSelector->setMinimumWidth(220);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("dashboards"));
    m_dashboards = createDashboards({m_runModel, m_loader->reader()}, m_tabs);
    for (Dashboard* dashboard : m_dashboards) {
        dashboard->setObjectName(dashboard->key()); // showTab's key
        m_tabs->addTab(dashboard, dashboard->title());
        m_tabs->setTabVisible(m_tabs->count() - 1, false); // until it has data
        connect(
            dashboard, &Dashboard::dataAvailabilityChanged, this, &MainWindow::updateTabVisibility);
        connect(dashboard, &Dashboard::ready, this, &MainWindow::dashboardReady);
    }
    m_scalars = qobject_cast<ScalarsDashboard*>(m_dashboards.front());
    Q_ASSERT(m_scalars);
    // A tab brought to the front applies the newest snapshot it was offered while hidden.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto* dashboard = qobject_cast<Dashboard*>(m_tabs->widget(index)))
            dashboard->catchUp();
    });
    splitter->addWidget(m_runSelector);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 880});

    m_demoBanner = new QLabel(
        tr("<b>This is Lantern's demo</b>: a small network really trained at two learning rates, "
           "one that converges and one too high. Open your own logs with "
           "<b>File › Open Log Directory</b> (Ctrl+O) or drop a folder onto this window."),
        this);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setMargin(8);
    m_demoBanner->setStyleSheet(QStringLiteral("background: #FFF4D6; color: #4A3B00;"));
    m_demoBanner->hide();
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(splitter, 1);
    return content;
}

void MainWindow::openLogdirs(const QStringList& logdirSpecs)
{
    m_firstLoadDone = false;
    m_demoBanner->hide();
    m_sshQuestions->forgetRefusals(); // opening anew may ask again what was declined
    m_loader->open(logdirSpecs);
    if (!logdirSpecs.isEmpty())
        rememberRecent(logdirSpecs);
}

void MainWindow::applyPreferences(const Preferences& preferences)
{
    applyTheme(preferences.theme);
    m_loader->setReloadInterval(int(preferences.reloadSeconds * 1000));
    m_scalars->smoothingSlider()->setValue(int(std::lround(preferences.smoothing * 1000)));
    m_loader->setKeepOrphanedData(m_keepOrphanedData || preferences.keepOrphanedData);
}

void MainWindow::setKeepOrphanedData(bool keep)
{
    m_keepOrphanedData = keep;
    m_loader->setKeepOrphanedData(keep || Preferences::load().keepOrphanedData);
}

void MainWindow::editPreferences()
{
    PreferencesDialog dialog(Preferences::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences chosen = dialog.preferences();
    chosen.save();
    applyPreferences(chosen);
}

void MainWindow::openDemo()
{
    const QString directory
        = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/demo");
    const auto show = [this, directory] {
        m_firstLoadDone = false;
        m_loader->open({directory});
        m_demoBanner->show();
    };
    if (core::isDemoLogdirCurrent(pathFromQString(directory))) {
        show();
        return;
    }
    // Training the demo's network takes a few seconds: off the GUI thread, with progress.
    m_statusText->setText(tr("Preparing the demo: training a small network…"));
    m_progress->setRange(0, 100);
    m_progress->show();
    QThread* thread = QThread::create([this, directory] {
        core::DemoOptions options;
        options.directory = pathFromQString(directory);
        const std::string error = core::writeDemoLogdir(options, [this](double fraction) {
            QMetaObject::invokeMethod(
                m_progress, "setValue", Qt::QueuedConnection, Q_ARG(int, int(fraction * 100)));
        });
        if (!error.empty())
            qWarning("Lantern demo: %s", error.c_str());
    });
    connect(thread, &QThread::finished, this, show);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void MainWindow::addLogdirs(const QStringList& logdirSpecs)
{
    // An event file in a folder already open is that logdir's: nothing more to open.
    openLogdirs(openedLogdirSpecs(m_loader->logdirSpecs() + logdirSpecs));
}

void MainWindow::closeLogdirs()
{
    m_demoBanner->hide();
    m_loader->close();
    Settings().clearLastSession();
}

void MainWindow::chooseLogdir(bool add)
{
    const QString directory = QFileDialog::getExistingDirectory(
        this, add ? tr("Add Log Directory") : tr("Open Log Directory"));
    if (directory.isEmpty())
        return;
    if (add)
        addLogdirs({logdirSpecForDrop(directory)});
    else
        openLogdirs({directory});
}

void MainWindow::chooseRemoteLogdir()
{
    RemoteLogdirDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && !dialog.spec().isEmpty())
        openLogdirs({dialog.spec()});
}

void MainWindow::showUnreachable(const QStringList& unreachable)
{
    m_connectionText->setVisible(!unreachable.isEmpty());
    m_unreachableReason = unreachable.join(QStringLiteral("; "));
    m_connectionText->setToolTip(m_unreachableReason);
    if (unreachable.isEmpty()) {
        m_connectionTick->stop();
        return;
    }
    m_connectionTick->start();
    updateConnectionText();
}

void MainWindow::updateConnectionText()
{
    const int wait = m_loader->timeToNextPoll();
    const QString why = m_unreachableReason;
    // Rounded, not raised: a coarse timer can report a few milliseconds over its interval.
    const int seconds = std::max(1, (wait + 500) / 1000);
    const LogdirSnapshotPtr& shown = m_loader->snapshot();
    // With something loaded it is kept and polls go on; with nothing, nothing was reached.
    if (shown && !shown->runs.empty())
        m_connectionText->setText(wait < 0
                ? tr("reconnecting… (%1)").arg(why)
                : tr("reconnecting in %1 s (%2)").arg(QString::number(seconds), why));
    else
        m_connectionText->setText(wait < 0 ? tr("not connected (%1)").arg(why)
                                           : tr("not connected (%1); trying again in %2 s")
                                                 .arg(why, QString::number(seconds)));
}

void MainWindow::rememberRecent(const QStringList& logdirSpecs)
{
    Settings settings;
    settings.setLastSession(logdirSpecs);
    QStringList recent = settings.recentLogdirs();
    const QString entry = logdirSpecs.join(QLatin1Char(','));
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setRecentLogdirs(recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings().recentLogdirs();
    for (const QString& entry : recent)
        m_recentMenu->addAction(
            entry, this, [this, entry] { openLogdirs(entry.split(QLatin1Char(','))); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showLoading()
{
    if (m_loader->logdirSpecs().isEmpty())
        return;
    m_progress->setRange(0, 0); // busy until the first progress report
    m_progress->setVisible(!m_firstLoadDone);
    m_statusText->setText(
        tr("Loading %1…").arg(m_loader->logdirSpecs().join(QStringLiteral(", "))));
}

void MainWindow::showProgress(
    qint64 filesDone, qint64 filesTotal, qint64 bytesDone, qint64 bytesTotal)
{
    if (m_firstLoadDone)
        return; // later reloads are small and quick; no progress bar for them
    constexpr double kMegabyte = 1e6;
    m_progress->setRange(0, 1000);
    m_progress->setValue(bytesTotal > 0 ? int(1000 * bytesDone / bytesTotal) : 0);
    m_statusText->setText(tr("Loading: %1 of %2 files · %3 of %4 MB")
                              .arg(filesDone)
                              .arg(filesTotal)
                              .arg(double(bytesDone) / kMegabyte, 0, 'f', 1)
                              .arg(double(bytesTotal) / kMegabyte, 0, 'f', 1));
}

void MainWindow::showSnapshot(const LogdirSnapshotPtr& snapshot)
{
    const bool firstLoad = !m_firstLoadDone;
    m_firstLoadDone = true;
    m_progress->hide();
    m_runModel->setSnapshot(snapshot);
    m_runSelector->setNoRunsText({}); // unless projector data alone is found, below
    m_diagnostics->setSnapshot(snapshot);

    const QStringList specs = m_loader->logdirSpecs();
    const int embeddings = int(embeddingCount(*snapshot));
    if (specs.isEmpty()) {
        m_pages->setCurrentIndex(StartPage);
        m_statusText->setText(tr("No log directory open"));
    } else if (snapshot->runs.empty() && embeddings == 0 && !m_loader->unreachable().isEmpty()) {
        m_pages->setCurrentIndex(StartPage);
        m_startMessage->setText(
            tr("<p>Could not open <b>%1</b>:</p><p>%2</p>")
                .arg(specs.join(QStringLiteral(", ")).toHtmlEscaped(),
                    m_loader->unreachable()
                        .join(QStringLiteral("\n"))
                        .toHtmlEscaped()
                        .replace(QStringLiteral("\n"), QStringLiteral("<br>"))));
        m_statusText->setText(tr("Not connected"));
    } else if (snapshot->runs.empty() && embeddings == 0) {
        // What stopped the scan (a folder not allowed, …), said first: it is the likely cause.
        constexpr std::size_t kShownProblems = 3; // the rest are in the Problems panel
        QString problems;
        const auto& scanProblems = snapshot->discoveryProblems;
        for (std::size_t i = 0; i < std::min(scanProblems.size(), kShownProblems); ++i)
            problems += QStringLiteral("<p><b>%1</b></p>")
                            .arg(QString::fromStdString(scanProblems[i]).toHtmlEscaped());
        if (scanProblems.size() > kShownProblems)
            problems
                += tr("<p>… and %1 more problems.</p>").arg(scanProblems.size() - kShownProblems);
        m_pages->setCurrentIndex(StartPage);
        m_startMessage->setText(problems
            + tr("<p>No event files were found in <b>%1</b>.</p>"
                 "<p>Scanned %2. Lantern looks for files whose names contain "
                 "<code>tfevents</code>, in the folder and every folder below it.</p>"
                 "<p>Check that training writes its logs there (for Keras, the "
                 "<code>log_dir</code> of the TensorBoard callback; for PyTorch, the "
                 "<code>SummaryWriter</code>'s directory) and that the folder is readable.</p>")
                  .arg(specs.join(QStringLiteral(", ")).toHtmlEscaped())
                  .arg(counted(
                      snapshot->lastReload.directoriesScanned, tr("folder"), tr("folders"))));
        m_statusText->setText(tr("No runs found"));
    } else if (snapshot->runs.empty()) {
        // A model folder (a checkpoint and projector_config.pbtxt) opens in the Projector tab,
        // as TensorBoard's projector does when there are no runs.
        m_pages->setCurrentIndex(ContentPage);
        const QString found = embeddings == 1
            ? tr("1 embedding (projector data)")
            : tr("%1 embeddings (projector data)").arg(embeddings);
        const QString where = specs.join(QStringLiteral(", "));
        m_statusText->setText(tr("No event files · %1 in %2").arg(found, where));
        m_runSelector->setNoRunsText(
            tr("No runs: no event files were found.\n\n%1 found: see the Projector tab.")
                .arg(found));
    } else {
        m_pages->setCurrentIndex(ContentPage);
        m_statusText->setText(tr("%1 · last update %2")
                                  .arg(holdingsText(*snapshot),
                                      m_loader->lastUpdate().toString(QStringLiteral("hh:mm:ss"))));
    }
    m_lastUpdate = {snapshot, m_loader->lastChange()};
    for (Dashboard* dashboard : m_dashboards)
        dashboard->offer(m_lastUpdate, m_tabs->currentWidget() == dashboard);
    updateTabVisibility();
    if (firstLoad)
        showFirstTabWithData();
    const int problems = m_diagnostics->problemCount();
    m_problemsButton->setVisible(problems > 0);
    m_problemsButton->setText(tr("⚠ %1").arg(counted(problems, tr("problem"), tr("problems"))));
    emit loadFinished();
}

void MainWindow::updateTabVisibility()
{
    if (!m_lastUpdate.snapshot)
        return;
    // A dashboard's tab is shown only when it has data; one that does not know yet keeps its
    // tab as it is until it says (dataAvailabilityChanged).
    for (Dashboard* dashboard : m_dashboards)
        if (const std::optional<bool> has = dashboard->hasDataFor(m_lastUpdate))
            m_tabs->setTabVisible(m_tabs->indexOf(dashboard), *has);
}

void MainWindow::showFirstTabWithData()
{
    for (Dashboard* dashboard : m_dashboards)
        if (const int index = m_tabs->indexOf(dashboard); m_tabs->isTabVisible(index)) {
            m_tabs->setCurrentIndex(index);
            return;
        }
}

int MainWindow::tabIndex(const QString& key) const
{
    for (int index = 0; index < m_tabs->count(); ++index)
        if (m_tabs->widget(index)->objectName() == key)
            return index;
    return -1;
}

bool MainWindow::showTab(const QString& key)
{
    const int index = tabIndex(key);
    if (index < 0 || !m_tabs->isTabVisible(index) || m_pages->currentIndex() != ContentPage)
        return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

bool MainWindow::isComputing() const
{
    bool computing = false;
    for (Dashboard* dashboard : m_dashboards)
        computing = dashboard->noticeWork() || computing; // each watches for its end
    return computing;
}

void MainWindow::dashboardReady()
{
    if (!isComputing())
        emit viewsReady();
}

void MainWindow::setDropHighlight(bool on)
{
    m_dropOverlay->setGeometry(centralWidget()->geometry());
    m_dropOverlay->setVisible(on);
    m_dropOverlay->raise();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool hasLocal
        = std::any_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); });
    if (!hasLocal)
        return;
    event->acceptProposedAction();
    setDropHighlight(true);
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event)
{
    setDropHighlight(false);
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event)
{
    setDropHighlight(false);
    QStringList specs;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            specs.append(QFileInfo(url.toLocalFile()).isDir() ? logdirSpecForDrop(url.toLocalFile())
                                                              : url.toLocalFile());
    if (specs.isEmpty())
        return;
    event->acceptProposedAction();
    addLogdirs(specs);
}

} // namespace lantern::ui
