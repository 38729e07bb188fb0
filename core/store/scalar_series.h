#pragma once
// Every point of one run's scalar tag: step, wall time and value, nothing sampled away.
// The loader appends; readers take a ScalarSnapshot, an immutable view that stays valid and
// unchanged while loading continues.

#include "core/events/decoded_event.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace lantern::core {

struct ScalarPoint {
    std::int64_t step = 0;
    double wallTime = 0; // seconds since the epoch, with microseconds
    double value = 0; // a float32 value converts to double exactly
    bool operator==(const ScalarPoint&) const = default;
};

class ScalarSnapshot {
public:
    ScalarSnapshot() = default;

    std::size_t size() const { return m_points ? m_size : 0; }
    bool empty() const { return size() == 0; }
    // Changes whenever the series changes, so views redraw only what changed.
    std::uint64_t generation() const { return m_generation; }
    ScalarType type() const { return m_type; }

    const ScalarPoint& operator[](std::size_t index) const { return (*m_points)[index]; }
    // Copies points [first, first + count) into `out` (replacing its contents).
    void read(std::size_t first, std::size_t count, std::vector<ScalarPoint>& out) const;
    std::vector<ScalarPoint> points() const;

    template <typename Visitor> void forEach(Visitor&& visit) const
    {
        for (std::size_t i = 0; i < size(); ++i)
            visit((*m_points)[i]);
    }

private:
    friend class ScalarSeries;
    std::shared_ptr<const std::vector<ScalarPoint>> m_points;
    std::size_t m_size = 0;
    std::uint64_t m_generation = 0;
    ScalarType m_type = ScalarType::Float32;
};

class ScalarSeries {
public:
    ScalarSeries();

    void append(const ScalarPoint& point);
    // Drops every point with step >= `step` (TensorBoard's purge of orphaned points after a
    // restart); returns how many were dropped. Steps are kept non-decreasing by the loader,
    // so these are always the newest points.
    std::size_t removeFromStep(std::int64_t step);

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const ScalarPoint& last() const { return (*m_points)[m_size - 1]; }
    std::uint64_t generation() const { return m_generation; }
    ScalarSnapshot snapshot() const;
    // Heap bytes held for the points.
    std::size_t residentBytes() const;

    ScalarType type = ScalarType::Float32;

private:
    std::shared_ptr<std::vector<ScalarPoint>> m_points;
    std::size_t m_size = 0;
    std::uint64_t m_generation = 0;
};

} // namespace lantern::core
