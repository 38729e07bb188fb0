#pragma once
// Every point of one run's scalar tag: step, wall time and value, nothing sampled away, held
// compressed. The loader appends; readers take a ScalarSnapshot, an immutable view that stays
// valid and unchanged while loading continues.
//
// Layout (after Facebook's Gorilla, Pelkonen et al., VLDB 2015): points arrive in an
// uncompressed open tail; when it holds kChunkSize points it is sealed into an immutable chunk
// whose steps and wall times are delta or delta-of-delta coded and whose values are XOR coded,
// losslessly to the bit. Each chunk keeps a ScalarSummary, and complete groups of kFanout chunks
// (and of kFanout groups, …) keep merged summaries: a min/max pyramid that lets decimation answer
// "range [x0, x1] at W pixels" without decoding what it does not need.
//
// Steps are expected to be non-decreasing (the loader removes what a lower step replaces);
// any int64 is stored exactly, but removeFromStep assumes the order.

#include "core/events/decoded_event.h"
#include "core/store/generation.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace lantern::core {

struct ScalarPoint {
    std::int64_t step = 0;
    double wallTime = 0; // seconds since the epoch, with microseconds
    double value = 0; // a float32 value converts to double exactly
    bool operator==(const ScalarPoint&) const = default;
};

// What decimation needs to know about consecutive points without decoding them.
struct ScalarSummary {
    std::uint64_t count = 0;
    ScalarPoint first;
    ScalarPoint last;
    // The first point with the smallest and the first with the largest finite value: NaN and
    // ±inf never take part. Meaningful only when hasFiniteValue.
    ScalarPoint min;
    ScalarPoint max;
    std::uint64_t minIndex = 0; // counted from `first`
    std::uint64_t maxIndex = 0;
    std::int64_t minStep = 0;
    std::int64_t maxStep = 0;
    // Over the wall times that are not NaN; meaningful only when hasWallTime.
    double minWallTime = 0;
    double maxWallTime = 0;
    bool hasFiniteValue = false;
    bool hasWallTime = false;
    bool hasNaNWallTime = false; // then the wall-time range does not cover every point
    bool stepsSorted = true; // non-decreasing
    bool wallTimesSorted = true; // non-decreasing, and none is NaN

    bool minBeforeMax() const { return minIndex < maxIndex; }
    // Extends this summary with `next`, the points that directly follow these.
    void append(const ScalarSummary& next);
    static ScalarSummary of(std::span<const ScalarPoint> points);
};

// Integer microseconds back to seconds without a division (a divide per point was a third of
// the decoding time): m / 1e6 = (q + r / 15625) / 64 with m = 15625·q + r, where dividing by 64
// is exact, and for today's timestamps (q ≈ 2^37) the sum rounds exactly as m / 1e6 would,
// because r / 15625 never lies within 2^-40 of a rounding midpoint. microsOf checks every value
// anyway, so whatever this returns, a chunk only uses it where it is exact.
inline double wallTimeFromMicros(std::uint64_t micros)
{
    const std::int64_t m = std::int64_t(micros);
    const std::int64_t q = m / 15625, r = m % 15625;
    const double fraction = double(r) * (1.0 / 15625); // a separate statement: no contraction
    const double sum = double(q) + fraction;
    return sum * (1.0 / 64);
}

// One sealed, immutable chunk of exactly ScalarSnapshot::kChunkSize points, decoded from its
// summary's first point on. The encoding is private to scalar_series.cpp.
struct ScalarChunk {
    // How the steps or the wall times are coded: differences of `order`, each residual either
    // packed in widths[0] bits above `base`, or in one of four variable-length buckets.
    struct DeltaCode {
        std::uint8_t order = 0; // 0: every difference equals the first; 1: delta; 2: delta of delta
        bool packed = false;
        std::uint8_t widths[4] = {}; // buckets: bits after the prefixes 0, 10, 110, 111
        std::uint64_t base = 0; // packed: the smallest residual
    };
    std::unique_ptr<std::uint64_t[]> bits; // step, wall-time and value streams, + 1 padding word
    std::uint64_t stepDelta = 0; // the first difference, in each stream's integer domain
    std::uint64_t wallDelta = 0;
    DeltaCode stepCode;
    DeltaCode wallCode;
    std::uint32_t wordCount = 0; // of `bits`
    std::uint32_t wallBit = 0; // where the wall-time stream starts in `bits`
    std::uint32_t valueBit = 0; // where the value stream starts
    bool wallMicros = false; // wall times coded as integer microseconds (else as raw bits)
    // Values: XOR against the first value in a fixed window of valueWidth bits that ends
    // valueTrailing bits above the bottom; else (valuesPacked false) Gorilla's variable-length
    // XOR against the previous value.
    bool valuesPacked = false;
    std::uint8_t valueWidth = 0;
    std::uint8_t valueTrailing = 0;
    std::uint32_t heapBytes = 0; // every heap byte this chunk holds, for residentBytes()
};

