#pragma once
// The projector's custom projection (TensorBoard's "Custom" tab): each of the two axes is
// defined by two searches of the metadata, left and right for x, down and up for y. An axis
// runs from the mean of the points the first search finds to the mean of those the second
// finds, and a point's coordinate is its signed distance along that direction from the
// midpoint of the two means (negative: nearer the left or lower mean).

#include "core/projector/metadata_search.h"
#include "core/projector/metadata_table.h"

#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace lantern::core {

struct CustomQuery {
    std::string pattern;
    MetadataMatch how = MetadataMatch::Substring;
};

// What one axis's two searches found.
struct CustomAxis {
    std::array<std::size_t, 2> matches {}; // rows matched by the left/down and right/up search
    // Why the axis could not be set (an empty query, an invalid regular expression, no match,
    // or two means that coincide); its coordinates are then 0. Empty when it could.
    std::string problem;
};

struct CustomProjection {
    std::array<CustomAxis, 2> axes; // x, y
    std::vector<float> coordinates; // per point of `rows`: x, y
};

// `values` is row-major, `rows` × `columns` of the whole embedding; the searches look in
// `column` of `metadata` over every row (as TensorBoard searches the whole data set), and the
// coordinates are given for `points` (embedding rows, in the view's order; every row when
// empty). `queries` are x left, x right, y down, y up. `cancelled` is asked between rows.
CustomProjection customProjection(std::span<const float> values, std::size_t rows,
    std::size_t columns, const MetadataTable& metadata, std::size_t column,
    const std::array<CustomQuery, 4>& queries, std::span<const std::size_t> points = {},
    const std::function<bool()>& cancelled = {});

} // namespace lantern::core
