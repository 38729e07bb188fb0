// The scalar store's API: ScalarSeries (appending, sealing, removing from a step) and the
// reads of a ScalarSnapshot. Chunk coding is in scalar_chunk.cpp, the summary pyramid in
// scalar_summary.cpp.

#include "core/store/scalar_series.h"

#include "core/store/generation.h"
#include "core/store/scalar_store_internal.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>

namespace lantern::core {

using namespace detail;

namespace {

constexpr std::size_t kFirstTailCapacity = 1; // most series of a run with many tags hold one point
constexpr std::size_t kFirstIndexCapacity = 4;

static_assert(std::has_single_bit(kFirstTailCapacity) && kFirstTailCapacity <= kChunkSize);

static_assert(kChunkSize <= UINT8_MAX); // a tail size fits in a byte

// A tail of the smallest power of two >= `capacity` points (at most kChunkSize), holding
// `points`: a fixed-size array and its shared count in one block, seen as the array.
// shared_ptr<T[]>'s own array block keeps a size and padding besides: 72 bytes for a one-point
// tail instead of 40, in a run of 300,000 one-point tags.
template <std::size_t Capacity = 1>
std::shared_ptr<ScalarPoint[]> makeTail(std::size_t capacity, std::span<const ScalarPoint> points)
{
    if constexpr (Capacity < kChunkSize)
        if (capacity > Capacity)
            return makeTail<2 * Capacity>(capacity, points);
    auto block = std::make_shared<std::array<ScalarPoint, Capacity>>();
    std::copy(points.begin(), points.end(), block->begin());
    return std::shared_ptr<ScalarPoint[]>(block, block->data());
}

// The heap bytes of a tail of `capacity` points and its shared count.
std::size_t tailBytes(std::size_t capacity)
{
    static const std::size_t countBytes = [] {
        std::size_t n = 0;
        auto probe = std::allocate_shared<std::array<ScalarPoint, 1>>(
            CountingAllocator<std::array<ScalarPoint, 1>>(&n));
        return n - sizeof(ScalarPoint) - sizeof(std::size_t*); // less the counting allocator
    }();
    return countBytes + capacity * sizeof(ScalarPoint) + kAllocationOverhead;
}

} // namespace

std::size_t ScalarSnapshot::levelCount() const
{
    std::size_t levels = 0;
    for (std::size_t n = m_chunkCount; n > 0; n /= kFanout)
        ++levels;
    return levels;
}

std::size_t ScalarSnapshot::nodeCount(std::size_t level) const
{
    std::size_t n = m_chunkCount;
    for (std::size_t l = 0; l < level && n > 0; ++l)
        n /= kFanout;
    return n;
}

ScalarPoint ScalarSnapshot::operator[](std::size_t index) const
{
    const std::size_t sealed = m_chunkCount * kChunkSize;
    if (index >= sealed)
        return m_tail[index - sealed];
    const std::size_t offset = index % kChunkSize;
    ScalarPoint point;
    decodeChunkAt(index / kChunkSize, std::span<const std::size_t>(&offset, 1), &point);
    return point;
}

void ScalarSnapshot::read(std::size_t first, std::size_t count, std::vector<ScalarPoint>& out) const
{
    out.clear();
    if (first >= size())
        return;
    const std::size_t end = first + std::min(count, size() - first);
    out.resize(end - first);
    const std::size_t sealed = m_chunkCount * kChunkSize;
    ScalarPoint buffer[kChunkSize];
    std::size_t at = first;
    while (at < end && at < sealed) {
        const std::size_t c = at / kChunkSize, offset = at % kChunkSize;
        const std::size_t n = std::min(end, (c + 1) * kChunkSize) - at;
        if (offset == 0) {
            decodeChunk(c, out.data() + (at - first), n);
        } else {
            decodeChunk(c, buffer, offset + n);
            std::copy_n(buffer + offset, n, out.data() + (at - first));
        }
        at += n;
    }
    if (at < end)
        std::copy(
            m_tail.get() + (at - sealed), m_tail.get() + (end - sealed), out.data() + (at - first));
}

std::vector<ScalarPoint> ScalarSnapshot::points() const
{
    std::vector<ScalarPoint> out;
    read(0, size(), out);
    return out;
}

// ---- ScalarSeries ----

ScalarSeries::ScalarSeries(const ScalarSeries& other)
    : m_removals(other.m_removals)
    , m_generation(other.m_generation)
    , m_chunkCount(other.m_chunkCount)
    , m_tailSize(other.m_tailSize)
    , m_tailCapacity(other.m_tailCapacity)
    , m_changed(other.m_changed)
    , type(other.type)
{
    if (other.m_index)
        m_index = makeIndex(other.m_index->capacity, other.m_index.get(), m_chunkCount);
    if (other.m_tail)
        m_tail = makeTail(m_tailCapacity, other.snapshot().tail());
}

ScalarPoint ScalarSeries::last() const
{
    return m_tailSize > 0 ? m_tail[m_tailSize - 1] : m_index->levels[0].last[m_chunkCount - 1];
}

ScalarSeries& ScalarSeries::operator=(const ScalarSeries& other)
{
    if (this != &other)
        *this = ScalarSeries(other);
    return *this;
}

void ScalarSeries::growTail()
{
    // A series that has sealed a chunk will likely fill the next one: its tail starts whole,
    // instead of being allocated and copied through three doublings per chunk.
    const std::size_t capacity = m_tail ? m_tailCapacity * 2
        : m_chunkCount > 0              ? kChunkSize
                                        : kFirstTailCapacity;
    // The old buffer stays as it is for the snapshots that hold it.
    m_tail = makeTail(capacity,
        m_tail ? std::span<const ScalarPoint>(m_tail.get(), m_tailSize)
               : std::span<const ScalarPoint>());
    m_tailCapacity = std::uint8_t(capacity);
}

void ScalarSeries::growIndex()
{
    // Grows by half: the summaries live in these arrays, so slack costs real bytes.
    const std::size_t capacity
        = m_index ? m_index->capacity + m_index->capacity / 2 : kFirstIndexCapacity;
    m_index = makeIndex(capacity, m_index.get(), m_chunkCount);
}

void ScalarSeries::append(const ScalarPoint& point)
{
    if (!m_tail || m_tailSize == m_tailCapacity)
        growTail();
    m_tail[m_tailSize++] = point;
    m_changed = true;
    if (m_tailSize == kChunkSize)
        seal();
}

void ScalarSeries::seal()
{
    const std::span<const ScalarPoint> points(m_tail.get(), m_tailSize);
    auto chunk = encodeChunk(points);
    if (!m_index || m_chunkCount == m_index->capacity)
        growIndex();
    m_index->levels[0].set(m_chunkCount, ScalarSummary::of(points));
    m_index->chunks[m_chunkCount++] = std::move(chunk);
    // Summarize every group this chunk completes, bottom up.
    std::size_t unit = kFanout;
    for (std::size_t level = 1; m_chunkCount % unit == 0; ++level, unit *= kFanout) {
        const std::size_t node = m_chunkCount / unit - 1;
        ScalarSummary merged;
        for (std::size_t child = node * kFanout; child < (node + 1) * kFanout; ++child)
            merged.append(m_index->levels[level - 1].get(child));
        m_index->levels[level].set(node, merged);
    }
    // Snapshots keep the full tail; the next point starts a new, small one.
    m_tail.reset();
    m_tailSize = m_tailCapacity = 0;
}

namespace {

// Only the loader thread takes snapshots, so a buffer no snapshot holds stays unshared while the
// loader edits it; the fence orders the edit after the last reader's release.
template <typename T> bool unshared(const std::shared_ptr<T>& buffer)
{
    if (buffer.use_count() != 1)
        return false;
    std::atomic_thread_fence(std::memory_order_acquire);
    return true;
}

} // namespace

std::size_t ScalarSeries::removeFromStep(std::int64_t step)
{
    if (empty() || last().step < step)
        return 0;
    // The common case (a repeated step): the cut keeps part of a tail no snapshot reads, so the
    // tail is shortened in place, in O(log kChunkSize).
    if (m_tailSize > 0 && m_tail[0].step < step && unshared(m_tail)) {
        const ScalarPoint* points = m_tail.get();
        const ScalarPoint* cut = std::lower_bound(points, points + m_tailSize, step,
            [](const ScalarPoint& point, std::int64_t s) { return point.step < s; });
        const std::size_t removed = m_tailSize - std::size_t(cut - points);
        m_tailSize -= std::uint8_t(removed);
        ++m_removals;
        m_generation = nextGeneration();
        return removed;
    }
    std::vector<ScalarPoint> kept;
    std::size_t chunkCount = m_chunkCount;
    { // The view shares the index and tail only while the cut is found.
        const ScalarSnapshot view = snapshot();
        // The first chunk whose last step reaches `step` is where the cut falls (or the tail).
        std::size_t lo = 0, hi = m_chunkCount;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (view.summaries(0).last[mid].step < step)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < m_chunkCount) {
            chunkCount = lo;
            kept.resize(kChunkSize);
            view.decodeChunk(lo, kept.data());
        } else {
            kept.assign(view.tail().begin(), view.tail().end());
        }
    }
    const auto cut = std::lower_bound(kept.begin(), kept.end(), step,
        [](const ScalarPoint& point, std::int64_t s) { return point.step < s; });
    kept.erase(cut, kept.end());
    const std::size_t newSize = chunkCount * kChunkSize + kept.size();
    const std::size_t removed = size() - newSize;
    if (removed == 0)
        return 0;

