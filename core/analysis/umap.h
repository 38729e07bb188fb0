#pragma once
// UMAP (McInnes, Healy & Melville 2018) for the projector: a 2-D or 3-D layout of the points
// that keeps each point's neighbourhood. prepare() does the heavy one-off work (neighbour
// graph, fuzzy simplicial set, spectral start); iterate() runs optimiser epochs in small
// batches so that the view can animate the layout while it converges.

#include "core/analysis/nearest_neighbours.h"
#include "core/analysis/umap_sgd.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct UmapOptions {
    std::size_t dimensions = 2; // 2 or 3
    std::size_t neighbours = 15; // clamped to [5, 50] and to rows − 1
    double minDist = 0.1;
    std::size_t epochs = 0; // 0 = automatic: umapAutomaticEpochs(rows)
    bool spectralInitialisation = true; // false: random
    DistanceMetric metric = DistanceMetric::Euclidean;
    std::uint64_t seed = 1;
    // Threads for the optimiser: 1 gives the same layout for the same seed every time; 2 is
    // about twice as fast but its layout depends on timing (of equal quality).
    std::size_t threads = 2;
    // Told prepare()'s stages as they go ("Finding neighbours", 0.4); see StageProgress.
    std::function<void(std::string_view stage, double fraction)> progress;
};

// The optimiser epochs UMAP runs when none are asked for: 500 up to 2,500 points, then 400,
// 300 and, above 7,500 points, 200 — the rule of umap-js, TensorBoard's UMAP library, which
// the benchmark measures against (more epochs where they are cheap, 200 for large sets; the
// Python package's cut is coarser, 500 up to 10,000 points, then 200).
std::size_t umapAutomaticEpochs(std::size_t rows);

class UmapLayout {
public:
    // Checks the values (a NaN or infinity names its row in error()), builds the neighbour graph,
    // its fuzzy simplicial set and the starting layout. Heavy: runs on a worker. Cancellable.
    static UmapLayout prepare(std::span<const float> values, std::size_t rows, std::size_t columns,
        const UmapOptions& options, const std::function<bool()>& cancelled = {});

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; } // why not ok(), or "cancelled"
    const std::vector<std::string>& notes() const { return m_notes; }

    // Runs up to `epochs` more optimiser epochs, stopping early when cancelled (an epoch cut
    // short is finished by the next call). Does nothing when not ok() or finished().
    void iterate(std::size_t epochs, const std::function<bool()>& cancelled = {});
    std::size_t epoch() const { return m_epoch; }
    std::size_t totalEpochs() const { return m_settings.totalEpochs; }
    bool finished() const { return m_epoch == m_settings.totalEpochs; }

    std::span<const float> coordinates() const { return m_coordinates; } // rows × dimensions
    std::size_t dimensions() const { return m_settings.dimensions; }

private:
    std::string m_error;
    std::vector<std::string> m_notes;
    std::vector<float> m_coordinates;
    UmapEdgeSchedule m_schedule;
    UmapSgdSettings m_settings;
    std::size_t m_epoch = 0;
};

} // namespace lantern::core
