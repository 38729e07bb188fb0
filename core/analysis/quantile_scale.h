#pragma once
// A quantile scale for a numeric axis: each distinct value sits at its rank among the distinct
// values (the smallest at 0, the largest at 1), values between two of them linearly between
// their places. Skewed hparams (a few huge learning rates) then spread their sessions evenly.

#include <cstddef>
#include <vector>

namespace lantern::core {

class QuantileScale {
public:
    QuantileScale() = default;
    // Non-finite values are left out.
    explicit QuantileScale(std::vector<double> values);

    bool empty() const { return m_sorted.empty(); }
    // 0..1 for a value inside the range (0.5 when there is only one value), clamped outside it;
    // NaN for NaN.
    double fraction(double value) const;
    // The value at `fraction`, interpolated between distinct values (the inverse of fraction()).
    double valueAt(double fraction) const;
    const std::vector<double>& distinctValues() const { return m_sorted; }

private:
    std::vector<double> m_sorted; // distinct finite values, ascending
};

} // namespace lantern::core
