// Decimation over the store's summary pyramid. A node (a chunk, or a complete group of chunks)
// whose x range lies inside one pixel column joins that column whole (its first, last, min and
// max are in its summary); a node outside [x0, x1] only offers its extreme x as the point before
// or after the range; any other node is descended. With x monotonic in the index (steps always,
// wall times nearly always) only the nodes that hold a column boundary are opened, about W per
// level.
//
// Chunks that hold a column boundary are the expensive part, so they wait until every whole
// node has joined its column. Then the chunk's own summary usually proves that its piece of a
// column cannot hold that column's min or max (its smallest value is above the column's, or its
// min is inside the piece and therefore known), and only the values at the piece's ends are
// decoded (packed values are read at random), with their other coordinate when full points are
// asked for. Columns compare indices on every merge, so the order of merging does not matter.
//
// Two walks share that shape: the first counts the points in range and stops past 4·W, the
// second either buckets them or, for few points, collects them all. When x never decreases
// over the whole snapshot (the usual case), the second walk gives way to SortedSweep
// (sorted_sweep.h), which finds the same whole chunks and the same boundary chunks by searching
// the chunks' x ranges, and reads far fewer summaries.

#include "core/analysis/decimation.h"

#include "core/analysis/column_map.h"
#include "core/analysis/first_where.h"
#include "core/analysis/sorted_sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace lantern::core {
namespace {

constexpr std::size_t kChunkSize = ScalarSnapshot::kChunkSize;
constexpr std::size_t kFanout = ScalarSnapshot::kFanout;

// A point and its index; no default member initializers, so columns need no clearing. Without
// full points, those taken from a chunk opened at a column boundary carry only x and the value.
struct Ref {
    std::int64_t step;
    double wallTime;
    double value;
    std::uint64_t index;
    ScalarPoint point() const { return {step, wallTime, value}; }
};

// First = smallest index, last = largest, min/max = most extreme finite value, smallest index on
// ties: the brute-force definition, whatever order the merges come in.
struct Column {
    Ref first, last, min, max;
    bool hasMin;

    void mergeFirst(const Ref& r)
    {
        if (r.index < first.index)
            first = r;
    }
    void mergeLast(const Ref& r)
    {
        if (r.index >= last.index)
            last = r;
    }
    void mergeMin(const Ref& r)
    {
        if (!hasMin || r.value < min.value || (r.value == min.value && r.index < min.index))
            min = r;
    }
    void mergeMax(const Ref& r)
    {
        if (!hasMin || r.value > max.value || (r.value == max.value && r.index < max.index))
            max = r;
    }
    void mergeMinMax(const Ref& low, const Ref& high)
    {
        mergeMin(low);
        mergeMax(high);
        hasMin = true;
    }
    // Whether values >= `low` starting at index `from` could become the min.
    bool minReachable(double low, std::uint64_t from) const
    {
        return !hasMin || low < min.value || (low == min.value && from < min.index);
    }
    bool maxReachable(double high, std::uint64_t from) const
    {
        return !hasMin || high > max.value || (high == max.value && from < max.index);
    }
};

enum class Visit { Skip, Descend, Stop };

// Asks for the cache line at `address` ahead of its use: a hint, nothing where the compiler
// has no way to give it.
void prefetch(const void* address)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
}

constexpr std::size_t kNone = SIZE_MAX;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The points [first, end) of one chunk that fall in one column: which of its ends the column
// still needs, and its min and max (chunk positions; kNone: not needed, or none finite).
struct Piece {
    std::size_t column, first, end;
    bool needFirst, needLast;
    std::size_t min, max;
    bool scanMin, scanMax;
};

// The point just outside one end of the range: a point, or a node whose extreme x it is
// (resolved to a point at the end, so that skipped nodes cost nothing). Candidates come in any
// order, so ties on x are settled by `order`, the index of the point or of the node's first.
struct Edge {
    bool found = false;
    double x = 0;
    std::uint64_t order = 0;
    bool isNode = false;
    std::size_t level = 0;
    std::size_t node = 0;
    Ref ref {};

    // Before the range: the largest x, the later point on ties.
    void offerBefore(const Edge& e)
    {
        if (!found || e.x > x || (e.x == x && e.order > order))
            *this = e;
    }
    // After the range: the smallest x, the earlier point on ties.
    void offerAfter(const Edge& e)
    {
        if (!found || e.x < x || (e.x == x && e.order < order))
            *this = e;
    }
};

