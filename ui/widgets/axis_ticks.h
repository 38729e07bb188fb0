#pragma once
// Where a plot axis puts its ticks and what it writes under them: "nice" values (1, 2 or 5 times
// a power of ten) for plain numbers, whole powers of ten for a log axis, and calendar-friendly
// steps (seconds, minutes, hours, days) for wall time, labelled only as precisely as the step
// needs.

#include <QString>

#include <vector>

namespace lantern::ui {

struct AxisTicks {
    std::vector<double> values; // inside [lo, hi], ascending
    std::vector<QString> labels; // one per value

    // About `target` ticks between lo and hi at multiples of 1, 2 or 5 × 10^k.
    static AxisTicks linear(double lo, double hi, int target);
    // As linear, for training steps: never closer than 1 apart, so never at a fractional step.
    static AxisTicks steps(double lo, double hi, int target);
    // Three ticks: `centre` and one `spacing` either side.
    static AxisTicks around(double centre, double spacing);
    // lo and hi are log10 of the data: ticks at whole powers of ten when the range spans at
    // least one, else nice linear values of the data placed at their log10.
    static AxisTicks log10(double lo, double hi, int target);
    // lo and hi are seconds since the epoch; labels are local date/time.
    static AxisTicks wallTime(double lo, double hi, int target);

    // The nice step (1, 2 or 5 × 10^k) nearest to span / target.
    static double niceStep(double span, int target);
    // A number written compactly for an axis or a tooltip. Large magnitudes take SI prefixes
    // (200k, 1.5M, 3G; on an axis from 1,000 on, elsewhere from 1,000,000 on, where digits
    // matter more), the exponent form (2e21) only past the last prefix or below 1e-4. With the
    // axis's `step`, as many decimals as the step needs and no more.
    static QString formatNumber(double value, double step = 0);
};

} // namespace lantern::ui
