#include "ui/widgets/plot_workers.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace lantern::ui {

QThreadPool& plotWorkers()
{
    static QThreadPool* const pool = [] {
        auto* workers = new QThreadPool; // lives until exit: plots outlive any owner we'd pick
        workers->setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
        workers->setThreadPriority(QThread::LowPriority);
        return workers;
    }();
    return *pool;
}

} // namespace lantern::ui
