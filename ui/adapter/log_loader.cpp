#include "ui/adapter/log_loader.h"

#include "core/io/file_access.h"
#include "core/remote/ssh_hosts.h"
#include "ui/adapter/path_qstring.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QSet>

#include <algorithm>

namespace lantern::ui {
namespace {
constexpr int kDefaultPollMilliseconds = 1000;
constexpr int kRemotePollMilliseconds = 2000; // each poll is a round trip to the host
constexpr int kMaxBackoffMilliseconds = 60000;
constexpr int kDebounceMilliseconds = 100;
// inotify watches are a limited resource; past this many, polling alone keeps data current.
constexpr int kMaxWatchedPaths = 2000;
constexpr qint64 kProgressIntervalMilliseconds = 100;
// Why the remote logdirs' hosts could not be reached by the reload just made (loader thread).
QStringList unreachableHosts(const std::vector<core::LogdirSpec>& specs)
{
    QStringList reasons;
    for (const core::LogdirSpec& spec : specs) {
        if (!core::isRemotePath(spec.path))
            continue;
        const auto url = core::parseSshUrl(spec.path.native());
        const std::string reason = url ? core::SshHosts::shared().unreachableReason(*url) : "";
        if (!reason.empty() && !reasons.contains(QString::fromStdString(reason)))
            reasons.append(QString::fromStdString(reason));
    }
    return reasons;
}

} // namespace

struct LogLoader::LoaderState {
    std::unique_ptr<core::LogdirLoader> loader;
    std::uint64_t opened = 0; // which open() the loader is for
    LogdirSnapshotPtr published; // the loader's last snapshot; null before its first
};

LogLoader::LogLoader(QObject* parent)
    : QObject(parent)
    , m_state(std::make_shared<LoaderState>())
    , m_reader(std::make_shared<DataReader>())
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadInterval(kDefaultPollMilliseconds)
    , m_loading([this](const Loaded& loaded) { receive(loaded); }, &m_thread,
          LatestJobRunner::OnDestroy::Wait)
{
    qRegisterMetaType<LogdirSnapshotPtr>();
    m_thread.setObjectName(QStringLiteral("lantern-loader"));
    m_thread.setMaxThreadCount(1);
    m_loading.setProgressHandler([this](const core::LoadProgress& progress) {
        emit progressed(qint64(progress.filesDone), qint64(progress.filesTotal),
            qint64(progress.bytesDone), qint64(progress.bytesTotal));
    });

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

LogLoader::~LogLoader() = default;

void LogLoader::open(const QStringList& logdirSpecs)
{
    m_specs = logdirSpecs;
    ++m_opened;
    m_pending = false;
    m_hasRemote = std::any_of(logdirSpecs.begin(), logdirSpecs.end(), [](const QString& spec) {
        return core::isRemotePath(core::parseLogdirSpec(spec.toStdString()).path);
    });
    schedulePolls(true);
    if (!m_unreachable.isEmpty()) { // said of the logdirs open before
        m_unreachable.clear();
        emit unreachableChanged(m_unreachable);
    }
    emit loadStarted();
    startLoad(); // supersedes a load underway
    if (logdirSpecs.isEmpty())
        m_pollTimer.stop();
    else
        m_pollTimer.start();
}

void LogLoader::reload()
{
    if (m_specs.isEmpty())
        return;
    if (m_loading.isBusy()) {
        m_pending = true;
        return;
    }
    startLoad();
}

void LogLoader::startLoad()
{
    std::vector<core::LogdirSpec> specs;
    for (const QString& spec : m_specs)
        specs.push_back(core::parseLogdirSpec(spec.toStdString()));
    m_loading.run([state = m_state, opened = m_opened, specs = std::move(specs),
                      options = core::LoadOptions {m_keepOrphanedData}](
                      const decltype(m_loading)::Control& control) {
        if (control.isCancelled())
            return Loaded(); // logdirs opened since: never delivered
        if (!state->loader || state->opened != opened) {
            state->loader = std::make_unique<core::LogdirLoader>(specs, options);
            state->opened = opened;
            state->published.reset(); // its first snapshot changes everything
        }
        QElapsedTimer sinceReport;
        sinceReport.start();
        const auto progressed = [&](const core::LoadProgress& progress) {
            if (sinceReport.elapsed() < kProgressIntervalMilliseconds)
                return; // a few updates a second are plenty; one per file is not
            sinceReport.restart();
            control.report(progress);
        };
        // Logdirs opened meanwhile (or the window closing) stop the reload soon.
        if (state->loader->reload(progressed, [&control] { return control.isCancelled(); })
                .cancelled)
            return Loaded();
        // What changed is told here, on the loader thread: the GUI thread only reads it.
        LogdirSnapshotPtr snapshot = state->loader->snapshot();
        auto change = std::make_shared<const core::SnapshotChange>(state->published
                ? core::describeChange(*state->published, *snapshot)
                : core::SnapshotChange {});
        state->published = snapshot;
        return Loaded {std::move(snapshot), std::move(change), unreachableHosts(specs)};
    });
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
    m_reloadInterval = milliseconds;
    schedulePolls(m_unreachable.isEmpty());
}

void LogLoader::schedulePolls(bool reachable)
{
    m_failedPolls = reachable ? 0 : m_failedPolls + 1;
    int interval
        = m_hasRemote ? std::max(m_reloadInterval, kRemotePollMilliseconds) : m_reloadInterval;
    for (int i = 0; i < m_failedPolls && interval < kMaxBackoffMilliseconds; ++i)
        interval *= 2;
    m_pollTimer.setInterval(
        std::min(interval, std::max(kMaxBackoffMilliseconds, m_reloadInterval)));
}

int LogLoader::timeToNextPoll() const
{
    return m_loading.isBusy() ? -1 : m_pollTimer.remainingTime();
}

void LogLoader::receive(const Loaded& loaded)
{
    const LogdirSnapshotPtr& snapshot = loaded.snapshot;
    const SnapshotChangePtr& change = loaded.change;
    m_lastUpdate = QDateTime::currentDateTime();
    // Problems count too: a host reached again must not go on showing why it was not.
    const bool changed = !m_snapshot || m_snapshot->runs != snapshot->runs
        || m_snapshot->projector != snapshot->projector
        || m_snapshot->discoveryProblems != snapshot->discoveryProblems;
    // A snapshot equal to the last one adds nothing to what changed since the one before.
    if (changed || change->everything)
        m_change = change;
    m_snapshot = snapshot;
    watch(snapshot);
    const bool reachabilityChanged = loaded.unreachable != m_unreachable;
    m_unreachable = loaded.unreachable;
    schedulePolls(m_unreachable.isEmpty());
    if (changed)
        emit snapshotChanged(snapshot);
    if (reachabilityChanged)
        emit unreachableChanged(m_unreachable);
    if (m_pending) {
        m_pending = false;
        startLoad();
    }
}

void LogLoader::watch(const LogdirSnapshotPtr& snapshot)
{
    QSet<QString> wanted;
    for (const QString& spec : m_specs) {
        const auto parsed = core::parseLogdirSpec(spec.toStdString());
        if (!core::isRemotePath(parsed.path))
            wanted.insert(qStringFromPath(parsed.path));
    }
    for (const auto& run : snapshot->runs) {
        if (wanted.size() >= kMaxWatchedPaths)
            break;
        if (core::isRemotePath(run->directory))
            continue; // polled: the watcher sees this machine's files only
        wanted.insert(qStringFromPath(run->directory));
        for (const auto& file : run->files)
            wanted.insert(qStringFromPath(file));
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
