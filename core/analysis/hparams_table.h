#pragma once
// The hparams plugin's data across runs (FORMATS-PLUGINS.md §4, "Association"): the experiment
// (declared by the first run that has one, else synthesized from the sessions) and one row per
// session with its hparam values, the last value of each metric and how the session ended.

#include "core/events/hparams.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct LogdirSnapshot;

// A metric's latest scalar point in the run it is read from.
struct HParamsMetricValue {
    double value = 0;
    std::int64_t step = 0;
    double wallTime = 0;
    bool operator==(const HParamsMetricValue&) const = default;
};

struct HParamsSession {
    std::string run; // the run holding the session's start info
    std::string groupName; // the start info's group_name, else the run's name
    std::vector<std::optional<HParamValue>> hparams; // one per experiment hparam; empty: not set
    std::vector<std::optional<HParamsMetricValue>> metrics; // one per experiment metric
    SessionEndStatus status = SessionEndStatus::Unknown; // Unknown until the session ends
    double startTimeSecs = 0;
    std::optional<double> endTimeSecs; // when the session wrote its end
    bool operator==(const HParamsSession&) const = default;
};

struct HParamsTable {
    HParamsExperiment experiment;
    // The run that declared the experiment; empty when it was synthesized from the sessions.
    std::string experimentRun;
    std::vector<HParamsSession> sessions; // in run-name order
};

// Runs are named as the loader names them: "." for a logdir's root, "a/b" below it, and a named
// logdir's runs prefixed with "NAME/" (its root is "NAME"). A run belongs to the session whose
// run is the longest equal-or-parent path of it; "." is the parent of no other run, as in
// TensorBoard.
HParamsTable buildHParamsTable(const LogdirSnapshot& snapshot);

// Whether a change to the scalar series (run, tag) may change `table`: it is a metric of one of
// its sessions, or, for an experiment synthesized from the sessions, it lies in a session's run
// or below one (where a new tag becomes a metric). Scalars elsewhere leave the table as it is.
bool scalarsMayChange(const HParamsTable& table, std::string_view run, std::string_view tag);

// For each run of the snapshot (in its order), the start info of the session it belongs to by
// the rule above: its own, a parent run's, or null.
std::vector<const SessionStartInfo*> sessionStartsByRun(const LogdirSnapshot& snapshot);

// The run a session's metric is read from: `session/group`, or the session's own run when the
// group is empty (a group under the root session "." is a run of its own name).
std::string metricRunName(std::string_view session, std::string_view group);

} // namespace lantern::core
