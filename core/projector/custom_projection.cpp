#include "core/projector/custom_projection.h"

#include <cmath>

namespace lantern::core {
namespace {

constexpr const char* kQueryNames[4] = {"left", "right", "down", "up"};

// The mean of the listed rows.
std::vector<double> meanOf(
    std::span<const float> values, std::size_t columns, const std::vector<std::size_t>& matched)
{
    std::vector<double> mean(columns, 0.0);
    for (const std::size_t row : matched)
        for (std::size_t c = 0; c < columns; ++c)
            mean[c] += values[row * columns + c];
    for (double& value : mean)
        value /= double(matched.size());
    return mean;
}

} // namespace

CustomProjection customProjection(std::span<const float> values, std::size_t rows,
    std::size_t columns, const MetadataTable& metadata, std::size_t column,
    const std::array<CustomQuery, 4>& queries, std::span<const std::size_t> points,
    const std::function<bool()>& cancelled)
{
    CustomProjection result;
    const std::size_t shown = points.empty() ? rows : points.size();
    result.coordinates.assign(shown * 2, 0.f);
    if (values.size() < rows * columns)
        rows = columns == 0 ? 0 : values.size() / columns;

    for (std::size_t axis = 0; axis < 2; ++axis) {
        CustomAxis& found = result.axes[axis];
        std::array<std::vector<std::size_t>, 2> matched;
        for (std::size_t end = 0; end < 2; ++end) {
            const CustomQuery& query = queries[axis * 2 + end];
            const std::string name
                = std::string(axis == 0 ? "x " : "y ") + kQueryNames[axis * 2 + end];
            if (query.pattern.empty()) {
                found.problem = name + ": type what to search for";
                break;
            }
            MetadataSearchResult search
                = searchMetadata(metadata, column, query.pattern, query.how, cancelled);
            if (!search.error.empty()) {
                found.problem = name + ": " + search.error;
                break;
            }
            // Metadata may have more rows than the embedding (a mismatch reported elsewhere).
            std::erase_if(search.rows, [rows](std::size_t row) { return row >= rows; });
            found.matches[end] = search.rows.size();
            if (search.rows.empty()) {
                found.problem = name + ": no point matches \"" + query.pattern + "\"";
                break;
            }
            matched[end] = std::move(search.rows);
        }
        if (!found.problem.empty())
            continue;
        if (cancelled && cancelled())
            return result;

        const std::vector<double> from = meanOf(values, columns, matched[0]);
        const std::vector<double> to = meanOf(values, columns, matched[1]);
        std::vector<double> direction(columns), middle(columns);
        double length = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            direction[c] = to[c] - from[c];
            middle[c] = (to[c] + from[c]) / 2;
            length += direction[c] * direction[c];
        }
        length = std::sqrt(length);
        if (!(length > 0) || !std::isfinite(length)) {
            found.problem = std::string(axis == 0 ? "x" : "y")
                + ": the two searches' points have the same mean; there is no direction";
            continue;
        }
        for (std::size_t i = 0; i < shown; ++i) {
            const std::size_t row = points.empty() ? i : points[i];
            if (row >= rows)
                continue;
            double along = 0;
            for (std::size_t c = 0; c < columns; ++c)
                along += (values[row * columns + c] - middle[c]) * direction[c];
            result.coordinates[i * 2 + axis] = float(along / length);
        }
    }
    return result;
}

} // namespace lantern::core
