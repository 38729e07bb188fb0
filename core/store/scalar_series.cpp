// The compressed scalar store: Gorilla-style chunks (Pelkonen et al., "Gorilla: A Fast,
// Scalable, In-Memory Time Series Database", VLDB 2015), sealed from an uncompressed tail.
//
// Each sealed chunk holds three bit streams, most significant bit first. A chunk is complete
// when it is sealed, so every choice below is made per chunk, exactly, by size:
// - steps and wall times as differences in a 64-bit integer domain (wrapping, so any input is
//   exact): nothing at all when every difference equals the first (steps counting up by one
//   cost 0 bits), else residuals of order 1 (delta) or 2 (delta of delta, Gorilla's choice),
//   either packed at a fixed width above their minimum (frame of reference) or zigzag coded in
//   four variable-length buckets with prefixes 0, 10, 110, 111 (Gorilla fixes the bucket
//   widths; we choose them from the residuals' bit lengths).
// - wall times in integer microseconds when every one in the chunk comes back bit for bit
//   (TensorFlow writes NowMicros() / 1e6), else as their raw IEEE bit patterns. Every value is
//   checked while encoding, so the chunk is lossless either way.
// - values XOR the first value of the chunk, packed in the narrowest window holding them all,
//   or Gorilla's XOR against the previous value: 0 (same), 10 + the bits inside the previous
//   window, 11 + 6 bits of leading zeros + 6 bits of length − 1 + the bits. A float32 widened
//   to double has 29 trailing zero bits, which neither form stores.
// Packed forms win unless variable-length codes save a quarter: they decode several times
// faster (no bit position to chase from one code to the next) and packed values can be read at
// random, which is what decimation does with the chunks it opens. On noisy training curves they
// are also the smaller ones; variable-length codes win on runs of repeats.

#include "core/store/scalar_series.h"

