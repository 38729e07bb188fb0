#pragma once
// The bridge between core and the widgets: owns a worker thread on which the core loader
// reads log directories, and delivers snapshots of the result to the GUI thread.

#include "ui/adapter/run_summary.h"

#include <QObject>
#include <QStringList>
#include <QThread>

namespace lantern::ui {

class LoaderWorker;

class LogLoader : public QObject {
    Q_OBJECT
public:
    explicit LogLoader(QObject* parent = nullptr);
    ~LogLoader() override;

    // Replaces the open log directories (each "PATH" or "NAME:PATH") and loads them.
    void open(const QStringList& logdirSpecs);
    void reload();
    const QStringList& logdirSpecs() const { return m_specs; }

signals:
    void loaded(const lantern::ui::LoadSnapshot& snapshot);

private:
    QThread m_thread;
    LoaderWorker* m_worker = nullptr;
    QStringList m_specs;
};

} // namespace lantern::ui
