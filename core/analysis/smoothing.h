#pragma once
// TensorBoard's scalar smoothing, a debiased exponential moving average: with weight w,
// last = last·w + (1 − w)·y and smoothed = last / (1 − w^n) after n finite values, so the start
// is not pulled towards 0. Non-finite values pass through unchanged and do not count.

#include <cstdint>
#include <span>
#include <vector>

namespace lantern::core {

// The running state, so points appended later can be smoothed without starting over.
struct SmoothingState {
    double weight = 0.6; // clamped to [0, 0.999] when used
    double last = 0;
    std::uint64_t count = 0; // finite values seen (n)
    double weightPower = 1; // w^n, kept as a running product

    // Smooths the next value.
    double next(double value);
};

// Smooths `values` into `out` (same size) continuing from `state`.
void smooth(std::span<const double> values, SmoothingState& state, std::span<double> out);
// Smooths a whole series from the start.
std::vector<double> smooth(std::span<const double> values, double weight);

} // namespace lantern::core
