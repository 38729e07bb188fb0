#pragma once
// t-SNE for the projector (van der Maaten & Hinton 2008; Barnes–Hut, van der Maaten 2014):
// a 2-D or 3-D layout of an embedding's points in which points that are near in the embedding
// stay near. prepare() does the heavy one-off work (checks, PCA to 50 dimensions, the kNN graph,
// the affinities); iterate() then moves the layout a few gradient steps at a time, so a view
// can show it converge and stop it at any moment.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct TsneOptions {
    std::size_t dimensions = 2; // 2 or 3
    double perplexity = 30; // clamped to [2, 100] and to what the row count allows (a note says so)
    double learningRate = 0; // 0 = automatic
    double theta = 0.5; // Barnes–Hut accuracy
    std::uint64_t seed = 1;
    std::span<const std::int32_t>
        labels; // optional supervision labels per row (−1 = none); may be empty
    double supervision = 0; // 0..1, TensorBoard's "supervise" slider
    // Where to start (rows × dimensions; a saved layout), instead of a random start, and the
    // steps it had done (so that early exaggeration is not run again). Ignored unless whole.
    std::span<const float> initial;
    std::size_t startIteration = 0;
    // Told prepare()'s stages as they go ("Finding neighbours", 0.4), from its threads, one
    // call at a time; see StageProgress.
    std::function<void(std::string_view stage, double fraction)> progress;
};

class TsneGradient;
struct TsneAffinities;

class TsneLayout {
public:
    // Checks the values (a NaN/Inf names its row in error()), reduces to 50 dimensions by PCA when
    // wider, builds the kNN graph and the affinities. Heavy: runs on a worker. Cancellable.
    static TsneLayout prepare(std::span<const float> values, std::size_t rows, std::size_t columns,
        const TsneOptions& options, const std::function<bool()>& cancelled = {});

    TsneLayout();
    TsneLayout(TsneLayout&&) noexcept;
    TsneLayout& operator=(TsneLayout&&) noexcept;
    ~TsneLayout();

    bool ok() const; // false: error() says why (or "cancelled")
    const std::string& error() const;
    const std::vector<std::string>& notes() const; // e.g. perplexity clamped

    // Runs up to `iterations` more gradient steps (stops early when cancelled). Cheap to call
    // repeatedly with small counts (the UI calls it with ~10 and emits coordinates in between).
    void iterate(std::size_t iterations, const std::function<bool()>& cancelled = {});
    std::size_t iteration() const; // steps done so far
    // KL(P‖Q) at the current layout (estimated by Barnes–Hut); NaN when cancelled. As costly
    // as an iteration or two on a large layout.
    double klDivergence(const std::function<bool()>& cancelled = {}) const;
    std::span<const float> coordinates() const; // rows × dimensions, row order of the input
    std::size_t dimensions() const;

    // Added to the shared contract: what prepare() settled on.
    double perplexity() const; // after clamping
    double learningRate() const; // after the automatic choice

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace lantern::core