class Walker {
public:
    Walker(const ScalarSnapshot& snapshot, const DecimationQuery& query)
        : m_snapshot(snapshot)
        , m_step(query.axis == DecimationAxis::Step)
        , m_x0(query.x0)
        , m_x1(query.x1)
        , m_fullPoints(query.fullPoints)
        , m_from(query.fromIndex)
        , m_columnMap(query)
    {
    }

    const ScalarSnapshot& snapshot() const { return m_snapshot; }
    double x0() const { return m_x0; }
    double x1() const { return m_x1; }
    unsigned xField() const { return m_step ? ScalarSnapshot::kSteps : ScalarSnapshot::kWallTimes; }
    bool stepAxis() const { return m_step; }
    bool fullPoints() const { return m_fullPoints; }

    double xOf(const ScalarPoint& p) const { return m_step ? double(p.step) : p.wallTime; }
    Ref ref(const ScalarPoint& p, std::uint64_t index) const
    {
        return {p.step, p.wallTime, p.value, index};
    }
    // Node i's x range; false when it has none (every wall time NaN).
    bool rangeOf(const ScalarSummaryLevel& s, std::size_t i, double& lo, double& hi) const
    {
        if (m_step) {
            lo = double(s.minStep[i]);
            hi = double(s.maxStep[i]);
            return true;
        }
        lo = s.minWallTime[i];
        hi = s.maxWallTime[i];
        return s.has(i, ScalarSummaryLevel::kHasWallTime);
    }
    // Whether every point of node i has an x (else it cannot join a column whole).
    bool covers(const ScalarSummaryLevel& s, std::size_t i) const
    {
        return m_step || !s.has(i, ScalarSummaryLevel::kHasNaNWallTime);
    }
    bool sorted(const ScalarSummaryLevel& s, std::size_t i) const
    {
        return s.has(
            i, m_step ? ScalarSummaryLevel::kStepsSorted : ScalarSummaryLevel::kWallTimesSorted);
    }
    // x in [x0, x1]. Monotonic in x, so a node's points lie between its ends' columns.
    std::size_t columnOf(double x) const { return m_columnMap.columnOf(x); }
    const ColumnMap& columnMap() const { return m_columnMap; }

    // Visits nodes (pass.node) and, inside the chunks it descends to, their points
    // (pass.points), all in index order, then the tail's points.
    template <typename Pass> void walk(Pass& pass)
    {
        const std::size_t levels = m_snapshot.levelCount();
        std::size_t done = 0; // chunks visited
        std::size_t unit = 1;
        for (std::size_t l = 1; l < levels; ++l)
            unit *= kFanout;
        for (std::size_t level = levels; level-- > 0; unit /= kFanout) {
            const std::size_t count = m_snapshot.nodeCount(level);
            for (std::size_t i = done / unit; i < count; ++i)
                if (!walkNode(pass, level, i, unit * kChunkSize))
                    return;
            done = count * unit;
        }
        const std::span<const ScalarPoint> tail = m_snapshot.tail();
        points(pass, tail.data(), tail.size(), m_snapshot.chunkCount() * kChunkSize);
    }

    // The last (or first) point whose x equals `x`, the extreme x of node (level, node).
    Ref find(std::size_t level, std::size_t node, double x, bool last)
    {
        for (; level > 0; --level) {
            std::size_t chosen = node * kFanout;
            const ScalarSummaryLevel& children = m_snapshot.summaries(level - 1);
            for (std::size_t child = node * kFanout; child < (node + 1) * kFanout; ++child) {
                double lo, hi;
                if (!rangeOf(children, child, lo, hi))
                    continue;
                if (last && hi == x) {
                    chosen = child;
                } else if (!last && lo == x) {
                    chosen = child;
                    break;
                }
            }
            node = chosen;
        }
        m_snapshot.decodeChunk(node, m_buffer);
        const std::uint64_t base = std::uint64_t(node) * kChunkSize;
        Ref found = ref(m_buffer[0], base);
        for (std::size_t j = 0; j < kChunkSize; ++j)
            if (xOf(m_buffer[j]) == x) {
                found = ref(m_buffer[j], base + j);
                if (!last)
                    break;
            }
        return found;
    }

    // Scratch for one decoded chunk.
    ScalarPoint* buffer() { return m_buffer; }

private:
    // Hands the pass points p[0, n), the first at index `base`, less those before m_from.
    template <typename Pass>
    bool points(Pass& pass, const ScalarPoint* p, std::size_t n, std::uint64_t base)
    {
        const std::size_t skipped
            = base < m_from ? std::size_t(std::min<std::uint64_t>(n, m_from - base)) : 0;
        return pass.points(p + skipped, n - skipped, base + skipped);
    }

