// Reads the pr_curves plugin's [6, N] tensor column by column into curve points.

#include "core/analysis/pr_curve.h"

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

std::vector<PrCurvePoint> prCurvePoints(
    std::span<const std::int64_t> shape, std::span<const double> values)
{
    if (shape.size() != 2 || shape[0] != std::int64_t(RowCount) || shape[1] < 1)
        return {};
    const auto columns = std::size_t(shape[1]);
    if (values.size() != RowCount * columns)
        return {};
    const auto at = [&](Row row, std::size_t column) { return values[row * columns + column]; };

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
