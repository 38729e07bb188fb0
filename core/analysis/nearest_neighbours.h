#pragma once
// The points nearest to one point of an embedding by cosine distance (1 − cos θ) in the
// embedding's own space, as the projector lists them beside a selected point.

#include <cstddef>
#include <span>
#include <vector>

namespace lantern::core {

struct Neighbour {
    std::size_t index = 0;
    double distance = 0; // 1 − cosine similarity, in [0, 2]
};

// The `count` nearest to row `query` (itself left out), nearest first; ties by index.
// A zero vector is at distance 1 from everything.
std::vector<Neighbour> nearestByCosine(std::span<const float> values, std::size_t rows,
    std::size_t columns, std::size_t query, std::size_t count);

} // namespace lantern::core
