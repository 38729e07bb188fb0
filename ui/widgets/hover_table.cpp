#include "ui/widgets/hover_table.h"

#include <QDateTime>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace lantern::ui {

void sortHoverRows(std::vector<HoverRow>& rows, HoverSort sort)
{
    const auto byValue = [](bool descending) {
        return [descending](const HoverRow& a, const HoverRow& b) {
            const bool aNumber = !std::isnan(a.smoothed);
            const bool bNumber = !std::isnan(b.smoothed);
            if (aNumber != bNumber)
                return aNumber; // NaN last
            if (!aNumber)
                return false;
            return descending ? a.smoothed > b.smoothed : a.smoothed < b.smoothed;
        };
    };
    switch (sort) {
    case HoverSort::Nearest:
        break; // hoverRowsAt's order
    case HoverSort::ValueDescending:
        std::stable_sort(rows.begin(), rows.end(), byValue(true));
        break;
    case HoverSort::ValueAscending:
        std::stable_sort(rows.begin(), rows.end(), byValue(false));
        break;
    case HoverSort::RunName:
        std::stable_sort(rows.begin(), rows.end(), [](const HoverRow& a, const HoverRow& b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        break;
    }
}

QString hoverTableHtml(std::vector<HoverRow> rows, const HoverTableOptions& options)
{
    if (rows.empty())
        return QString();
    sortHoverRows(rows, options.sort);
    const std::size_t shown = std::min(rows.size(), std::size_t(std::max(1, options.maxRows)));
    QString html = QStringLiteral(
        "<table cellspacing='0' cellpadding='2'><tr><th></th><th align='left'>Run</th>"
        "<th align='right'>Smoothed</th><th align='right'>Value</th><th align='right'>Step</th>");
    if (options.timeColumns)
        html += QStringLiteral("<th align='right'>Wall time</th><th align='right'>Relative</th>");
    html += QStringLiteral("</tr>");
    for (std::size_t i = 0; i < shown; ++i) {
        const HoverRow& row = rows[i];
        html += QStringLiteral("<tr><td style='color:%1'>&#9632;</td><td>%2</td>"
                               "<td align='right'>%3</td><td align='right'>%4</td>"
                               "<td align='right'>%5</td>")
                    .arg(row.color.name(), row.name.toHtmlEscaped(),
                        AxisTicks::formatNumber(row.smoothed), AxisTicks::formatNumber(row.value),
                        QString::number(row.step));
        if (options.timeColumns)
            html += QStringLiteral("<td align='right'>%1</td><td align='right'>%2</td>")
                        .arg(formatWallTime(row.wallTime), formatDuration(row.relativeHours));
        html += QStringLiteral("</tr>");
    }
    if (shown < rows.size())
        html += QStringLiteral("<tr><td></td><td colspan='6'><i>%1</i></td></tr>")
                    .arg(QObject::tr("and %n more", nullptr, int(rows.size() - shown)));
    return html + QStringLiteral("</table>");
}

QString formatDuration(double hours)
{
    const double seconds = hours * kSecondsPerHour;
    if (!std::isfinite(seconds))
        return QString();
    if (std::abs(seconds) < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    if (std::abs(seconds) < kSecondsPerHour)
        return QStringLiteral("%1 min").arg(seconds / 60, 0, 'f', 1);
    if (std::abs(hours) < 48)
        return QStringLiteral("%1 h").arg(hours, 0, 'f', 2);
    return QStringLiteral("%1 d").arg(hours / 24, 0, 'f', 2);
}

QString formatWallTime(double seconds)
{
    if (!std::isfinite(seconds))
        return QString();
    return QDateTime::fromMSecsSinceEpoch(std::llround(seconds * 1000))
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
}

} // namespace lantern::ui
