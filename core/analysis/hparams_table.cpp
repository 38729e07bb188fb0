#include "core/analysis/hparams_table.h"

#include "core/events/hparams_decoder.h"
#include "core/load/logdir_loader.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace lantern::core {
namespace {

const RunSnapshot* findRun(const LogdirSnapshot& snapshot, std::string_view name)
{
    const auto it = std::lower_bound(snapshot.runs.begin(), snapshot.runs.end(), name,
        [](const auto& run, std::string_view wanted) { return run->name < wanted; });
    return it != snapshot.runs.end() && (*it)->name == name ? it->get() : nullptr;
}

// The longest session run equal to `run` or a parent of it ("a" is the parent of "a/b").
std::optional<std::string_view> owningSession(
    std::string_view run, const std::unordered_set<std::string_view>& sessions)
{
    while (true) {
        if (sessions.contains(run))
            return run;
        const std::size_t slash = run.rfind('/');
        if (slash == std::string_view::npos)
            return std::nullopt;
        run = run.substr(0, slash);
    }
}

std::string_view relativeRun(std::string_view run, std::string_view session)
{
    return run.size() == session.size() ? std::string_view() : run.substr(session.size() + 1);
}

// Types from the values: one kind throughout keeps it, mixed kinds make a string. Strings and
// bools get the distinct values as a discrete domain, numbers their [min, max] as an interval.
HParamInfo synthesizedInfo(const std::string& name, const std::vector<const HParamValue*>& values)
{
    HParamInfo info;
    info.name = name;
    const std::size_t kind = values.front()->index();
    const bool mixed = std::any_of(
        values.begin(), values.end(), [kind](const HParamValue* v) { return v->index() != kind; });
    if (!mixed && std::holds_alternative<double>(*values.front())) {
        info.type = HParamType::Float64;
        std::set<double> distinct;
        for (const HParamValue* value : values)
            distinct.insert(std::get<double>(*value));
        info.intervalDomain = std::pair(*distinct.begin(), *distinct.rbegin());
        info.differs = distinct.size() > 1;
    } else if (!mixed && std::holds_alternative<bool>(*values.front())) {
        info.type = HParamType::Bool;
        std::set<bool> distinct;
        for (const HParamValue* value : values)
            distinct.insert(std::get<bool>(*value));
        info.discreteDomain.assign(distinct.begin(), distinct.end());
        info.differs = distinct.size() > 1;
    } else {
        info.type = HParamType::String;
        std::set<std::string> distinct;
        for (const HParamValue* value : values)
            distinct.insert(hparamValueText(*value));
        info.discreteDomain.assign(distinct.begin(), distinct.end());
        info.differs = distinct.size() > 1;
    }
    return info;
}

HParamsExperiment synthesizedExperiment(const LogdirSnapshot& snapshot,
    const std::vector<const RunSnapshot*>& sessionRuns,
    const std::unordered_set<std::string_view>& sessionNames)
{
    HParamsExperiment experiment;
    std::map<std::string, std::vector<const HParamValue*>> values; // by name, in name order
    for (const RunSnapshot* run : sessionRuns)
        for (const auto& [name, value] : run->hparams.sessionStart->hparams)
            values[name].push_back(&value);
    for (const auto& [name, seen] : values)
        experiment.hparams.push_back(synthesizedInfo(name, seen));

    // (tag, group) in TensorBoard's order; views into the snapshot, which outlives this call.
    std::set<std::pair<std::string_view, std::string_view>> metrics;
    for (const auto& run : snapshot.runs) {
        const auto session = owningSession(run->name, sessionNames);
        if (!session)
            continue;
        for (const TagSnapshot& tag : run->tags)
            if (tag.kind == ValueKind::Scalar)
                metrics.emplace(tag.tag, relativeRun(run->name, *session));
    }
    for (const auto& [tag, group] : metrics) {
        MetricInfo& metric = experiment.metrics.emplace_back();
        metric.tag = std::string(tag);
        metric.group = std::string(group);
    }
    return experiment;
}

std::optional<HParamsMetricValue> lastValue(
    const LogdirSnapshot& snapshot, const std::string& session, const MetricInfo& metric)
{
    const RunSnapshot* run = findRun(snapshot, metricRunName(session, metric.group));
    const TagSnapshot* tag = run ? run->find(metric.tag, ValueKind::Scalar) : nullptr;
    if (!tag || tag->kind != ValueKind::Scalar || tag->scalars.empty())
        return std::nullopt;
    const ScalarPoint last = tag->scalars[tag->scalars.size() - 1];
    return HParamsMetricValue {last.value, last.step, last.wallTime};
}

HParamsSession sessionRow(
    const LogdirSnapshot& snapshot, const RunSnapshot& run, const HParamsExperiment& experiment)
{
    const SessionStartInfo& start = *run.hparams.sessionStart;
    HParamsSession session;
    session.run = run.name;
    session.groupName = start.groupName.empty() ? run.name : start.groupName;
    session.startTimeSecs = start.startTimeSecs;
    for (const HParamInfo& info : experiment.hparams) {
        const auto it = start.hparams.find(info.name);
        session.hparams.push_back(
            it != start.hparams.end() ? std::optional(it->second) : std::nullopt);
    }
    for (const MetricInfo& metric : experiment.metrics)
        session.metrics.push_back(lastValue(snapshot, run.name, metric));
    if (const auto& end = run.hparams.sessionEnd) {
        session.status = end->status;
        session.endTimeSecs = end->endTimeSecs;
    }
    return session;
}

} // namespace

