#include "ui/dashboards/audio/frequency_scale.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lantern::ui {
namespace {
constexpr double kLowestHeard = 20; // Hz: the bottom of human hearing
} // namespace

FrequencyScale FrequencyScale::of(double sampleRate, int windowSize, bool log)
{
    FrequencyScale scale;
    scale.log = log;
    scale.highest = std::max(1.0, sampleRate / 2);
    if (log) {
        // 0 Hz has no place on a log scale; below one bin there is nothing to tell apart.
        const double firstBin = sampleRate / std::max(1, windowSize);
        scale.lowest = std::min(std::max(kLowestHeard, firstBin), scale.highest / 2);
    }
    return scale;
}

double FrequencyScale::fractionOf(double hertz) const
{
    if (log)
        return std::log(std::max(hertz, 1e-9) / lowest) / std::log(highest / lowest);
    return (hertz - lowest) / (highest - lowest);
}

double FrequencyScale::hertzAt(double fraction) const
{
    if (log)
        return lowest * std::pow(highest / lowest, fraction);
    return lowest + fraction * (highest - lowest);
}

AxisTicks FrequencyScale::ticks(int target) const
{
    AxisTicks ticks;
    if (!log) {
        ticks = AxisTicks::linear(lowest, highest, target);
    } else {
        // Thinned out step by step, so a short view still gets more than the powers of ten.
        const std::vector<std::vector<double>> multiplesPerDecade {{1, 2, 5}, {1, 3}, {1}};
        for (const std::vector<double>& multiples : multiplesPerDecade) {
            ticks.values.clear();
            for (double decade = std::pow(10.0, std::floor(std::log10(lowest))); decade <= highest;
                 decade *= 10)
                for (const double multiple : multiples)
                    if (decade * multiple >= lowest && decade * multiple <= highest)
                        ticks.values.push_back(decade * multiple);
            if (int(ticks.values.size()) <= std::max(2, target))
                break;
        }
    }
    ticks.labels.clear();
    for (const double value : ticks.values)
        ticks.labels.push_back(hertzText(value));
    return ticks;
}

QString hertzText(double hertz)
{
    if (std::abs(hertz) >= 1000)
        return QStringLiteral("%1 kHz").arg(QString::number(hertz / 1000, 'g', 4));
    return QStringLiteral("%1 Hz").arg(QString::number(hertz, 'g', 4));
}

} // namespace lantern::ui
