#include "core/analysis/graph_hierarchy.h"

#include "core/io/cancellation_poll.h"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <unordered_map>

namespace lantern::core {

namespace {

constexpr std::size_t kMaxProblems = 100;
// Ops handled between two looks at whether the build was cancelled (about a millisecond).
constexpr std::size_t kOpsBetweenPolls = 4096;

// "^name" is a control input; "name:2" reads output 2 of name.
std::pair<std::string_view, bool> inputTarget(std::string_view input)
{
    const bool control = input.starts_with('^');
    if (control)
        input.remove_prefix(1);
    if (const std::size_t colon = input.rfind(':'); colon != std::string_view::npos
        && colon + 1 < input.size()
        && std::all_of(input.begin() + std::ptrdiff_t(colon) + 1, input.end(),
            [](char c) { return c >= '0' && c <= '9'; }))
        input = input.substr(0, colon);
    return {input, control};
}

// "add_12" → ("add", 12); "add", "add_07" or "add_x" → (the whole label, 0).
std::pair<std::string_view, std::uint64_t> seriesKey(std::string_view label)
{
    const std::size_t underscore = label.rfind('_');
    if (underscore == std::string_view::npos || underscore == 0 || underscore + 1 == label.size())
        return std::pair(label, std::uint64_t(0));
    const std::string_view digits = label.substr(underscore + 1);
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error != std::errc() || end != digits.data() + digits.size()
        || (digits.size() > 1 && digits.front() == '0'))
        return std::pair(label, std::uint64_t(0));
    return std::pair(label.substr(0, underscore), number);
}

} // namespace

class GraphHierarchyBuilder {
public:
    GraphHierarchyBuilder(const pb::GraphDef& graph, const GraphHierarchyOptions& options,
        const std::function<bool()>& cancelled)
        : m_graph(graph)
        , m_options(options)
        , m_poll(cancelled, kOpsBetweenPolls)
    {
    }

    GraphHierarchy build()
    {
        GraphHierarchy::Node root;
        root.kind = GraphHierarchy::Kind::Root;
        m_out.m_nodes.push_back(root);
        placeOps();
        if (!m_poll.now()) {
            nestOpsNamedLikeScopes();
            collapseSeries();
            sortChildrenAndCount();
        }
        if (!m_poll.now())
            resolveInputs();
        if (!m_poll.now())
            countEdges();
        if (m_poll.stopped()) { // the root alone
            GraphHierarchy empty;
            empty.m_nodes.push_back(std::move(root));
            empty.m_inputStart.assign(2, 0);
            empty.m_edges.resize(1);
            return empty;
        }
        return std::move(m_out);
    }

private:
    void problem(std::string text)
    {
        if (++m_problemCount <= kMaxProblems)
            m_out.m_problems.push_back(std::move(text));
    }

    std::uint32_t addNode(
        GraphHierarchy::Kind kind, std::string name, std::size_t labelStart, std::uint32_t parent)
    {
        GraphHierarchy::Node node;
        node.kind = kind;
        node.name = std::move(name);
        node.labelStart = std::uint32_t(labelStart);
        node.parent = parent;
        node.depth = m_out.m_nodes[parent].depth + 1;
        const auto index = std::uint32_t(m_out.m_nodes.size());
        m_out.m_nodes.push_back(std::move(node));
        m_out.m_nodes[parent].children.push_back(index);
        return index;
    }

    std::uint32_t scopeFor(std::string_view path, std::uint32_t parent, std::size_t labelStart)
    {
        const auto [it, added] = m_scopes.try_emplace(std::string(path), 0);
        if (added)
            it->second
                = addNode(GraphHierarchy::Kind::Scope, std::string(path), labelStart, parent);
        return it->second;
    }

    void placeOps()
    {
        m_ops.reserve(std::size_t(m_graph.node_size()));
        m_out.m_nodes.reserve(std::size_t(m_graph.node_size()) + 1);
        for (int i = 0; i < m_graph.node_size() && !m_poll.step(); ++i) {
            std::string name = m_graph.node(i).name();
            if (name.empty())
                name = std::string("(unnamed ").append(std::to_string(i)).append(")");
            // Each '/' opens a scope, up to maxDepth; deeper slashes stay in the last label.
            std::uint32_t parent = 0;
            std::size_t start = 0;
            for (std::size_t depth = 1; depth < m_options.maxDepth; ++depth) {
                const std::size_t slash = name.find('/', start);
                if (slash == std::string::npos)
                    break;
                parent = scopeFor(std::string_view(name).substr(0, slash), parent, start);
                start = slash + 1;
            }
            const std::uint32_t op = addNode(GraphHierarchy::Kind::Op, name, start, parent);
            m_out.m_nodes[op].nodeDef = i;
            if (!m_ops.try_emplace(std::move(name), op).second)
                problem(std::string("two ops are named \"")
                            .append(m_out.m_nodes[op].name)
                            .append("\"; inputs reach the first"));
        }
    }

