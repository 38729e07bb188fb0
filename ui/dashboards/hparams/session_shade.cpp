#include "ui/dashboards/hparams/session_shade.h"

#include "ui/dashboards/hparams/hparams_table_model.h"

#include <QWidget>

#include <algorithm>

namespace lantern::ui {

QColor shadeColor(double t)
{
    static const QColor stops[] = {{"#440154"}, {"#31688E"}, {"#35B779"}, {"#B59A00"}};
    const double scaled = std::clamp(t, 0.0, 1.0) * 3;
    const int i = std::min(int(scaled), 2);
    const double f = scaled - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f),
        float(a.greenF() + (b.greenF() - a.greenF()) * f),
        float(a.blueF() + (b.blueF() - a.blueF()) * f));
}

QColor sessionColor(std::optional<double> fraction)
{
    return fraction ? shadeColor(*fraction) : QColor(150, 150, 150);
}

std::optional<ParallelAxis> shadeAxis(const HParamsTableModel& table, const QString& key)
{
    const int column = table.columnOf(key);
    if (column < 0)
        return std::nullopt;
    return ParallelAxis::of(table, column, AxisScale::Linear);
}

QString defaultShadeKey(const HParamsTableModel& table)
{
    for (const auto& column : table.columns())
        if (column.kind == HParamsTableModel::ColumnKind::Metric)
            return column.key;
    return {};
}

void resetCache(QImage& cache, const QWidget& widget)
{
    const qreal ratio = widget.devicePixelRatioF();
    if (cache.size() != widget.size() * ratio) {
        cache = QImage(widget.size() * ratio, QImage::Format_ARGB32_Premultiplied);
        cache.setDevicePixelRatio(ratio);
    }
    cache.fill(widget.palette().color(QPalette::Base));
}

core::PixelBuffer pixelsOf(QImage& image)
{
    return {reinterpret_cast<std::uint32_t*>(image.bits()), image.width(), image.height(),
        int(image.bytesPerLine() / 4)};
}

} // namespace lantern::ui
