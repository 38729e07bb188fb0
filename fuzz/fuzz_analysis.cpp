// Decimation and smoothing on fuzzed scalar series, each checked against a brute-force reading
// of its contract (decimation.h, smoothing.h): per pixel column the first, last, smallest and
// largest finite points are kept, the neighbours outside the range are the right ones, a small
// range comes back whole; smoothing passes non-finite values through and resumes exactly.

#include "core/analysis/decimation.h"
#include "core/analysis/smoothing.h"
#include "core/store/scalar_series.h"

#include "fuzz/fuzz_check.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>
#include <limits>
#include <set>
#include <vector>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

bool same(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

double pickValue(FuzzedDataProvider& in, double previous)
{
    switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
        return std::numeric_limits<double>::quiet_NaN();
    case 1:
        return in.ConsumeBool() ? INFINITY : -INFINITY;
    case 2:
        return in.ConsumeFloatingPoint<double>();
    case 3:
        return previous;
    default:
        return previous + in.ConsumeIntegralInRange(-100, 100);
    }
}

void checkSmoothing(FuzzedDataProvider& in, const std::vector<double>& values)
{
    const double weight = in.ConsumeBool() ? in.ConsumeFloatingPoint<double>()
                                           : in.ConsumeIntegralInRange(0, 1000) / 1000.0;
    const std::vector<double> whole = smooth(values, weight);
    check(whole.size() == values.size(), "smoothing changed the size");
    const std::size_t split
        = values.empty() ? 0 : in.ConsumeIntegralInRange<std::size_t>(0, values.size());
    SmoothingState state;
    state.weight = weight;
    std::vector<double> resumed(values.size());
    smooth(std::span(values).first(split), state, std::span(resumed).first(split));
    smooth(std::span(values).subspan(split), state, std::span(resumed).subspan(split));
    for (std::size_t i = 0; i < values.size(); ++i) {
        check(same(whole[i], resumed[i]), "smoothing does not resume exactly");
        if (!std::isfinite(values[i]))
            check(same(whole[i], values[i]), "non-finite value not passed through");
        else if (std::abs(values[i]) < 1e300 && !std::isnan(weight))
            check(!std::isnan(whole[i]), "finite value smoothed to NaN");
    }
}