#include "core/store/generation.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace lantern::core {
namespace {

constexpr std::size_t kChunkSize = ScalarSnapshot::kChunkSize;
constexpr std::size_t kFanout = ScalarSnapshot::kFanout;
constexpr std::size_t kFirstTailCapacity = 1; // most series of a run with many tags hold one point
constexpr std::size_t kFirstIndexCapacity = 4;
// What the allocator adds to each heap block (glibc: an 8-byte header, 16-byte rounding).
constexpr std::size_t kAllocationOverhead = 16;

static_assert(std::has_single_bit(kChunkSize) && kChunkSize <= 65536);
static_assert(std::has_single_bit(kFirstTailCapacity) && kFirstTailCapacity <= kChunkSize);

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

std::uint64_t bitsOf(double v)
{
    return std::bit_cast<std::uint64_t>(v);
}
double doubleOf(std::uint64_t bits)
{
    return std::bit_cast<double>(bits);
}
std::uint64_t zigzag(std::uint64_t v)
{
    return (v << 1) ^ std::uint64_t(std::int64_t(v) >> 63);
}
std::uint64_t unzigzag(std::uint64_t z)
{
    return (z >> 1) ^ (0 - (z & 1));
}
unsigned bitLength(std::uint64_t z)
{
    return unsigned(64 - std::countl_zero(z));
}

// Wall time as integer microseconds, when wallTimeFromMicros gives it back bit for bit.
bool microsOf(double wallTime, std::uint64_t& micros)
{
    if (!(std::fabs(wallTime) < 9.0e9)) // keeps |micros| < 2^53; NaN and inf fail here
        return false;
    // Rounded half away from zero without a call to llround; an inexact rounding only fails
    // the check below.
    const double scaled = wallTime * 1e6;
    const auto m = std::int64_t(scaled + (scaled < 0 ? -0.5 : 0.5));
    if (bitsOf(wallTimeFromMicros(std::uint64_t(m))) != bitsOf(wallTime))
        return false;
    micros = std::uint64_t(m);
    return true;
}

// A wall time of `chunk` as the integer its wall times are coded as.
std::uint64_t wallCodeOf(const ScalarChunk& chunk, double wallTime)
{
    std::uint64_t code = bitsOf(wallTime);
    if (chunk.wallMicros)
        microsOf(wallTime, code); // succeeded when the chunk was encoded
    return code;
}

class BitWriter {
public:
    explicit BitWriter(std::vector<std::uint64_t>& words)
        : m_words(words)
    {
        m_words.clear();
    }
    // Writes the low `n` bits of `value` (n in [0, 64]).
    void write(std::uint64_t value, unsigned n)
    {
        if (n == 0)
            return;
        if (n < 64)
            value &= (std::uint64_t(1) << n) - 1;
        const unsigned free = 64 - m_used;
        if (n <= free) {
            m_current |= value << (free - n);
            m_used += n;
            if (m_used == 64)
                flush();
        } else {
            const unsigned rest = n - free;
            m_current |= value >> rest;
            flush();
            m_current = value << (64 - rest);
            m_used = rest;
        }
        m_bits += n;
    }
    std::uint64_t bitCount() const { return m_bits; }
    // Flushes the partial word and adds the zero word BitReader::peek may touch.
    void finish()
    {
        if (m_used > 0)
            flush();
        m_words.push_back(0);
    }

private:
    void flush()
    {
        m_words.push_back(m_current);
        m_current = 0;
        m_used = 0;
    }
    std::vector<std::uint64_t>& m_words;
    std::uint64_t m_current = 0;
    unsigned m_used = 0;
    std::uint64_t m_bits = 0;
};

class BitReader {
public:
    BitReader(const std::uint64_t* words, std::uint64_t position)
        : m_words(words)
        , m_position(position)
    {
    }
    // The next 64 bits (zeros past the end); needs one word of padding after the data.
    std::uint64_t peek() const
    {
        const std::uint64_t* word = m_words + (m_position >> 6);
        const unsigned shift = unsigned(m_position & 63);
        return (word[0] << shift) | ((word[1] >> 1) >> (63 - shift));
    }
    void skip(unsigned n) { m_position += n; }
    // n in [1, 64]
    std::uint64_t read(unsigned n)
    {
        const std::uint64_t value = peek() >> (64 - n);
        m_position += n;
        return value;
    }

private:
    const std::uint64_t* m_words;
    std::uint64_t m_position;
};

// ---- Delta coding of an integer sequence ----

struct Bucket {
    std::uint8_t prefixBits;
    std::uint8_t prefix;
};
constexpr Bucket kBuckets[4] = {{1, 0b0}, {2, 0b10}, {3, 0b110}, {3, 0b111}};

// Variable-length codes are used only when they save more than a quarter over fixed-width packing:
// packed residuals decode several times faster (no bit position to chase from one code to the
// next), and packed values can be read at random.
bool variableLengthPays(std::uint64_t variableBits, std::uint64_t packedBits)
{
    return variableBits * 4 < packedBits * 3;
}

// The `width` (1 to 64) bits at `bit`; needs one word of padding after the data.
std::uint64_t extract(const std::uint64_t* words, std::uint64_t bit, unsigned width)
{
    const std::uint64_t* word = words + (bit >> 6);
    const unsigned shift = unsigned(bit & 63);
    return ((word[0] << shift) | ((word[1] >> 1) >> (63 - shift))) >> (64 - width);
}

// Residual i (i >= 2) of a packed delta code whose fields start at `bit`.
std::uint64_t packedResidual(const std::uint64_t* words, std::uint64_t bit,
    const ScalarChunk::DeltaCode& code, std::size_t i)
{
    const unsigned width = code.widths[0];
    return code.base + (width ? extract(words, bit + (i - 2) * width, width) : 0);
}

// Packed first differences keep, after their fields, checkpoint c for each point c·spacing
// inside the chunk (c >= 1): the sum of the deltas from point 1 to that point, less base for
// each, in kCheckpointExtraBits more bits than a field (enough for the chunk's fields).
constexpr std::size_t kCheckpointSpacing = ChunkWallTimes::kCheckpointSpacing;
constexpr unsigned kCheckpointExtraBits = std::bit_width(kChunkSize - 1);

bool hasCheckpoints(const ScalarChunk::DeltaCode& code)
{
    return code.packed && code.order == 1 && code.widths[0] + kCheckpointExtraBits <= 64;
}

// Writes the checkpoints of the sequence v[0, n) coded by `code`, after its fields.
void writeCheckpoints(
    const std::uint64_t* v, std::size_t n, const ScalarChunk::DeltaCode& code, BitWriter& out)
{
    for (std::size_t at = kCheckpointSpacing; at + 1 < n; at += kCheckpointSpacing)
        out.write(v[at] - v[1] - (at - 1) * code.base, code.widths[0] + kCheckpointExtraBits);
}

// v_(c·spacing) − v_1 for a code with checkpoints whose fields start at `bit`.
std::uint64_t checkpointSum(const std::uint64_t* words, std::uint64_t bit,
    const ScalarChunk::DeltaCode& code, std::size_t c)
{
    const unsigned width = code.widths[0], sumWidth = width + kCheckpointExtraBits;
    const std::uint64_t at = bit + (kChunkSize - 2) * width + (c - 1) * sumWidth;
    return (c * kCheckpointSpacing - 1) * code.base + extract(words, at, sumWidth);
}

// Picks bucket widths minimizing the total size for residuals with these bit-length counts;
// returns the size in bits.
std::uint64_t chooseWidths(const std::uint32_t (&lengthCounts)[65], std::uint8_t (&widths)[4])
{
    unsigned lengths[65];
    std::uint64_t atMost[65]; // residuals with bit length <= lengths[i]
    unsigned k = 0;
    std::uint64_t total = 0;
    for (unsigned len = 0; len <= 64; ++len) {
        if (lengthCounts[len] == 0)
            continue;
        total += lengthCounts[len];
        lengths[k] = len;
        atMost[k] = total;
        ++k;
    }
    if (k == 0) {
        std::fill(std::begin(widths), std::end(widths), std::uint8_t(0));
        return 0;
    }
    const unsigned widest = lengths[k - 1];
    std::uint64_t best = UINT64_MAX;
    for (unsigned a = 0; a < k; ++a)
        for (unsigned b = a; b < k; ++b)
            for (unsigned c = b; c < k; ++c) {
                const std::uint64_t cost = atMost[a] * (1 + lengths[a])
                    + (atMost[b] - atMost[a]) * (2 + lengths[b])
                    + (atMost[c] - atMost[b]) * (3 + lengths[c])
                    + (total - atMost[c]) * (3 + widest);
                if (cost < best) {
                    best = cost;
                    widths[0] = std::uint8_t(lengths[a]);
                    widths[1] = std::uint8_t(lengths[b]);
                    widths[2] = std::uint8_t(lengths[c]);
                    widths[3] = std::uint8_t(widest);
                }
            }
    return best;
}

// Codes v[0, n) (v[0] is kept elsewhere); returns the first difference. Residuals r_i for
// i >= 2 are d_i (order 1) or d_i − d_(i−1) (order 2), d_i = v_i − v_(i−1), all modulo 2^64.
std::uint64_t encodeDeltas(const std::uint64_t* v, std::size_t n, ScalarChunk::DeltaCode& code,
    BitWriter& out, std::vector<std::uint64_t>& scratch)
{
    code = {};
    if (n < 2)
        return 0;
    const std::uint64_t firstDelta = v[1] - v[0];
    if (n == 2)
        return firstDelta;
    // Order 0 (steps counting up evenly, the common case) needs no statistics at all.
    std::size_t varying = 2;
    while (varying < n && v[varying] - v[varying - 1] == firstDelta)
        ++varying;
    if (varying == n)
        return firstDelta;
    // Residuals of order 1 in scratch[0, m), of order 2 in [m, 2m), their ranges and the sum
    // of their zigzag bit lengths.
    const std::size_t m = n - 2;
    scratch.resize(2 * m);
    std::int64_t lo[2] = {INT64_MAX, INT64_MAX}, hi[2] = {INT64_MIN, INT64_MIN};
    std::uint64_t lengths[2] = {};
    std::uint64_t previous = firstDelta;
    for (std::size_t i = 2; i < n; ++i) {
        const std::uint64_t delta = v[i] - v[i - 1];
        const std::uint64_t r[2] = {delta, delta - previous};
        for (int k = 0; k < 2; ++k) {
            scratch[k * m + i - 2] = r[k];
            lengths[k] += bitLength(zigzag(r[k]));
            lo[k] = std::min(lo[k], std::int64_t(r[k]));
            hi[k] = std::max(hi[k], std::int64_t(r[k]));
        }
        previous = delta;
    }

    ScalarChunk::DeltaCode packed[2];
    std::uint64_t packedBits[2];
    for (int k = 0; k < 2; ++k) {
        const unsigned width = bitLength(std::uint64_t(hi[k]) - std::uint64_t(lo[k]));
        packed[k]
            = {std::uint8_t(k + 1), true, {std::uint8_t(width), 0, 0, 0}, std::uint64_t(lo[k])};
        packedBits[k] = std::uint64_t(width) * m;
    }
    const int p = packedBits[1] < packedBits[0] ? 1 : 0;
    code = packed[p];
    // A variable-length code costs at least a prefix bit plus each residual's own length: when
    // even that does not pay (noisy residuals, the usual case), bucket widths need no choosing.
    if (variableLengthPays(m + std::min(lengths[0], lengths[1]), packedBits[p])) {
        ScalarChunk::DeltaCode variable[2];
        std::uint64_t variableBits[2];
        for (int k = 0; k < 2; ++k) {
            std::uint32_t counts[65] = {};
            for (std::size_t i = 0; i < m; ++i)
                ++counts[bitLength(zigzag(scratch[k * m + i]))];
            variable[k] = {std::uint8_t(k + 1), false, {}, 0};
            variableBits[k] = chooseWidths(counts, variable[k].widths);
        }
        const int b = variableBits[1] < variableBits[0] ? 1 : 0;
        if (variableLengthPays(variableBits[b], packedBits[p]))
            code = variable[b];
    }

    const std::uint64_t* residuals = scratch.data() + (code.order == 2 ? m : 0);
    if (code.packed) {
        for (std::size_t i = 0; i < m; ++i)
            out.write(residuals[i] - code.base, code.widths[0]);
        return firstDelta;
    }
    for (std::size_t i = 0; i < m; ++i) {
        const std::uint64_t z = zigzag(residuals[i]);
        const unsigned len = bitLength(z);
        unsigned bucket = 0;
        while (code.widths[bucket] < len)
            ++bucket;
        out.write(kBuckets[bucket].prefix, kBuckets[bucket].prefixBits);
        out.write(z, code.widths[bucket]);
    }
    return firstDelta;
}

// Decodes a sequence that is not constant into store(i, value) for i in [0, count), count >= 1.
template <typename Store>
void decodeVaryingDeltas(const std::uint64_t* words, std::uint64_t bit,
    const ScalarChunk::DeltaCode& code, std::uint64_t first, std::uint64_t firstDelta,
    std::size_t count, Store&& store)
{
    std::uint64_t value = first;
    store(0, value);
    if (count == 1)
        return;
    std::uint64_t delta = firstDelta;
    value += delta;
    store(1, value);
    const bool secondOrder = code.order == 2;
    if (code.packed) {
        for (std::size_t i = 2; i < count; ++i) {
            const std::uint64_t residual = packedResidual(words, bit, code, i);
            delta = secondOrder ? delta + residual : residual;
            value += delta;
            store(i, value);
        }
    } else {
        // By the top three bits: the prefix length and the residual's width.
        struct Entry {
            std::uint8_t prefixBits;
            std::uint8_t width;
        };
        Entry table[8];
        for (unsigned top = 0; top < 8; ++top) {
            const unsigned bucket = top < 4 ? 0 : top < 6 ? 1 : top == 6 ? 2 : 3;
            table[top] = {kBuckets[bucket].prefixBits, code.widths[bucket]};
        }
        BitReader reader(words, bit);
        for (std::size_t i = 2; i < count; ++i) {
            const std::uint64_t peeked = reader.peek();
            const Entry entry = table[peeked >> 61];
            std::uint64_t z;
            if (entry.prefixBits + entry.width <= 64) {
                // (x >> 1) >> (63 - w) is x >> (64 - w), and 0 for w = 0.
                z = ((peeked << entry.prefixBits) >> 1) >> (63 - entry.width);
                reader.skip(entry.prefixBits + entry.width);
            } else {
                reader.skip(entry.prefixBits);
                z = reader.read(entry.width);
            }
            const std::uint64_t residual = unzigzag(z);
            delta = secondOrder ? delta + residual : residual;
            value += delta;
            store(i, value);
        }
    }
}

// Decodes the sequence into store(i, value) for i in [from, count).
template <typename Store>
void decodeDeltas(const std::uint64_t* words, std::uint64_t bit, const ScalarChunk::DeltaCode& code,
    std::uint64_t first, std::uint64_t firstDelta, std::size_t from, std::size_t count,
    Store&& store)
{
    if (from >= count)
        return;
    if (code.order == 0) { // v_i = v_0 + i·d
        for (std::size_t i = from; i < count; ++i)
            store(i, first + firstDelta * i);
    } else if (from == 0) {
        decodeVaryingDeltas(words, bit, code, first, firstDelta, count, store);
    } else {
        decodeVaryingDeltas(
            words, bit, code, first, firstDelta, count, [&](std::size_t i, std::uint64_t v) {
                if (i >= from)
                    store(i, v);
            });
    }
}

// ---- XOR coding of values ----

struct BitCounter {
    std::uint64_t bits = 0;
    void write(std::uint64_t, unsigned n) { bits += n; }
};

// Gorilla's XOR against the previous value.
template <typename Out> void encodeGorilla(const ScalarPoint* points, std::size_t n, Out& out)
{
    std::uint64_t previous = bitsOf(points[0].value);
    unsigned leading = 0, trailing = 0;
    bool haveWindow = false;
    for (std::size_t i = 1; i < n; ++i) {
        const std::uint64_t bits = bitsOf(points[i].value);
        const std::uint64_t x = bits ^ previous;
        previous = bits;
        if (x == 0) {
            out.write(0, 1);
            continue;
        }
        const unsigned lead = unsigned(std::countl_zero(x)), trail = unsigned(std::countr_zero(x));
        // Reuse the previous window when it fits, unless a tight new one saves more than its
        // 12-bit header.
        if (haveWindow && lead >= leading && trail >= trailing
            && (lead - leading) + (trail - trailing) <= 12) {
            out.write(0b10, 2);
            out.write(x >> trailing, 64 - leading - trailing);
            continue;
        }
        leading = lead;
        trailing = trail;
        haveWindow = true;
        const unsigned length = 64 - lead - trail;
        out.write(0b11, 2);
        out.write(lead, 6);
        out.write(length - 1, 6);
        out.write(x >> trail, length);
    }
}

// Packed: every value XOR the first, in the narrowest window that holds them all.
void encodeValues(const ScalarPoint* points, std::size_t n, ScalarChunk& chunk, BitWriter& out)
{
    const std::uint64_t first = bitsOf(points[0].value);
    unsigned lead = 64, trail = 64;
    for (std::size_t i = 1; i < n; ++i) {
        const std::uint64_t x = bitsOf(points[i].value) ^ first;
        if (x != 0) {
            lead = std::min(lead, unsigned(std::countl_zero(x)));
            trail = std::min(trail, unsigned(std::countr_zero(x)));
        }
    }
    const unsigned width = lead == 64 ? 0 : 64 - lead - trail;
    BitCounter gorilla;
    encodeGorilla(points, n, gorilla);
    if (variableLengthPays(gorilla.bits, std::uint64_t(width) * (n - 1))) {
        chunk.valuesPacked = false;
        encodeGorilla(points, n, out);
        return;
    }
    chunk.valuesPacked = true;
    chunk.valueWidth = std::uint8_t(width);
    chunk.valueTrailing = std::uint8_t(width ? trail : 0);
    for (std::size_t i = 1; i < n; ++i)
        out.write((bitsOf(points[i].value) ^ first) >> chunk.valueTrailing, width);
}

// Calls store(i, bits) with each value's bit pattern for i in [from, count).
template <typename Store>
void decodeValues(const ScalarChunk& chunk, std::uint64_t first, std::size_t from,
    std::size_t count, Store&& store)
{
    if (from >= count)
        return;
    const std::uint64_t* words = chunk.bits.get();
    if (from == 0)
        store(0, first);
    if (chunk.valuesPacked) { // random access
        const unsigned width = chunk.valueWidth, trailing = chunk.valueTrailing;
        for (std::size_t i = std::max<std::size_t>(from, 1); i < count; ++i)
            store(i,
                width
                    ? first ^ (extract(words, chunk.valueBit + (i - 1) * width, width) << trailing)
                    : first);
        return;
    }
    std::uint64_t value = first;
    BitReader reader(words, chunk.valueBit);
    unsigned length = 64, trailing = 0;
    for (std::size_t i = 1; i < count; ++i) {
        const std::uint64_t peeked = reader.peek();
        if ((peeked >> 63) == 0) {
            reader.skip(1);
        } else {
            if ((peeked >> 62) & 1) {
                const unsigned leading = unsigned(peeked >> 56) & 63;
                length = (unsigned(peeked >> 50) & 63) + 1;
                trailing = 64 - leading - length;
                reader.skip(14);
            } else {
                reader.skip(2);
            }
            value ^= reader.read(length) << trailing;
        }
        if (i >= from)
            store(i, value);
    }
}

// Writes the sequence's values at the ascending indices[0, n) into out[0, n): at once for a
// constant difference; for packed deltas from whichever end of the chunk is nearer (`last` is
// the value at count − 1); else decoding up to the last index asked for.
void deltasAt(const std::uint64_t* words, std::uint64_t bit, const ScalarChunk::DeltaCode& code,
    std::uint64_t first, std::uint64_t firstDelta, std::uint64_t last, std::size_t count,
    const std::size_t* indices, std::size_t n, std::uint64_t* out)
{
    if (code.order == 0) {
        for (std::size_t k = 0; k < n; ++k)
            out[k] = first + firstDelta * indices[k];
        return;
    }
    if (code.packed && code.order == 1) {
        // d_j = base + field j − 2 for j >= 2: walk from the nearer end.
        const auto delta = [&](std::size_t j) { return packedResidual(words, bit, code, j); };
        // indices[0, split) forward from the start, the others back from the end, split where
        // that takes the fewest steps (adjacent indices mid-chunk go one way, not both).
        std::size_t split = 0, fewest = count - 1 - indices[0];
        for (std::size_t k = 1; k <= n; ++k) {
            const std::size_t steps = indices[k - 1] + (k < n ? count - 1 - indices[k] : 0);
            if (steps < fewest) {
                fewest = steps;
                split = k;
            }
        }
        std::uint64_t value = first + firstDelta;
        for (std::size_t k = 0, j = 1; k < split; ++k) {
            if (indices[k] == 0) {
                out[k] = first;
                continue;
            }
            for (; j < indices[k]; ++j)
                value += delta(j + 1);
            out[k] = value;
        }
        value = last;
        for (std::size_t k = n, j = count - 1; k-- > split;) {
            for (; j > indices[k]; --j)
                value -= delta(j);
            out[k] = value;
        }
        return;
    }
    std::size_t k = 0;
    decodeDeltas(words, bit, code, first, firstDelta, 0, indices[n - 1] + 1,
        [&](std::size_t i, std::uint64_t v) {
            while (k < n && indices[k] == i)
                out[k++] = v;
        });
}

// ---- Chunks ----

std::shared_ptr<const ScalarChunk> encodeChunk(std::span<const ScalarPoint> points)
{
    thread_local std::vector<std::uint64_t> words, sequence, scratch;
    const std::size_t n = points.size();
    auto chunk = makeShared<ScalarChunk>();

    BitWriter out(words);
    sequence.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        sequence[i] = std::uint64_t(points[i].step);
    chunk->stepDelta = encodeDeltas(sequence.data(), n, chunk->stepCode, out, scratch);

    chunk->wallBit = std::uint32_t(out.bitCount());
    chunk->wallMicros = true;
    for (std::size_t i = 0; i < n && chunk->wallMicros; ++i)
        chunk->wallMicros = microsOf(points[i].wallTime, sequence[i]);
    if (!chunk->wallMicros)
        for (std::size_t i = 0; i < n; ++i)
            sequence[i] = bitsOf(points[i].wallTime);
    chunk->wallDelta = encodeDeltas(sequence.data(), n, chunk->wallCode, out, scratch);
    if (hasCheckpoints(chunk->wallCode))
        writeCheckpoints(sequence.data(), n, chunk->wallCode, out);

    chunk->valueBit = std::uint32_t(out.bitCount());
    encodeValues(points.data(), n, *chunk, out);
    out.finish();

    chunk->wordCount = std::uint32_t(words.size());
    chunk->bits = std::make_unique<std::uint64_t[]>(words.size());
    std::memcpy(chunk->bits.get(), words.data(), words.size() * sizeof(std::uint64_t));
    chunk->heapBytes = std::uint32_t(sharedBlockBytes<ScalarChunk>()
        + words.size() * sizeof(std::uint64_t) + kAllocationOverhead);
    return chunk;
}

void decodeChunkInto(const ScalarChunk& chunk, const ScalarPoint& first, ScalarPoint* out,
    std::size_t from, std::size_t count, unsigned fields)
{
    const std::uint64_t* words = chunk.bits.get();
    if (fields & ScalarSnapshot::kSteps)
        decodeDeltas(words, 0, chunk.stepCode, std::uint64_t(first.step), chunk.stepDelta, from,
            count, [out](std::size_t i, std::uint64_t v) { out[i].step = std::int64_t(v); });
    if (!(fields & ScalarSnapshot::kWallTimes)) {
    } else if (chunk.wallMicros) {
        decodeDeltas(words, chunk.wallBit, chunk.wallCode, wallCodeOf(chunk, first.wallTime),
            chunk.wallDelta, from, count,
            [out](std::size_t i, std::uint64_t v) { out[i].wallTime = wallTimeFromMicros(v); });
    } else {
        decodeDeltas(words, chunk.wallBit, chunk.wallCode, bitsOf(first.wallTime), chunk.wallDelta,
            from, count, [out](std::size_t i, std::uint64_t v) { out[i].wallTime = doubleOf(v); });
    }
    if (fields & ScalarSnapshot::kValues)
        decodeValues(chunk, bitsOf(first.value), from, count,
            [out](std::size_t i, std::uint64_t v) { out[i].value = doubleOf(v); });
}

void decodePointsAt(const ScalarChunk& chunk, const ScalarPoint& first, const ScalarPoint& last,
    const std::size_t* indices, std::size_t n, ScalarPoint* out, unsigned fields)
{
    if (n == 0)
        return;
    const std::uint64_t* words = chunk.bits.get();
    assert(n <= kChunkSize); // ascending and distinct
    std::uint64_t raw[kChunkSize];
    if (fields & ScalarSnapshot::kSteps) {
        deltasAt(words, 0, chunk.stepCode, std::uint64_t(first.step), chunk.stepDelta,
            std::uint64_t(last.step), kChunkSize, indices, n, raw);
        for (std::size_t k = 0; k < n; ++k)
            out[k].step = std::int64_t(raw[k]);
    }
    if (fields & ScalarSnapshot::kWallTimes) {
        ChunkWallTimes wallTimes(chunk, first.wallTime, last.wallTime);
        for (std::size_t k = 0; k < n; ++k)
            out[k].wallTime = wallTimes(indices[k]);
    }
    if (!(fields & ScalarSnapshot::kValues))
        return;
    const std::uint64_t firstValue = bitsOf(first.value);
    if (chunk.valuesPacked) { // random access
        const unsigned width = chunk.valueWidth, trailing = chunk.valueTrailing;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = indices[k];
            out[k].value = doubleOf(i == 0 || width == 0 ? firstValue
                                                         : firstValue
                        ^ (extract(words, chunk.valueBit + (i - 1) * width, width) << trailing));
        }
        return;
    }
    std::size_t k = 0;
    decodeValues(chunk, firstValue, 0, indices[n - 1] + 1, [&](std::size_t i, std::uint64_t v) {
        while (k < n && indices[k] == i)
            out[k++].value = doubleOf(v);
    });
}

