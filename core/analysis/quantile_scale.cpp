#include "core/analysis/quantile_scale.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {

QuantileScale::QuantileScale(std::vector<double> values)
{
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    m_sorted = std::move(values);
}

double QuantileScale::fraction(double value) const
{
    if (std::isnan(value) || m_sorted.empty())
        return NAN;
    if (m_sorted.size() == 1)
        return 0.5;
    if (value <= m_sorted.front())
        return 0;
    if (value >= m_sorted.back())
        return 1;
    const auto upper = std::upper_bound(m_sorted.begin(), m_sorted.end(), value);
    const std::size_t i = std::size_t(upper - m_sorted.begin()) - 1; // m_sorted[i] <= value
    const double within = (value - m_sorted[i]) / (m_sorted[i + 1] - m_sorted[i]);
    return (double(i) + within) / double(m_sorted.size() - 1);
}

double QuantileScale::valueAt(double fraction) const
{
    if (m_sorted.empty() || std::isnan(fraction))
        return NAN;
    if (m_sorted.size() == 1)
        return m_sorted.front();
    const double position = std::clamp(fraction, 0.0, 1.0) * double(m_sorted.size() - 1);
    const std::size_t i = std::min(std::size_t(position), m_sorted.size() - 2);
    return m_sorted[i] + (position - double(i)) * (m_sorted[i + 1] - m_sorted[i]);
}

} // namespace lantern::core
