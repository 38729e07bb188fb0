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

TagSnapshotList TagSnapshotList::of(const TagTable& table, const TagSnapshotList* old)
{
    TagSnapshotList list;
    const std::size_t count = table.size();
    // Only new series change the tag order.
    list.m_order = old && old->size() == count
        ? old->m_order
        : std::make_shared<const std::vector<std::uint32_t>>(table.order());
    constexpr std::size_t kPage = kPageSize;
    list.m_pages.reserve((count + kPage - 1) / kPage);
    for (std::size_t first = 0; first < count; first += kPage) {
        const std::size_t end = std::min(count, first + kPage);
        const std::size_t number = first / kPage;
        // Series numbers stay (a run's table only grows), so a page of the same run's previous
        // snapshot holds the same series, and is reused when none of them changed.
        const Page* before
            = old && number < old->m_pages.size() ? old->m_pages[number].get() : nullptr;
        bool unchanged = before && before->size() == end - first;
        for (std::size_t i = first; unchanged && i < end; ++i) {
            const TagData& data = table.series(std::uint32_t(i));
            const TagSnapshot& kept = (*before)[i - first];
            unchanged = kept.kind == data.kind && kept.generation == data.generation()
                && kept.metadata == data.metadata;
        }
        if (unchanged) {
            list.m_pages.push_back(old->m_pages[number]);
            continue;
        }
        auto page = std::make_shared<Page>();
        page->reserve(end - first);
        for (std::size_t i = first; i < end; ++i) {
            const TagData& data = table.series(std::uint32_t(i));
            page->push_back({table.nameOf(std::uint32_t(i)), data.kind, data.metadata,
                data.scalars().snapshot(), data.histograms().snapshot(), data.blobs().snapshot(),
                data.tensors().snapshot(), data.generation()});
        }
        list.m_pages.push_back(std::move(page));
    }
    return list;
}

std::shared_ptr<const RunSnapshot> snapshotOf(const RunData& run, const RunSnapshot* previous)
{
    auto snapshot = std::make_shared<RunSnapshot>();
    snapshot->name = run.name;
    snapshot->logdirName = run.logdirName;
    snapshot->logdirPath = run.logdirPath;
    snapshot->directory = run.directory;
    snapshot->fileVersion = run.fileVersion;
    snapshot->files = run.files;
    snapshot->graph = run.graph;
    snapshot->diagnostics = run.diagnostics;
    snapshot->eventCount = run.eventCount;
    snapshot->generation = run.generation();
    snapshot->incarnation = run.incarnation();
    snapshot->tagNames = run.tags.names();
    snapshot->tags = TagSnapshotList::of(
        run.tags, previous && previous->tagNames == snapshot->tagNames ? &previous->tags : nullptr);
    snapshot->hparams = hparamsOf(*snapshot);
    return snapshot;
}

} // namespace lantern::core