// Calls visit with each array of `levels`, field by field: one list of the fields for laying
// them out and for copying them.
template <typename Visit, typename... Levels> void forEachArray(Visit&& visit, Levels&... levels)
{
    visit(levels.minStep...);
    visit(levels.maxStep...);
    visit(levels.minWallTime...);
    visit(levels.maxWallTime...);
    visit(levels.minValue...);
    visit(levels.maxValue...);
    visit(levels.minIndex...);
    visit(levels.maxIndex...);
    visit(levels.minAt...);
    visit(levels.maxAt...);
    visit(levels.first...);
    visit(levels.last...);
    visit(levels.flags...);
}

// Lays out the arrays of one pyramid level of `n` nodes at `storage` (nullptr: only counts);
// returns the bytes used, a multiple of 8 so that every array is aligned.
std::size_t layOutLevel(ScalarSummaryLevel& level, std::size_t n, std::byte* storage)
{
    std::size_t used = 0;
    forEachArray(
        [&]<typename T>(T*& array) {
            static_assert(alignof(T) <= 8 && std::is_trivially_copyable_v<T>);
            if (storage) // a byte array provides storage: the arrays' objects begin implicitly
                array = reinterpret_cast<T*>(storage + used);
            used += (n * sizeof(T) + 7) / 8 * 8;
        },
        level);
    return used;
}