    template <typename Pass>
    bool walkNode(Pass& pass, std::size_t level, std::size_t node, std::size_t pointsPerNode)
    {
        const std::uint64_t base = std::uint64_t(node) * pointsPerNode;
        if (base + pointsPerNode <= m_from)
            return true; // wholly before m_from
        // A node that m_from cuts is looked at point by point: its summary covers both sides.
        const bool cut = base < m_from;
        const Visit visit
            = cut ? Visit::Descend : pass.node(m_snapshot.summaries(level), node, level, base);
        if (visit != Visit::Descend)
            return visit == Visit::Skip;
        if (level == 0) {
            m_snapshot.decodeChunk(node, m_buffer, kChunkSize, pass.fields());
            return points(pass, m_buffer, kChunkSize, base);
        }
        if (level > 1 || cut) {
            for (std::size_t child = node * kFanout; child < (node + 1) * kFanout; ++child)
                if (!walkNode(pass, level - 1, child, pointsPerNode / kFanout))
                    return false;
            return true;
        }
        // Children are chunks, the most visited nodes: a flat loop over their summaries.
        const std::size_t firstChunk = node * kFanout;
        const ScalarSummaryLevel& chunks = m_snapshot.summaries(0);
        for (std::size_t k = 0; k < kFanout; ++k) {
            const std::size_t chunk = firstChunk + k;
            const std::uint64_t chunkBase = base + k * kChunkSize;
            const Visit v = pass.node(chunks, chunk, 0, chunkBase);
            if (v == Visit::Stop)
                return false;
            if (v == Visit::Descend) {
                m_snapshot.decodeChunk(chunk, m_buffer, kChunkSize, pass.fields());
                if (!pass.points(m_buffer, kChunkSize, chunkBase))
                    return false;
            }
        }
        return true;
    }

    const ScalarSnapshot& m_snapshot;
    bool m_step;
    double m_x0, m_x1;
    bool m_fullPoints;
    std::uint64_t m_from;
    ColumnMap m_columnMap;
    ScalarPoint m_buffer[kChunkSize];
};

// Counts the points in range, stopping once there are more than `limit`.
class CountPass {
public:
    CountPass(const Walker& walker, std::uint64_t limit)
        : m_walker(walker)
        , m_limit(limit)
    {
    }
    std::uint64_t count() const { return m_count; }
    unsigned fields() const { return m_walker.xField(); }

    Visit node(const ScalarSummaryLevel& s, std::size_t i, std::size_t, std::uint64_t)
    {
        double lo, hi;
        if (!m_walker.rangeOf(s, i, lo, hi) || hi < m_walker.x0() || lo > m_walker.x1())
            return Visit::Skip;
        if (m_walker.x0() <= lo && hi <= m_walker.x1() && m_walker.covers(s, i)) {
            m_count += s.count;
            return m_count > m_limit ? Visit::Stop : Visit::Skip;
        }
        return Visit::Descend;
    }
    bool points(const ScalarPoint* p, std::size_t n, std::uint64_t)
    {
        for (std::size_t i = 0; i < n; ++i) {
            const double x = m_walker.xOf(p[i]);
            m_count += x >= m_walker.x0() && x <= m_walker.x1();
        }
        return m_count <= m_limit;
    }

private:
    const Walker& m_walker;
    std::uint64_t m_limit;
    std::uint64_t m_count = 0;
};

// Buckets the points in range into columns (or, with collectAll, keeps every one) and finds the
// points just outside the range.
class RangePass {
public:
    RangePass(Walker& walker, bool collectAll, std::vector<Ref>& collected,
        std::vector<Column>& columns, std::vector<std::uint8_t>& used,
        std::vector<std::size_t>& pending)
        : m_walker(walker)
        , m_collectAll(collectAll)
        , m_collected(collected)
        , m_columns(columns)
        , m_used(used)
        , m_pending(pending)
    {
    }
    const Edge& before() const { return m_before; }
    const Edge& after() const { return m_after; }
    unsigned fields() const { return ScalarSnapshot::kAllFields; }

