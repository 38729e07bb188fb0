#pragma once
// Every point of one run's scalar tag, in columns: step, wall time, value.

#include "core/events/decoded_event.h"

#include <cstdint>
#include <vector>

namespace lantern::core {

class ScalarSeries {
public:
    void append(std::int64_t step, double wallTime, double value);

    std::size_t size() const { return m_steps.size(); }
    const std::vector<std::int64_t>& steps() const { return m_steps; }
    const std::vector<double>& wallTimes() const { return m_wallTimes; }
    const std::vector<double>& values() const { return m_values; }

    ScalarType type = ScalarType::Float32;

private:
    std::vector<std::int64_t> m_steps;
    std::vector<double> m_wallTimes;
    std::vector<double> m_values;
};

} // namespace lantern::core
