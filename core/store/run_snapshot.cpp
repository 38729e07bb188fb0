#include "core/store/run_snapshot.h"

#include "core/events/hparams_decoder.h"

#include <algorithm>

namespace lantern::core {

const TagSnapshot* RunSnapshot::find(std::string_view tag) const
{
    const auto it = std::lower_bound(tags.begin(), tags.end(), tag,
        [](const TagSnapshot& t, std::string_view wanted) { return t.tag < wanted; });
    return it != tags.end() && it->tag == tag ? &*it : nullptr;
}

const TagSnapshot* RunSnapshot::find(std::string_view tag, ValueKind kind) const
{
    auto it = std::lower_bound(tags.begin(), tags.end(), tag,
        [](const TagSnapshot& t, std::string_view wanted) { return t.tag < wanted; });
    for (; it != tags.end() && it->tag == tag; ++it)
        if (it->kind == kind)
            return &*it;
    return nullptr;
}

std::uint64_t RunSnapshot::countOf(ValueKind kind) const
{
    std::uint64_t count = 0;
    for (const TagSnapshot& tag : tags)
        if (tag.kind == kind)
            count += tag.size();
    return count;
}

std::vector<GraphReference> RunSnapshot::graphReferences() const
{
    std::vector<GraphReference> references;
    const auto fileOf = [this](const RecordLocation& location) {
        return location.file < files.size() ? files[location.file] : std::filesystem::path();
    };
    if (graph)
        references.push_back(
            {graph->isMetaGraph ? GraphSource::MetaGraphDef : GraphSource::GraphDef,
                fileOf(graph->location), graph->location, {}, 0, 0});
    for (const GraphSource source : {GraphSource::KerasModel, GraphSource::RunMetadata}) {
        const ValueKind kind
            = source == GraphSource::KerasModel ? ValueKind::KerasModel : ValueKind::RunMetadata;
        for (const TagSnapshot& tag : tags) {
            if (tag.kind != kind || tag.blobs.empty())
                continue;
            const BlobEntry& entry
                = source == GraphSource::KerasModel ? tag.blobs[0] : tag.blobs.back();
            references.push_back({source, fileOf(entry.location), entry.location, tag.tag,
                entry.valueIndex, entry.step});
        }
    }
    return references;
}

std::optional<GraphReference> RunSnapshot::graphReference() const
{
    std::vector<GraphReference> references = graphReferences();
    if (references.empty())
        return std::nullopt;
    // Run-metadata graphs come last; the latest of them is the one with the highest step.
    const auto best = references.front().source != GraphSource::RunMetadata
        ? references.begin()
        : std::max_element(references.begin(), references.end(),
            [](const GraphReference& a, const GraphReference& b) { return a.step < b.step; });
    return *best;
}

namespace {

RunHParams hparamsOf(const RunSnapshot& run)
{
    RunHParams hparams;
    for (const std::string_view tag :
        {kHParamsExperimentTag, kHParamsSessionStartTag, kHParamsSessionEndTag})
        if (const TagSnapshot* found = run.find(tag, ValueKind::HParams);
            found && found->metadata->pluginName == "hparams")
            decodeHParamsContent(found->metadata->pluginContent, hparams);
    return hparams;
}

} // namespace

std::shared_ptr<const RunSnapshot> snapshotOf(const RunData& run)
{
    auto snapshot = std::make_shared<RunSnapshot>();
    snapshot->name = run.name;
    snapshot->logdirName = run.logdirName;
    snapshot->directory = run.directory;
    snapshot->fileVersion = run.fileVersion;
    snapshot->files = run.files;
    snapshot->graph = run.graph;
    snapshot->diagnostics = run.diagnostics;
    snapshot->eventCount = run.eventCount;
    snapshot->generation = run.generation();
    snapshot->incarnation = run.incarnation();
    snapshot->tags.reserve(run.tags.size());
    for (const auto& [name, data] : run.tags) // std::map iterates in sorted order
        snapshot->tags.push_back(
            {name, data.kind, data.metadata, data.scalars.snapshot(), data.histograms.snapshot(),
                data.blobs.snapshot(), data.tensors.snapshot(), data.generation()});
    snapshot->hparams = hparamsOf(*snapshot);
    return snapshot;
}

} // namespace lantern::core