    Visit node(const ScalarSummaryLevel& s, std::size_t node, std::size_t level, std::uint64_t base)
    {
        double lo, hi;
        if (!m_walker.rangeOf(s, node, lo, hi))
            return Visit::Skip;
        if (hi < m_walker.x0()) {
            m_before.offerBefore({true, hi, base, true, level, node, {}});
            return Visit::Skip;
        }
        if (lo > m_walker.x1()) {
            m_after.offerAfter({true, lo, base, true, level, node, {}});
            return Visit::Skip;
        }
        if (m_collectAll)
            return Visit::Descend;
        if (m_walker.x0() <= lo && hi <= m_walker.x1() && m_walker.covers(s, node)) {
            const std::size_t column = m_walker.columnOf(lo);
            if (column == m_walker.columnOf(hi)) {
                mergeNode(column, s, node, base);
                return Visit::Skip;
            }
        }
        if (level > 0)
            return Visit::Descend;
        m_pending.push_back(node); // after every whole node has joined its column
        return Visit::Skip;
    }

    // Consecutive points p[0, n), the first at index `base`, every one looked at. Points that
    // share a column are merged as one run.
    bool points(const ScalarPoint* p, std::size_t n, std::uint64_t base)
    {
        const double x0 = m_walker.x0(), x1 = m_walker.x1();
        for (std::size_t i = 0; i < n;) {
            const double x = m_walker.xOf(p[i]);
            if (x < x0) {
                m_before.offerBefore(
                    {true, x, base + i, false, 0, 0, m_walker.ref(p[i], base + i)});
                ++i;
            } else if (x > x1) {
                m_after.offerAfter({true, x, base + i, false, 0, 0, m_walker.ref(p[i], base + i)});
                ++i;
            } else if (x != x) { // NaN
                ++i;
            } else if (m_collectAll) {
                m_collected.push_back(m_walker.ref(p[i], base + i));
                ++i;
            } else {
                const std::size_t column = m_walker.columnOf(x);
                std::size_t end = i + 1, min = SIZE_MAX, max = SIZE_MAX;
                for (std::size_t j = i;; ++j) {
                    const double v = p[j].value;
                    if (std::isfinite(v)) {
                        if (min == SIZE_MAX || v < p[min].value)
                            min = j;
                        if (max == SIZE_MAX || v > p[max].value)
                            max = j;
                    }
                    end = j + 1;
                    if (end == n)
                        break;
                    const double next = m_walker.xOf(p[end]);
                    if (!(next >= x0 && next <= x1) || m_walker.columnOf(next) != column)
                        break;
                }
                Column& c = open(column);
                c.mergeFirst(m_walker.ref(p[i], base + i));
                c.mergeLast(m_walker.ref(p[end - 1], base + end - 1));
                if (min != SIZE_MAX)
                    c.mergeMinMax(
                        m_walker.ref(p[min], base + min), m_walker.ref(p[max], base + max));
                i = end;
            }
        }
        return true;
    }

    // Instead of Walker::walk, on a snapshot the sorted sweep applies to, with no fromIndex:
    // the same chunks end up pending, and every other chunk in range joins its column whole.
    void sweepSorted(SortedSweep& sweep)
    {
        const ScalarSnapshot& snapshot = m_walker.snapshot();
        sweep.sweep(
            snapshot, m_walker.columnMap(), m_walker.stepAxis(), m_walker.x0(), m_walker.x1());
        double lo, hi;
        if (sweep.chunkBefore != SortedSweep::kNone) {
            const std::size_t k = sweep.chunkBefore;
            m_walker.rangeOf(snapshot.summaries(0), k, lo, hi);
            m_before.offerBefore({true, hi, k * kChunkSize, true, 0, k, {}});
        }
        if (sweep.chunkAfter != SortedSweep::kNone) {
            const std::size_t k = sweep.chunkAfter;
            m_walker.rangeOf(snapshot.summaries(0), k, lo, hi);
            m_after.offerAfter({true, lo, k * kChunkSize, true, 0, k, {}});
        }
        // Each run's extremes first, then the points: the reads of one loop are independent
        // of each other, and overlap (a loop that did both waited on each in turn).
        const std::size_t runs = sweep.runs.size();
        thread_local std::vector<SortedSweep::Extremes> extremes;
        extremes.resize(runs);
        for (std::size_t i = 0; i < runs; ++i) {
            if (i + 2 < runs) { // the nodes at the ends of the run after next
                const ScalarSummaryLevel& chunks = snapshot.summaries(0);
                const SortedSweep::Run& ahead = sweep.runs[i + 2];
                for (std::size_t k : {ahead.from, ahead.to - 1}) {
                    prefetch(&chunks.minValue[k]);
                    prefetch(&chunks.maxValue[k]);
                    prefetch(&chunks.flags[k]);
                }
            }
            extremes[i] = SortedSweep::extremes(snapshot, sweep.runs[i].from, sweep.runs[i].to);
        }
        for (std::size_t i = 0; i < runs; ++i)
            mergeRun(sweep.runs[i], extremes[i]);
        m_pending.assign(sweep.boundaryChunks.begin(), sweep.boundaryChunks.end());
        if (sweep.tail) {
            const std::span<const ScalarPoint> tail = snapshot.tail();
            points(tail.data(), tail.size(), snapshot.chunkCount() * kChunkSize);
        }
    }