// One level of the summary pyramid, each ScalarSummary field in an array of its own. Decimation
// reads a few fields of tens of thousands of nodes per query (their x range, then their min and
// max), and whole 160-byte summaries made it wait on memory for fields it never read. A node's
// count is implied by its level. The arrays live in their index's storage.
struct ScalarSummaryLevel {
    enum Flag : std::uint8_t {
        kHasFiniteValue = 1,
        kHasWallTime = 2,
        kHasNaNWallTime = 4,
        kStepsSorted = 8,
        kWallTimesSorted = 16,
    };
    // The coordinates of a min or max point; its value is in minValue or maxValue.
    struct Where {
        std::int64_t step;
        double wallTime;
    };
    std::uint64_t count = 0; // points per node
    std::int64_t* minStep = nullptr;
    std::int64_t* maxStep = nullptr;
    double* minWallTime = nullptr;
    double* maxWallTime = nullptr;
    double* minValue = nullptr;
    double* maxValue = nullptr;
    std::uint64_t* minIndex = nullptr;
    std::uint64_t* maxIndex = nullptr;
    Where* minAt = nullptr;
    Where* maxAt = nullptr;
    ScalarPoint* first = nullptr;
    ScalarPoint* last = nullptr;
    std::uint8_t* flags = nullptr;

    bool has(std::size_t i, Flag flag) const { return (flags[i] & flag) != 0; }
    ScalarPoint min(std::size_t i) const { return {minAt[i].step, minAt[i].wallTime, minValue[i]}; }
    ScalarPoint max(std::size_t i) const { return {maxAt[i].step, maxAt[i].wallTime, maxValue[i]}; }
    ScalarSummary get(std::size_t i) const;
    void set(std::size_t i, const ScalarSummary& s);
};

// The chunk list and the summary pyramid, shared by a series and its snapshots. Slots below the
// series' chunk count never change; a series writes only past every snapshot's count, and a
// removal builds a new index instead of editing one a snapshot holds. Summaries sit in arrays,
// not in the chunks, so decimation walks contiguous memory.
struct ScalarChunkIndex {
    std::size_t capacity = 0; // chunk slots
    std::unique_ptr<std::shared_ptr<const ScalarChunk>[]> chunks;
    // levels[l] node i summarizes chunks [i·kFanout^l, (i+1)·kFanout^l): level 0 is the
    // chunks' own summaries; level l has capacity / kFanout^l slots, filled for complete
    // groups only. Every level's arrays share one allocation.
    std::vector<ScalarSummaryLevel> levels;
    std::unique_ptr<std::byte[]> summaryStorage;
    std::size_t summaryBytes = 0;
};

// The open tail is a fixed-capacity buffer of points that is only ever appended to, allocated
// with its shared count in one block (most series of a run with many tags hold one point).

class ScalarSnapshot {
public:
    // Points per sealed chunk, chosen by measurement (test_scalar_series, bench_scalar_store).
    // Bytes per point on realistic tags of 500 / 4000 / 100k points: 12.3 / 8.0 / 7.6 with 128,
    // 16.8 / 7.5 / 5.9 with 256 (per-chunk summaries weigh more with 128, the uncompressed open
    // tail more with 256); 64 adds 2.5. Decimation opens every chunk a pixel-column boundary
    // falls in, and 128 answers zoomed and wall-time queries 1.5–2× faster than 256.
    static constexpr std::size_t kChunkSize = 128; // a tail size fits in a byte
    // Children per pyramid node (8 and 16 measured alike; 8 does a little less work).
    static constexpr std::size_t kFanout = 8;

