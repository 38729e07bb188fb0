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
            references.push_back({source, fileOf(entry.location), entry.location,
                std::string(tag.tag), entry.valueIndex, entry.step});
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

std::shared_ptr<const RunSnapshot> snapshotOf(const RunData& run, const RunSnapshot* previous)
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
    snapshot->tagNames = run.tags.names();
    auto& tags = snapshot->tags.m_tags;
    tags.reserve(run.tags.size());
    // Both lists are in the same order (by tag, a tag's kinds as they appeared), so one walk
    // finds each tag's previous snapshot. Only a snapshot of this run's names can lend its tags:
    // theirs point into them.
    const TagSnapshotList* old
        = previous && previous->tagNames == snapshot->tagNames ? &previous->tags : nullptr;
    std::size_t at = 0;
    for (const auto& [name, data] : run.tags) {
        const std::uint64_t generation = data.generation();
        std::shared_ptr<const TagSnapshot> tag;
        if (old) {
            while (at < old->size() && (*old)[at].tag < name)
                ++at;
            for (std::size_t i = at; i < old->size() && (*old)[i].tag == name && !tag; ++i)
                if ((*old)[i].kind == data.kind && (*old)[i].generation == generation
                    && (*old)[i].metadata == data.metadata)
                    tag = old->share(i);
        }
        if (!tag)
            tag = std::make_shared<const TagSnapshot>(TagSnapshot {name, data.kind, data.metadata,
                data.scalars.snapshot(), data.histograms.snapshot(), data.blobs.snapshot(),
                data.tensors.snapshot(), generation});
        tags.push_back(std::move(tag));
    }
    snapshot->hparams = hparamsOf(*snapshot);
    return snapshot;
}

} // namespace lantern::core
