#include "ui/main_window.h"

#include "ui/adapter/log_loader.h"
#include "ui/widgets/run_list_model.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace lantern::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new LogLoader(this))
    , m_runModel(new RunListModel(this))
{
    setWindowTitle(tr("Lantern"));
    resize(1200, 800);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* openAction
        = fileMenu->addAction(tr("&Open Log Directory…"), this, &MainWindow::chooseLogdir);
    openAction->setShortcut(QKeySequence::Open);
    QAction* reloadAction = fileMenu->addAction(tr("&Reload"), m_loader, &LogLoader::reload);
    reloadAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    fileMenu->addSeparator();
    QAction* quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quitAction->setShortcut(QKeySequence::Quit);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createEmptyState());
    m_pages->addWidget(createContent());
    setCentralWidget(m_pages);

    m_statusText = new QLabel(tr("No log directory open"), this);
    statusBar()->addWidget(m_statusText, 1);

    connect(m_loader, &LogLoader::loaded, this, &MainWindow::showSnapshot);
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createEmptyState()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto* title = new QLabel(tr("<h2>Open a log directory</h2>"), page);
    title->setAlignment(Qt::AlignCenter);
    m_emptyMessage = new QLabel(
        tr("Choose a folder that holds <code>events.out.tfevents.*</code> files,<br>"
           "as written by TensorFlow, PyTorch, Keras, Lightning, JAX or tensorboardX."),
        page);
    m_emptyMessage->setAlignment(Qt::AlignCenter);
    m_emptyMessage->setObjectName(QStringLiteral("emptyMessage"));
    auto* button = new QPushButton(tr("Open Log Directory…"), page);
    button->setObjectName(QStringLiteral("openLogdirButton"));
    connect(button, &QPushButton::clicked, this, &MainWindow::chooseLogdir);
    layout->addWidget(title);
    layout->addWidget(m_emptyMessage);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

QWidget* MainWindow::createContent()
{
    auto* splitter = new QSplitter(this);
    m_runView = new QListView(splitter);
    m_runView->setObjectName(QStringLiteral("runList"));
    m_runView->setModel(m_runModel);
    m_runView->setMinimumWidth(220);
    m_runView->setTextElideMode(Qt::ElideMiddle); // run names differ most at their ends
    m_runView->setIconSize(QSize(12, 12));
    m_overview = new QLabel(splitter);
    m_overview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_overview->setMargin(16);
    m_overview->setObjectName(QStringLiteral("overview"));
    splitter->addWidget(m_runView);
    splitter->addWidget(m_overview);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 880});
    return splitter;
}

void MainWindow::openLogdirs(const QStringList& logdirSpecs)
{
    m_statusText->setText(tr("Loading %1…").arg(logdirSpecs.join(QStringLiteral(", "))));
    m_loader->open(logdirSpecs);
}

void MainWindow::chooseLogdir()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open Log Directory"));
    if (!directory.isEmpty())
        openLogdirs({directory});
}

void MainWindow::showSnapshot(const LoadSnapshot& snapshot)
{
    m_runModel->setRuns(snapshot.runs);
    qint64 points = 0;
    for (const RunSummary& run : snapshot.runs)
        points += run.scalarPoints;
    if (snapshot.runs.isEmpty()) {
        m_pages->setCurrentIndex(0);
        m_emptyMessage->setText(
            tr("No event files were found in %1.<br>Scanned %2 folder(s). Lantern looks for files "
               "whose names contain <code>tfevents</code>.")
                .arg(snapshot.logdirs.join(QStringLiteral(", ")).toHtmlEscaped())
                .arg(snapshot.directoriesScanned));
    } else {
        m_pages->setCurrentIndex(1);
        m_overview->setText(tr("<h3>%1 runs</h3><p>%2 event files · %3 MB · %4 scalar points</p>")
                                .arg(snapshot.runs.size())
                                .arg(snapshot.eventFiles)
                                .arg(double(snapshot.bytesRead) / 1e6, 0, 'f', 1)
                                .arg(points));
    }
    m_statusText->setText(tr("%1 runs · %2 points").arg(snapshot.runs.size()).arg(points));
    emit loadFinished();
}

} // namespace lantern::ui
