#include "core/analysis/knn_forest.h"

#include "core/analysis/nearest_set.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace lantern::core {
namespace {

constexpr std::size_t kTrees = 4;
constexpr int kDescentRounds = 3;
// Neighbours of a neighbour offered per round: the nearest ones carry almost all the gain.
constexpr std::size_t kDescentFanOut = 24;
constexpr std::size_t kForestRowsPerTask = 256;
constexpr std::size_t kPollRange = 4096; // splits of more points than this ask for cancellation

float squaredDistance(const float* a, const float* b, std::size_t columns)
{
    // Four lanes: independent sums the compiler can keep in flight (it may not reorder one).
    float lanes[4] {};
    std::size_t c = 0;
    for (; c + 4 <= columns; c += 4)
        for (std::size_t lane = 0; lane < 4; ++lane) {
            const float d = a[c + lane] - b[c + lane];
            lanes[lane] += d * d;
        }
    for (; c < columns; ++c)
        lanes[0] += (a[c] - b[c]) * (a[c] - b[c]);
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}

// One random projection tree: its points permuted so that each leaf is a contiguous range, and
// for each point the range of its leaf.
struct ProjectionTree {
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> leafBegin, leafEnd; // per point
};

class TreeBuilder {
public:
    TreeBuilder(std::span<const float> points, std::size_t columns, std::size_t leafSize,
        std::uint64_t seed, SharedCancellation& cancelled)
        : m_points(points)
        , m_columns(columns)
        , m_leafSize(leafSize)
        , m_random(seed)
        , m_cancelled(cancelled)
    {
    }

    ProjectionTree build(std::size_t rows)
    {
        ProjectionTree tree;
        tree.order.resize(rows);
        std::iota(tree.order.begin(), tree.order.end(), 0u);
        tree.leafBegin.resize(rows);
        tree.leafEnd.resize(rows);
        split(tree, 0, std::uint32_t(rows));
        return tree;
    }

private:
    const float* row(std::uint32_t i) const { return m_points.data() + std::size_t(i) * m_columns; }

    // Splits order[begin, end) by the hyperplane halfway between two of its points, chosen at
    // random, until the pieces are leaves. A split that leaves one side empty (coincident
    // points) halves the range instead.
    void split(ProjectionTree& tree, std::uint32_t begin, std::uint32_t end)
    {
        // A tree of a million points takes a second or so: asked at each split of a large range.
        while (end - begin > m_leafSize && (end - begin < kPollRange || !m_cancelled())) {
            std::uniform_int_distribution<std::uint32_t> pick(begin, end - 1);
            const float* a = row(tree.order[pick(m_random)]);
            const float* b = row(tree.order[pick(m_random)]);
            m_normal.resize(m_columns);
            float offset = 0;
            for (std::size_t c = 0; c < m_columns; ++c) {
                m_normal[c] = a[c] - b[c];
                offset += m_normal[c] * (a[c] + b[c]) / 2;
            }
            const auto first = tree.order.begin() + begin;
            const auto last = tree.order.begin() + end;
            auto middle = std::partition(first, last, [&](std::uint32_t i) {
                const float* p = row(i);
                float side = 0;
                for (std::size_t c = 0; c < m_columns; ++c)
                    side += m_normal[c] * p[c];
                return side < offset;
            });
            if (middle == first || middle == last)
                middle = first + (end - begin) / 2;
            const auto cut = std::uint32_t(middle - tree.order.begin());
            // The smaller side by recursion, the larger by the loop: the depth stays small.
            if (cut - begin < end - cut) {
                split(tree, begin, cut);
                begin = cut;
            } else {
                split(tree, cut, end);
                end = cut;
            }
        }
        for (std::uint32_t p = begin; p < end; ++p) {
            tree.leafBegin[tree.order[p]] = begin;
            tree.leafEnd[tree.order[p]] = end;
        }
    }

