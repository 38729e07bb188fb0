#pragma once
// Immutable views of loaded runs, handed to readers on other threads. Taking one costs little:
// series snapshots share their storage with the live series, which only ever appends.

#include "core/events/hparams.h"
#include "core/store/graph_reference.h"
#include "core/store/run_data.h"

#include <memory>
#include <string>
#include <vector>

namespace lantern::core {

struct TagSnapshot {
    std::string tag;
    ValueKind kind = ValueKind::Tensor;
    SharedTagMetadata metadata = noTagMetadata();
    ScalarSnapshot scalars;
    EntrySnapshot<HistogramEntry> histograms;
    EntrySnapshot<BlobEntry> blobs;
    EntrySnapshot<TensorEntry> tensors;
    std::uint64_t generation = 0;
    std::size_t size() const
    {
        return scalars.size() + histograms.size() + blobs.size() + tensors.size();
    }
};

struct RunSnapshot {
    std::string name;
    std::string logdirName;
    std::filesystem::path directory;
    std::string fileVersion;
    std::vector<std::filesystem::path> files;
    std::vector<TagSnapshot> tags; // sorted by tag; a tag's kinds in the order they appeared
    std::optional<GraphLocation> graph;
    std::vector<Diagnostic> diagnostics;
    std::uint64_t eventCount = 0;
    std::uint64_t generation = 0;
    std::uint64_t incarnation = 0; // RunData::incarnation
    RunHParams hparams; // decoded from the hparams plugin's tag metadata

    // The series of the tag's first kind, or of `kind` (a tag written as two kinds has two).
    const TagSnapshot* find(std::string_view tag) const;
    const TagSnapshot* find(std::string_view tag, ValueKind kind) const;
    // The graph to show first: the op graph (graph_def, else meta_graph_def), else the Keras
    // model, else the latest run-metadata graph. Decode it with loadGraph (graph_loader.h).
    std::optional<GraphReference> graphReference() const;
    // Every graph the run holds: the op graph, the Keras model (its first value, as
    // TensorBoard reads it) and the latest value of each run-metadata tag.
    std::vector<GraphReference> graphReferences() const;
    std::uint64_t countOf(ValueKind kind) const;
    std::uint64_t scalarPoints() const { return countOf(ValueKind::Scalar); }
};

std::shared_ptr<const RunSnapshot> snapshotOf(const RunData& run);

} // namespace lantern::core
