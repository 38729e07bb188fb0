#pragma once
// The smoothed value of every point of a scalar series, by index, for one weight: an immutable
// value kept in fixed-size blocks that copies share. Smoothing the same series after points
// were appended copies only the last, partly filled block and continues from the saved state,
// so a layout computed on a worker and the one on screen never share anything mutable, and a
// live series is not smoothed from the start on every update.

#include "core/analysis/smoothing.h"
#include "core/store/scalar_series.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace lantern::ui {

class SmoothedSeries {
public:
    // `snapshot` smoothed with `weight`, continuing `previous` (which may be null) when that
    // smoothed an earlier state of the same series with the same weight that this one only
    // extends by appending.
    static SmoothedSeries of(
        const core::ScalarSnapshot& snapshot, double weight, const SmoothedSeries* previous);

    std::size_t size() const { return m_size; }
    double operator[](std::size_t index) const { return m_blocks[index / kBlock][index % kBlock]; }
    double weight() const { return m_state.weight; }

    // Reads values one after another, remembering the block of the last one: as fast as a flat
    // array for the mostly increasing indices of a decimation (operator[] goes through the series
    // and its block list each time, which a loop that also appends cannot keep in registers).
    class Reader {
    public:
        explicit Reader(const SmoothedSeries& series)
            : m_blocks(series.m_blocks.data())
        {
        }
        double operator()(std::size_t index)
        {
            const std::size_t block = index / kBlock;
            if (block != m_block) {
                m_block = block;
                m_values = m_blocks[block].get();
            }
            return m_values[index % kBlock];
        }

    private:
        const std::shared_ptr<const double[]>* m_blocks;
        std::size_t m_block = std::size_t(-1);
        const double* m_values = nullptr;
    };
    std::uint64_t generation() const { return m_generation; }

private:
    static constexpr std::size_t kBlock = 4096;

    // kBlock values each, the last one fewer when size() is not a multiple; one allocation each.
    std::vector<std::shared_ptr<const double[]>> m_blocks;
    std::size_t m_size = 0;
    std::uint64_t m_generation = 0;
    core::SmoothingState m_state;
    core::ScalarPoint m_last; // the last point smoothed, to recognise an append
};

} // namespace lantern::ui