    // The chunks holding a column boundary, now that every whole node has joined its column.
    void finishChunks()
    {
        // A chunk's bits are three dependent loads away (the index slot, the chunk, its bit
        // streams), each likely a cache miss: ask for them a few chunks ahead, so that the
        // waits overlap instead of adding up.
        const ScalarSnapshot& snapshot = m_walker.snapshot();
        const std::size_t n = m_pending.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (i + 8 < n)
                prefetch(snapshot.chunkSlot(m_pending[i + 8]));
            if (i + 4 < n)
                prefetch(&snapshot.chunk(m_pending[i + 4]));
            if (i + 2 < n) {
                const std::size_t k = m_pending[i + 2];
                const ScalarChunk& ahead = snapshot.chunk(k);
                prefetch(ahead.bits.get());
                prefetch(ahead.bits.get() + ahead.wallBit / 64);
                prefetch(ahead.bits.get() + ahead.valueBit / 64);
                const ScalarSummaryLevel& chunks = snapshot.summaries(0);
                prefetch(&chunks.first[k]);
                prefetch(&chunks.minValue[k]);
                prefetch(&chunks.minIndex[k]);
            }
            finishChunk(m_pending[i]);
        }
    }

private:
    Column& open(std::size_t column)
    {
        Column& c = m_columns[column];
        if (!m_used[column]) {
            m_used[column] = 1;
            c.first.index = UINT64_MAX;
            c.last.index = 0;
            c.hasMin = false;
        }
        return c;
    }

    void mergeNode(
        std::size_t column, const ScalarSummaryLevel& s, std::size_t i, std::uint64_t base)
    {
        Column& c = open(column);
        c.mergeFirst(m_walker.ref(s.first[i], base));
        c.mergeLast(m_walker.ref(s.last[i], base + s.count - 1));
        if (s.has(i, ScalarSummaryLevel::kHasFiniteValue))
            c.mergeMinMax(m_walker.ref(s.min(i), base + s.minIndex[i]),
                m_walker.ref(s.max(i), base + s.maxIndex[i]));
    }

    void mergeRun(const SortedSweep::Run& run, const SortedSweep::Extremes& e)
    {
        const ScalarSummaryLevel& chunks = m_walker.snapshot().summaries(0);
        Column& c = open(run.column);
        c.mergeFirst(m_walker.ref(chunks.first[run.from], run.from * kChunkSize));
        c.mergeLast(m_walker.ref(chunks.last[run.to - 1], run.to * kChunkSize - 1));
        if (e.hasFiniteValue)
            c.mergeMinMax(m_walker.ref(e.min(), e.minIndex), m_walker.ref(e.max(), e.maxIndex));
    }

    void finishChunk(std::size_t chunk)
    {
        const ScalarSnapshot& snapshot = m_walker.snapshot();
        const ScalarSummaryLevel& chunks = snapshot.summaries(0);
        ScalarPoint* p = m_walker.buffer();
        if (!m_walker.sorted(chunks, chunk)) {
            snapshot.decodeChunk(chunk, p, kChunkSize, fields());
            points(p, kChunkSize, std::uint64_t(chunk) * kChunkSize);
            return;
        }
        // Wall times are decoded only as far as the searches look; steps that count up evenly
        // need no decoding at all. (No std::optional here: GCC 12 zeroes a kilobyte to emplace.)
        if (!m_walker.stepAxis()) {
            ChunkWallTimes wallTimes(snapshot, chunk);
            finishSortedChunk(chunk, wallTimes);
            return;
        }
        const ScalarChunk& encoded = snapshot.chunk(chunk);
        const bool evenSteps = encoded.stepCode.order == 0;
        if (!evenSteps)
            snapshot.decodeChunk(chunk, p, kChunkSize, ScalarSnapshot::kSteps);
        const std::uint64_t firstStep = std::uint64_t(chunks.first[chunk].step),
                            stepDelta = encoded.stepDelta;
        finishSortedChunk(chunk, [&](std::size_t j) {
            return evenSteps ? std::int64_t(firstStep + stepDelta * j) : p[j].step;
        });
    }

    // A chunk whose x is sorted: the range and each column are runs found by binary search.
    // xAt(j) is point j's wall time (ChunkWallTimes) or its step (an exact int64).
    template <typename XAt> void finishSortedChunk(std::size_t chunk, XAt&& xAt)
    {
        constexpr bool stepAxis = !std::is_same_v<std::remove_cvref_t<XAt>, ChunkWallTimes>;
        const ScalarSnapshot& snapshot = m_walker.snapshot();
        const ScalarSummaryLevel& chunks = snapshot.summaries(0);
        const std::uint64_t base = std::uint64_t(chunk) * kChunkSize;
        ScalarPoint* p = m_walker.buffer(); // values, where pieces are scanned
        const auto x = [&xAt](std::size_t j) { return double(xAt(j)); };
        // Searches probe as few points as they can: each probe of a wall time converts it.
        const double x0 = m_walker.x0(), x1 = m_walker.x1();
        double lo, hi;
        m_walker.rangeOf(chunks, chunk, lo, hi); // sorted: x(0) and x(kChunkSize - 1)
        const std::size_t begin
            = lo >= x0 ? 0 : firstWhere(0, kChunkSize, [&](std::size_t j) { return x(j) >= x0; });
        const std::size_t end = hi <= x1
            ? kChunkSize
            : firstWhere(begin, kChunkSize, [&](std::size_t j) { return x(j) > x1; });
        // Only x is decoded yet: find() fetches the whole point if it is the one.
        if (begin > 0)
            m_before.offerBefore({true, x(begin - 1), base + begin - 1, true, 0, chunk, {}});
        if (end < kChunkSize)
            m_after.offerAfter({true, x(end), base + end, true, 0, chunk, {}});

        // Per piece: which of its first, last, min and max its column still needs. The piece's
        // values are no smaller than the chunk's min: if even that cannot win, nothing to find;
        // if the chunk's min lies inside the piece, it is the piece's min.
        m_pieces.clear();
        bool scan = false;
        const bool hasFinite = chunks.has(chunk, ScalarSummaryLevel::kHasFiniteValue);
        const std::size_t minIndex = std::size_t(chunks.minIndex[chunk]);
        const std::size_t maxIndex = std::size_t(chunks.maxIndex[chunk]);
        for (std::size_t j = begin; j < end;) {
            const std::size_t column = m_walker.columnOf(x(j));
            // The column's end is searched for from where it would be if x grew evenly.
            const double xj = x(j), xLast = x(end - 1);
            const std::size_t pieceEnd = m_walker.columnOf(xLast) == column
                ? end
                : firstWhereFrom(j + 1, end - 1,
                    positionAt(
                        j, end - 1, (m_walker.columnMap().startOf(column + 1) - xj) / (xLast - xj)),
                    [&](std::size_t k) { return m_walker.columnOf(x(k)) != column; });
            const Column& c = open(column);
            // Filled in place: a Piece built aside and copied in was read back with wide loads
            // over its narrow bool stores, which stalled store forwarding on every chunk.
            Piece& piece = m_pieces.emplace_back();
            piece.column = column;
            piece.first = j;
            piece.end = pieceEnd;
            piece.needFirst = base + j < c.first.index;
            piece.needLast = base + pieceEnd - 1 >= c.last.index;
            piece.min = piece.max = kNone;
            if (hasFinite) {
                // The chunk's min inside the piece is decoded only if it can win (every point
                // decoded costs its other coordinate too).
                const double low = chunks.minValue[chunk], high = chunks.maxValue[chunk];
                if (minIndex >= j && minIndex < pieceEnd) {
                    if (c.minReachable(low, base + minIndex))
                        piece.min = minIndex;
                } else {
                    piece.scanMin = c.minReachable(low, base + j);
                }
                if (maxIndex >= j && maxIndex < pieceEnd) {
                    if (c.maxReachable(high, base + maxIndex))
                        piece.max = maxIndex;
                } else {
                    piece.scanMax = c.maxReachable(high, base + j);
                }
                scan = scan || piece.scanMin || piece.scanMax;
            }
            j = pieceEnd;
        }
        if (scan) {
            // Values only, of those pieces (packed ones decode from anywhere); steps and wall
            // times only where needed.
            std::size_t from = kChunkSize, to = 0;
            for (const Piece& piece : m_pieces)
                if (piece.scanMin || piece.scanMax) {
                    from = std::min(from, piece.first);
                    to = std::max(to, piece.end);
                }
            snapshot.decodeChunk(chunk, p, to, ScalarSnapshot::kValues, from);
            for (Piece& piece : m_pieces) {
                if (!piece.scanMin && !piece.scanMax)
                    continue;
                // The extreme values first, without branches that go either way, then where
                // each first occurs.
                double low = kInfinity, high = -kInfinity;
                for (std::size_t j = piece.first; j < piece.end; ++j) {
                    const double v = p[j].value;
                    const bool finite = std::isfinite(v);
                    low = std::min(low, finite ? v : kInfinity);
                    high = std::max(high, finite ? v : -kInfinity);
                }
                std::size_t min = kNone, max = kNone;
                for (std::size_t j = piece.first; low <= high && (min == kNone || max == kNone);
                     ++j) {
                    if (min == kNone && p[j].value == low)
                        min = j;
                    if (max == kNone && p[j].value == high)
                        max = j;
                }
                if (piece.scanMin)
                    piece.min = min;
                if (piece.scanMax)
                    piece.max = max;
            }
        }
        // Decode just their values (x is known by now), and their other coordinate if asked
        // for, while the chunk is at hand.
        m_wanted.clear();
        for (const Piece& piece : m_pieces) {
            if (piece.needFirst)
                m_wanted.push_back(piece.first);
            if (piece.needLast)
                m_wanted.push_back(piece.end - 1);
            if (piece.min != kNone)
                m_wanted.push_back(piece.min);
            if (piece.max != kNone)
                m_wanted.push_back(piece.max);
        }
        std::sort(m_wanted.begin(), m_wanted.end());
        m_wanted.erase(std::unique(m_wanted.begin(), m_wanted.end()), m_wanted.end());
        m_found.resize(m_wanted.size());
        const bool full = m_walker.fullPoints();
        const unsigned other = stepAxis ? ScalarSnapshot::kWallTimes : ScalarSnapshot::kSteps;
        snapshot.decodeChunkAt(
            chunk, m_wanted, m_found.data(), ScalarSnapshot::kValues | (full ? other : 0));
        const auto ref = [&](std::size_t j) {
            const std::size_t k = std::size_t(
                std::lower_bound(m_wanted.begin(), m_wanted.end(), j) - m_wanted.begin());
            const ScalarPoint& found = m_found[k];
            Ref r {0, 0, found.value, base + j};
            if constexpr (stepAxis) {
                r.step = xAt(j);
                if (full)
                    r.wallTime = found.wallTime;
            } else {
                // The chunk's min and max are where decoding has likely not been.
                r.wallTime = hasFinite && j == minIndex ? chunks.minAt[chunk].wallTime
                    : hasFinite && j == maxIndex        ? chunks.maxAt[chunk].wallTime
                                                        : xAt(j);
                if (full)
                    r.step = found.step;
            }
            return r;
        };
        for (const Piece& piece : m_pieces) {
            Column& c = m_columns[piece.column];
            if (piece.needFirst)
                c.mergeFirst(ref(piece.first));
            if (piece.needLast)
                c.mergeLast(ref(piece.end - 1));
            if (piece.min != kNone)
                c.mergeMin(ref(piece.min));
            if (piece.max != kNone)
                c.mergeMax(ref(piece.max));
            // A piece whose min is found has a max too (both or neither are finite), and a
            // piece that found or kept neither left them to a column that already has both.
            c.hasMin = c.hasMin || piece.min != kNone;
        }
    }

    Walker& m_walker;
    bool m_collectAll;
    std::vector<Ref>& m_collected;
    std::vector<Column>& m_columns;
    std::vector<std::uint8_t>& m_used;
    std::vector<std::size_t>& m_pending;
    std::vector<Piece> m_pieces;
    std::vector<std::size_t> m_wanted;
    std::vector<ScalarPoint> m_found;
    Edge m_before;
    Edge m_after;
};

} // namespace

