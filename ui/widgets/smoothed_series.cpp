#include "ui/widgets/smoothed_series.h"

#include <algorithm>
#include <span>

namespace lantern::ui {
namespace {

constexpr std::size_t kReadBatch = 65536; // points read at a time

} // namespace

SmoothedSeries SmoothedSeries::of(
    const core::ScalarSnapshot& snapshot, double weight, const SmoothedSeries* previous)
{
    if (previous && previous->m_generation == snapshot.generation() && previous->weight() == weight)
        return *previous;
    // Only the newest points are ever removed (a purge), so if the last point smoothed is still
    // there, everything before it is too: appended points continue from the saved state.
    const bool resume = previous && previous->weight() == weight && previous->m_size > 0
        && snapshot.size() >= previous->m_size
        && snapshot[previous->m_size - 1] == previous->m_last;
    SmoothedSeries result;
    if (resume) {
        result = *previous;
    } else {
        result.m_state.weight = weight;
    }
    result.m_generation = snapshot.generation();
    const std::size_t size = snapshot.size();
    // The block being filled, sized for what it will hold; a partly filled last block is
    // copied into it (the previous series keeps its own).
    std::shared_ptr<double[]> open;
    std::size_t filled = 0;
    std::size_t at = result.m_size;
    if (at % kBlock != 0) {
        filled = at % kBlock;
        open = std::make_shared_for_overwrite<double[]>(std::min(kBlock, size - (at - filled)));
        std::copy_n(result.m_blocks.back().get(), filled, open.get());
        result.m_blocks.pop_back();
    }
    // Scratch reused by every layout on this thread: plots of a thousand runs smooth a
    // thousand short series at a time.
    thread_local std::vector<core::ScalarPoint> points;
    thread_local std::vector<double> values;
    for (; at < size; at += kReadBatch) {
        const std::size_t count = std::min(kReadBatch, size - at);
        snapshot.read(at, count, points);
        values.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            values[i] = points[i].value;
        // Block by block, so that core::smooth runs its tight loop straight into the block.
        for (std::size_t from = 0; from < count;) {
            if (!open) {
                open = std::make_shared_for_overwrite<double[]>(
                    std::min(kBlock, size - (at + from)));
                filled = 0;
            }
            const std::size_t take = std::min(kBlock - filled, count - from);
            core::smooth(std::span<const double>(values).subspan(from, take), result.m_state,
                std::span<double>(open.get() + filled, take));
            filled += take;
            from += take;
            if (filled == kBlock) {
                result.m_blocks.push_back(std::move(open));
                open = nullptr;
            }
        }
        result.m_last = points.back();
    }
    if (open)
        result.m_blocks.push_back(std::move(open));
    result.m_size = size;
    return result;
}

} // namespace lantern::ui