    std::span<const float> m_points;
    std::size_t m_columns;
    std::size_t m_leafSize;
    std::mt19937_64 m_random;
    std::vector<float> m_normal;
    SharedCancellation& m_cancelled;
};

// Writes row i's kept neighbours (nearest first) into the graph.
void store(KnnGraph& graph, std::size_t i, NearestSet& nearest)
{
    const auto& kept = nearest.sorted();
    for (std::size_t n = 0; n < kept.size(); ++n) {
        graph.indices[i * graph.k + n] = kept[n].index;
        graph.distances[i * graph.k + n] = float(kept[n].distance);
    }
}

} // namespace

KnnGraph forestNeighbourGraph(std::span<const float> points, std::size_t rows, std::size_t columns,
    std::size_t k, std::uint64_t seed, SharedCancellation& cancelled, StageProgress& progress)
{
    k = std::min(k, rows - 1);
    // Leaves of about 2k points: each tree then proposes twice as many candidates as needed.
    const std::size_t leafSize = std::max<std::size_t>(2 * k, 32);
    const std::size_t tasks = (rows + kForestRowsPerTask - 1) / kForestRowsPerTask;
    // A tree costs about as much as a pass over the rows (a unit per task) divided by the trees.
    const std::size_t treeUnits = std::max<std::size_t>(1, tasks / kTrees);
    progress.addUnits(kTrees * treeUnits + (1 + kDescentRounds) * tasks);
    std::vector<ProjectionTree> trees(kTrees);
    runParallelTasks(kTrees, [&](std::size_t t) {
        if (cancelled())
            return;
        trees[t] = TreeBuilder(points, columns, leafSize, seed * kTrees + t, cancelled).build(rows);
        if (!cancelled()) // a tree cut short is not progress
            progress.advance(treeUnits);
    });
    if (cancelled())
        return {};

    KnnGraph graph;
    graph.rows = rows;
    graph.k = k;
    graph.indices.resize(rows * k);
    graph.distances.resize(rows * k);
    // Each row's candidates are gathered, sorted and deduplicated, then measured once each.
    const auto forEachRow = [&](const auto& propose) {
        runParallelTasks(tasks, [&](std::size_t task) {
            if (cancelled())
                return;
            NearestSet nearest(k);
            std::vector<std::uint32_t> candidates;
            const std::size_t end = std::min(rows, (task + 1) * kForestRowsPerTask);
            for (std::size_t i = task * kForestRowsPerTask; i < end; ++i) {
                candidates.clear();
                propose(i, candidates);
                std::sort(candidates.begin(), candidates.end());
                candidates.erase(
                    std::unique(candidates.begin(), candidates.end()), candidates.end());
                nearest.reset(k);
                const float* p = points.data() + i * columns;
                for (const std::uint32_t j : candidates)
                    if (j != i)
                        nearest.offer(std::sqrt(double(squaredDistance(
                                          p, points.data() + std::size_t(j) * columns, columns))),
                            j);
                store(graph, i, nearest);
            }
            progress.advance();
        });
    };

    forEachRow([&](std::size_t i, std::vector<std::uint32_t>& candidates) {
        for (const ProjectionTree& tree : trees)
            candidates.insert(candidates.end(), tree.order.begin() + tree.leafBegin[i],
                tree.order.begin() + tree.leafEnd[i]);
    });
    for (int round = 0; round < kDescentRounds && !cancelled(); ++round) {
        // Each round reads the previous graph whole, so the result does not depend on which
        // rows the threads reach first.
        const std::vector<std::uint32_t> previous = graph.indices;
        const std::size_t fanOut = std::min(k, kDescentFanOut);
        forEachRow([&](std::size_t i, std::vector<std::uint32_t>& candidates) {
            const auto own = previous.begin() + std::ptrdiff_t(i * k);
            candidates.insert(candidates.end(), own, own + std::ptrdiff_t(k));
            for (std::size_t n = 0; n < fanOut; ++n) {
                const auto theirs = previous.begin() + std::ptrdiff_t(std::size_t(own[n]) * k);
                candidates.insert(candidates.end(), theirs, theirs + std::ptrdiff_t(fanOut));
            }
        });
    }
    if (cancelled())
        return {};
    return graph;
}

} // namespace lantern::core