// A new index of `capacity` slots holding `from`'s first `chunkCount` chunks and the summaries
// over them (complete groups never change, so they are copied, not recomputed).
std::shared_ptr<ScalarChunkIndex> makeIndex(
    std::size_t capacity, const ScalarChunkIndex* from, std::size_t chunkCount)
{
    auto index = makeShared<ScalarChunkIndex>();
    index->capacity = capacity;
    index->chunks = std::make_unique<std::shared_ptr<const ScalarChunk>[]>(capacity);
    for (std::size_t i = 0; i < chunkCount; ++i)
        index->chunks[i] = from->chunks[i];
    std::size_t bytes = 0;
    for (std::size_t unit = 1; capacity / unit > 0; unit *= kFanout) {
        ScalarSummaryLevel level;
        level.count = std::uint64_t(unit) * kChunkSize;
        bytes += layOutLevel(level, capacity / unit, nullptr);
        index->levels.push_back(level);
    }
    index->levels.shrink_to_fit();
    index->summaryStorage = std::make_unique<std::byte[]>(bytes);
    index->summaryBytes = bytes;
    std::byte* at = index->summaryStorage.get();
    std::size_t unit = 1;
    for (std::size_t l = 0; l < index->levels.size(); ++l, unit *= kFanout) {
        at += layOutLevel(index->levels[l], capacity / unit, at);
        if (from && l < from->levels.size())
            forEachArray([n = chunkCount / unit](
                             auto* source, auto* target) { std::copy_n(source, n, target); },
                from->levels[l], index->levels[l]);
    }
    return index;
}

