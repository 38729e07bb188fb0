#include "ui/widgets/step_axis.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace lantern::ui {

std::vector<double> niceTicks(double lo, double hi, int target)
{
    std::vector<double> ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi) || target < 1)
        return ticks;
    if (hi < lo)
        std::swap(lo, hi);
    if (hi == lo) {
        ticks.push_back(lo);
        return ticks;
    }
    const double raw = (hi * 0.5 - lo * 0.5) / target * 2; // halves: hi - lo may overflow
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double step = magnitude
        * (fraction <= 1        ? 1
                : fraction <= 2 ? 2
                : fraction <= 5 ? 5
                                : 10);
    // Near the largest doubles, hi + a little and the tick after the last overflow to infinity.
    for (double tick = std::ceil(lo / step) * step;
         std::isfinite(tick) && (tick <= hi || tick - hi <= step * 1e-9); tick += step)
        ticks.push_back(std::abs(tick) < step * 1e-9 ? 0.0 : tick);
    return ticks;
}

QString axisLabel(double value, StepAxis axis, bool isStepAxis)
{
    if (isStepAxis && axis == StepAxis::WallTime)
        return QDateTime::fromMSecsSinceEpoch(std::int64_t(value * 1000))
            .toString(QStringLiteral("MM-dd hh:mm"));
    if (isStepAxis && axis == StepAxis::Relative)
        return shortNumber(value) + QStringLiteral(" h");
    return shortNumber(value);
}

QString shortNumber(double value)
{
    if (value == 0)
        return QStringLiteral("0");
    const double magnitude = std::abs(value);
    if (magnitude >= 1e5 || magnitude < 1e-3)
        return QString::number(value, 'g', 3);
    return QString::number(value, 'g', std::max(4, int(std::floor(std::log10(magnitude))) + 1));
}

QColor gradedColor(const QColor& base, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const QColor pale(255 - (255 - base.red()) / 5, 255 - (255 - base.green()) / 5,
        255 - (255 - base.blue()) / 5);
    const QColor dark = base.darker(170);
    auto mix = [t](int a, int b) { return int(std::lround(a + (b - a) * t)); };
    return QColor(mix(pale.red(), dark.red()), mix(pale.green(), dark.green()),
        mix(pale.blue(), dark.blue()));
}

} // namespace lantern::ui
