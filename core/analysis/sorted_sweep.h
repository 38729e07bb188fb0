#pragma once
// Part of decimation, for a snapshot whose x (the step, or the wall time) never decreases and is
// never NaN, as steps always are and wall times nearly always. Then the points of a pixel column
// are consecutive, so the chunks wholly inside one column come in runs, found by searching the
// chunks' x ranges instead of walking the pyramid from the top; a run's min and max come from
// the fewest pyramid nodes that tile it (a segment tree's range query). Left over are the chunks
// that a column boundary or an end of the range falls in, and the points just outside.

#include "core/analysis/column_map.h"
#include "core/store/scalar_series.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lantern::core {

struct SortedSweep {
    static constexpr std::size_t kNone = SIZE_MAX;
    // Chunks [from, to), wholly inside `column`.
    struct Run {
        std::size_t column, from, to;
    };
    // Where a run's first point with the smallest finite value is, and the first with the
    // largest: the pyramid node whose min or max it is, and its index. Reading the point itself
    // is left to the caller, so that those reads can wait and overlap.
    struct Extremes {
        bool hasFiniteValue = false;
        const ScalarSummaryLevel* minLevel = nullptr;
        const ScalarSummaryLevel* maxLevel = nullptr;
        std::size_t minNode = 0, maxNode = 0;
        std::uint64_t minIndex = 0, maxIndex = 0;

        ScalarPoint min() const { return minLevel->min(minNode); }
        ScalarPoint max() const { return maxLevel->max(maxNode); }
    };

    std::vector<Run> runs; // in index order
    std::vector<std::size_t> boundaryChunks; // in index order, each partly in range
    std::size_t chunkBefore = kNone; // the chunk whose last point is the nearest before x0
    std::size_t chunkAfter = kNone; // the chunk whose first point is the nearest after x1
    bool tail = false; // the tail may hold points in range, or nearer ones outside

    // Whether x never decreases over the whole snapshot (tail included) and is never NaN.
    static bool applies(const ScalarSnapshot& snapshot, bool stepAxis);
    // Fills the fields above for [x0, x1] (x0 <= x1) on a snapshot that applies().
    void sweep(const ScalarSnapshot& snapshot, const ColumnMap& columns, bool stepAxis, double x0,
        double x1);
    static Extremes extremes(const ScalarSnapshot& snapshot, std::size_t from, std::size_t to);
};

} // namespace lantern::core
