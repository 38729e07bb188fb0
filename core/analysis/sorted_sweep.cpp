// The sorted sweep of decimation: see sorted_sweep.h. It leaves out exactly the chunks the
// pyramid walk would leave out, and every other chunk in range joins its column whole either
// way, so decimation answers the same to the bit, from about a tenth of the summaries.

#include "core/analysis/sorted_sweep.h"

#include "core/analysis/first_where.h"

#include <algorithm>
#include <limits>

namespace lantern::core {
namespace {

constexpr std::size_t kSweepChunk = ScalarSnapshot::kChunkSize;
constexpr std::size_t kSweepFanout = ScalarSnapshot::kFanout;
// More levels than any index can have: each has kSweepFanout times fewer nodes.
constexpr std::size_t kMaxLevels = 64;

double xOf(const ScalarPoint& p, bool stepAxis)
{
    return stepAxis ? double(p.step) : p.wallTime;
}

} // namespace

bool SortedSweep::applies(const ScalarSnapshot& snapshot, bool stepAxis)
{
    // The complete nodes of the highest levels that tile the chunks, then the tail.
    const auto sorted = stepAxis ? ScalarSummaryLevel::kStepsSorted
                                 : ScalarSummaryLevel::kWallTimesSorted; // and none is NaN
    double previous = -std::numeric_limits<double>::infinity();
    std::size_t done = 0; // chunks looked at
    for (std::size_t level = snapshot.levelCount(); level-- > 0;) {
        const ScalarSummaryLevel& nodes = snapshot.summaries(level);
        const std::size_t unit = std::size_t(nodes.count / kSweepChunk);
        const std::size_t count = snapshot.nodeCount(level);
        for (std::size_t i = done / unit; i < count; ++i) {
            if (!nodes.has(i, sorted) || !(previous <= xOf(nodes.first[i], stepAxis)))
                return false;
            previous = xOf(nodes.last[i], stepAxis);
        }
        done = count * unit;
    }
    for (const ScalarPoint& p : snapshot.tail()) {
        if (!(previous <= xOf(p, stepAxis))) // NaN fails too
            return false;
        previous = xOf(p, stepAxis);
    }
    return true;
}

void SortedSweep::sweep(
    const ScalarSnapshot& snapshot, const ColumnMap& columns, bool stepAxis, double x0, double x1)
{
    runs.clear();
    boundaryChunks.clear();
    chunkBefore = chunkAfter = kNone;
    tail = true;
    const std::size_t n = snapshot.chunkCount();
    if (n == 0)
        return;
    // Sorted, so a chunk's x range runs from its first point to its last.
    const ScalarSummaryLevel& chunks = snapshot.summaries(0);
    const auto lo = [&](std::size_t k) {
        return stepAxis ? double(chunks.minStep[k]) : chunks.minWallTime[k];
    };
    const auto hi = [&](std::size_t k) {
        return stepAxis ? double(chunks.maxStep[k]) : chunks.maxWallTime[k];
    };
    std::size_t k = firstWhere(0, n, [&](std::size_t j) { return hi(j) >= x0; });
    if (k > 0)
        chunkBefore = k - 1;
    while (k < n) {
        const double a = lo(k), b = hi(k);
        if (a > x1) { // and so is everything after it
            chunkAfter = k;
            tail = false;
            return;
        }
        const std::size_t column = columns.columnOf(std::max(a, x0));
        if (a < x0 || b > x1 || columns.columnOf(b) != column) {
            boundaryChunks.push_back(k++);
            continue;
        }
        const std::size_t end = firstWhereNear(k + 1, n,
            [&](std::size_t j) { return hi(j) > x1 || columns.columnOf(hi(j)) != column; });
        runs.push_back({column, k, end});
        k = end;
    }
}

SortedSweep::Extremes SortedSweep::extremes(
    const ScalarSnapshot& snapshot, std::size_t from, std::size_t to)
{
    // The nodes that tile [from, to): at each level, those up to the next multiple of kSweepFanout
    // at either end (two ranges of consecutive nodes); the groups between are complete nodes one
    // level up; the top level takes what is left.
    struct Range {
        const ScalarSummaryLevel* level;
        std::size_t from, to;
    };
    Range ranges[2 * kMaxLevels + 1];
    std::size_t rangeCount = 0;
    const std::size_t levels = snapshot.levelCount();
    for (std::size_t l = 0; from < to; ++l) {
        const ScalarSummaryLevel& level = snapshot.summaries(l);
        if (l + 1 == levels) {
            ranges[rangeCount++] = {&level, from, to};
            break;
        }
        const std::size_t head
            = std::min(to, (from + kSweepFanout - 1) / kSweepFanout * kSweepFanout);
        const std::size_t tail = std::max(head, to / kSweepFanout * kSweepFanout);
        ranges[rangeCount++] = {&level, from, head};
        ranges[rangeCount++] = {&level, tail, to};
        from = head / kSweepFanout;
        to = tail / kSweepFanout;
    }
    // First the smallest and largest finite values, without a branch on which node wins
    // (those branches went either way and cost more than the reads), then the first node
    // holding each, by index: values rarely tie, so that pass rarely finds more than one.
    constexpr double kInf = std::numeric_limits<double>::infinity();
    double low = kInf, high = -kInf;
    bool any = false;
    for (std::size_t r = 0; r < rangeCount; ++r) {
        const ScalarSummaryLevel& level = *ranges[r].level;
        for (std::size_t i = ranges[r].from; i < ranges[r].to; ++i) {
            const bool finite = level.has(i, ScalarSummaryLevel::kHasFiniteValue);
            low = std::min(low, finite ? level.minValue[i] : kInf);
            high = std::max(high, finite ? level.maxValue[i] : -kInf);
            any = any || finite;
        }
    }
    if (!any)
        return {};
    Extremes e;
    e.hasFiniteValue = true;
    e.minIndex = e.maxIndex = UINT64_MAX;
    for (std::size_t r = 0; r < rangeCount; ++r) {
        const ScalarSummaryLevel& level = *ranges[r].level;
        for (std::size_t i = ranges[r].from; i < ranges[r].to; ++i) {
            if (!level.has(i, ScalarSummaryLevel::kHasFiniteValue))
                continue;
            const std::uint64_t base = i * level.count;
            if (level.minValue[i] == low && base + level.minIndex[i] < e.minIndex) {
                e.minLevel = &level;
                e.minNode = i;
                e.minIndex = base + level.minIndex[i];
            }
            if (level.maxValue[i] == high && base + level.maxIndex[i] < e.maxIndex) {
                e.maxLevel = &level;
                e.maxNode = i;
                e.maxIndex = base + level.maxIndex[i];
            }
        }
    }
    return e;
}

} // namespace lantern::core