    ScalarSnapshot() = default;

    std::size_t size() const { return m_chunkCount * kChunkSize + m_tailSize; }
    bool empty() const { return size() == 0; }
    // Changes whenever the series changes, so views redraw only what changed.
    std::uint64_t generation() const { return m_generation; }
    // How many times points were removed (purges). A later snapshot of the same series with
    // as many removals and at least as many points extends this one: it only appended.
    std::uint64_t removals() const { return m_removals; }
    ScalarType type() const { return m_type; }

    // Random access decodes part of the point's chunk: up to O(kChunkSize) for sealed points
    // (usually a quarter of that). Use read() or forEach() to walk many points.
    ScalarPoint operator[](std::size_t index) const;
    // Copies points [first, first + count) into `out` (replacing its contents).
    void read(std::size_t first, std::size_t count, std::vector<ScalarPoint>& out) const;
    std::vector<ScalarPoint> points() const;

    template <typename Visitor> void forEach(Visitor&& visit) const
    {
        std::vector<ScalarPoint> buffer(kChunkSize);
        for (std::size_t c = 0; c < m_chunkCount; ++c) {
            decodeChunk(c, buffer.data());
            for (const ScalarPoint& point : buffer)
                visit(point);
        }
        for (const ScalarPoint& point : tail())
            visit(point);
    }

    // The structure, for analysis code (decimation). Points [0, chunkCount() * kChunkSize) are
    // in sealed chunks, the rest in tail().
    std::size_t chunkCount() const { return m_chunkCount; }
    const ScalarChunk& chunk(std::size_t index) const { return *m_index->chunks[index]; }
    // Where chunk(index)'s pointer is kept: the first of the three dependent loads that reach a
    // chunk's bits, for callers that prefetch.
    const void* chunkSlot(std::size_t index) const { return &m_index->chunks[index]; }
    // Decodes points [from, count) of chunk `index` into out[from, count) (count <=
    // kChunkSize), only the fields asked for. Constant steps and packed values start right at
    // `from`; other streams are decoded from the chunk's start.
    static constexpr unsigned kSteps = 1, kWallTimes = 2, kValues = 4, kAllFields = 7;
    void decodeChunk(std::size_t index, ScalarPoint* out, std::size_t count = kChunkSize,
        unsigned fields = kAllFields, std::size_t from = 0) const;
    // Decodes the points of chunk `index` at the ascending, distinct positions `indices` into
    // out[0, indices.size()), only the fields asked for: constant steps and packed values are
    // read directly, packed step deltas from the nearer end, wall times as ChunkWallTimes does,
    // other streams up to the last position.
    void decodeChunkAt(std::size_t index, std::span<const std::size_t> indices, ScalarPoint* out,
        unsigned fields = kAllFields) const;
    std::span<const ScalarPoint> tail() const
    {
        return m_tailSize ? std::span<const ScalarPoint>(m_tail.get(), m_tailSize)
                          : std::span<const ScalarPoint>();
    }
    // Levels holding at least one complete node, the chunks' level 0 included (0 when there
    // are no chunks).
    std::size_t levelCount() const;
    // Complete nodes at `level` (0: the chunks themselves); node i covers chunks
    // [i * kFanout^level, (i + 1) * kFanout^level).
    std::size_t nodeCount(std::size_t level) const;
    // Rebuilt from the level's arrays; read summaries(level) directly where speed matters.
    ScalarSummary node(std::size_t level, std::size_t index) const
    {
        return m_index->levels[level].get(index);
    }
    const ScalarSummaryLevel& summaries(std::size_t level) const { return m_index->levels[level]; }

private:
    friend class ScalarSeries;
    // Every TagSnapshot holds one of these, so it is kept small: the size is computed.
    std::shared_ptr<const ScalarChunkIndex> m_index;
    std::shared_ptr<const ScalarPoint[]> m_tail;
    std::uint64_t m_generation = 0;
    std::uint64_t m_removals = 0;
    std::uint32_t m_chunkCount = 0; // 2^32 chunks are 549 billion points
    std::uint8_t m_tailSize = 0; // at most kChunkSize
    ScalarType m_type = ScalarType::Float32;
};