std::size_t indexBytes(const ScalarChunkIndex& index)
{
    std::size_t bytes = sharedBlockBytes<ScalarChunkIndex>()
        + index.capacity * sizeof(std::shared_ptr<const ScalarChunk>) + kAllocationOverhead;
    if (index.levels.capacity() > 0)
        bytes += index.levels.capacity() * sizeof(index.levels[0]) + kAllocationOverhead;
    return bytes + index.summaryBytes + kAllocationOverhead;
}

std::shared_ptr<ScalarPoint[]> makeTail(std::size_t capacity, std::span<const ScalarPoint> points)
{
    auto tail
        = std::allocate_shared<ScalarPoint[]>(CountingAllocator<ScalarPoint>(nullptr), capacity);
    std::copy(points.begin(), points.end(), tail.get());
    return tail;
}

// The heap bytes of a tail of `capacity` points and its shared count.
std::size_t tailBytes(std::size_t capacity)
{
    static const std::size_t countBytes = [] {
        std::size_t n = 0;
        auto probe = std::allocate_shared<ScalarPoint[]>(CountingAllocator<ScalarPoint>(&n), 1);
        return n - sizeof(ScalarPoint);
    }();
    return countBytes + capacity * sizeof(ScalarPoint) + kAllocationOverhead;
}

} // namespace

