#include "ui/dashboards/projector/projector_legend.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kMaxRows = 12; // more would cover the points; the rest are counted
constexpr int kPadding = 6;
constexpr int kSwatch = 10;
constexpr int kGradientWidth = 140;
constexpr int kMaxTextWidth = 220;

} // namespace

std::vector<LegendRow> legendRows(const ProjectorLegend& legend, int maxRows)
{
    std::vector<LegendRow> rows;
    const auto& categories = legend.categories;
    const std::size_t shown = categories.size() <= std::size_t(std::max(1, maxRows))
        ? categories.size()
        : std::size_t(std::max(0, maxRows - 1));
    for (std::size_t i = 0; i < shown; ++i)
        rows.push_back({categories[i].first, categories[i].second, true});
    if (shown < categories.size())
        rows.push_back({QCoreApplication::translate("ProjectorLegend", "and %1 more")
                            .arg(categories.size() - shown),
            0, false});
    return rows;
}

QRect paintLegend(QPainter& painter, const ProjectorLegend& legend, QRect area)
{
    if (legend.isEmpty())
        return {};
    const QFontMetrics metrics(painter.font());
    const int line = metrics.height();
    const auto elided = [&metrics](const QString& text) {
        return metrics.elidedText(text, Qt::ElideRight, kMaxTextWidth);
    };
    const std::vector<LegendRow> rows
        = legend.gradient ? std::vector<LegendRow>() : legendRows(legend, kMaxRows);

    // Measure, then draw in the corner.
    int width = legend.title.isEmpty() ? 0 : metrics.horizontalAdvance(elided(legend.title));
    int height = legend.title.isEmpty() ? 0 : line;
    for (const LegendRow& row : rows) {
        width = std::max(width, kSwatch + kPadding + metrics.horizontalAdvance(elided(row.text)));
        height += line;
    }
    const QString low = QString::number(legend.low, 'g', 4),
                  high = QString::number(legend.high, 'g', 4);
    if (legend.gradient) {
        width = std::max({width, kGradientWidth,
            metrics.horizontalAdvance(low) + kPadding + metrics.horizontalAdvance(high)});
        height += kSwatch + 2 + line;
    }
    const QRect box(area.right() - width - 3 * kPadding, area.top() + kPadding,
        width + 2 * kPadding, height + 2 * kPadding);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QColor(0, 0, 0, 60));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(box);
    int y = box.top() + kPadding;
    const int x = box.left() + kPadding;
    painter.setPen(Qt::black);
    if (!legend.title.isEmpty()) {
        painter.drawText(
            QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, elided(legend.title));
        y += line;
    }
    for (const LegendRow& row : rows) {
        int textX = x;
        if (row.swatch) {
            painter.fillRect(
                QRect(x, y + (line - kSwatch) / 2, kSwatch, kSwatch), QColor::fromRgb(row.color));
            textX += kSwatch + kPadding;
        }
        painter.setPen(row.swatch ? Qt::black : Qt::darkGray);
        painter.drawText(QRect(textX, y, width - (textX - x), line),
            Qt::AlignLeft | Qt::AlignVCenter, elided(row.text));
        y += line;
    }
    if (legend.gradient) {
        QLinearGradient ramp(x, 0, x + width, 0);
        ramp.setColorAt(0, QColor::fromRgb(legend.lowColor));
        ramp.setColorAt(1, QColor::fromRgb(legend.highColor));
        painter.fillRect(QRect(x, y, width, kSwatch), ramp);
        y += kSwatch + 2;
        painter.setPen(Qt::black);
        painter.drawText(QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, low);
        painter.drawText(QRect(x, y, width, line), Qt::AlignRight | Qt::AlignVCenter, high);
    }
    painter.restore();
    return box;
}

} // namespace lantern::ui