    // "dense/kernel" beside "dense/kernel/Assign": the op moves inside the scope of its name.
    void nestOpsNamedLikeScopes()
    {
        auto& nodes = m_out.m_nodes;
        std::vector<std::uint32_t> formerParents;
        for (auto& [name, scope] : m_scopes) {
            const auto op = m_ops.find(name);
            if (op == m_ops.end())
                continue;
            formerParents.push_back(nodes[op->second].parent);
            nodes[op->second].parent = scope;
            nodes[op->second].depth = nodes[scope].depth + 1;
            nodes[scope].children.push_back(op->second);
            nodes[op->second].insideOwnScope = true;
        }
        std::sort(formerParents.begin(), formerParents.end());
        formerParents.erase(
            std::unique(formerParents.begin(), formerParents.end()), formerParents.end());
        for (const std::uint32_t group : formerParents)
            dropMovedChildren(group);
    }

    // Children that now name another parent leave `group`, in one pass (removing them one by
    // one costs a scan each: quadratic for a scope of a million ops).
    void dropMovedChildren(std::uint32_t group)
    {
        auto& children = m_out.m_nodes[group].children;
        std::erase_if(
            children, [&](std::uint32_t child) { return m_out.m_nodes[child].parent != group; });
    }

    // Numbered ops of one type beside each other (add, add_1 … add_n) become one series.
    void collapseSeries()
    {
        struct Member {
            std::string_view base;
            std::string_view op;
            std::uint64_t number;
            std::uint32_t node;
            auto key() const { return std::tie(base, op, number); }
        };
        const std::size_t groups = m_out.m_nodes.size();
        std::vector<Member> members;
        std::unordered_map<std::string_view, std::size_t> baseCounts;
        for (std::uint32_t group = 0; group < groups; ++group) {
            const auto& owner = m_out.m_nodes[group];
            if (!owner.isGroup() || owner.children.size() < m_options.minSeriesSize)
                continue;
            // Count bases first, so that only candidates are sorted: most ops have none.
            baseCounts.clear();
            baseCounts.reserve(owner.children.size());
            for (const std::uint32_t child : owner.children)
                if (isSeriesCandidate(child))
                    ++baseCounts[seriesKey(m_out.m_nodes[child].label()).first];
            members.clear();
            for (const std::uint32_t child : owner.children) {
                if (!isSeriesCandidate(child))
                    continue;
                const auto& node = m_out.m_nodes[child];
                const auto [base, number] = seriesKey(node.label());
                if (baseCounts[base] >= m_options.minSeriesSize)
                    members.push_back({base, m_graph.node(node.nodeDef).op(), number, child});
            }
            std::sort(members.begin(), members.end(),
                [](const Member& a, const Member& b) { return a.key() < b.key(); });
            // Bases are views into node names, which move as series nodes are added: collect
            // every run before making any.
            std::vector<
                std::pair<std::string, std::vector<std::pair<std::uint64_t, std::uint32_t>>>>
                runs;
            for (std::size_t first = 0; first < members.size();) {
                std::size_t last = first + 1;
                while (last < members.size() && members[last].base == members[first].base
                    && members[last].op == members[first].op)
                    ++last;
                if (last - first >= m_options.minSeriesSize) {
                    auto& run = runs.emplace_back(std::string(members[first].base),
                                        std::vector<std::pair<std::uint64_t, std::uint32_t>> {})
                                    .second;
                    for (std::size_t i = first; i < last; ++i)
                        run.emplace_back(members[i].number, members[i].node);
                }
                first = last;
            }
            for (auto& [base, run] : runs)
                makeSeries(group, base, run);
            if (!runs.empty())
                dropMovedChildren(group);
        }
    }

    bool isSeriesCandidate(std::uint32_t node) const
    {
        return !m_out.m_nodes[node].isGroup() && !m_out.m_nodes[node].insideOwnScope;
    }

    void makeSeries(std::uint32_t group, const std::string& base,
        std::vector<std::pair<std::uint64_t, std::uint32_t>>& members)
    {
        std::sort(members.begin(), members.end());
        const auto& owner = m_out.m_nodes[group];
        std::string name
            = owner.kind == GraphHierarchy::Kind::Root ? std::string() : owner.name + '/';
        const std::size_t labelStart = name.size();
        name.append(base).append("_[").append(std::to_string(members.front().first)).append("-");
        name.append(std::to_string(members.back().first)).append("]");
        const std::uint32_t series
            = addNode(GraphHierarchy::Kind::Series, std::move(name), labelStart, group);
        for (const auto& [number, op] : members) {
            m_out.m_nodes[op].parent = series;
            m_out.m_nodes[series].children.push_back(op);
        }
        // Depths below the series grow by one; series hold ops only.
        for (const auto& member : members)
            m_out.m_nodes[member.second].depth = m_out.m_nodes[series].depth + 1;
    }

