#pragma once
// Generation stamps: every change to a series or run takes a new, process-wide unique number,
// so a view can tell "changed" from "unchanged" even across a run that was re-read from scratch.

#include <atomic>
#include <cstdint>

namespace lantern::core {

inline std::uint64_t nextGeneration()
{
    static std::atomic<std::uint64_t> counter {0};
    return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}

} // namespace lantern::core
