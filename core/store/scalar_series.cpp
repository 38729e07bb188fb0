// A first, uncompressed implementation: one append-only vector shared with snapshots. Points
// a snapshot can see are never modified; a purge copies what remains into a new vector.

#include "core/store/scalar_series.h"

#include <algorithm>

namespace lantern::core {

void ScalarSnapshot::read(std::size_t first, std::size_t count, std::vector<ScalarPoint>& out) const
{
    out.clear();
    const std::size_t end = std::min(size(), first + count);
    if (first < end)
        out.assign(
            m_points->begin() + std::ptrdiff_t(first), m_points->begin() + std::ptrdiff_t(end));
}

std::vector<ScalarPoint> ScalarSnapshot::points() const
{
    std::vector<ScalarPoint> out;
    read(0, size(), out);
    return out;
}

ScalarSeries::ScalarSeries()
    : m_points(std::make_shared<std::vector<ScalarPoint>>())
{
}

void ScalarSeries::append(const ScalarPoint& point)
{
    // Appending may reallocate, but snapshots keep the old vector alive through shared_ptr;
    // appending past m_size when a snapshot shares the vector is safe because a snapshot
    // never reads beyond its own size.
    if (m_points.use_count() > 1 && m_points->size() == m_points->capacity()) {
        auto grown = std::make_shared<std::vector<ScalarPoint>>();
        grown->reserve(std::max<std::size_t>(16, m_points->size() * 2));
        grown->assign(m_points->begin(), m_points->end());
        m_points = std::move(grown);
    }
    m_points->push_back(point);
    ++m_size;
    ++m_generation;
}

std::size_t ScalarSeries::removeFromStep(std::int64_t step)
{
    const auto firstRemoved
        = std::lower_bound(m_points->begin(), m_points->begin() + std::ptrdiff_t(m_size), step,
            [](const ScalarPoint& point, std::int64_t s) { return point.step < s; });
    const auto kept = static_cast<std::size_t>(firstRemoved - m_points->begin());
    const std::size_t removed = m_size - kept;
    if (removed == 0)
        return 0;
    m_points = std::make_shared<std::vector<ScalarPoint>>(m_points->begin(), firstRemoved);
    m_size = kept;
    ++m_generation;
    return removed;
}

ScalarSnapshot ScalarSeries::snapshot() const
{
    ScalarSnapshot snapshot;
    snapshot.m_points = m_points;
    snapshot.m_size = m_size;
    snapshot.m_generation = m_generation;
    snapshot.m_type = type;
    return snapshot;
}

std::size_t ScalarSeries::residentBytes() const
{
    return m_points->capacity() * sizeof(ScalarPoint);
}

} // namespace lantern::core
