#pragma once
// Counts the bytes live on the heap through operator new, and their peak, so a target can check
// that decoding costs memory in proportion to its input, never to a size the input declares.
// Include from exactly one file of a target: it replaces the global operator new and delete.

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <malloc.h>
#include <new>

namespace lantern::fuzz {

inline std::atomic<std::size_t> g_liveBytes {0};
inline std::atomic<std::size_t> g_peakBytes {0};

// Starts a measurement: the peak restarts from what is live now, which it returns.
inline std::size_t startPeakMeasurement()
{
    g_peakBytes = g_liveBytes.load();
    return g_peakBytes;
}
inline std::size_t peakBytes()
{
    return g_peakBytes;
}

inline void* countedAllocation(void* block)
{
    if (!block)
        throw std::bad_alloc();
    const std::size_t live = g_liveBytes += malloc_usable_size(block);
    std::size_t peak = g_peakBytes;
    while (live > peak && !g_peakBytes.compare_exchange_weak(peak, live)) { }
    return block;
}

inline void countedFree(void* block)
{
    if (block) {
        g_liveBytes -= malloc_usable_size(block);
        std::free(block);
    }
}

} // namespace lantern::fuzz

void* operator new(std::size_t size)
{
    return lantern::fuzz::countedAllocation(std::malloc(size ? size : 1));
}
void* operator new[](std::size_t size)
{
    return lantern::fuzz::countedAllocation(std::malloc(size ? size : 1));
}
void* operator new(std::size_t size, std::align_val_t align)
{
    const auto a = static_cast<std::size_t>(align);
    return lantern::fuzz::countedAllocation(std::aligned_alloc(a, (size + a - 1) / a * a));
}
void* operator new[](std::size_t size, std::align_val_t align)
{
    return operator new(size, align);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    void* block = std::malloc(size ? size : 1);
    return block ? lantern::fuzz::countedAllocation(block) : nullptr;
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept
{
    return operator new(size, tag);
}
void operator delete(void* block, const std::nothrow_t&) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete(void* block) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete[](void* block) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete(void* block, std::size_t) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete[](void* block, std::size_t) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete(void* block, std::align_val_t) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete[](void* block, std::align_val_t) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete(void* block, std::size_t, std::align_val_t) noexcept
{
    lantern::fuzz::countedFree(block);
}
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept
{
    lantern::fuzz::countedFree(block);
}
