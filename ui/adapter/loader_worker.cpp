#include "ui/adapter/loader_worker.h"

#include <QElapsedTimer>

namespace lantern::ui {
namespace {
constexpr qint64 kProgressIntervalMilliseconds = 100;
} // namespace

LoaderWorker::LoaderWorker() = default;
LoaderWorker::~LoaderWorker() = default;

void LoaderWorker::open(const QStringList& logdirSpecs, bool keepOrphanedData)
{
    std::vector<core::LogdirSpec> specs;
    for (const QString& spec : logdirSpecs)
        specs.push_back(core::parseLogdirSpec(spec.toStdString()));
    m_loader = std::make_unique<core::LogdirLoader>(
        std::move(specs), core::LoadOptions {keepOrphanedData});
    m_published.reset(); // its first snapshot changes everything
    reload();
}

void LoaderWorker::reload()
{
    if (!m_loader) {
        m_published.reset();
        publish(std::make_shared<const core::LogdirSnapshot>());
        return;
    }
    QElapsedTimer sinceReport;
    sinceReport.start();
    m_loader->reload([this, &sinceReport](const core::LoadProgress& progress) {
        if (sinceReport.elapsed() < kProgressIntervalMilliseconds)
            return; // a few updates a second are plenty; a signal per file is not
        sinceReport.restart();
        emit progressed(qint64(progress.filesDone), qint64(progress.filesTotal),
            qint64(progress.bytesDone), qint64(progress.bytesTotal));
    });
    publish(m_loader->snapshot());
}

void LoaderWorker::publish(const LogdirSnapshotPtr& snapshot)
{
    // Told here, on the loader thread: the GUI thread only reads the result.
    auto change = std::make_shared<const core::SnapshotChange>(
        m_published ? core::describeChange(*m_published, *snapshot) : core::SnapshotChange {});
    m_published = snapshot;
    emit reloaded(snapshot, change);
}

} // namespace lantern::ui