// ---- ScalarSummary ----

void ScalarSummary::append(const ScalarSummary& next)
{
    if (next.count == 0)
        return;
    if (count == 0) {
        *this = next;
        return;
    }
    if (next.hasFiniteValue) {
        if (!hasFiniteValue || next.min.value < min.value) {
            min = next.min;
            minIndex = count + next.minIndex;
        }
        if (!hasFiniteValue || next.max.value > max.value) {
            max = next.max;
            maxIndex = count + next.maxIndex;
        }
        hasFiniteValue = true;
    }
    minStep = std::min(minStep, next.minStep);
    maxStep = std::max(maxStep, next.maxStep);
    stepsSorted = stepsSorted && next.stepsSorted && last.step <= next.first.step;
    wallTimesSorted
        = wallTimesSorted && next.wallTimesSorted && last.wallTime <= next.first.wallTime;
    hasNaNWallTime = hasNaNWallTime || next.hasNaNWallTime;
    if (next.hasWallTime) {
        minWallTime = hasWallTime ? std::min(minWallTime, next.minWallTime) : next.minWallTime;
        maxWallTime = hasWallTime ? std::max(maxWallTime, next.maxWallTime) : next.maxWallTime;
        hasWallTime = true;
    }
    last = next.last;
    count += next.count;
}

