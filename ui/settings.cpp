#include "ui/settings.h"

#include "ui/widgets/run_coloring.h"

#include <QSettings>

#include <algorithm>

namespace lantern::ui {
namespace {
const QString kTheme = QStringLiteral("preferences/theme");
const QString kReload = QStringLiteral("preferences/reloadSeconds");
const QString kSmoothing = QStringLiteral("preferences/smoothing");
const QString kRestore = QStringLiteral("preferences/restoreLogdirs");
const QString kKeepOrphaned = QStringLiteral("preferences/keepOrphanedData");
const QString kLastSession = QStringLiteral("logdirs/lastSession");
const QString kRecent = QStringLiteral("logdirs/recent");
const QString kPinnedTags = QStringLiteral("scalars/pinnedTags");
const QString kCustomCharts = QStringLiteral("scalars/customCharts");
const QString kCardYScales = QStringLiteral("scalars/cardYScales");
const QString kCardXAxes = QStringLiteral("scalars/cardXAxes");
const QString kRunColors = QStringLiteral("runs/colors");
const QString kColorBy = QStringLiteral("runs/colorBy");
const QString kColorPattern = QStringLiteral("runs/colorPattern");
const QString kColorHParam = QStringLiteral("runs/colorHParam");

// ColorBy as saved: names, so that reordering the enum does not change what a file means.
const std::pair<ColorBy, QString> kColorByNames[] = {{ColorBy::Run, QStringLiteral("run")},
    {ColorBy::RegexGroup, QStringLiteral("regex")},
    {ColorBy::LogDirectory, QStringLiteral("logdir")}, {ColorBy::HParam, QStringLiteral("hparam")}};
} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{
}

Settings::Settings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

Preferences Settings::preferences() const
{
    Preferences preferences;
    preferences.theme
        = static_cast<Preferences::Theme>(std::clamp(m_settings->value(kTheme, 0).toInt(), 0, 2));
    preferences.reloadSeconds = std::clamp(m_settings->value(kReload, 1.0).toDouble(), 0.1, 3600.0);
    preferences.smoothing = std::clamp(m_settings->value(kSmoothing, 0.6).toDouble(), 0.0, 0.999);
    preferences.restoreLogdirs = m_settings->value(kRestore, true).toBool();
    preferences.keepOrphanedData = m_settings->value(kKeepOrphaned, false).toBool();
    return preferences;
}

void Settings::setPreferences(const Preferences& preferences)
{
    m_settings->setValue(kTheme, static_cast<int>(preferences.theme));
    m_settings->setValue(kReload, preferences.reloadSeconds);
    m_settings->setValue(kSmoothing, preferences.smoothing);
    m_settings->setValue(kRestore, preferences.restoreLogdirs);
    m_settings->setValue(kKeepOrphaned, preferences.keepOrphanedData);
}

QStringList Settings::lastSession() const
{
    return m_settings->value(kLastSession).toStringList();
}

void Settings::setLastSession(const QStringList& logdirSpecs)
{
    m_settings->setValue(kLastSession, logdirSpecs);
}

void Settings::clearLastSession()
{
    m_settings->remove(kLastSession);
}

QStringList Settings::recentLogdirs() const
{
    return m_settings->value(kRecent).toStringList();
}

void Settings::setRecentLogdirs(const QStringList& recent)
{
    m_settings->setValue(kRecent, recent);
}

QStringList Settings::pinnedTags() const
{
    return m_settings->value(kPinnedTags).toStringList();
}

void Settings::setPinnedTags(const QStringList& tags)
{
    m_settings->setValue(kPinnedTags, tags);
}

QList<QStringList> Settings::customCharts() const
{
    QList<QStringList> charts;
    for (const QVariant& chart : m_settings->value(kCustomCharts).toList())
        if (const QStringList tags = chart.toStringList(); !tags.isEmpty())
            charts.append(tags);
    return charts;
}

void Settings::setCustomCharts(const QList<QStringList>& charts)
{
    QVariantList list;
    for (const QStringList& tags : charts)
        list.append(tags);
    m_settings->setValue(kCustomCharts, list);
}

QHash<QString, QString> Settings::cardYScales() const
{
    return stringMap(kCardYScales);
}

void Settings::setCardYScales(const QHash<QString, QString>& scales)
{
    setStringMap(kCardYScales, scales);
}

QHash<QString, QString> Settings::cardXAxes() const
{
    return stringMap(kCardXAxes);
}

void Settings::setCardXAxes(const QHash<QString, QString>& axes)
{
    setStringMap(kCardXAxes, axes);
}

QHash<QString, QString> Settings::stringMap(const QString& key) const
{
    QHash<QString, QString> map;
    const QVariantMap saved = m_settings->value(key).toMap();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

void Settings::setStringMap(const QString& key, const QHash<QString, QString>& map)
{
    QVariantMap saved;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        saved.insert(it.key(), it.value());
    m_settings->setValue(key, saved);
}

QHash<QString, QColor> Settings::runColors() const
{
    QHash<QString, QColor> colors;
    const QVariantMap saved = m_settings->value(kRunColors).toMap();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        if (const QColor color = QColor::fromString(it.value().toString()); color.isValid())
            colors.insert(it.key(), color);
    return colors;
}

void Settings::setRunColors(const QHash<QString, QColor>& colors)
{
    QVariantMap saved;
    for (auto it = colors.cbegin(); it != colors.cend(); ++it)
        saved.insert(it.key(), it.value().name());
    m_settings->setValue(kRunColors, saved);
}

RunColorScheme Settings::runColorScheme() const
{
    RunColorScheme scheme;
    const QString by = m_settings->value(kColorBy).toString();
    for (const auto& [value, name] : kColorByNames)
        if (name == by)
            scheme.by = value;
    scheme.pattern = m_settings->value(kColorPattern).toString();
    scheme.hparam = m_settings->value(kColorHParam).toString();
    return scheme;
}

void Settings::setRunColorScheme(const RunColorScheme& scheme)
{
    for (const auto& [value, name] : kColorByNames)
        if (value == scheme.by)
            m_settings->setValue(kColorBy, name);
    m_settings->setValue(kColorPattern, scheme.pattern);
    m_settings->setValue(kColorHParam, scheme.hparam);
}

} // namespace lantern::ui
