#include "core/store/scalar_series.h"

namespace lantern::core {

void ScalarSeries::append(std::int64_t step, double wallTime, double value)
{
    m_steps.push_back(step);
    m_wallTimes.push_back(wallTime);
    m_values.push_back(value);
}

} // namespace lantern::core