    if (chunkCount != m_chunkCount && unshared(m_index)) {
        // No snapshot reads the index: drop the cut chunks in place. Pyramid nodes of groups
        // that are no longer complete are ignored (nodeCount) and rewritten when sealed again.
        for (std::size_t i = chunkCount; i < m_chunkCount; ++i)
            m_index->chunks[i].reset();
        m_chunkCount = std::uint32_t(chunkCount);
    } else if (chunkCount != m_chunkCount) {
        m_index
            = chunkCount > 0 ? makeIndex(m_index->capacity, m_index.get(), chunkCount) : nullptr;
        m_chunkCount = std::uint32_t(chunkCount);
    }
    // A new tail even when the cut is inside the old one: snapshots may still read past the cut.
    m_tail.reset();
    m_tailSize = m_tailCapacity = 0;
    if (!kept.empty()) {
        m_tailCapacity = std::uint8_t(std::max(kFirstTailCapacity, std::bit_ceil(kept.size())));
        m_tail = makeTail(m_tailCapacity, std::span(kept));
        m_tailSize = std::uint8_t(kept.size());
    }
    ++m_removals;
    m_generation = nextGeneration();
    return removed;
}

ScalarSnapshot ScalarSeries::snapshot() const
{
    ScalarSnapshot snapshot;
    snapshot.m_index = m_index;
    snapshot.m_tail = m_tail;
    snapshot.m_chunkCount = m_chunkCount;
    snapshot.m_tailSize = m_tailSize;
    snapshot.m_generation = generation();
    snapshot.m_removals = m_removals;
    snapshot.m_type = type;
    return snapshot;
}

std::size_t ScalarSeries::residentBytes() const
{
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < m_chunkCount; ++i)
        bytes += m_index->chunks[i]->heapBytes;
    if (m_index)
        bytes += indexBytes(*m_index);
    if (m_tail)
        bytes += tailBytes(m_tailCapacity);
    return bytes;
}

} // namespace lantern::core
