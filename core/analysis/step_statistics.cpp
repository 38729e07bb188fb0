#include "core/analysis/step_statistics.h"

#include "core/analysis/first_where.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {
namespace {

constexpr std::size_t kStatsChunk = ScalarSnapshot::kChunkSize;
constexpr std::size_t kStatsFanout = ScalarSnapshot::kFanout;

// The first index whose step satisfies `after` (false, then true along the series), or size().
// A binary search over the chunks' last steps, then over the steps of the one chunk it lands in.
template <typename After> std::size_t firstIndexWhere(const ScalarSnapshot& series, After&& after)
{
    const std::size_t chunks = series.chunkCount();
    if (chunks > 0) {
        const ScalarSummaryLevel& level = series.summaries(0);
        const std::size_t c
            = firstWhere(0, chunks, [&](std::size_t i) { return after(level.maxStep[i]); });
        if (c < chunks) {
            ScalarPoint points[kStatsChunk];
            series.decodeChunk(c, points, kStatsChunk, ScalarSnapshot::kSteps);
            return c * kStatsChunk
                + firstWhere(0, kStatsChunk, [&](std::size_t j) { return after(points[j].step); });
        }
    }
    const std::span<const ScalarPoint> tail = series.tail();
    return chunks * kStatsChunk
        + firstWhere(0, tail.size(), [&](std::size_t j) { return after(tail[j].step); });
}

std::uint64_t distance(std::int64_t a, std::int64_t b)
{
    // Unsigned wrap-around gives the exact distance for any two int64.
    return a > b ? std::uint64_t(a) - std::uint64_t(b) : std::uint64_t(b) - std::uint64_t(a);
}

void addValue(RangeStatistics& statistics, double value)
{
    if (!std::isfinite(value))
        return;
    ++statistics.finiteCount;
    statistics.sum += value;
    if (!(value >= statistics.min)) // also when min is still NaN
        statistics.min = value;
    if (!(value <= statistics.max))
        statistics.max = value;
}

// Adds points [first, last) one by one, read in blocks so that memory stays small.
void addPoints(
    const ScalarSnapshot& series, std::size_t first, std::size_t last, RangeStatistics& statistics)
{
    std::vector<ScalarPoint> block;
    constexpr std::size_t kBlock = 64 * kStatsChunk;
    for (std::size_t at = first; at < last; at += kBlock) {
        series.read(at, std::min(kBlock, last - at), block);
        for (const ScalarPoint& point : block)
            addValue(statistics, point.value);
    }
}

// The range's count and its first and last points; false for an empty range.
bool countEnds(const ScalarSnapshot& series, const IndexRange& range, RangeStatistics& statistics)
{
    if (range.empty())
        return false;
    statistics.count = range.last - range.first;
    statistics.first = series[range.first];
    statistics.last = series[range.last - 1];
    return true;
}

double finiteSum(const ScalarPoint* points, std::size_t count, std::uint64_t& finite)
{
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        if (std::isfinite(points[i].value)) {
            sum += points[i].value;
            ++finite;
        }
    return sum;
}

} // namespace

IndexRange indicesWithin(const ScalarSnapshot& series, std::int64_t lo, std::int64_t hi)
{
    if (hi < lo)
        return {};
    return {firstIndexWhere(series, [lo](std::int64_t step) { return step >= lo; }),
        firstIndexWhere(series, [hi](std::int64_t step) { return step > hi; })};
}

std::optional<std::size_t> indexNearestStep(const ScalarSnapshot& series, std::int64_t step)
{
    if (series.empty())
        return std::nullopt;
    const std::size_t after = firstIndexWhere(series, [step](std::int64_t s) { return s >= step; });
    if (after == series.size())
        return after - 1;
    if (after == 0)
        return after;
    const std::int64_t below = series[after - 1].step;
    const std::int64_t above = series[after].step;
    return distance(below, step) <= distance(above, step) ? after - 1 : after;
}

RangeStatistics scanRangeStatistics(const ScalarSnapshot& series, std::int64_t lo, std::int64_t hi)
{
    RangeStatistics statistics;
    const IndexRange range = indicesWithin(series, lo, hi);
    if (countEnds(series, range, statistics))
        addPoints(series, range.first, range.last, statistics);
    return statistics;
}

