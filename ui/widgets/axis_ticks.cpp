#include "ui/widgets/axis_ticks.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kMaxTicks = 1000;

bool validRange(double lo, double hi)
{
    return std::isfinite(lo) && std::isfinite(hi) && hi > lo;
}

// The multiples k·step inside [lo, hi] as a first k and a count, or nothing when they would
// be too many or when k is so large that k + 1 is not a different double (a span tiny next to
// the magnitude, such as 1e30 + 1e14): looping over k would never end.
bool multiples(double lo, double hi, double step, double& first, int& count)
{
    if (!(step > 0) || !std::isfinite(step))
        return false;
    first = std::ceil(lo / step);
    const double last = std::floor(hi / step + 1e-9);
    if (!std::isfinite(first) || !std::isfinite(last) || std::abs(first) > 1e15
        || std::abs(last) > 1e15 || last - first > kMaxTicks)
        return false;
    count = int(last - first) + 1;
    return count > 0;
}

// (hi - lo) / target, without overflow when lo and hi are near ∓DBL_MAX.
double spanPerTick(double lo, double hi, int target)
{
    const double ticks = std::max(1, target);
    const double span = hi - lo;
    return std::isfinite(span) ? span / ticks : hi / ticks - lo / ticks;
}

// The two ends, when nice multiples cannot be placed.
AxisTicks ends(double lo, double hi)
{
    AxisTicks ticks;
    ticks.values = {lo, hi};
    ticks.labels = {QString::number(lo, 'g', 15), QString::number(hi, 'g', 15)};
    return ticks;
}

} // namespace

double AxisTicks::niceStep(double span, int target)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1;
    const double raw = span / std::max(1, target);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    // Thresholds at the geometric midpoints between 1, 2, 5 and 10.
    const double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
    return nice * magnitude;
}

QString AxisTicks::formatNumber(double value, double step)
{
    if (!std::isfinite(value))
        return QString::number(value);
    const double magnitude = std::abs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4))
        return QString::number(value, 'g', 4);
    if (step > 0 && std::isfinite(step)) {
        // As many decimals as the step has, so 0.1, 0.2, 0.3 do not print as 0.30000000000000004.
        const int decimals = std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 10);
        if (std::abs(value) < step / 2)
            value = 0;
        return QString::number(value, 'f', decimals);
    }
    return QString::number(value, 'g', 6);
}

AxisTicks AxisTicks::linear(double lo, double hi, int target)
{
    AxisTicks ticks;
    if (!validRange(lo, hi))
        return ticks;
    const double step = niceStep(spanPerTick(lo, hi, target), 1);
    double first = 0;
    int count = 0;
    if (!multiples(lo, hi, step, first, count))
        return ends(lo, hi);
    for (int i = 0; i < count; ++i) {
        const double value = (first + i) * step;
        ticks.values.push_back(value);
        ticks.labels.push_back(formatNumber(value, step));
    }
    return ticks;
}

AxisTicks AxisTicks::log10(double lo, double hi, int target)
{
    AxisTicks ticks;
    if (!validRange(lo, hi))
        return ticks;
    if (hi - lo >= 1) {
        // Every power of ten, or every n-th when there are many decades.
        const double every = std::max(1.0, std::ceil((hi - lo) / std::max(1, target)));
        double first = 0;
        int count = 0;
        if (!multiples(lo, hi, every, first, count))
            return ends(lo, hi);
        for (int i = 0; i < count; ++i) {
            const double k = (first + i) * every;
            ticks.values.push_back(k);
            ticks.labels.push_back(formatNumber(std::pow(10.0, k)));
        }
        return ticks;
    }
    const AxisTicks plain = linear(std::pow(10.0, lo), std::pow(10.0, hi), target);
    for (std::size_t i = 0; i < plain.values.size(); ++i) {
        if (plain.values[i] <= 0)
            continue;
        ticks.values.push_back(std::log10(plain.values[i]));
        ticks.labels.push_back(plain.labels[i]);
    }
    return ticks;
}

AxisTicks AxisTicks::wallTime(double lo, double hi, int target)
{
    AxisTicks ticks;
    if (!validRange(lo, hi))
        return ticks;
    // Steps a person counts in, in seconds.
    static const double kSteps[] = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
        10800, 21600, 43200, 86400, 172800, 604800, 2592000, 7776000, 31536000};
    const double wanted = spanPerTick(lo, hi, target);
    double step = kSteps[std::size(kSteps) - 1];
    for (const double candidate : kSteps)
        if (candidate >= wanted) {
            step = candidate;
            break;
        }
    if (wanted < 1) {
        step = niceStep(wanted, 1); // sub-second ranges
    } else if (wanted > step) {
        step = std::ceil(wanted / 31536000) * 31536000;
    }
    // Align to the local day for steps of hours and more, so ticks fall on 00:00, 06:00, ….
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(qint64(lo * 1000));
    const double offset = start.offsetFromUtc();
    const QString format = step >= 86400 ? QStringLiteral("yyyy-MM-dd")
        : step >= 60                     ? QStringLiteral("MM-dd hh:mm")
        : step >= 1                      ? QStringLiteral("hh:mm:ss")
                                         : QStringLiteral("hh:mm:ss.zzz");
    double first = 0;
    int count = 0;
    if (!multiples(lo + offset, hi + offset, step, first, count))
        return ends(lo, hi);
    for (int i = 0; i < count; ++i) {
        const double t = (first + i) * step - offset;
        ticks.values.push_back(t);
        ticks.labels.push_back(
            QDateTime::fromMSecsSinceEpoch(qint64(std::llround(t * 1000))).toString(format));
    }
    return ticks;
}

} // namespace lantern::ui
