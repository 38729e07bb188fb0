#include "ui/adapter/loader_worker.h"

#include "core/load/logdir_loader.h"

namespace lantern::ui {

LoaderWorker::LoaderWorker() = default;
LoaderWorker::~LoaderWorker() = default;

void LoaderWorker::open(const QStringList& logdirSpecs)
{
    std::vector<core::LogdirSpec> specs;
    for (const QString& spec : logdirSpecs)
        specs.push_back(core::parseLogdirSpec(spec.toStdString()));
    m_loader = std::make_unique<core::LogdirLoader>(std::move(specs));
    m_specs = logdirSpecs;
    reload();
}

void LoaderWorker::reload()
{
    if (!m_loader)
        return;
    const core::LoadStatistics statistics = m_loader->reload();
    LoadSnapshot snapshot;
    snapshot.eventFiles = static_cast<qint64>(statistics.eventFiles);
    snapshot.bytesRead = static_cast<qint64>(statistics.bytesRead);
    snapshot.directoriesScanned = static_cast<qint64>(statistics.directoriesScanned);
    snapshot.logdirs = m_specs;
    for (const auto& run : m_loader->runs()) {
        RunSummary summary;
        summary.name = QString::fromStdString(run->name);
        summary.directory = QString::fromStdString(run->directory.string());
        summary.tagCount = static_cast<int>(run->tags.size());
        summary.diagnosticCount = static_cast<int>(run->diagnostics.size());
        summary.scalarPoints = static_cast<qint64>(run->countOf(core::ValueKind::Scalar));
        snapshot.runs.push_back(summary);
    }
    emit loaded(snapshot);
}

} // namespace lantern::ui
