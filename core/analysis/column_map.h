#pragma once
// Which pixel column an x in [x0, x1] falls in: one definition for every part of decimation
// (the walk, the sorted sweep, decimateAppended), so that all place a point alike to the last
// bit. Monotonic in x: a point between two others never falls outside their columns.

#include "core/analysis/decimation.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace lantern::core {

class ColumnMap {
public:
    explicit ColumnMap(const DecimationQuery& query)
        : m_x0(query.x0)
        , m_columns(query.columns)
        , m_lastColumnEdge(double(query.columns))
    {
        m_scale = query.x1 > query.x0 ? double(query.columns) / (query.x1 - query.x0) : 0.0;
        if (!std::isfinite(m_scale))
            m_scale = 0;
    }
    std::size_t columnOf(double x) const
    {
        const double c = (x - m_x0) * m_scale;
        // Through int64: x86 converts to signed integers in one instruction, unsigned in many.
        return c < m_lastColumnEdge ? std::size_t(std::int64_t(c)) : m_columns - 1;
    }

    // Where column c starts, give or take rounding: for guesses, never for placing a point.
    double startOf(std::size_t c) const { return m_x0 + double(c) / m_scale; }

private:
    double m_x0, m_scale;
    std::size_t m_columns;
    double m_lastColumnEdge;
};

} // namespace lantern::core
