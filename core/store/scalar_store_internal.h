#pragma once
// What the parts of the scalar store share (scalar_chunk.cpp, scalar_summary.cpp,
// scalar_series.cpp): the chunk geometry, honest heap accounting, and the functions one part
// offers the others. Internal to core/store.

#include "core/store/scalar_series.h"

#include <cstddef>
#include <memory>
#include <span>

namespace lantern::core::detail {

inline constexpr std::size_t kChunkSize = ScalarSnapshot::kChunkSize;
inline constexpr std::size_t kFanout = ScalarSnapshot::kFanout;
// What the allocator adds to each heap block (glibc: an 8-byte header, 16-byte rounding).
inline constexpr std::size_t kAllocationOverhead = 16;

static_assert(std::has_single_bit(kChunkSize) && kChunkSize <= 65536);

// Counts the bytes a shared_ptr's combined block takes, so residentBytes() can be honest.
template <typename T> struct CountingAllocator {
    using value_type = T;
    std::size_t* counter = nullptr;
    explicit CountingAllocator(std::size_t* c)
        : counter(c)
    {
    }
    template <typename U>
    CountingAllocator(const CountingAllocator<U>& other) // NOLINT: rebinding must be implicit
        : counter(other.counter)
    {
    }
    T* allocate(std::size_t n)
    {
        if (counter)
            *counter += n * sizeof(T);
        return std::allocator<T>().allocate(n);
    }
    void deallocate(T* p, std::size_t n) { std::allocator<T>().deallocate(p, n); }
    template <typename U> bool operator==(const CountingAllocator<U>&) const { return true; }
};

template <typename T> std::shared_ptr<T> makeShared()
{
    return std::allocate_shared<T>(CountingAllocator<T>(nullptr));
}

template <typename T> std::size_t sharedBlockBytes()
{
    static const std::size_t bytes = [] {
        std::size_t n = 0;
        auto probe = std::allocate_shared<T>(CountingAllocator<T>(&n));
        return n + kAllocationOverhead;
    }();
    return bytes;
}

// ---- Chunks (scalar_chunk.cpp) ----

// `points` (kChunkSize of them) as a sealed chunk.
std::shared_ptr<const ScalarChunk> encodeChunk(std::span<const ScalarPoint> points);

// Points [from, from + count) of `chunk`, whose first point is `first`, into `out`; only the
// ScalarSnapshot fields `fields` are written.
void decodeChunkInto(const ScalarChunk& chunk, const ScalarPoint& first, ScalarPoint* out,
    std::size_t from, std::size_t count, unsigned fields);

// The points at `indices` (ascending, distinct, n of them) of `chunk`, whose first and last
// points are `first` and `last`, into `out`.
void decodePointsAt(const ScalarChunk& chunk, const ScalarPoint& first, const ScalarPoint& last,
    const std::size_t* indices, std::size_t n, ScalarPoint* out, unsigned fields);

// ---- The summary pyramid (scalar_summary.cpp) ----

// A new index of `capacity` slots holding `from`'s first `chunkCount` chunks and the summaries
// over them (complete groups never change, so they are copied, not recomputed).
std::shared_ptr<ScalarChunkIndex> makeIndex(
    std::size_t capacity, const ScalarChunkIndex* from, std::size_t chunkCount);

// The heap bytes of `index`, its summaries included.
std::size_t indexBytes(const ScalarChunkIndex& index);

} // namespace lantern::core::detail
