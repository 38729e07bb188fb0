#pragma once
// Lives on the loader thread: runs core's LogdirLoader and publishes its snapshots.

#include "ui/adapter/loaded_data.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace lantern::ui {

class LoaderWorker : public QObject {
    Q_OBJECT
public:
    LoaderWorker();
    ~LoaderWorker() override;

    void open(const QStringList& logdirSpecs, bool keepOrphanedData = false);
    void reload();

signals:
    void reloaded(const lantern::ui::LogdirSnapshotPtr& snapshot,
        const lantern::ui::SnapshotChangePtr& change);
    // While files are read: how many files and bytes of those to read are done.
    void progressed(qint64 filesDone, qint64 filesTotal, qint64 bytesDone, qint64 bytesTotal);

private:
    void publish(const LogdirSnapshotPtr& snapshot);

    std::unique_ptr<core::LogdirLoader> m_loader;
    LogdirSnapshotPtr m_published; // null until the first snapshot of the open logdirs
};

} // namespace lantern::ui
