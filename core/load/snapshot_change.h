#pragma once
// What changed between two snapshots of the same log directories: which runs and which of their
// series (run, tag, kind), and whether points were only added. Views use it to leave alone
// what a reload did not touch; a first load (or a new set of logdirs) is "everything".

#include "core/events/decoded_event.h"

#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct LogdirSnapshot;

struct ChangedSeries {
    std::string run;
    std::string tag;
    ValueKind kind = ValueKind::Tensor;
    auto operator<=>(const ChangedSeries&) const = default;
};

struct SnapshotChange {
    // Nothing is known about the previous state: views rebuild from the snapshot.
    bool everything = true;
    // Points, series and runs were only added: nothing was removed, replaced (TensorBoard's
    // restart rule) or re-read from scratch.
    bool appendsOnly = false;
    // Runs were added or removed (the run list and every card's lines may change).
    bool runSetChanged = false;
    // The projector's embeddings were looked for again (LogdirSnapshot::projector is another
    // object): what was found, or the problems met, may differ.
    bool projectorChanged = false;
    std::vector<std::string> runs; // sorted: added, removed or with any change
    std::vector<ChangedSeries> series; // sorted: added, removed or changed series

    static SnapshotChange nothing()
    {
        SnapshotChange change;
        change.everything = false;
        change.appendsOnly = true;
        return change;
    }
    bool empty() const { return !everything && runs.empty() && !projectorChanged; }
    bool touchesRun(std::string_view run) const;
    bool touchesTag(std::string_view run, std::string_view tag) const;
    // Whether views of `kind` may need to redraw: a series of that kind changed, or runs came
    // or went, or everything changed.
    bool touchesKind(ValueKind kind) const;
    // This change followed by `later`, as one (for a view that skipped a delivery).
    void merge(const SnapshotChange& later);
};

// `before` is the snapshot views show now; `after` the new one. Runs shared between the two
// are unchanged; a run re-read from scratch (a file replaced or removed) is not appends-only.
SnapshotChange describeChange(const LogdirSnapshot& before, const LogdirSnapshot& after);

} // namespace lantern::core
