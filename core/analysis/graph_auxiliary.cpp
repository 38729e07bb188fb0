#include "core/analysis/graph_auxiliary.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

namespace lantern::core {

namespace {

// A child is tied to this many siblings at least, and to several times as many as the usual
// child, before its edges count as clutter.
constexpr std::size_t kMinHighDegree = 8;
constexpr std::size_t kDegreeOverMedian = 4;

constexpr std::array kBookkeepingNames = {std::string_view("init"),
    std::string_view("init_all_tables"), std::string_view("save"), std::string_view("restore"),
    std::string_view("restore_all"), std::string_view("summaries"), std::string_view("summary"),
    std::string_view("summary_op"), std::string_view("report_uninitialized_variables"),
    std::string_view("report_uninitialized_resources"), std::string_view("checkpoint_initializer"),
    std::string_view("ready_for_local_init_op"), std::string_view("local_init"),
    std::string_view("global_step"), std::string_view("MergeSummary")};

constexpr std::array kBookkeepingOps = {std::string_view("SaveV2"), std::string_view("RestoreV2"),
    std::string_view("Save"), std::string_view("Restore"), std::string_view("SaveSlices"),
    std::string_view("RestoreSlice"), std::string_view("MergeV2Checkpoints"),
    std::string_view("ShardedFilename"), std::string_view("MergeSummary"),
    std::string_view("ScalarSummary"), std::string_view("HistogramSummary"),
    std::string_view("ImageSummary"), std::string_view("AudioSummary"),
    std::string_view("AudioSummaryV2"), std::string_view("TensorSummary"),
    std::string_view("TensorSummaryV2"), std::string_view("WriteSummary"),
    std::string_view("WriteScalarSummary"), std::string_view("ReportUninitializedVariables")};

// "save_1" and "init_3" are the same bookkeeping as "save" and "init".
std::string_view withoutNumber(std::string_view label)
{
    const std::size_t underscore = label.rfind('_');
    if (underscore == std::string_view::npos || underscore + 1 == label.size())
        return label;
    const std::string_view digits = label.substr(underscore + 1);
    return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })
        ? label.substr(0, underscore)
        : label;
}

bool isBookkeepingOp(const GraphHierarchy::Node& op, const pb::GraphDef* graph)
{
    if (op.isGroup() || !graph || op.nodeDef < 0 || op.nodeDef >= graph->node_size())
        return false;
    const std::string& type = graph->node(op.nodeDef).op();
    return std::find(kBookkeepingOps.begin(), kBookkeepingOps.end(), type) != kBookkeepingOps.end();
}

// By name, by op type, or a scope of bookkeeping ops only ("Merge" holding a MergeSummary).
bool isBookkeeping(const GraphHierarchy& hierarchy, const pb::GraphDef* graph, std::uint32_t node)
{
    const GraphHierarchy::Node& n = hierarchy.node(node);
    const std::string_view label = withoutNumber(n.label());
    if (std::find(kBookkeepingNames.begin(), kBookkeepingNames.end(), label)
        != kBookkeepingNames.end())
        return true;
    if (!n.isGroup())
        return isBookkeepingOp(n, graph);
    return !n.children.empty()
        && std::all_of(n.children.begin(), n.children.end(),
            [&](std::uint32_t child) { return isBookkeepingOp(hierarchy.node(child), graph); });
}

} // namespace

std::vector<bool> auxiliaryChildren(
    const GraphHierarchy& hierarchy, const pb::GraphDef* graph, std::uint32_t group)
{
    const auto& children = hierarchy.node(group).children;
    std::vector<bool> auxiliary(children.size(), false);
    if (children.size() < 3)
        return auxiliary; // too few to be worth a column of their own
    std::unordered_map<std::uint32_t, std::size_t> indexOf;
    for (std::size_t i = 0; i < children.size(); ++i) {
        indexOf.emplace(children[i], i);
        auxiliary[i] = isBookkeeping(hierarchy, graph, children[i]);
    }
    // Distinct other siblings each child is joined to, either way; ties to bookkeeping do not
    // count (the model's scope is read by every saver and initialiser).
    std::vector<std::size_t> degree(children.size(), 0);
    for (const GraphHierarchy::Edge& edge : hierarchy.edgesWithin(group)) {
        const auto from = indexOf.find(edge.from), to = indexOf.find(edge.to);
        if (from != indexOf.end() && to != indexOf.end() && !auxiliary[from->second]
            && !auxiliary[to->second]) {
            ++degree[from->second];
            ++degree[to->second];
        }
    }
    std::vector<std::size_t> joined;
    for (const std::size_t d : degree)
        if (d > 0)
            joined.push_back(d);
    std::size_t median = 1;
    if (!joined.empty()) {
        std::nth_element(
            joined.begin(), joined.begin() + std::ptrdiff_t(joined.size() / 2), joined.end());
        median = std::max<std::size_t>(1, joined[joined.size() / 2]);
    }
    std::size_t count = 0;
    for (std::size_t i = 0; i < children.size(); ++i) {
        // Only ops: a scope is structure someone named, however widely it is tied.
        const bool highDegree = !hierarchy.node(children[i]).isGroup()
            && degree[i] >= kMinHighDegree && degree[i] >= kDegreeOverMedian * median;
        auxiliary[i] = auxiliary[i] || highDegree;
        count += auxiliary[i];
    }
    if (count == children.size())
        auxiliary.assign(children.size(), false);
    return auxiliary;
}

} // namespace lantern::core
