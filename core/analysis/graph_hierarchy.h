#pragma once
// The Graphs dashboard's structure: a GraphDef's ops arranged in a tree of name scopes
// ("dense/kernel/Assign" sits in "dense" › "dense/kernel"), runs of same-op siblings numbered
// like add, add_1 … add_n collapsed into one series node, and the edges between the children
// of every group counted, so a view can draw a scope collapsed or expanded without walking the
// ops again. An op whose name is also a scope ("dense/kernel" beside "dense/kernel/Assign")
// goes inside that scope, labelled "(kernel)".
//
// Memory stays a small multiple of the GraphDef's: ops refer to their NodeDef by index for
// the op type, device and attributes, and inputs live in one flat array.

#include "graph.pb.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct GraphHierarchyOptions {
    std::size_t minSeriesSize = 5; // fewer numbered same-op siblings stay separate
    std::size_t maxDepth = 256; // scopes nested deeper fold into the last scope's name
};

class GraphHierarchy {
public:
    enum class Kind : std::uint8_t { Root, Scope, Series, Op };

    struct Node {
        Kind kind = Kind::Op;
        std::uint32_t parent = 0; // the enclosing group; the root is its own parent
        std::uint32_t depth = 0; // 0 for the root
        std::uint32_t opCount = 0; // ops at or below this node (1 for an op)
        std::uint32_t degree = 0; // ops: inputs plus consumers
        std::int32_t nodeDef = -1; // ops: the index in GraphDef.node
        std::uint32_t labelStart = 0; // where the label starts in `name`
        bool insideOwnScope = false; // an op moved into the scope that bears its name
        std::string name; // an op's GraphDef name; a scope's path; a series "dense/add_[1-7]"
        std::vector<std::uint32_t> children; // groups and ops directly inside, by label

        std::string_view label() const { return std::string_view(name).substr(labelStart); }
        bool isGroup() const { return kind != Kind::Op; }
    };

    struct Input {
        std::uint32_t op = 0;
        bool control = false; // a "^name" input: ordering only, no data
    };

    // Inputs between two children of one group, counted over every op-to-op input whose
    // nearest common group is that one.
    struct Edge {
        std::uint32_t from = 0;
        std::uint32_t to = 0;
        std::uint32_t data = 0;
        std::uint32_t control = 0;
    };

    const std::vector<Node>& nodes() const { return m_nodes; }
    const Node& node(std::uint32_t index) const { return m_nodes.at(index); }
    const Node& root() const { return m_nodes.front(); }
    std::size_t opCount() const { return root().opCount; }
    std::span<const Input> inputsOf(std::uint32_t op) const;
    const std::vector<Edge>& edgesWithin(std::uint32_t group) const;
    // Inputs that name no op, repeated names, … (at most a hundred, then a count).
    const std::vector<std::string>& problems() const { return m_problems; }

    // The op of that name, else the group; nullopt when neither exists.
    std::optional<std::uint32_t> find(std::string_view name) const;
    // The child of `group` that `node` lies under, or nullopt when it is not under `group`.
    std::optional<std::uint32_t> childContaining(std::uint32_t group, std::uint32_t node) const;

private:
    friend GraphHierarchy buildGraphHierarchy(
        const pb::GraphDef&, const GraphHierarchyOptions&, const std::function<bool()>&);
    friend class GraphHierarchyBuilder;

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_inputStart; // per node, into m_inputs; one extra at the end
    std::vector<Input> m_inputs;
    std::vector<std::vector<Edge>> m_edges; // per node; empty for ops
    std::vector<std::string> m_problems;
};

// `cancelled` is asked every few thousand ops; once it says yes, the build stops and returns
// a hierarchy of the root alone.
GraphHierarchy buildGraphHierarchy(const pb::GraphDef& graph,
    const GraphHierarchyOptions& options = {}, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
