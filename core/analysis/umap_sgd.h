#pragma once
// UMAP's optimiser (McInnes et al. 2018, section 4.3 and appendix B): stochastic gradient
// descent on the fuzzy cross-entropy between the graph and the layout. Each edge is sampled
// in proportion to its weight (its own "epochs per sample"), pulls its two ends together, and
// pushes its head away from a few points drawn at random (negative sampling); the learning
// rate falls linearly to zero over the run and every gradient component is clipped at 4.

#include "core/analysis/umap_curve.h"
#include "core/analysis/umap_fuzzy_set.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace lantern::core {

// Each undirected edge once (head < tail); sampling it updates both directions in turn.
struct UmapEdgeSchedule {
    std::vector<std::uint32_t> heads;
    std::vector<std::uint32_t> tails;
    std::vector<float> epochsPerSample; // the heaviest edge: 1 (sampled every epoch)
    std::vector<float> nextSample; // the epoch at which it is next sampled
    std::vector<float> nextNegativeSample;
};

struct UmapSgdSettings {
    UmapCurve curve;
    std::size_t dimensions = 2;
    std::size_t totalEpochs = 200;
    std::size_t negativeSamples = 5; // per positive sample
    double initialLearningRate = 1;
    double repulsion = 1; // γ, the weight of the negative samples
    std::uint64_t seed = 1;
    std::size_t threads = 1;
};

// The schedule for `totalEpochs` epochs; edges too light to be sampled even once are left out.
UmapEdgeSchedule scheduleEdges(
    const FuzzyGraph& graph, std::size_t totalEpochs, std::size_t negativeSamples);

// Runs epoch `epoch` (counting from 0) on `coordinates` (rows × dimensions). The edges are
// split into two halves, each with its own random stream seeded from (seed, epoch, half):
// one thread runs them in turn and is deterministic; two threads run them at once, sharing
// the coordinates without locks ("Hogwild", as UMAP implementations do), so the result then
// depends on timing. Returns false when cancelled part-way; running the same epoch again
// completes it, since edges already done are scheduled past it.
bool runUmapEpoch(UmapEdgeSchedule& schedule, std::span<float> coordinates, std::size_t epoch,
    const UmapSgdSettings& settings, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