ScalarSummary ScalarSummary::of(std::span<const ScalarPoint> points)
{
    ScalarSummary s;
    if (points.empty())
        return s;
    // In locals and indices, with comparisons that NaN fails, so the loop runs in registers
    // without a branch per field (it runs once for every point the loader appends).
    const std::size_t n = points.size();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::int64_t minStep = points[0].step, maxStep = minStep;
    double minWall = kInf, maxWall = -kInf, minValue = kInf, maxValue = -kInf;
    std::size_t minAt = n, maxAt = n; // n: no finite value
    bool stepsSorted = true, wallTimesSorted = !std::isnan(points[0].wallTime);
    bool anyWall = false, anyNaNWall = false;
    for (std::size_t i = 0; i < n; ++i) {
        const ScalarPoint& p = points[i];
        minStep = std::min(minStep, p.step);
        maxStep = std::max(maxStep, p.step);
        const double w = p.wallTime;
        const bool isNaN = std::isnan(w);
        anyNaNWall = anyNaNWall || isNaN;
        anyWall = anyWall || !isNaN;
        minWall = w < minWall ? w : minWall;
        maxWall = w > maxWall ? w : maxWall;
        if (i > 0) {
            stepsSorted = stepsSorted && points[i - 1].step <= p.step;
            wallTimesSorted = wallTimesSorted && points[i - 1].wallTime <= w;
        }
        // A finite value is always below +inf and above -inf, so the first one is taken.
        const double v = p.value;
        if (std::isfinite(v)) {
            if (v < minValue) {
                minValue = v;
                minAt = i;
            }
            if (v > maxValue) {
                maxValue = v;
                maxAt = i;
            }
        }
    }
    s.count = n;
    s.first = points.front();
    s.last = points.back();
    s.minStep = minStep;
    s.maxStep = maxStep;
    s.stepsSorted = stepsSorted;
    s.wallTimesSorted = wallTimesSorted;
    s.hasNaNWallTime = anyNaNWall;
    s.hasWallTime = anyWall;
    if (anyWall) {
        s.minWallTime = minWall;
        s.maxWallTime = maxWall;
    }
    s.hasFiniteValue = minAt != n;
    if (s.hasFiniteValue) {
        s.min = points[minAt];
        s.max = points[maxAt];
        s.minIndex = minAt;
        s.maxIndex = maxAt;
    }
    return s;
}

// ---- ScalarSummaryLevel ----

ScalarSummary ScalarSummaryLevel::get(std::size_t i) const
{
    ScalarSummary s;
    s.count = count;
    s.first = first[i];
    s.last = last[i];
    s.min = min(i);
    s.max = max(i);
    s.minIndex = minIndex[i];
    s.maxIndex = maxIndex[i];
    s.minStep = minStep[i];
    s.maxStep = maxStep[i];
    s.minWallTime = minWallTime[i];
    s.maxWallTime = maxWallTime[i];
    s.hasFiniteValue = has(i, kHasFiniteValue);
    s.hasWallTime = has(i, kHasWallTime);
    s.hasNaNWallTime = has(i, kHasNaNWallTime);
    s.stepsSorted = has(i, kStepsSorted);
    s.wallTimesSorted = has(i, kWallTimesSorted);
    return s;
}

void ScalarSummaryLevel::set(std::size_t i, const ScalarSummary& s)
{
    assert(s.count == count);
    first[i] = s.first;
    last[i] = s.last;
    minAt[i] = {s.min.step, s.min.wallTime};
    maxAt[i] = {s.max.step, s.max.wallTime};
    minValue[i] = s.min.value;
    maxValue[i] = s.max.value;
    minIndex[i] = s.minIndex;
    maxIndex[i] = s.maxIndex;
    minStep[i] = s.minStep;
    maxStep[i] = s.maxStep;
    minWallTime[i] = s.minWallTime;
    maxWallTime[i] = s.maxWallTime;
    flags[i] = std::uint8_t((s.hasFiniteValue ? kHasFiniteValue : 0)
        | (s.hasWallTime ? kHasWallTime : 0) | (s.hasNaNWallTime ? kHasNaNWallTime : 0)
        | (s.stepsSorted ? kStepsSorted : 0) | (s.wallTimesSorted ? kWallTimesSorted : 0));
}

// ---- ScalarSnapshot ----

void ScalarSnapshot::decodeChunk(
    std::size_t index, ScalarPoint* out, std::size_t count, unsigned fields, std::size_t from) const
{
    decodeChunkInto(
        chunk(index), summaries(0).first[index], out, from, std::min(count, kChunkSize), fields);
}

