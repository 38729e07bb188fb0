#pragma once
// The Projector's iterative layouts, t-SNE and UMAP, as a worker runs them: prepared once, then
// iterated a few steps at a time, each run handing the view its current coordinates now and
// then so that the points move while the layout converges. A run is kept between jobs (pausing
// or switching away ends the job, not the run), so a later job continues where it stopped.

#include "core/analysis/tsne.h"
#include "core/analysis/umap.h"
#include "core/projector/metadata_table.h"
#include "ui/widgets/latest_job.h"

#include <QString>
#include <QStringList>
#include <QVector3D>

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <variant>
#include <vector>

namespace lantern::ui {

// Custom: axes from searches of the metadata (ProjectorCustomControls), computed like PCA in
// one go rather than iterated.
enum class ProjectionMethod { Pca = 0, Tsne = 1, Umap = 2, Custom = 3 };

// t-SNE and UMAP: laid out by a LayoutRun.
inline bool isIterative(ProjectionMethod method)
{
    return method == ProjectionMethod::Tsne || method == ProjectionMethod::Umap;
}

// What a run was asked for; changing any of it starts a new run.
struct LayoutSettings {
    ProjectionMethod method = ProjectionMethod::Tsne;
    int dimensions = 2;
    std::uint64_t seed = 1;
    // t-SNE
    double perplexity = 30;
    double learningRate = 0; // 0 = automatic
    int superviseColumn = -1; // metadata column whose values supervise, −1 for none
    double supervision = 0;
    // UMAP
    std::size_t neighbours = 15;
    double minDist = 0.1;
    std::size_t epochs = 0; // 0 = automatic

    bool operator==(const LayoutSettings&) const = default;
};

struct LayoutRun;

// A run's state as it reaches the view.
struct LayoutFrame {
    std::shared_ptr<LayoutRun> run;
    std::vector<QVector3D> points; // per point; empty until prepared
    std::size_t iteration = 0; // t-SNE steps or UMAP epochs done
    std::size_t totalEpochs = 0; // UMAP's
    double klDivergence = 0; // t-SNE's
    bool finished = false; // UMAP ran its epochs, or t-SNE reached the stop-at count
    // While it prepares (no points yet): the stage it is at and the fraction of it done.
    QString stage;
    double stageDone = 0;
    QStringList notes;
    QString error; // prepare() failed (not cancellation)
};

// One layout of one embedding's points by one method: the input, and the core layout that the
// jobs of this run (one at a time: they all go through one LatestJob) prepare and iterate.
struct LayoutRun {
    LayoutSettings settings;
    // The embedding (kept alive by `data`) and the rows laid out, in point order: all when empty.
    std::shared_ptr<const void> data;
    std::span<const float> values; // rows × columns, row-major
    const core::MetadataTable* metadata = nullptr;
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<std::size_t> subset;
    // A t-SNE run restored from a bookmark goes on from its saved points and iteration.
    std::vector<float> initial;
    std::size_t startIteration = 0;
    // The job's own: touched only by the one job running for this run.
    std::variant<std::monostate, core::TsneLayout, core::UmapLayout> layout;
    QStringList notes;
    QString error;
    double klDivergence = 0; // t-SNE's, as last brought up to date
    // Set while a frame is on its way to the view: the job sends no other until it is seen,
    // so the GUI thread never has more than one waiting.
    std::atomic<bool> frameQueued {false};
    // t-SNE's steps to stop at (0: until paused); read by the job at each batch.
    std::atomic<std::size_t> stopAt {0};
};

using LayoutJob = LatestJob<LayoutFrame, LayoutFrame>;

// Prepares `run` if it is not yet, then iterates it until cancelled (paused, superseded) or
// finished, reporting a frame at most every `frameInterval` ms; returns the last state.
LayoutFrame runLayout(
    const std::shared_ptr<LayoutRun>& run, const LayoutJob::Control& control, int frameInterval);

// The state of `run` now (on the job's thread, or when no job runs it).
LayoutFrame frameOf(const std::shared_ptr<LayoutRun>& run);

// Ranks the non-empty values of one metadata column for t-SNE's supervision: equal text, equal
// label; empty cells −1. `rows` are the embedding rows of the points.
std::vector<std::int32_t> supervisionLabels(
    const core::MetadataTable& metadata, std::size_t column, const std::vector<std::size_t>& rows);

} // namespace lantern::ui
