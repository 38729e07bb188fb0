#pragma once
// What a line plot W pixels wide can show of a scalar series between x0 and x1: per pixel column
// the first, the smallest, the largest and the last point, in the order they occur, so a polyline
// through them draws exactly what the full series would. Answered from the store's summary
// pyramid in about O(W · log N) instead of O(N).

#include "core/store/scalar_series.h"

#include <cstdint>
#include <vector>

namespace lantern::core {

enum class DecimationAxis : std::uint8_t {
    Step,
    WallTime, // relative time too: the caller offsets x0 and x1 by the run's start
};

struct DecimationQuery {
    DecimationAxis axis = DecimationAxis::Step;
    double x0 = 0; // the visible range, inclusive; a step is compared as double(step)
    double x1 = 0;
    std::size_t columns = 0; // W
    // false: points carry only what a polyline needs, x (the step or the wall time) and the
    // value; the other field is 0. Skips decoding wall times on a step axis, which is most of
    // the work for points taken from chunks opened at column boundaries.
    bool fullPoints = true;
    // Points before this index are left out, as if the series began there; then the answer is
    // always per column, never every point. For decimateAppended.
    std::uint64_t fromIndex = 0;
};

struct DecimatedSeries {
    // Drawing order: the point before x0 (if any), then column by column, the points of a
    // column in index order, then the point after x1 (if any).
    std::vector<ScalarPoint> points;
    std::vector<std::uint64_t> indices; // each point's index in the snapshot
    bool hasPointBefore = false; // points.front() lies before x0
    bool hasPointAfter = false; // points.back() lies after x1
    bool allPoints = false; // the range held at most 4·W points and every one is here

    std::size_t size() const { return points.size(); }
};

// Point i falls in column floor((x_i − x0) · (W / (x1 − x0))), clamped to W − 1, when
// x0 <= x_i <= x1. Per column that keeps the first and the last point, and the first point with
// the smallest and the first with the largest *finite* value: NaN and ±inf never become min or
// max, so they cannot stretch the y range, but they can be a column's first or last point (a
// plot can mark where a run diverged). Points whose x is NaN (a NaN wall time) are left out.
// The point before x0 is the one with the largest x below x0 (the later one on ties), the
// point after x1 the one with the smallest x above x1 (the earlier one on ties).
// When the range holds at most 4·W points they are all returned, in index order.
// An empty result for W == 0, or x0 > x1, or non-finite bounds.
void decimate(const ScalarSnapshot& snapshot, const DecimationQuery& query, DecimatedSeries& out);
DecimatedSeries decimate(const ScalarSnapshot& snapshot, const DecimationQuery& query);

// Brings `series`, what decimate answered for `query` on an earlier snapshot of the same
// series, up to date for `snapshot`, which extends that one by appending only (equal
// removals(), no fewer points). Columns before the one that held the last point cannot change
// when x grows with the index, so only that column and the ones after it are decimated again;
// anything else (a wall time that went back, every point returned) falls back to decimate.
// The result equals decimate(snapshot, query). Returns whether only the tail was decimated.
bool decimateAppended(
    const ScalarSnapshot& snapshot, const DecimationQuery& query, DecimatedSeries& series);

} // namespace lantern::core
