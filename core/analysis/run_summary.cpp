#include "core/analysis/run_summary.h"

#include "core/load/logdir_loader.h"
#include "core/store/run_snapshot.h"

#include <algorithm>

namespace lantern::core {
namespace {

// Widens the summary's step and wall-time ranges by one stored value.
void include(RunSummary& summary, std::int64_t step, double wallTime)
{
    summary.firstStep = std::min(summary.firstStep.value_or(step), step);
    summary.lastStep = std::max(summary.lastStep.value_or(step), step);
    summary.firstWallTime = std::min(summary.firstWallTime.value_or(wallTime), wallTime);
    summary.lastWallTime = std::max(summary.lastWallTime.value_or(wallTime), wallTime);
}

template <typename Entries> void includeEnds(RunSummary& summary, const Entries& entries)
{
    if (entries.empty())
        return;
    include(summary, entries[0].step, entries[0].wallTime);
    include(summary, entries.back().step, entries.back().wallTime);
    if (!entries.stepsSorted()) {
        include(summary, entries.minStep(), entries[0].wallTime);
        include(summary, entries.maxStep(), entries.back().wallTime);
    }
}

} // namespace

RunSummary summarizeRun(const RunSnapshot& run)
{
    RunSummary summary;
    summary.eventFiles = run.files.size();
    summary.records = run.eventCount;
    summary.problems = run.diagnostics.size();
    for (const TagSnapshot& tag : run.tags) {
        ++summary.tagsOfKind[static_cast<std::size_t>(tag.kind)];
        if (!tag.scalars.empty()) {
            include(summary, tag.scalars[0].step, tag.scalars[0].wallTime);
            const ScalarPoint last = tag.scalars[tag.scalars.size() - 1];
            include(summary, last.step, last.wallTime);
        }
        includeEnds(summary, tag.histograms);
        includeEnds(summary, tag.blobs);
        includeEnds(summary, tag.tensors);
    }
    return summary;
}

LogdirHoldings holdingsOf(const LogdirSnapshot& snapshot)
{
    LogdirHoldings holdings;
    for (const auto& run : snapshot.runs) {
        for (const TagSnapshot& tag : run->tags) {
            std::uint64_t values = tag.scalars.size() + tag.histograms.size() + tag.tensors.size();
            // A stored image or audio value may hold several images or clips.
            for (std::size_t i = 0; i < tag.blobs.size(); ++i)
                values += std::max<std::uint32_t>(tag.blobs[i].count, 1);
            holdings.valuesOfKind[static_cast<std::size_t>(tag.kind)] += values;
        }
        holdings.graphs += run->graphReferences().size();
    }
    return holdings;
}

} // namespace lantern::core
