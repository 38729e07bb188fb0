#pragma once
// What the histogram and distribution plots share: the axis a step is placed on (its step,
// hours since the series began, or wall time), tick positions and labels, and the light-to-dark
// grading of a run's colour by step.

#include <QColor>
#include <QString>

#include <cstdint>
#include <vector>

namespace lantern::ui {

enum class StepAxis { Step, Relative, WallTime };

// Where a step lies on `axis`; `firstWallTime` is the series' first wall time (Relative).
inline double stepAxisValue(StepAxis axis, std::int64_t step, double wallTime, double firstWallTime)
{
    switch (axis) {
    case StepAxis::Relative:
        return (wallTime - firstWallTime) / 3600.0;
    case StepAxis::WallTime:
        return wallTime;
    case StepAxis::Step:
        break;
    }
    return double(step);
}

// Where `value` lies from lo (0) to hi (1); 0.5 when hi <= lo. Works on halves, so a range as
// wide as the doubles go (diverged weights reach ±1.8e308) never overflows to infinity.
inline double fractionWithin(double value, double lo, double hi)
{
    const double halfSpan = hi * 0.5 - lo * 0.5;
    return halfSpan > 0 ? (value * 0.5 - lo * 0.5) / halfSpan : 0.5;
}

// About `target` round-numbered ticks (1, 2 or 5 × 10^k apart) inside [lo, hi].
std::vector<double> niceTicks(double lo, double hi, int target);
// A short label for a value on an axis (wall time as a date and time).
QString axisLabel(double value, StepAxis axis, bool isStepAxis);
// A value for a tooltip: up to 4 significant digits.
QString shortNumber(double value);
// `base` graded by t in [0, 1]: a pale tint at 0, the colour darkened at 1.
QColor gradedColor(const QColor& base, double t);

} // namespace lantern::ui
