#pragma once
// The discrete Fourier transform of a power-of-two number of points, in place: iterative
// radix-2 Cooley–Tukey (bit-reversed order first, then butterflies of doubling span), with the
// twiddle factors computed once per size.

#include <complex>
#include <span>
#include <vector>

namespace lantern::core {

class FourierTransform {
public:
    // `size` must be a power of two, at least 2.
    explicit FourierTransform(std::size_t size);

    std::size_t size() const { return m_size; }
    // X[k] = Σ x[n]·e^(−2πi·kn/N), for data.size() == size() (else nothing happens).
    void transform(std::span<std::complex<float>> data) const;

private:
    std::size_t m_size = 0;
    std::vector<std::complex<float>> m_twiddles; // e^(−2πi·k/N), k < N/2
};

} // namespace lantern::core
