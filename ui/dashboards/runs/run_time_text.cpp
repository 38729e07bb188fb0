#include "ui/dashboards/runs/run_time_text.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

namespace lantern::ui {
namespace {

// The texts' translation context; a class of its own, so that files built together (CMake's
// unity builds) do not each define a tr().
struct RunTimeTextTexts {
    Q_DECLARE_TR_FUNCTIONS(RunTimeText)
};

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString wallTimeText(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)))
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
}

QString durationText(double seconds)
{
    if (seconds < 60)
        return RunTimeTextTexts::tr("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    const qint64 whole = qint64(std::llround(seconds));
    const qint64 minutes = whole / 60, hours = minutes / 60, days = hours / 24;
    if (days > 0)
        return RunTimeTextTexts::tr("%1 d %2 h").arg(days).arg(twoDigits(hours % 24));
    if (hours > 0)
        return RunTimeTextTexts::tr("%1 h %2 min").arg(hours).arg(twoDigits(minutes % 60));
    return RunTimeTextTexts::tr("%1 min %2 s").arg(minutes).arg(twoDigits(whole % 60));
}

QString ageText(qint64 milliseconds)
{
    const qint64 seconds = std::max<qint64>(0, milliseconds / 1000);
    if (seconds < 60)
        return RunTimeTextTexts::tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return RunTimeTextTexts::tr("%1 min ago").arg(seconds / 60);
    return RunTimeTextTexts::tr("%1 h ago").arg(seconds / 3600);
}

} // namespace lantern::ui