void ScalarSnapshot::decodeChunkAt(std::size_t index, std::span<const std::size_t> indices,
    ScalarPoint* out, unsigned fields) const
{
    decodePointsAt(chunk(index), summaries(0).first[index], summaries(0).last[index],
        indices.data(), indices.size(), out, fields);
}

ChunkWallTimes::ChunkWallTimes(const ScalarSnapshot& snapshot, std::size_t chunk)
    : ChunkWallTimes(snapshot.chunk(chunk), snapshot.summaries(0).first[chunk].wallTime,
        snapshot.summaries(0).last[chunk].wallTime)
{
}

ChunkWallTimes::ChunkWallTimes(const ScalarChunk& chunk, double firstWallTime, double lastWallTime)
    : m_chunk(chunk)
{
    m_codes[0] = wallCodeOf(m_chunk, firstWallTime);
    m_codes[kChunkSize - 1] = wallCodeOf(m_chunk, lastWallTime);
    setKnown(0);
    setKnown(kChunkSize - 1);
}

void ChunkWallTimes::decode(std::size_t j)
{
    const ScalarChunk::DeltaCode& code = m_chunk.wallCode;
    const std::uint64_t* words = m_chunk.bits.get();
    if (code.order == 0) { // v_j = v_0 + j·d
        m_codes[j] = m_codes[0] + m_chunk.wallDelta * j;
        setKnown(j);
        return;
    }
    if (!code.packed || code.order != 1) {
        decodeDeltas(words, m_chunk.wallBit, code, m_codes[0], m_chunk.wallDelta, 1, kChunkSize - 1,
            [this](std::size_t i, std::uint64_t v) { m_codes[i] = v; });
        std::fill(std::begin(m_known), std::end(m_known), ~std::uint64_t(0));
        return;
    }
    // The checkpoints on either side of j, then a walk from the nearest known time:
    // v_i = v_(i−1) + d_i, with d_1 = wallDelta and d_i = base + field i − 2 for i >= 2.
    if (hasCheckpoints(code))
        for (std::size_t c = j / kCheckpointSpacing; c <= j / kCheckpointSpacing + 1; ++c) {
            const std::size_t at = c * kCheckpointSpacing;
            if (at > 0 && at < kChunkSize - 1 && !known(at)) {
                m_codes[at] = m_codes[0] + m_chunk.wallDelta
                    + checkpointSum(words, m_chunk.wallBit, code, c);
                setKnown(at);
            }
        }
    if (known(j))
        return;
    std::size_t below = j, above = j; // 0 and kChunkSize − 1 are known: neither passes them
    while (!known(below) && !known(above)) {
        --below;
        ++above;
    }
    const auto delta
        = [&](std::size_t i) { return packedResidual(words, m_chunk.wallBit, code, i); };
    if (known(below)) {
        for (std::size_t i = below + 1; i <= j; ++i) {
            m_codes[i] = m_codes[i - 1] + (i == 1 ? m_chunk.wallDelta : delta(i));
            setKnown(i);
        }
    } else {
        for (std::size_t i = above; i-- > j;) { // i >= j >= 1
            m_codes[i] = m_codes[i + 1] - delta(i + 1);
            setKnown(i);
        }
    }
}

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
    if (first >= m_size)
        return;
    const std::size_t end = first + std::min(count, m_size - first);
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
    read(0, m_size, out);
    return out;
}

// ---- ScalarSeries ----

ScalarSeries::ScalarSeries(const ScalarSeries& other)
    : type(other.type)
    , m_chunkCount(other.m_chunkCount)
    , m_chunkBytes(other.m_chunkBytes)
    , m_removals(other.m_removals)
    , m_generation(other.m_generation)
    , m_tailSize(other.m_tailSize)
    , m_tailCapacity(other.m_tailCapacity)
    , m_changed(other.m_changed)
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
    m_tailCapacity = std::uint32_t(capacity);
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
    m_chunkBytes += chunk->heapBytes;
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
        m_tailSize -= std::uint32_t(removed);
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
        for (std::size_t i = chunkCount; i < m_chunkCount; ++i) {
            m_chunkBytes -= m_index->chunks[i]->heapBytes;
            m_index->chunks[i].reset();
        }
        m_chunkCount = chunkCount;
    } else if (chunkCount != m_chunkCount) {
        m_index
            = chunkCount > 0 ? makeIndex(m_index->capacity, m_index.get(), chunkCount) : nullptr;
        m_chunkCount = chunkCount;
        m_chunkBytes = 0;
        for (std::size_t i = 0; i < m_chunkCount; ++i)
            m_chunkBytes += m_index->chunks[i]->heapBytes;
    }
    // A new tail even when the cut is inside the old one: snapshots may still read past the cut.
    m_tail.reset();
    m_tailSize = m_tailCapacity = 0;
    if (!kept.empty()) {
        m_tailCapacity = std::uint32_t(std::max(kFirstTailCapacity, std::bit_ceil(kept.size())));
        m_tail = makeTail(m_tailCapacity, std::span(kept));
        m_tailSize = std::uint32_t(kept.size());
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
    snapshot.m_size = size();
    snapshot.m_generation = generation();
    snapshot.m_removals = m_removals;
    snapshot.m_type = type;
    return snapshot;
}

std::size_t ScalarSeries::residentBytes() const
{
    std::size_t bytes = m_chunkBytes;
    if (m_index)
        bytes += indexBytes(*m_index);
    if (m_tail)
        bytes += tailBytes(m_tailCapacity);
    return bytes;
}

} // namespace lantern::core
