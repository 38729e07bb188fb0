// Reads the pr_curves plugin's [6, N] tensor column by column into curve points.

#include "core/analysis/pr_curve.h"

#include "core/events/tensor_values.h"
#include "core/io/checked_size.h"

namespace lantern::core {
namespace {

// Row order of the tensor (the plugin's metadata.py).
enum Row : std::size_t {
    TruePositives,
    FalsePositives,
    TrueNegatives,
    FalseNegatives,
    Precision,
    Recall,
    RowCount
};

} // namespace

std::string prCurveShapeError(std::span<const std::int64_t> shape, std::size_t held)
{
    if (shape.size() != 2 || shape[0] != std::int64_t(RowCount) || shape[1] < 1)
        return "a PR curve is a [6, N] tensor, not " + shapeText(shape);
    const auto count = checkedElementCount(shape);
    if (!count)
        return "its shape " + shapeText(shape) + " declares more elements than 64 bits count";
    if (held > *count)
        return "its shape " + shapeText(shape) + " declares " + std::to_string(*count)
            + " elements but it holds " + std::to_string(held);
    if (held < *count && shape[1] > kMaxBroadcastPrCurveThresholds)
        return "it holds " + std::to_string(held) + " of the " + std::to_string(*count)
            + " values its shape " + shapeText(shape)
            + " declares, too many thresholds to broadcast";
    return {};
}

std::vector<PrCurvePoint> prCurvePoints(
    std::span<const std::int64_t> shape, std::span<const double> values)
{
    if (!prCurveShapeError(shape, values.size()).empty())
        return {};
    const auto columns = std::size_t(shape[1]);
    const auto at = [&](Row row, std::size_t column) {
        return broadcastElement(values, std::uint64_t(row) * columns + column);
    };

    std::size_t kept = columns;
    while (kept > 1 && at(TruePositives, kept - 1) + at(FalsePositives, kept - 1) == 0)
        --kept;
    std::vector<PrCurvePoint> points(kept);
    for (std::size_t c = 0; c < kept; ++c) {
        PrCurvePoint& point = points[c];
        point.threshold = columns > 1 ? double(c) / double(columns - 1) : 0.0;
        point.precision = at(Precision, c);
        point.recall = at(Recall, c);
        point.truePositives = at(TruePositives, c);
        point.falsePositives = at(FalsePositives, c);
        point.trueNegatives = at(TrueNegatives, c);
        point.falseNegatives = at(FalseNegatives, c);
    }
    return points;
}

std::vector<PrCurvePoint> prCurvePoints(const TensorEntry& entry)
{
    return prCurvePoints(entry.shape, entry.numbers);
}

} // namespace lantern::core