void decimate(const ScalarSnapshot& snapshot, const DecimationQuery& query, DecimatedSeries& out)
{
    out.points.clear();
    out.indices.clear();
    out.hasPointBefore = out.hasPointAfter = out.allPoints = false;
    if (query.columns == 0 || !(query.x0 <= query.x1) || !std::isfinite(query.x0)
        || !std::isfinite(query.x1) || snapshot.empty())
        return;

    // Reused between calls on the same thread: no allocation, and columns are never cleared
    // (only their `used` flags).
    thread_local std::vector<Column> columns;
    thread_local std::vector<std::uint8_t> used;
    thread_local std::vector<Ref> collected;
    thread_local std::vector<std::size_t> pending;

    Walker walker(snapshot, query);
    bool collectAll = false;
    if (query.fromIndex == 0) {
        const std::uint64_t limit = 4 * std::uint64_t(query.columns);
        CountPass counting(walker, limit);
        walker.walk(counting);
        collectAll = counting.count() <= limit;
    }

    collected.clear();
    pending.clear();
    if (!collectAll) {
        if (columns.size() < query.columns)
            columns.resize(query.columns);
        used.assign(query.columns, 0);
    }
    RangePass pass(walker, collectAll, collected, columns, used, pending);
    const bool stepAxis = query.axis == DecimationAxis::Step;
    if (!collectAll && query.fromIndex == 0 && SortedSweep::applies(snapshot, stepAxis)) {
        thread_local SortedSweep sweep;
        pass.sweepSorted(sweep);
    } else {
        walker.walk(pass);
    }
    pass.finishChunks();

    auto resolve = [&walker](const Edge& edge, bool last) {
        return edge.isNode ? walker.find(edge.level, edge.node, edge.x, last) : edge.ref;
    };
    thread_local std::vector<Ref> drawn;
    drawn.clear();
    if (pass.before().found) {
        drawn.push_back(resolve(pass.before(), true));
        out.hasPointBefore = true;
    }
    if (collectAll) {
        out.allPoints = true;
        drawn.insert(drawn.end(), collected.begin(), collected.end());
    } else {
        for (std::size_t column = 0; column < query.columns; ++column) {
            if (!used[column])
                continue;
            const Column& c = columns[column];
            Ref refs[4] = {c.first, c.last};
            std::size_t n = 2;
            if (c.hasMin) {
                refs[n++] = c.min;
                refs[n++] = c.max;
            }
            for (std::size_t i = 1; i < n; ++i) // insertion sort by index
                for (std::size_t j = i; j > 0 && refs[j].index < refs[j - 1].index; --j)
                    std::swap(refs[j], refs[j - 1]);
            for (std::size_t i = 0; i < n; ++i)
                if (i == 0 || refs[i].index != refs[i - 1].index)
                    drawn.push_back(refs[i]);
        }
    }
    if (pass.after().found) {
        drawn.push_back(resolve(pass.after(), false));
        out.hasPointAfter = true;
    }
    out.points.reserve(drawn.size());
    out.indices.reserve(drawn.size());
    for (const Ref& ref : drawn) {
        out.points.push_back(ref.point());
        out.indices.push_back(ref.index);
    }
}

