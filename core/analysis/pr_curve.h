#pragma once
// A PR-curve summary's tensor as points on the curve. The pr_curves plugin stores one [6, N]
// float tensor per step: rows TP, FP, TN, FN, precision and recall, one column per threshold.
// Thresholds are not stored: they are linspace(0, 1, N) (FORMATS-PLUGINS.md §5).

#include "core/store/tag_entries.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace lantern::core {

struct PrCurvePoint {
    double threshold = 0;
    double precision = 0;
    double recall = 0;
    double truePositives = 0;
    double falsePositives = 0;
    double trueNegatives = 0;
    double falseNegatives = 0;
    bool operator==(const PrCurvePoint&) const = default;
};

// A broadcast curve (fewer than 6·N values, the last repeating) is shown up to this many
// thresholds; its size is declared, not held, so it is bounded.
inline constexpr std::int64_t kMaxBroadcastPrCurveThresholds = 10000;

// Empty when a PR-curve tensor of `shape` holding `held` values can be shown, else why not:
// it must be [6, N] with N >= 1, holding 6·N values, or fewer (a broadcast) when N is at
// most kMaxBroadcastPrCurveThresholds.
std::string prCurveShapeError(std::span<const std::int64_t> shape, std::size_t held);

// The points in threshold order; empty when prCurveShapeError is not. Trailing thresholds at which
// nothing is predicted positive (TP + FP = 0, so precision is undefined) are dropped, keeping at
// least the first, as TensorBoard's plugin does; a threshold with positives after one without keeps
// it.
std::vector<PrCurvePoint> prCurvePoints(
    std::span<const std::int64_t> shape, std::span<const double> values);
std::vector<PrCurvePoint> prCurvePoints(const TensorEntry& entry);

} // namespace lantern::core
