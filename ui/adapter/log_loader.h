#pragma once
// The bridge between core and the widgets. Owns the loader thread, keeps the data current
// (polling plus a file-system watcher that triggers a reload soon after a change), and
// delivers each new snapshot to the GUI thread. The GUI thread never reads a file.

#include "ui/adapter/loaded_data.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>

class QFileSystemWatcher;

namespace lantern::ui {

class LoaderWorker;

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
    // Keep every point as written instead of TensorBoard's rule; a change reloads from scratch.
    void setKeepOrphanedData(bool keep);
    bool keepOrphanedData() const { return m_keepOrphanedData; }

    const QStringList& logdirSpecs() const { return m_specs; }
    const LogdirSnapshotPtr& snapshot() const { return m_snapshot; }
    // What changed in snapshot() since the snapshot published before it.
    const SnapshotChangePtr& lastChange() const { return m_change; }
    QDateTime lastUpdate() const { return m_lastUpdate; }
    bool isLoading() const { return m_inFlight; }

signals:
    void loadStarted();
    void snapshotChanged(const lantern::ui::LogdirSnapshotPtr& snapshot);
    void progressed(qint64 filesDone, qint64 filesTotal, qint64 bytesDone, qint64 bytesTotal);

private:
    void startReload();
    void receive(const LogdirSnapshotPtr& snapshot, const SnapshotChangePtr& change);
    void watch(const LogdirSnapshotPtr& snapshot);

    QThread m_thread;
    LoaderWorker* m_worker = nullptr;
    QStringList m_specs;
    LogdirSnapshotPtr m_snapshot;
    SnapshotChangePtr m_change;
    QDateTime m_lastUpdate;
    QTimer m_pollTimer;
    QTimer m_debounceTimer;
    QFileSystemWatcher* m_watcher = nullptr;
    bool m_inFlight = false;
    bool m_pending = false;
    bool m_keepOrphanedData = false;
};

} // namespace lantern::ui
