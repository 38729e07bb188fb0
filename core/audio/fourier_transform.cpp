#include "core/audio/fourier_transform.h"

#include <cmath>
#include <numbers>
#include <utility>

namespace lantern::core {

FourierTransform::FourierTransform(std::size_t size)
    : m_size(size >= 2 && (size & (size - 1)) == 0 ? size : 0)
{
    m_twiddles.reserve(m_size / 2);
    for (std::size_t k = 0; k < m_size / 2; ++k) {
        // In double: each factor from its own angle, none accumulated from the previous one.
        const double angle = -2.0 * std::numbers::pi * double(k) / double(m_size);
        m_twiddles.emplace_back(float(std::cos(angle)), float(std::sin(angle)));
    }
}

void FourierTransform::transform(std::span<std::complex<float>> data) const
{
    const std::size_t n = m_size;
    if (n == 0 || data.size() != n)
        return;
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j |= bit;
        if (i < j)
            std::swap(data[i], data[j]);
    }
    for (std::size_t span = 2; span <= n; span <<= 1) {
        const std::size_t half = span / 2;
        const std::size_t stride = n / span; // this span's twiddles are every stride-th one
        for (std::size_t start = 0; start < n; start += span)
            for (std::size_t k = 0; k < half; ++k) {
                const std::complex<float> t = m_twiddles[k * stride] * data[start + k + half];
                data[start + k + half] = data[start + k] - t;
                data[start + k] += t;
            }
    }
}

} // namespace lantern::core
