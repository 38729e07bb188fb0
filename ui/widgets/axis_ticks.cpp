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

// SI prefixes for thousands, up to exa; past them numbers take the exponent form.
constexpr char kPrefixes[] = {'k', 'M', 'G', 'T', 'P', 'E'};
constexpr double kBeyondPrefixes = 1e21;

// The decimals that tell multiples of `step` apart.
int decimalsFor(double step)
{
    // The fewest from the step's magnitude on that write it whole: 0.25 needs 2, not 1.
    int decimals = std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 10);
    for (; decimals < 10; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) <= 1e-6 * scaled)
            break;
    }
    return decimals;
}

QString withoutTrailingZeros(QString text)
{
    if (!text.contains(QLatin1Char('.')))
        return text;
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// 2e21, 1.5e-7: the mantissa to 4 significant digits, the exponent without "+" or leading zeros.
QString exponentForm(double value)
{
    int exponent = int(std::floor(std::log10(std::abs(value))));
    double mantissa = value / std::pow(10.0, exponent);
    QString digits = withoutTrailingZeros(QString::number(mantissa, 'f', 3));
    if (digits == QLatin1String("10") || digits == QLatin1String("-10")) { // 9.9996 rounded up
        ++exponent;
        mantissa /= 10;
        digits = withoutTrailingZeros(QString::number(mantissa, 'f', 3));
    }
    return digits + QLatin1Char('e') + QString::number(exponent);
}

// 200k, 1.5M: `value` (at least 1,000 in magnitude) over the largest power of a thousand it
// reaches, to the decimals `step` needs there (4 significant digits without a step).
QString withPrefix(double value, double step)
{
    int index = std::min(int(std::size(kPrefixes)) - 1,
        int(std::floor(std::log10(std::abs(value)) / 3 + 1e-12)) - 1);
    for (;; ++index) {
        const double scale = std::pow(1000.0, index + 1);
        const double scaled = value / scale;
        const QString digits = step > 0 ? QString::number(scaled, 'f', decimalsFor(step / scale))
                                        : QString::number(scaled, 'g', 4);
        // 999,999.6 rounds to "1000k": that is 1M.
        const bool roundedUp = std::abs(digits.toDouble()) >= 1000;
        if (!roundedUp || index + 1 == int(std::size(kPrefixes)))
            return withoutTrailingZeros(digits) + QLatin1Char(kPrefixes[index]);
    }
}

// Ticks at multiples of a nice step near (hi - lo) / target, at least `minStep` apart.
AxisTicks evenlySpaced(double lo, double hi, int target, double minStep)
{
    AxisTicks ticks;
    if (!validRange(lo, hi))
        return ticks;
    const double step = std::max(minStep, AxisTicks::niceStep(spanPerTick(lo, hi, target), 1));
    if (minStep > 0 && std::ceil(lo / step) > std::floor(hi / step))
        return ticks; // no allowed tick in the range: none rather than a fractional one
    double first = 0;
    int count = 0;
    if (!multiples(lo, hi, step, first, count))
        return ends(lo, hi);
    for (int i = 0; i < count; ++i) {
        const double value = (first + i) * step;
        ticks.values.push_back(value);
        ticks.labels.push_back(AxisTicks::formatNumber(value, step));
    }
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
    const bool axis = step > 0 && std::isfinite(step);
    if (axis && magnitude < step / 2)
        return QString::number(0.0, 'f', decimalsFor(step)); // 1e-17 is a rounding error of 0
    // Without a step, from where 6 significant digits would round to 1e+06.
    if (magnitude >= (axis && step >= 1 ? 1e3 : 999999.5) && magnitude < kBeyondPrefixes)
        return withPrefix(value, axis ? step : 0);
    if (magnitude != 0 && (magnitude >= kBeyondPrefixes || magnitude < 1e-4))
        return exponentForm(value);
    if (axis) // as many decimals as the step has: 0.3, not 0.30000000000000004
        return QString::number(value, 'f', decimalsFor(step));
    return QString::number(value, 'g', 6);
}

AxisTicks AxisTicks::linear(double lo, double hi, int target)
{
    return evenlySpaced(lo, hi, target, 0);
}

AxisTicks AxisTicks::steps(double lo, double hi, int target)
{
    return evenlySpaced(lo, hi, target, 1);
}

AxisTicks AxisTicks::around(double centre, double spacing)
{
    AxisTicks ticks;
    for (const double value : {centre - spacing, centre, centre + spacing}) {
        ticks.values.push_back(value);
        ticks.labels.push_back(formatNumber(value, spacing));
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
    // Beyond 100,000 years from 1970 a time is no date a log holds (and soon no date QDateTime
    // can hold in milliseconds): plain numbers of seconds instead.
    constexpr double kLatestDate = 1e5 * 365.25 * 86400;
    if (std::abs(lo) > kLatestDate || std::abs(hi) > kLatestDate)
        return linear(lo, hi, target);
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
