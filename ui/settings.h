#pragma once
// Everything Lantern remembers between sessions, typed: the preferences, the log directories
// opened last and recently, the Scalars tab's pins and custom charts, the runs' colours. Every
// settings key is in settings.cpp and nowhere else.

#include "ui/preferences.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

class QSettings;

namespace lantern::ui {

struct RunColorScheme;

class Settings {
public:
    // The application's settings (QSettings' default scope).
    Settings();
    // The settings in this INI file instead (tests keep away from the user's).
    explicit Settings(const QString& iniFile);
    ~Settings();

    Preferences preferences() const;
    void setPreferences(const Preferences& preferences);

    // The log directory specs of the last session, reopened on start; empty once closed.
    QStringList lastSession() const;
    void setLastSession(const QStringList& logdirSpecs);
    void clearLastSession();

    // Recently opened sessions, newest first, each its specs joined by ','.
    QStringList recentLogdirs() const;
    void setRecentLogdirs(const QStringList& recent);

    // The Scalars tab's pinned tags, and its custom charts (each the tags it shows) in the
    // order they were made.
    QStringList pinnedTags() const;
    void setPinnedTags(const QStringList& tags);
    QList<QStringList> customCharts() const;
    void setCustomCharts(const QList<QStringList>& charts);
    // The Scalars cards' own axes where a card overrides the toolbar, by tag (charts by a key
    // of their own): its y scale ("log" or "linear") and its x axis ("step", "relative" or
    // "wall").
    QHash<QString, QString> cardYScales() const;
    void setCardYScales(const QHash<QString, QString>& scales);
    QHash<QString, QString> cardXAxes() const;
    void setCardXAxes(const QHash<QString, QString>& axes);

    // The colours users chose for runs, by run name.
    QHash<QString, QColor> runColors() const;
    void setRunColors(const QHash<QString, QColor>& colors);
    // What the Runs tab colours runs by (run, regex group, log directory or hparam).
    RunColorScheme runColorScheme() const;
    void setRunColorScheme(const RunColorScheme& scheme);

private:
    QHash<QString, QString> stringMap(const QString& key) const;
    void setStringMap(const QString& key, const QHash<QString, QString>& map);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace lantern::ui
