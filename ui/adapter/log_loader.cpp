#include "ui/adapter/log_loader.h"

#include "ui/adapter/loader_worker.h"

namespace lantern::ui {

LogLoader::LogLoader(QObject* parent)
    : QObject(parent)
    , m_worker(new LoaderWorker)
{
    qRegisterMetaType<LoadSnapshot>();
    m_thread.setObjectName(QStringLiteral("lantern-loader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LoaderWorker::loaded, this, &LogLoader::loaded);
    m_thread.start();
}

LogLoader::~LogLoader()
{
    m_thread.quit();
    m_thread.wait();
}

void LogLoader::open(const QStringList& logdirSpecs)
{
    m_specs = logdirSpecs;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, logdirSpecs] { worker->open(logdirSpecs); },
        Qt::QueuedConnection);
}

void LogLoader::reload()
{
    QMetaObject::invokeMethod(m_worker, &LoaderWorker::reload, Qt::QueuedConnection);
}

} // namespace lantern::ui