// The wall times of one sealed chunk, for searches that look at a few of them: decoded only as
// far as asked for and converted to seconds only where looked at (converting is most of the
// cost of decoding them). Both ends come from the chunk's summary. Packed first differences,
// the usual code for wall times, keep a running sum every kCheckpointSpacing points: a wall
// time is walked to from the nearest one known (an end, a checkpoint, or a time decoded
// before). Other codes are decoded whole on the first miss.
class ChunkWallTimes {
public:
    static constexpr std::size_t kCheckpointSpacing = 16;

    ChunkWallTimes(const ScalarSnapshot& snapshot, std::size_t chunk);
    ChunkWallTimes(const ScalarChunk& chunk, double firstWallTime, double lastWallTime);
    double operator()(std::size_t j)
    {
        if (!known(j))
            decode(j);
        return m_chunk.wallMicros ? wallTimeFromMicros(m_codes[j])
                                  : std::bit_cast<double>(m_codes[j]);
    }

private:
    static constexpr std::size_t kChunkSize = ScalarSnapshot::kChunkSize;
    static_assert(kChunkSize % 64 == 0);
    bool known(std::size_t j) const { return (m_known[j / 64] >> (j % 64)) & 1; }
    void setKnown(std::size_t j) { m_known[j / 64] |= std::uint64_t(1) << (j % 64); }
    void decode(std::size_t j);

    const ScalarChunk& m_chunk;
    std::uint64_t m_known[kChunkSize / 64] = {}; // which of m_codes are decoded
    std::uint64_t m_codes[kChunkSize];
};

class ScalarSeries {
public:
    ScalarSeries() = default;
    // A copy shares the immutable chunks but owns its own index and tail.
    ScalarSeries(const ScalarSeries& other);
    ScalarSeries& operator=(const ScalarSeries& other);
    ScalarSeries(ScalarSeries&&) noexcept = default;
    ScalarSeries& operator=(ScalarSeries&&) noexcept = default;

    void append(const ScalarPoint& point);
    // Drops every point with step >= `step` (TensorBoard's rule: a point removes the points
    // before it with the same or a later step); returns how many were dropped. Steps are kept
    // non-decreasing by the loader, so these are always the newest points. A cut inside a tail
    // or index no snapshot holds is made in place, so a series that repeats steps stays linear.
    std::size_t removeFromStep(std::int64_t step);

    std::size_t size() const { return m_chunkCount * ScalarSnapshot::kChunkSize + m_tailSize; }
    bool empty() const { return size() == 0; }
    // The newest point; only when !empty().
    ScalarPoint last() const;
    // Taken lazily: a fresh number is drawn when asked after a change, not on every append
    // (an atomic increment per point was a tenth of the loader's time).
    std::uint64_t generation() const
    {
        if (m_changed) {
            m_generation = nextGeneration();
            m_changed = false;
        }
        return m_generation;
    }
    // O(1): two shared pointers and a few counts.
    ScalarSnapshot snapshot() const;
    // Heap bytes this series holds: chunk buffers and summaries, the pyramid, the index and the
    // open tail, at their capacity, plus an estimate of the allocator's per-block overhead.
    // Superseded buffers kept alive only by snapshots are not counted.
    std::size_t residentBytes() const;

private:
    void seal();
    void growTail();
    void growIndex();

    // Every tag of a run holds one of these, so it is kept small: the size and the last point
    // are read from the chunks and the tail.
    std::shared_ptr<ScalarChunkIndex> m_index;
    std::shared_ptr<ScalarPoint[]> m_tail;
    std::uint64_t m_removals = 0;
    mutable std::uint64_t m_generation = 0;
    std::uint32_t m_chunkCount = 0; // 2^32 chunks are 549 billion points
    std::uint8_t m_tailSize = 0; // at most kChunkSize
    std::uint8_t m_tailCapacity = 0;
    mutable bool m_changed = false;

public:
    // Declared last, where it packs beside the flag instead of taking 8 bytes of its own.
    ScalarType type = ScalarType::Float32;
};

} // namespace lantern::core
