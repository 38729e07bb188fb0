#include "core/store/run_snapshot.h"

#include <algorithm>

namespace lantern::core {

const TagSnapshot* RunSnapshot::find(std::string_view tag) const
{
    const auto it = std::lower_bound(tags.begin(), tags.end(), tag,
        [](const TagSnapshot& t, std::string_view wanted) { return t.tag < wanted; });
    return it != tags.end() && it->tag == tag ? &*it : nullptr;
}

std::uint64_t RunSnapshot::countOf(ValueKind kind) const
{
    std::uint64_t count = 0;
    for (const TagSnapshot& tag : tags)
        if (tag.kind == kind)
            count += tag.size();
    return count;
}

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
    snapshot->tags.reserve(run.tags.size());
    for (const auto& [name, data] : run.tags) // std::map iterates in sorted order
        snapshot->tags.push_back(
            {name, data.kind, data.metadata, data.scalars.snapshot(), data.histograms.snapshot(),
                data.blobs.snapshot(), data.tensors.snapshot(), data.generation()});
    return snapshot;
}

} // namespace lantern::core
