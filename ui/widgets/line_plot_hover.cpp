// LinePlot's hover tooltip and pinned cursor: the rows every run reads at an x.

#include "ui/widgets/line_plot.h"

#include <QDateTime>
#include <QLabel>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

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

// The tooltip's table of rows; the pinned readout's leaves out the relative time, to stay
// narrow enough for a card.
QString rowsTable(const std::vector<LinePlot::HoverRow>& rows, bool relative = true)
{
    QString html = QStringLiteral(
        "<table cellspacing='0' cellpadding='2'><tr><th></th><th align='left'>Run</th>"
        "<th align='right'>Smoothed</th><th align='right'>Value</th><th align='right'>Step</th>");
    if (relative)
        html += QStringLiteral("<th align='right'>Relative</th>");
    html += QStringLiteral("</tr>");
    for (const LinePlot::HoverRow& row : rows) {
        html += QStringLiteral("<tr><td style='color:%1'>&#9632;</td><td>%2</td>"
                               "<td align='right'>%3</td><td align='right'>%4</td>"
                               "<td align='right'>%5</td>")
                    .arg(row.color.name(), row.name.toHtmlEscaped(),
                        AxisTicks::formatNumber(row.smoothed), AxisTicks::formatNumber(row.value),
                        QString::number(row.step));
        if (relative)
            html += QStringLiteral("<td align='right'>%1</td>")
                        .arg(formatDuration(row.relativeHours));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// Where the pinned cursor is, in the x axis's own words.
QString describeX(XAxisMode mode, double x)
{
    switch (mode) {
    case XAxisMode::Step:
        return QObject::tr("step %1").arg(AxisTicks::formatNumber(x));
    case XAxisMode::Relative:
        return formatDuration(x);
    case XAxisMode::WallTime:
        return QDateTime::fromMSecsSinceEpoch(std::llround(x * 1000))
            .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    }
    return QString();
}

} // namespace

std::vector<LinePlot::HoverRow> LinePlot::hoverRows(QPointF pos) const
{
    return rowsAt(xAtPixel(pos.x()), pos.y());
}

std::vector<LinePlot::HoverRow> LinePlot::rowsAt(double x, double pixelY) const
{
    return hoverRowsAt(shownLayout(), *m_series, m_options.smoothing > 0, x, pixelY);
}

QString LinePlot::tooltipText(QPointF pos) const
{
    const std::vector<HoverRow> rows = hoverRows(pos);
    return rows.empty() ? QString() : rowsTable(rows);
}

std::optional<double> LinePlot::pinnedX() const
{
    return m_pinned ? std::optional(m_pinned->x()) : std::nullopt;
}

void LinePlot::pinCursor(QPointF pos)
{
    // At the x of the point the rows put first, so the line goes through what they read.
    double x = xAtPixel(pos.x());
    const std::vector<HoverRow> rows = rowsAt(x, pos.y());
    if (!rows.empty()) {
        const HoverRow& nearest = rows.front();
        x = m_options.xAxis == XAxisMode::Step       ? double(nearest.step)
            : m_options.xAxis == XAxisMode::Relative ? nearest.relativeHours
                                                     : nearest.wallTime;
    }
    m_pinned = QPointF(x, pos.y());
    refreshPinnedReadout();
    update();
}

void LinePlot::unpinCursor()
{
    if (!m_pinned)
        return;
    m_pinned.reset();
    m_readout->hide();
    update();
}

std::vector<LinePlot::HoverRow> LinePlot::pinnedRows() const
{
    return m_pinned ? rowsAt(m_pinned->x(), m_pinned->y()) : std::vector<HoverRow> {};
}

QString LinePlot::readoutText() const
{
    const std::vector<HoverRow> rows = pinnedRows();
    const QString where = tr("Pinned at %1").arg(describeX(m_options.xAxis, m_pinned->x()));
    return QStringLiteral("<b>%1</b>").arg(where.toHtmlEscaped())
        + (rows.empty() ? QStringLiteral("<br>") + tr("No data") : rowsTable(rows, false));
}

void LinePlot::refreshPinnedReadout()
{
    m_readout->setText(readoutText());
    m_readout->adjustSize();
    // Beside the pinned line, on the side with more room, inside the plot.
    const QRectF plot = shownLayout().plot;
    const double lineX = pixelAtX(m_pinned->x());
    const bool right = lineX < plot.center().x();
    const double x = right ? lineX + 6 : lineX - 6 - m_readout->width();
    const double maxX = std::max(plot.left(), plot.right() - m_readout->width());
    m_readout->move(int(std::clamp(x, plot.left(), maxX)), int(plot.top()) + 2);
    m_readout->show();
}

} // namespace lantern::ui
