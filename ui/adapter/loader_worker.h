#pragma once
// Lives on the loader thread: runs core's LogdirLoader and summarises what it holds.

#include "ui/adapter/run_summary.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace lantern::core {
class LogdirLoader;
}

namespace lantern::ui {

class LoaderWorker : public QObject {
    Q_OBJECT
public:
    LoaderWorker();
    ~LoaderWorker() override;

public slots:
    void open(const QStringList& logdirSpecs);
    void reload();

signals:
    void loaded(const lantern::ui::LoadSnapshot& snapshot);

private:
    std::unique_ptr<core::LogdirLoader> m_loader;
    QStringList m_specs;
};

} // namespace lantern::ui
