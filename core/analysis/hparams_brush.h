#pragma once
// Brushing and axis order in the HParams parallel coordinates, as plain maths. A brush is a range
// dragged along one axis, kept as fractions of the axis (0 at the bottom, 1 at the top) so it
// holds for numeric, log, quantile and categorical axes alike.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lantern::core {

struct BrushRange {
    double lo = 0; // lo <= hi, both fractions of the axis
    double hi = 1;
    bool contains(double fraction) const { return fraction >= lo && fraction <= hi; }
    bool operator==(const BrushRange&) const = default;
};

// The range a drag from fraction `a` to `b` covers, clamped to the axis.
BrushRange brushBetween(double a, double b);

// Which sessions the brushes let through (1) or hide (0). `fractions[axis][session]` is where a
// session sits on an axis, NaN where it has no value; `brushes[axis]` the ranges on that axis.
// Ranges on one axis add up (a session in any of them passes that axis); axes narrow each other
// down (a session must pass every brushed axis). A session without a value on a brushed axis is
// hidden; axes without brushes hide nothing.
std::vector<std::uint8_t> brushedSessions(const std::vector<std::vector<double>>& fractions,
    const std::vector<std::vector<BrushRange>>& brushes, std::size_t sessionCount);

// The index an axis dragged to horizontal position `x` takes among axes at `axisXs` (ascending,
// the dragged axis included at `from`): the number of other axes left of `x`.
std::size_t dropIndex(const std::vector<double>& axisXs, std::size_t from, double x);

// `order` with the element at `from` moved to index `to` (the others keep their order).
template <typename T> void moveElement(std::vector<T>& order, std::size_t from, std::size_t to)
{
    if (from >= order.size() || to >= order.size() || from == to)
        return;
    T moved = std::move(order[from]);
    order.erase(order.begin() + std::ptrdiff_t(from));
    order.insert(order.begin() + std::ptrdiff_t(to), std::move(moved));
}

} // namespace lantern::core