void checkDecimation(
    FuzzedDataProvider& in, const std::vector<ScalarPoint>& points, const ScalarSnapshot& snapshot)
{
    DecimationQuery query;
    query.axis = in.ConsumeBool() ? DecimationAxis::Step : DecimationAxis::WallTime;
    const bool step = query.axis == DecimationAxis::Step;
    auto xOf = [&](const ScalarPoint& p) { return step ? double(p.step) : p.wallTime; };
    query.columns = in.ConsumeIntegralInRange<std::size_t>(0, 70);
    if (!points.empty() && in.ConsumeBool()) {
        const std::size_t a = in.ConsumeIntegralInRange<std::size_t>(0, points.size() - 1);
        const std::size_t b = in.ConsumeIntegralInRange<std::size_t>(0, points.size() - 1);
        query.x0 = xOf(points[a]) + in.ConsumeIntegralInRange(-3, 3);
        query.x1 = xOf(points[b]) + in.ConsumeIntegralInRange(-3, 3);
    } else {
        query.x0 = in.ConsumeFloatingPoint<double>();
        query.x1 = in.ConsumeFloatingPoint<double>();
    }
    const DecimatedSeries out = decimate(snapshot, query);
    // Only the size() and indices members are relied on: the entry layout is still moving.
    check(out.size() == out.indices.size(), "entries and indices differ in number");
    for (std::size_t i = 0; i < out.indices.size(); ++i)
        check(out.indices[i] < points.size(), "index out of range");
    const bool valid = query.columns > 0 && query.x0 <= query.x1 && std::isfinite(query.x0)
        && std::isfinite(query.x1) && !points.empty();
    if (!valid) {
        check(out.indices.empty(), "result for an invalid query");
        return;
    }

    // Brute force.
    const double x0 = query.x0, x1 = query.x1;
    const std::size_t columns = query.columns;
    double scale = x1 > x0 ? double(columns) / (x1 - x0) : 0.0;
    if (!std::isfinite(scale))
        scale = 0;
    auto columnOf = [&](double x) {
        const double c = (x - x0) * scale;
        return c < double(columns) ? std::size_t(std::int64_t(c)) : columns - 1;
    };
    constexpr std::size_t none = SIZE_MAX;
    std::vector<std::size_t> first(columns, none), last(columns, none), lo(columns, none),
        hi(columns, none);
    std::vector<std::size_t> inRange;
    std::size_t before = none, after = none;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double x = xOf(points[i]);
        if (std::isnan(x))
            continue;
        if (x < x0) {
            if (before == none || x >= xOf(points[before]))
                before = i;
            continue;
        }
        if (x > x1) {
            if (after == none || x < xOf(points[after]))
                after = i;
            continue;
        }
        inRange.push_back(i);
        const std::size_t c = columnOf(x);
        if (first[c] == none)
            first[c] = i;
        last[c] = i;
        const double v = points[i].value;
        if (std::isfinite(v)) {
            if (lo[c] == none || v < points[lo[c]].value)
                lo[c] = i;
            if (hi[c] == none || v > points[hi[c]].value)
                hi[c] = i;
        }
    }
    check(out.hasPointBefore == (before != none), "hasPointBefore");
    check(out.hasPointAfter == (after != none), "hasPointAfter");
    if (before != none)
        check(out.indices.front() == before, "wrong point before x0");
    if (after != none)
        check(out.indices.back() == after, "wrong point after x1");
    const std::size_t begin = out.hasPointBefore ? 1 : 0;
    const std::size_t end = out.indices.size() - (out.hasPointAfter ? 1 : 0);
    std::vector<std::size_t> middle(out.indices.begin() + std::ptrdiff_t(begin),
        out.indices.begin() + std::ptrdiff_t(std::max(begin, end)));
    if (inRange.size() <= 4 * columns) {
        check(out.allPoints, "a small range not returned whole");
        check(middle == inRange, "a small range returned wrong");
        return;
    }
    check(!out.allPoints, "allPoints for a large range");
    const std::set<std::size_t> kept(middle.begin(), middle.end());
    check(kept.size() == middle.size(), "a point returned twice");
    for (std::size_t c = 0; c < columns; ++c)
        for (const std::size_t wanted : {first[c], last[c], lo[c], hi[c]})
            check(wanted == none || kept.contains(wanted), "a column's extreme point is missing");
    for (const std::size_t i : middle) {
        const std::size_t c = columnOf(xOf(points[i]));
        check(i == first[c] || i == last[c] || i == lo[c] || i == hi[c], "an extra point");
    }
    for (std::size_t k = 1; k < middle.size(); ++k) {
        const std::size_t ca = columnOf(xOf(points[middle[k - 1]]));
        const std::size_t cb = columnOf(xOf(points[middle[k]]));
        check(ca < cb || (ca == cb && middle[k - 1] < middle[k]), "drawing order");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const std::size_t count = in.ConsumeIntegralInRange<std::size_t>(0, 3000);
    std::vector<ScalarPoint> points;
    points.reserve(count);
    ScalarPoint point {in.ConsumeIntegral<std::int64_t>() / 2, 1.6e9, 0};
    for (std::size_t i = 0; i < count && in.remaining_bytes() > 0; ++i) {
        const int how = in.ConsumeIntegralInRange(0, 7);
        if (how == 0) {
            const auto jump = in.ConsumeIntegral<std::uint32_t>();
            point.step
                = point.step > INT64_MAX - std::int64_t(jump) ? INT64_MAX : point.step + jump;
        } else if (how < 6) {
            point.step = point.step == INT64_MAX ? INT64_MAX : point.step + 1;
        }
        point.wallTime = in.ConsumeBool() ? point.wallTime + in.ConsumeIntegralInRange(0, 5) * 0.25
                                          : pickValue(in, point.wallTime);
        point.value = pickValue(in, point.value);
        points.push_back(point);
    }
    ScalarSeries series;
    for (const ScalarPoint& p : points)
        series.append(p);
    const ScalarSnapshot snapshot = series.snapshot();
    check(snapshot.size() == points.size(), "series size");

    std::vector<double> values;
    values.reserve(points.size());
    for (const ScalarPoint& p : points)
        values.push_back(p.value);
    checkSmoothing(in, values);
    for (int query = 0; query < 4 && in.remaining_bytes() > 0; ++query)
        checkDecimation(in, points, snapshot);
    return 0;
}
