#include "ui/adapter/loader_worker.h"

namespace lantern::ui {

LoaderWorker::LoaderWorker() = default;
LoaderWorker::~LoaderWorker() = default;

void LoaderWorker::open(const QStringList& logdirSpecs)
{
    std::vector<core::LogdirSpec> specs;
    for (const QString& spec : logdirSpecs)
        specs.push_back(core::parseLogdirSpec(spec.toStdString()));
    m_loader = std::make_unique<core::LogdirLoader>(std::move(specs));
    reload();
}

void LoaderWorker::reload()
{
    if (!m_loader) {
        emit reloaded(std::make_shared<const core::LogdirSnapshot>());
        return;
    }
    m_loader->reload();
    emit reloaded(m_loader->snapshot());
}

} // namespace lantern::ui
