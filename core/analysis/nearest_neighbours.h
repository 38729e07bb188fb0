#pragma once
// The points nearest to one point of an embedding in the embedding's own space, as the
// projector lists them beside a selected point: by cosine distance (1 − cos θ: direction
// counts, length does not) or by euclidean distance.

#include <cstddef>
#include <span>
#include <vector>

namespace lantern::core {

enum class DistanceMetric { Cosine, Euclidean };

struct Neighbour {
    std::size_t index = 0;
    double distance = 0; // cosine: 1 − cosine similarity, in [0, 2]; euclidean: ‖p − q‖
};

// The `count` nearest to row `query` of the row-major rows × columns `values` (the query
// itself left out), nearest first, ties by index; fewer when there are fewer other rows, none
// when the query is out of range or `values` too short. By cosine, a zero vector is at
// distance 1 from everything.
std::vector<Neighbour> nearestNeighbours(std::span<const float> values, std::size_t rows,
    std::size_t columns, std::size_t query, std::size_t count, DistanceMetric metric);

} // namespace lantern::core