ScalarSumPyramid ScalarSumPyramid::of(
    const ScalarSnapshot& series, const ScalarSumPyramid* previous)
{
    ScalarSumPyramid pyramid;
    pyramid.m_removals = series.removals();
    const bool extends = previous && previous->m_removals == series.removals()
        && previous->chunkCount() <= series.chunkCount();
    if (extends)
        pyramid.m_levels = previous->m_levels;
    if (pyramid.m_levels.empty())
        pyramid.m_levels.emplace_back();
    // Level 0: the chunks not summed yet, decoded once.
    Level& chunks = pyramid.m_levels[0];
    ScalarPoint points[kStatsChunk];
    for (std::size_t c = chunks.sums.size(); c < series.chunkCount(); ++c) {
        series.decodeChunk(c, points, kStatsChunk, ScalarSnapshot::kValues);
        std::uint64_t finite = 0;
        chunks.sums.push_back(finiteSum(points, kStatsChunk, finite));
        chunks.counts.push_back(finite);
    }
    // Each level above: the complete groups of kStatsFanout nodes below it.
    for (std::size_t l = 1;; ++l) {
        const std::size_t complete = pyramid.m_levels[l - 1].sums.size() / kStatsFanout;
        if (complete == 0)
            break;
        if (pyramid.m_levels.size() <= l)
            pyramid.m_levels.emplace_back();
        const Level& below = pyramid.m_levels[l - 1];
        Level& level = pyramid.m_levels[l];
        for (std::size_t i = level.sums.size(); i < complete; ++i) {
            double sum = 0;
            std::uint64_t count = 0;
            for (std::size_t k = i * kStatsFanout; k < (i + 1) * kStatsFanout; ++k) {
                sum += below.sums[k];
                count += below.counts[k];
            }
            level.sums.push_back(sum);
            level.counts.push_back(count);
        }
    }
    return pyramid;
}

RangeStatistics ScalarSumPyramid::statistics(
    const ScalarSnapshot& series, std::int64_t lo, std::int64_t hi) const
{
    RangeStatistics statistics;
    const IndexRange range = indicesWithin(series, lo, hi);
    if (!countEnds(series, range, statistics))
        return statistics;
    // Whole chunks summed here from the pyramids; the points either side one by one.
    const std::size_t summed = std::min(chunkCount(), series.chunkCount());
    const std::size_t c0 = (range.first + kStatsChunk - 1) / kStatsChunk;
    const std::size_t c1 = std::min(range.last / kStatsChunk, summed);
    if (c0 >= c1) {
        addPoints(series, range.first, range.last, statistics);
        return statistics;
    }
    addPoints(series, range.first, c0 * kStatsChunk, statistics);
    const std::size_t levels = std::min(m_levels.size(), series.levelCount());
    for (std::size_t c = c0; c < c1;) {
        // The largest node that starts at c and ends by c1.
        std::size_t level = 0;
        std::size_t span = 1;
        while (level + 1 < levels && c % (span * kStatsFanout) == 0 && c + span * kStatsFanout <= c1
            && c / (span * kStatsFanout) < m_levels[level + 1].sums.size()
            && c / (span * kStatsFanout) < series.nodeCount(level + 1)) {
            ++level;
            span *= kStatsFanout;
        }
        const std::size_t node = c / span;
        const ScalarSummaryLevel& store = series.summaries(level);
        if (store.has(node, ScalarSummaryLevel::kHasFiniteValue)) {
            const double nodeMin = store.minValue[node];
            const double nodeMax = store.maxValue[node];
            if (!(nodeMin >= statistics.min))
                statistics.min = nodeMin;
            if (!(nodeMax <= statistics.max))
                statistics.max = nodeMax;
        }
        statistics.sum += m_levels[level].sums[node];
        statistics.finiteCount += m_levels[level].counts[node];
        c += span;
    }
    addPoints(series, c1 * kStatsChunk, range.last, statistics);
    return statistics;
}

} // namespace lantern::core
