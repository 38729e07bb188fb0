#pragma once
// A copy of what the views need to know about each run, handed from the loader thread to the
// GUI thread by value so neither side ever touches the other's data.

#include <QList>
#include <QMetaType>
#include <QString>

namespace lantern::ui {

struct RunSummary {
    QString name;
    QString directory;
    qint64 scalarPoints = 0;
    int tagCount = 0;
    int diagnosticCount = 0;
};

struct LoadSnapshot {
    QList<RunSummary> runs;
    qint64 eventFiles = 0;
    qint64 bytesRead = 0;
    qint64 directoriesScanned = 0;
    QStringList logdirs;
};

} // namespace lantern::ui

Q_DECLARE_METATYPE(lantern::ui::LoadSnapshot)
