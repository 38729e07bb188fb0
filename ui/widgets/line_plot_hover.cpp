// LinePlot's hover tooltip and pinned cursor: the rows every run reads at an x, in the table
// hover_table.h writes.

#include "ui/widgets/hover_table.h"
#include "ui/widgets/line_plot.h"

#include <QLabel>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

// Where the pinned cursor is, in the x axis's own words.
QString describeX(XAxisMode mode, double x)
{
    switch (mode) {
    case XAxisMode::Step:
        return QObject::tr("step %1").arg(std::llround(x));
    case XAxisMode::Relative:
        return formatDuration(x);
    case XAxisMode::WallTime:
        return formatWallTime(x);
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
    return hoverTableHtml(hoverRows(pos), m_tooltip);
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
        + (rows.empty() ? QStringLiteral("<br>") + tr("No data")
                        : hoverTableHtml(rows, {m_tooltip.sort, m_tooltip.maxRows, false}));
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