std::vector<const SessionStartInfo*> sessionStartsByRun(const LogdirSnapshot& snapshot)
{
    std::unordered_set<std::string_view> sessions;
    for (const auto& run : snapshot.runs)
        if (run->hparams.sessionStart)
            sessions.insert(run->name);
    std::vector<const SessionStartInfo*> starts(snapshot.runs.size(), nullptr);
    if (sessions.empty())
        return starts;
    for (std::size_t i = 0; i < snapshot.runs.size(); ++i)
        if (const auto session = owningSession(snapshot.runs[i]->name, sessions))
            starts[i] = &*findRun(snapshot, *session)->hparams.sessionStart;
    return starts;
}

std::string metricRunName(std::string_view session, std::string_view group)
{
    if (group.empty())
        return std::string(session);
    if (session == ".")
        return std::string(group);
    return std::string(session) + '/' + std::string(group);
}

bool scalarsMayChange(const HParamsTable& table, std::string_view run, std::string_view tag)
{
    for (const MetricInfo& metric : table.experiment.metrics)
        if (metric.tag == tag)
            for (const HParamsSession& session : table.sessions)
                if (metricRunName(session.run, metric.group) == run)
                    return true;
    if (!table.experimentRun.empty())
        return false; // a declared experiment's metrics are only those it declares
    std::unordered_set<std::string_view> sessions;
    for (const HParamsSession& session : table.sessions)
        sessions.insert(session.run);
    return owningSession(run, sessions).has_value();
}

HParamsTable buildHParamsTable(const LogdirSnapshot& snapshot)
{
    HParamsTable table;
    std::vector<const RunSnapshot*> sessionRuns;
    std::unordered_set<std::string_view> sessionNames;
    for (const auto& run : snapshot.runs) {
        if (run->hparams.experiment && table.experimentRun.empty()) {
            table.experiment = *run->hparams.experiment;
            table.experimentRun = run->name;
        }
        if (run->hparams.sessionStart) {
            sessionRuns.push_back(run.get());
            sessionNames.insert(run->name);
        }
    }
    if (table.experimentRun.empty())
        table.experiment = synthesizedExperiment(snapshot, sessionRuns, sessionNames);
    for (const RunSnapshot* run : sessionRuns)
        table.sessions.push_back(sessionRow(snapshot, *run, table.experiment));
    return table;
}

} // namespace lantern::core
