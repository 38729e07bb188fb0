#include "ui/adapter/log_loader.h"

#include "ui/adapter/loader_worker.h"

#include <QFileSystemWatcher>
#include <QSet>

namespace lantern::ui {
namespace {
constexpr int kDefaultPollMilliseconds = 1000;
constexpr int kDebounceMilliseconds = 100;
// inotify watches are a limited resource; past this many, polling alone keeps data current.
constexpr int kMaxWatchedPaths = 2000;
} // namespace

LogLoader::LogLoader(QObject* parent)
    : QObject(parent)
    , m_worker(new LoaderWorker)
    , m_watcher(new QFileSystemWatcher(this))
{
    qRegisterMetaType<LogdirSnapshotPtr>();
    qRegisterMetaType<SnapshotChangePtr>();
    m_thread.setObjectName(QStringLiteral("lantern-loader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LoaderWorker::reloaded, this, &LogLoader::receive);
    connect(m_worker, &LoaderWorker::progressed, this, &LogLoader::progressed);
    m_thread.start();

    m_pollTimer.setInterval(kDefaultPollMilliseconds);
    connect(&m_pollTimer, &QTimer::timeout, this, &LogLoader::reload);
    m_debounceTimer.setSingleShot(true);
    m_debounceTimer.setInterval(kDebounceMilliseconds);
    connect(&m_debounceTimer, &QTimer::timeout, this, &LogLoader::reload);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounceTimer,
        qOverload<>(&QTimer::start));
    connect(
        m_watcher, &QFileSystemWatcher::fileChanged, &m_debounceTimer, qOverload<>(&QTimer::start));
}

LogLoader::~LogLoader()
{
    m_thread.quit();
    m_thread.wait();
}

void LogLoader::open(const QStringList& logdirSpecs)
{
    m_specs = logdirSpecs;
    m_inFlight = true;
    m_pending = false;
    emit loadStarted();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, logdirSpecs, keep = m_keepOrphanedData] {
            worker->open(logdirSpecs, keep);
        },
        Qt::QueuedConnection);
    if (logdirSpecs.isEmpty())
        m_pollTimer.stop();
    else
        m_pollTimer.start();
}

void LogLoader::reload()
{
    if (m_specs.isEmpty())
        return;
    if (m_inFlight) {
        m_pending = true;
        return;
    }
    startReload();
}

void LogLoader::startReload()
{
    m_inFlight = true;
    QMetaObject::invokeMethod(m_worker, &LoaderWorker::reload, Qt::QueuedConnection);
}

void LogLoader::setKeepOrphanedData(bool keep)
{
    if (keep == m_keepOrphanedData)
        return;
    m_keepOrphanedData = keep;
    if (!m_specs.isEmpty())
        open(m_specs); // what the rule removed can only come back by reading again
}

void LogLoader::setReloadInterval(int milliseconds)
{
    m_pollTimer.setInterval(milliseconds);
}

void LogLoader::receive(const LogdirSnapshotPtr& snapshot, const SnapshotChangePtr& change)
{
    m_inFlight = false;
    m_lastUpdate = QDateTime::currentDateTime();
    const bool changed = !m_snapshot || m_snapshot->runs != snapshot->runs;
    // A snapshot equal to the last one adds nothing to what changed since the one before.
    if (changed || change->everything)
        m_change = change;
    m_snapshot = snapshot;
    watch(snapshot);
    if (changed)
        emit snapshotChanged(snapshot);
    if (m_pending) {
        m_pending = false;
        startReload();
    }
}

void LogLoader::watch(const LogdirSnapshotPtr& snapshot)
{
    QSet<QString> wanted;
    for (const QString& spec : m_specs) {
        const auto parsed = core::parseLogdirSpec(spec.toStdString());
        wanted.insert(QString::fromStdString(parsed.path.string()));
    }
    for (const auto& run : snapshot->runs) {
        if (wanted.size() >= kMaxWatchedPaths)
            break;
        wanted.insert(QString::fromStdString(run->directory.string()));
        for (const auto& file : run->files)
            wanted.insert(QString::fromStdString(file.string()));
    }
    const QStringList watched = m_watcher->directories() + m_watcher->files();
    QStringList stale;
    for (const QString& path : watched)
        if (!wanted.remove(path))
            stale.append(path);
    if (!stale.isEmpty())
        m_watcher->removePaths(stale);
    if (!wanted.isEmpty())
        m_watcher->addPaths(QStringList(wanted.begin(), wanted.end()));
}

} // namespace lantern::ui