    void sortChildrenAndCount()
    {
        auto& nodes = m_out.m_nodes;
        for (auto& node : nodes)
            std::sort(
                node.children.begin(), node.children.end(), [&](std::uint32_t a, std::uint32_t b) {
                    return nodes[a].label() < nodes[b].label();
                });
        // Deepest first, so every child is counted before its parent.
        std::vector<std::vector<std::uint32_t>> byDepth;
        for (std::uint32_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].depth >= byDepth.size())
                byDepth.resize(nodes[i].depth + 1);
            byDepth[nodes[i].depth].push_back(i);
        }
        for (auto level = byDepth.rbegin(); level != byDepth.rend(); ++level)
            for (const std::uint32_t index : *level) {
                if (!nodes[index].isGroup())
                    nodes[index].opCount = 1;
                if (index != 0)
                    nodes[nodes[index].parent].opCount += nodes[index].opCount;
            }
    }

    void resolveInputs()
    {
        auto& out = m_out;
        out.m_inputStart.assign(out.m_nodes.size() + 1, 0);
        std::size_t unknown = 0;
        for (std::uint32_t index = 0; index < out.m_nodes.size() && !m_poll.step(); ++index) {
            out.m_inputStart[index] = std::uint32_t(out.m_inputs.size());
            const auto& node = out.m_nodes[index];
            if (node.isGroup())
                continue;
            for (const std::string& input : m_graph.node(node.nodeDef).input()) {
                const auto [target, control] = inputTarget(input);
                const auto found = m_ops.find(std::string(target));
                if (found == m_ops.end()) {
                    if (++unknown <= 5)
                        problem("\"" + node.name + "\" reads \"" + input
                            + "\", which is not in the graph");
                    continue;
                }
                out.m_inputs.push_back({found->second, control});
                ++out.m_nodes[index].degree;
                ++out.m_nodes[found->second].degree;
            }
        }
        out.m_inputStart.back() = std::uint32_t(out.m_inputs.size());
        if (unknown > 5)
            problem(std::to_string(unknown).append(
                " inputs in all name ops that are not in the graph"));
    }

    void countEdges()
    {
        auto& out = m_out;
        out.m_edges.assign(out.m_nodes.size(), {});
        std::vector<std::unordered_map<std::uint64_t, std::uint32_t>> slots(out.m_nodes.size());
        for (std::uint32_t op = 0; op < out.m_nodes.size() && !m_poll.step(); ++op) {
            for (const GraphHierarchy::Input& input : out.inputsOf(op)) {
                if (input.op == op)
                    continue; // a self-loop has no edge to draw between groups
                // Climb both ends to the children of their nearest common group.
                std::uint32_t a = input.op;
                std::uint32_t b = op;
                while (out.m_nodes[a].depth > out.m_nodes[b].depth)
                    a = out.m_nodes[a].parent;
                while (out.m_nodes[b].depth > out.m_nodes[a].depth)
                    b = out.m_nodes[b].parent;
                while (out.m_nodes[a].parent != out.m_nodes[b].parent) {
                    a = out.m_nodes[a].parent;
                    b = out.m_nodes[b].parent;
                }
                if (a == b)
                    continue; // cannot happen for two distinct ops; kept as a guard
                const std::uint32_t group = out.m_nodes[a].parent;
                const std::uint64_t key = std::uint64_t(a) << 32 | b;
                auto [slot, added]
                    = slots[group].try_emplace(key, std::uint32_t(out.m_edges[group].size()));
                if (added)
                    out.m_edges[group].push_back({a, b, 0, 0});
                GraphHierarchy::Edge& edge = out.m_edges[group][slot->second];
                (input.control ? edge.control : edge.data) += 1;
            }
        }
    }

    const pb::GraphDef& m_graph;
    GraphHierarchyOptions m_options;
    GraphHierarchy m_out;
    std::unordered_map<std::string, std::uint32_t> m_scopes;
    std::unordered_map<std::string, std::uint32_t> m_ops;
    std::size_t m_problemCount = 0;
    CancellationPoll m_poll;
};

std::span<const GraphHierarchy::Input> GraphHierarchy::inputsOf(std::uint32_t op) const
{
    if (op + 1 >= m_inputStart.size())
        return {};
    return std::span(m_inputs).subspan(m_inputStart[op], m_inputStart[op + 1] - m_inputStart[op]);
}

const std::vector<GraphHierarchy::Edge>& GraphHierarchy::edgesWithin(std::uint32_t group) const
{
    static const std::vector<Edge> none;
    return group < m_edges.size() ? m_edges[group] : none;
}

std::optional<std::uint32_t> GraphHierarchy::find(std::string_view name) const
{
    std::optional<std::uint32_t> group;
    for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].name != name)
            continue;
        if (!m_nodes[i].isGroup())
            return i;
        group = group.value_or(i);
    }
    return group;
}

std::optional<std::uint32_t> GraphHierarchy::childContaining(
    std::uint32_t group, std::uint32_t node) const
{
    if (group >= m_nodes.size() || node >= m_nodes.size())
        return std::nullopt;
    while (node != 0 && m_nodes[node].parent != group)
        node = m_nodes[node].parent;
    return node == 0 ? std::nullopt : std::optional(node);
}

GraphHierarchy buildGraphHierarchy(const pb::GraphDef& graph, const GraphHierarchyOptions& options,
    const std::function<bool()>& cancelled)
{
    return GraphHierarchyBuilder(graph, options, cancelled).build();
}

} // namespace lantern::core
