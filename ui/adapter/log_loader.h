#pragma once
// The bridge between core and the widgets. Owns the loader thread, keeps the data current
// (polling plus a file-system watcher that triggers a reload soon after a change), and
// delivers each new snapshot to the GUI thread. The GUI thread never reads a file.
//
// Remote (ssh://) logdirs are polled at least every kRemotePollMilliseconds (the watcher sees
// local files only). While a host cannot be reached, polls back off (doubling up to a minute)
// and everything loaded stays; the next reload that reaches it goes on from the saved offsets.
//
// Loads run one at a time on the loader thread, as LatestJobs: opening other logdirs
// supersedes a load underway (its snapshot is dropped). Reloads do not supersede each other:
// a snapshot is newer than the one shown even when more changes came meanwhile, so requests
// made while one runs are merged into one more, started when it ends.

#include "ui/adapter/data_reader.h"
#include "ui/adapter/loaded_data.h"
#include "ui/widgets/latest_job.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>

class QFileSystemWatcher;

namespace lantern::ui {

class LogLoader : public QObject {
    Q_OBJECT
public:
    explicit LogLoader(QObject* parent = nullptr);
    ~LogLoader() override;

    // Replaces the open log directories (each "PATH" or "NAME:PATH") and loads them.
    void open(const QStringList& logdirSpecs);
    void close() { open({}); }
    // Asks for a reload; requests made while one runs are merged into one more.
    void reload();
    void setReloadInterval(int milliseconds);
    // The wait before the next poll: the reload interval (at least 2 s with a remote logdir),
    // backed off while a host cannot be reached.
    int pollInterval() const { return m_pollTimer.interval(); }
    // Milliseconds left until the next poll; negative when none is planned or a load runs.
    int timeToNextPoll() const;
    // Keep every point as written instead of TensorBoard's rule; a change reloads from scratch.
    void setKeepOrphanedData(bool keep);
    bool keepOrphanedData() const { return m_keepOrphanedData; }

    const QStringList& logdirSpecs() const { return m_specs; }
    const LogdirSnapshotPtr& snapshot() const { return m_snapshot; }
    // What changed in snapshot() since the snapshot published before it.
    const SnapshotChangePtr& lastChange() const { return m_change; }
    QDateTime lastUpdate() const { return m_lastUpdate; }
    bool isLoading() const { return m_loading.isBusy(); }
    // Reads what the snapshots point at, on demand (images, graphs), for the views.
    const DataReaderPtr& reader() const { return m_reader; }
    // The remote hosts the last reload could not reach, each "ssh://host: why".
    const QStringList& unreachable() const { return m_unreachable; }

signals:
    void loadStarted();
    void snapshotChanged(const lantern::ui::LogdirSnapshotPtr& snapshot);
    void progressed(qint64 filesDone, qint64 filesTotal, qint64 bytesDone, qint64 bytesTotal);
    // unreachable() changed: empty once every host answers again.
    void unreachableChanged(const QStringList& unreachable);

private:
    struct LoaderState;
    // A load's result: the snapshot and what changed since the one the load before it made.
    struct Loaded {
        LogdirSnapshotPtr snapshot;
        SnapshotChangePtr change;
        QStringList unreachable; // see unreachableChanged()
    };

    void startLoad();
    void receive(const Loaded& loaded);
    void watch(const LogdirSnapshotPtr& snapshot);
    void schedulePolls(bool reachable);

    QThreadPool m_thread; // one thread: core's loader is used from one thread at a time
    // Touched only by the load running on m_thread.
    std::shared_ptr<LoaderState> m_state;
    DataReaderPtr m_reader;
    std::uint64_t m_opened = 0; // counts open(): a load for a newer count starts a new loader
    QStringList m_specs;
    LogdirSnapshotPtr m_snapshot;
    SnapshotChangePtr m_change;
    QDateTime m_lastUpdate;
    QTimer m_pollTimer;
    QTimer m_debounceTimer;
    QFileSystemWatcher* m_watcher = nullptr;
    bool m_pending = false; // a reload was asked for while one ran
    bool m_keepOrphanedData = false;
    bool m_hasRemote = false; // a spec is an ssh:// URL
    int m_reloadInterval;
    int m_failedPolls = 0; // reloads in a row that could not reach a host
    QStringList m_unreachable;
    // Declared last: destroyed first, waiting for the load underway.
    LatestJob<Loaded, core::LoadProgress> m_loading;
};

} // namespace lantern::ui
