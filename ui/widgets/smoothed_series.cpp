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
    std::vector<double> open; // the last block, being filled
    if (resume) {
        result = *previous;
        if (result.m_size % kBlock != 0) {
            open = *result.m_blocks.back(); // a copy: the previous series keeps its own
            result.m_blocks.pop_back();
        }
    } else {
        result.m_state.weight = weight;
    }
    result.m_generation = snapshot.generation();
    std::vector<core::ScalarPoint> points;
    std::vector<double> values;
    std::vector<double> smoothed;
    for (std::size_t at = result.m_size; at < snapshot.size(); at += kReadBatch) {
        const std::size_t count = std::min(kReadBatch, snapshot.size() - at);
        snapshot.read(at, count, points);
        values.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            values[i] = points[i].value;
        smoothed.resize(count);
        core::smooth(values, result.m_state, smoothed);
        result.m_last = points.back();
        for (std::size_t from = 0; from < count;) {
            const std::size_t take = std::min(kBlock - open.size(), count - from);
            open.insert(open.end(), smoothed.begin() + std::ptrdiff_t(from),
                smoothed.begin() + std::ptrdiff_t(from + take));
            from += take;
            if (open.size() == kBlock) {
                result.m_blocks.push_back(
                    std::make_shared<const std::vector<double>>(std::move(open)));
                open = {};
            }
        }
    }
    if (!open.empty())
        result.m_blocks.push_back(std::make_shared<const std::vector<double>>(std::move(open)));
    result.m_size = snapshot.size();
    return result;
}

} // namespace lantern::ui
