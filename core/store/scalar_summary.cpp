// The summary pyramid: a ScalarSummary per chunk and merged ones per complete group of
// kFanout chunks (and of groups, …), stored level by level in flat arrays, and the chunk index
// that holds them.

#include "core/store/scalar_store_internal.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <type_traits>

namespace lantern::core {
namespace detail {

// Calls visit with each array of `levels`, field by field: one list of the fields for laying
// them out and for copying them.
template <typename Visit, typename... Levels> void forEachArray(Visit&& visit, Levels&... levels)
{
    visit(levels.minStep...);
    visit(levels.maxStep...);
    visit(levels.minWallTime...);
    visit(levels.maxWallTime...);
    visit(levels.minValue...);
    visit(levels.maxValue...);
    visit(levels.minIndex...);
    visit(levels.maxIndex...);
    visit(levels.minAt...);
    visit(levels.maxAt...);
    visit(levels.first...);
    visit(levels.last...);
    visit(levels.flags...);
}

// Lays out the arrays of one pyramid level of `n` nodes at `storage` (nullptr: only counts);
// returns the bytes used, a multiple of 8 so that every array is aligned.
std::size_t layOutLevel(ScalarSummaryLevel& level, std::size_t n, std::byte* storage)
{
    std::size_t used = 0;
    forEachArray(
        [&]<typename T>(T*& array) {
            static_assert(alignof(T) <= 8 && std::is_trivially_copyable_v<T>);
            if (storage) // a byte array provides storage: the arrays' objects begin implicitly
                array = reinterpret_cast<T*>(storage + used);
            used += (n * sizeof(T) + 7) / 8 * 8;
        },
        level);
    return used;
}

// A new index of `capacity` slots holding `from`'s first `chunkCount` chunks and the summaries
// over them (complete groups never change, so they are copied, not recomputed).
std::shared_ptr<ScalarChunkIndex> makeIndex(
    std::size_t capacity, const ScalarChunkIndex* from, std::size_t chunkCount)
{
    auto index = makeShared<ScalarChunkIndex>();
    index->capacity = capacity;
    index->chunks = std::make_unique<std::shared_ptr<const ScalarChunk>[]>(capacity);
    for (std::size_t i = 0; i < chunkCount; ++i)
        index->chunks[i] = from->chunks[i];
    std::size_t bytes = 0;
    for (std::size_t unit = 1; capacity / unit > 0; unit *= kFanout) {
        ScalarSummaryLevel level;
        level.count = std::uint64_t(unit) * kChunkSize;
        bytes += layOutLevel(level, capacity / unit, nullptr);
        index->levels.push_back(level);
    }
    index->levels.shrink_to_fit();
    index->summaryStorage = std::make_unique<std::byte[]>(bytes);
    index->summaryBytes = bytes;
    std::byte* at = index->summaryStorage.get();
    std::size_t unit = 1;
    for (std::size_t l = 0; l < index->levels.size(); ++l, unit *= kFanout) {
        at += layOutLevel(index->levels[l], capacity / unit, at);
        if (from && l < from->levels.size())
            forEachArray([n = chunkCount / unit](
                             auto* source, auto* target) { std::copy_n(source, n, target); },
                from->levels[l], index->levels[l]);
    }
    return index;
}

std::size_t indexBytes(const ScalarChunkIndex& index)
{
    std::size_t bytes = sharedBlockBytes<ScalarChunkIndex>()
        + index.capacity * sizeof(std::shared_ptr<const ScalarChunk>) + kAllocationOverhead;
    if (index.levels.capacity() > 0)
        bytes += index.levels.capacity() * sizeof(index.levels[0]) + kAllocationOverhead;
    return bytes + index.summaryBytes + kAllocationOverhead;
}

} // namespace detail

// ---- ScalarSummary ----

void ScalarSummary::append(const ScalarSummary& next)
{
    if (next.count == 0)
        return;
    if (count == 0) {
        *this = next;
        return;
    }
    if (next.hasFiniteValue) {
        if (!hasFiniteValue || next.min.value < min.value) {
            min = next.min;
            minIndex = count + next.minIndex;
        }
        if (!hasFiniteValue || next.max.value > max.value) {
            max = next.max;
            maxIndex = count + next.maxIndex;
        }
        hasFiniteValue = true;
    }
    minStep = std::min(minStep, next.minStep);
    maxStep = std::max(maxStep, next.maxStep);
    stepsSorted = stepsSorted && next.stepsSorted && last.step <= next.first.step;
    wallTimesSorted
        = wallTimesSorted && next.wallTimesSorted && last.wallTime <= next.first.wallTime;
    hasNaNWallTime = hasNaNWallTime || next.hasNaNWallTime;
    if (next.hasWallTime) {
        minWallTime = hasWallTime ? std::min(minWallTime, next.minWallTime) : next.minWallTime;
        maxWallTime = hasWallTime ? std::max(maxWallTime, next.maxWallTime) : next.maxWallTime;
        hasWallTime = true;
    }
    last = next.last;
    count += next.count;
}

ScalarSummary ScalarSummary::of(std::span<const ScalarPoint> points)
{
    ScalarSummary s;
    if (points.empty())
        return s;
    // In locals and indices, with comparisons that NaN fails, so the loop runs in registers
    // without a branch per field (it runs once for every point the loader appends).
    const std::size_t n = points.size();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::int64_t minStep = points[0].step, maxStep = minStep;
    double minWall = kInf, maxWall = -kInf, minValue = kInf, maxValue = -kInf;
    std::size_t minAt = n, maxAt = n; // n: no finite value
    bool stepsSorted = true, wallTimesSorted = !std::isnan(points[0].wallTime);
    bool anyWall = false, anyNaNWall = false;
    for (std::size_t i = 0; i < n; ++i) {
        const ScalarPoint& p = points[i];
        minStep = std::min(minStep, p.step);
        maxStep = std::max(maxStep, p.step);
        const double w = p.wallTime;
        const bool isNaN = std::isnan(w);
        anyNaNWall = anyNaNWall || isNaN;
        anyWall = anyWall || !isNaN;
        minWall = w < minWall ? w : minWall;
        maxWall = w > maxWall ? w : maxWall;
        if (i > 0) {
            stepsSorted = stepsSorted && points[i - 1].step <= p.step;
            wallTimesSorted = wallTimesSorted && points[i - 1].wallTime <= w;
        }
        // A finite value is always below +inf and above -inf, so the first one is taken.
        const double v = p.value;
        if (std::isfinite(v)) {
            if (v < minValue) {
                minValue = v;
                minAt = i;
            }
            if (v > maxValue) {
                maxValue = v;
                maxAt = i;
            }
        }
    }
    s.count = n;
    s.first = points.front();
    s.last = points.back();
    s.minStep = minStep;
    s.maxStep = maxStep;
    s.stepsSorted = stepsSorted;
    s.wallTimesSorted = wallTimesSorted;
    s.hasNaNWallTime = anyNaNWall;
    s.hasWallTime = anyWall;
    if (anyWall) {
        s.minWallTime = minWall;
        s.maxWallTime = maxWall;
    }
    s.hasFiniteValue = minAt != n;
    if (s.hasFiniteValue) {
        s.min = points[minAt];
        s.max = points[maxAt];
        s.minIndex = minAt;
        s.maxIndex = maxAt;
    }
    return s;
}

// ---- ScalarSummaryLevel ----

ScalarSummary ScalarSummaryLevel::get(std::size_t i) const
{
    ScalarSummary s;
    s.count = count;
    s.first = first[i];
    s.last = last[i];
    s.min = min(i);
    s.max = max(i);
    s.minIndex = minIndex[i];
    s.maxIndex = maxIndex[i];
    s.minStep = minStep[i];
    s.maxStep = maxStep[i];
    s.minWallTime = minWallTime[i];
    s.maxWallTime = maxWallTime[i];
    s.hasFiniteValue = has(i, kHasFiniteValue);
    s.hasWallTime = has(i, kHasWallTime);
    s.hasNaNWallTime = has(i, kHasNaNWallTime);
    s.stepsSorted = has(i, kStepsSorted);
    s.wallTimesSorted = has(i, kWallTimesSorted);
    return s;
}

void ScalarSummaryLevel::set(std::size_t i, const ScalarSummary& s)
{
    assert(s.count == count);
    first[i] = s.first;
    last[i] = s.last;
    minAt[i] = {s.min.step, s.min.wallTime};
    maxAt[i] = {s.max.step, s.max.wallTime};
    minValue[i] = s.min.value;
    maxValue[i] = s.max.value;
    minIndex[i] = s.minIndex;
    maxIndex[i] = s.maxIndex;
    minStep[i] = s.minStep;
    maxStep[i] = s.maxStep;
    minWallTime[i] = s.minWallTime;
    maxWallTime[i] = s.maxWallTime;
    flags[i] = std::uint8_t((s.hasFiniteValue ? kHasFiniteValue : 0)
        | (s.hasWallTime ? kHasWallTime : 0) | (s.hasNaNWallTime ? kHasNaNWallTime : 0)
        | (s.stepsSorted ? kStepsSorted : 0) | (s.wallTimesSorted ? kWallTimesSorted : 0));
}

} // namespace lantern::core