bool decimateAppended(
    const ScalarSnapshot& snapshot, const DecimationQuery& query, DecimatedSeries& series)
{
    const bool stepAxis = query.axis == DecimationAxis::Step;
    const auto xOf
        = [stepAxis](const ScalarPoint& p) { return stepAxis ? double(p.step) : p.wallTime; };
    const std::size_t inRange = series.hasPointBefore ? 1 : 0; // the first point in [x0, x1]
    if (series.hasPointAfter && stepAxis && query.fromIndex == 0)
        return true; // steps never go back: what is appended lies after x1 too, changing nothing
    if (series.allPoints || series.hasPointAfter || query.fromIndex != 0
        || series.points.size() <= inRange) {
        decimate(snapshot, query, series);
        return false;
    }
    // The last column that held points, and where its points begin.
    const ColumnMap columns(query);
    const std::size_t lastColumn = columns.columnOf(xOf(series.points.back()));
    std::size_t keep = series.points.size() - 1;
    while (keep > inRange && columns.columnOf(xOf(series.points[keep - 1])) == lastColumn)
        --keep;
    DecimationQuery rest = query;
    rest.fromIndex = series.indices[keep];
    thread_local DecimatedSeries tail;
    decimate(snapshot, rest, tail);
    // Points from there on that went before x0 or into an earlier column mean x went back.
    if (tail.hasPointBefore
        || (!tail.points.empty() && !(tail.hasPointAfter && tail.points.size() == 1)
            && columns.columnOf(xOf(tail.points.front())) < lastColumn)) {
        decimate(snapshot, query, series);
        return false;
    }
    series.points.resize(keep);
    series.indices.resize(keep);
    series.points.insert(series.points.end(), tail.points.begin(), tail.points.end());
    series.indices.insert(series.indices.end(), tail.indices.begin(), tail.indices.end());
    series.hasPointAfter = tail.hasPointAfter;
    return true;
}

DecimatedSeries decimate(const ScalarSnapshot& snapshot, const DecimationQuery& query)
{
    DecimatedSeries out;
    decimate(snapshot, query, out);
    return out;
}

} // namespace lantern::core
