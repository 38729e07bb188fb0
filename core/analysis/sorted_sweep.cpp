// The sorted sweep of decimation: see sorted_sweep.h. It leaves out exactly the chunks the
// pyramid walk would leave out, and every other chunk in range joins its column whole either
// way, so decimation answers the same to the bit, from about a tenth of the summaries.

#include "core/analysis/sorted_sweep.h"

#include "core/analysis/first_where.h"

#include <algorithm>
#include <limits>

namespace lantern::core {
namespace {

constexpr std::size_t kChunkSize = ScalarSnapshot::kChunkSize;
constexpr std::size_t kFanout = ScalarSnapshot::kFanout;

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
        const std::size_t unit = std::size_t(nodes.count / kChunkSize);
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
    // The winners by value, then by index: nodes come from both ends, in no single order.
    struct Best {
        const ScalarSummaryLevel* level = nullptr;
        std::size_t node = 0;
        double value = 0;
        std::uint64_t index = 0;
    } min, max;
    const auto take = [&](const ScalarSummaryLevel& level, std::size_t i) {
        if (!level.has(i, ScalarSummaryLevel::kHasFiniteValue))
            return;
        const std::uint64_t base = i * level.count;
        const double low = level.minValue[i], high = level.maxValue[i];
        if (!min.level || low < min.value
            || (low == min.value && base + level.minIndex[i] < min.index))
            min = {&level, i, low, base + level.minIndex[i]};
        if (!max.level || high > max.value
            || (high == max.value && base + level.maxIndex[i] < max.index))
            max = {&level, i, high, base + level.maxIndex[i]};
    };
    const std::size_t levels = snapshot.levelCount();
    for (std::size_t l = 0; from < to; ++l) {
        const ScalarSummaryLevel& level = snapshot.summaries(l);
        if (l + 1 == levels) {
            for (; from < to; ++from)
                take(level, from);
            break;
        }
        // The nodes up to the next multiple of kFanout at either end; the groups between are
        // complete nodes one level up.
        for (; from < to && from % kFanout != 0; ++from)
            take(level, from);
        for (; from < to && to % kFanout != 0; --to)
            take(level, to - 1);
        from /= kFanout;
        to /= kFanout;
    }
    if (!min.level)
        return {};
    return {true, min.level, max.level, min.node, max.node, min.index, max.index};
}

} // namespace lantern::core
