// Sealed scalar chunks: encoding kChunkSize points into bit streams, decoding them whole or
// at chosen indices, and a chunk's wall times one at a time (ChunkWallTimes). The codecs are
// in scalar_bit_codec.h.

#include "core/store/scalar_bit_codec.h"
#include "core/store/scalar_store_internal.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace lantern::core {
namespace detail {

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

} // namespace detail

using namespace detail;

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

} // namespace lantern::core
