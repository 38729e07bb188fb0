#pragma once
// The bit codecs of sealed scalar chunks (scalar_chunk.cpp): bit streams, delta coding of an
// integer sequence, XOR coding of values. Internal to core/store; inline so that the decoders,
// templates over where each decoded value goes, compile into the chunk decoding loops.
// After Gorilla (Pelkonen et al., "Gorilla: A Fast, Scalable, In-Memory Time Series Database",
// VLDB 2015).
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

#include "core/store/scalar_store_internal.h"

#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <vector>

namespace lantern::core::detail {

inline std::uint64_t bitsOf(double v)
{
    return std::bit_cast<std::uint64_t>(v);
}
inline double doubleOf(std::uint64_t bits)
{
    return std::bit_cast<double>(bits);
}
inline std::uint64_t zigzag(std::uint64_t v)
{
    return (v << 1) ^ std::uint64_t(std::int64_t(v) >> 63);
}
inline std::uint64_t unzigzag(std::uint64_t z)
{
    return (z >> 1) ^ (0 - (z & 1));
}
inline unsigned bitLength(std::uint64_t z)
{
    return unsigned(64 - std::countl_zero(z));
}

// Wall time as integer microseconds, when wallTimeFromMicros gives it back bit for bit.
inline bool microsOf(double wallTime, std::uint64_t& micros)
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
inline std::uint64_t wallCodeOf(const ScalarChunk& chunk, double wallTime)
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
inline constexpr Bucket kBuckets[4] = {{1, 0b0}, {2, 0b10}, {3, 0b110}, {3, 0b111}};

// Variable-length codes are used only when they save more than a quarter over fixed-width packing:
// packed residuals decode several times faster (no bit position to chase from one code to the
// next), and packed values can be read at random.
inline bool variableLengthPays(std::uint64_t variableBits, std::uint64_t packedBits)
{
    return variableBits * 4 < packedBits * 3;
}

// The `width` (1 to 64) bits at `bit`; needs one word of padding after the data.
inline std::uint64_t extract(const std::uint64_t* words, std::uint64_t bit, unsigned width)
{
    const std::uint64_t* word = words + (bit >> 6);
    const unsigned shift = unsigned(bit & 63);
    return ((word[0] << shift) | ((word[1] >> 1) >> (63 - shift))) >> (64 - width);
}

// Residual i (i >= 2) of a packed delta code whose fields start at `bit`.
inline std::uint64_t packedResidual(const std::uint64_t* words, std::uint64_t bit,
    const ScalarChunk::DeltaCode& code, std::size_t i)
{
    const unsigned width = code.widths[0];
    return code.base + (width ? extract(words, bit + (i - 2) * width, width) : 0);
}

// Packed first differences keep, after their fields, checkpoint c for each point c·spacing
// inside the chunk (c >= 1): the sum of the deltas from point 1 to that point, less base for
// each, in kCheckpointExtraBits more bits than a field (enough for the chunk's fields).
inline constexpr std::size_t kCheckpointSpacing = ChunkWallTimes::kCheckpointSpacing;
inline constexpr unsigned kCheckpointExtraBits = std::bit_width(kChunkSize - 1);

inline bool hasCheckpoints(const ScalarChunk::DeltaCode& code)
{
    return code.packed && code.order == 1 && code.widths[0] + kCheckpointExtraBits <= 64;
}

// Writes the checkpoints of the sequence v[0, n) coded by `code`, after its fields.
inline void writeCheckpoints(
    const std::uint64_t* v, std::size_t n, const ScalarChunk::DeltaCode& code, BitWriter& out)
{
    for (std::size_t at = kCheckpointSpacing; at + 1 < n; at += kCheckpointSpacing)
        out.write(v[at] - v[1] - (at - 1) * code.base, code.widths[0] + kCheckpointExtraBits);
}

// v_(c·spacing) − v_1 for a code with checkpoints whose fields start at `bit`.
inline std::uint64_t checkpointSum(const std::uint64_t* words, std::uint64_t bit,
    const ScalarChunk::DeltaCode& code, std::size_t c)
{
    const unsigned width = code.widths[0], sumWidth = width + kCheckpointExtraBits;
    const std::uint64_t at = bit + (kChunkSize - 2) * width + (c - 1) * sumWidth;
    return (c * kCheckpointSpacing - 1) * code.base + extract(words, at, sumWidth);
}

// Picks bucket widths minimizing the total size for residuals with these bit-length counts;
// returns the size in bits.
inline std::uint64_t chooseWidths(
    const std::uint32_t (&lengthCounts)[65], std::uint8_t (&widths)[4])
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
inline std::uint64_t encodeDeltas(const std::uint64_t* v, std::size_t n,
    ScalarChunk::DeltaCode& code, BitWriter& out, std::vector<std::uint64_t>& scratch)
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
inline void encodeValues(
    const ScalarPoint* points, std::size_t n, ScalarChunk& chunk, BitWriter& out)
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
inline void deltasAt(const std::uint64_t* words, std::uint64_t bit,
    const ScalarChunk::DeltaCode& code, std::uint64_t first, std::uint64_t firstDelta,
    std::uint64_t last, std::size_t count, const std::size_t* indices, std::size_t n,
    std::uint64_t* out)
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

} // namespace lantern::core::detail
