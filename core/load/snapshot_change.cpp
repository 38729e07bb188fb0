#include "core/load/snapshot_change.h"

#include "core/load/logdir_loader.h"

#include <algorithm>
#include <iterator>

namespace lantern::core {
namespace {

// Whether `after` holds everything `before` held, with points only added after it.
bool extends(const TagSnapshot& before, const TagSnapshot& after)
{
    return after.scalars.removals() == before.scalars.removals()
        && after.histograms.removals() == before.histograms.removals()
        && after.blobs.removals() == before.blobs.removals()
        && after.tensors.removals() == before.tensors.removals()
        && after.scalars.size() >= before.scalars.size()
        && after.histograms.size() >= before.histograms.size()
        && after.blobs.size() >= before.blobs.size()
        && after.tensors.size() >= before.tensors.size();
}

// The series of one run that differ between its two snapshots (either may be null).
void compareRun(const RunSnapshot* before, const RunSnapshot* after, SnapshotChange& change)
{
    const std::string& name = after ? after->name : before->name;
    change.runs.push_back(name);
    if (!before || !after || before->incarnation != after->incarnation) {
        change.appendsOnly = change.appendsOnly && !before; // only a new run only adds
        if (before)
            for (const TagSnapshot& tag : before->tags)
                change.series.push_back({name, std::string(tag.tag), tag.kind});
        if (after)
            for (const TagSnapshot& tag : after->tags)
                change.series.push_back({name, std::string(tag.tag), tag.kind});
        return;
    }
    for (const TagSnapshot& tag : after->tags) {
        const TagSnapshot* old = before->find(tag.tag, tag.kind);
        if (old && old->generation == tag.generation)
            continue;
        change.series.push_back({name, std::string(tag.tag), tag.kind});
        if (old && !extends(*old, tag))
            change.appendsOnly = false;
    }
    for (const TagSnapshot& tag : before->tags)
        if (!after->find(tag.tag, tag.kind)) {
            change.series.push_back({name, std::string(tag.tag), tag.kind});
            change.appendsOnly = false;
        }
}

template <typename T> void sortUnique(std::vector<T>& values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

} // namespace

SnapshotChange describeChange(const LogdirSnapshot& before, const LogdirSnapshot& after)
{
    SnapshotChange change = SnapshotChange::nothing();
    // Both run lists are sorted by name: walk them together.
    auto old = before.runs.begin();
    auto now = after.runs.begin();
    while (old != before.runs.end() || now != after.runs.end()) {
        if (now == after.runs.end() || (old != before.runs.end() && (*old)->name < (*now)->name)) {
            change.runSetChanged = true;
            compareRun(old->get(), nullptr, change);
            ++old;
        } else if (old == before.runs.end() || (*now)->name < (*old)->name) {
            change.runSetChanged = true;
            compareRun(nullptr, now->get(), change);
            ++now;
        } else {
            if (*old != *now && (*old)->generation != (*now)->generation)
                compareRun(old->get(), now->get(), change);
            ++old;
            ++now;
        }
    }
    sortUnique(change.series);
    change.projectorChanged = before.projector != after.projector;
    return change;
}

bool SnapshotChange::touchesRun(std::string_view run) const
{
    return everything || std::binary_search(runs.begin(), runs.end(), run, std::less<>());
}

bool SnapshotChange::touchesTag(std::string_view run, std::string_view tag) const
{
    if (everything)
        return true;
    const auto first = std::lower_bound(series.begin(), series.end(), run,
        [](const ChangedSeries& s, std::string_view r) { return s.run < r; });
    for (auto it = first; it != series.end() && it->run == run; ++it)
        if (it->tag == tag)
            return true;
    return false;
}

bool SnapshotChange::touchesKind(ValueKind kind) const
{
    return everything || runSetChanged
        || std::any_of(series.begin(), series.end(),
            [kind](const ChangedSeries& s) { return s.kind == kind; });
}

void SnapshotChange::merge(const SnapshotChange& later)
{
    everything = everything || later.everything;
    appendsOnly = appendsOnly && later.appendsOnly;
    runSetChanged = runSetChanged || later.runSetChanged;
    projectorChanged = projectorChanged || later.projectorChanged;
    std::vector<std::string> mergedRuns;
    std::set_union(runs.begin(), runs.end(), later.runs.begin(), later.runs.end(),
        std::back_inserter(mergedRuns));
    runs = std::move(mergedRuns);
    std::vector<ChangedSeries> mergedSeries;
    std::set_union(series.begin(), series.end(), later.series.begin(), later.series.end(),
        std::back_inserter(mergedSeries));
    series = std::move(mergedSeries);
}

} // namespace lantern::core
