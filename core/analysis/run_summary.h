#pragma once
// One run at a glance, for the runs table: its files and records, the range of steps and wall
// times it holds, how many tags of each kind, and how many problems reading it met. Also what a
// whole set of runs holds, counted per kind, for the status bar.

#include "core/events/decoded_event.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace lantern::core {

struct RunSnapshot;
struct LogdirSnapshot;

inline constexpr std::size_t kValueKindCount = std::size(kAllValueKinds);

struct RunSummary {
    std::uint64_t eventFiles = 0;
    std::uint64_t records = 0;
    // Over every series of the run; empty when it holds no values.
    std::optional<std::int64_t> firstStep, lastStep;
    std::optional<double> firstWallTime, lastWallTime;
    std::array<std::uint64_t, kValueKindCount> tagsOfKind {}; // indexed by ValueKind
    std::uint64_t problems = 0;
};

// Reads each series' ends only, O(tags): TensorBoard's restart rule keeps steps in order; where
// every point is kept as written, entry series add their stored step range.
RunSummary summarizeRun(const RunSnapshot& run);

// What runs hold: stored values of each kind (images and audio clips one by one, though one
// value may hold several) and the graphs they hold (a run's op graph, Keras
// model and run-metadata graphs, as the Graphs tab lists them).
struct LogdirHoldings {
    std::array<std::uint64_t, kValueKindCount> valuesOfKind {}; // indexed by ValueKind
    std::uint64_t graphs = 0;
};
LogdirHoldings holdingsOf(const LogdirSnapshot& snapshot);

} // namespace lantern::core
