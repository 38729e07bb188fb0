#pragma once
// The Graphs canvas with scopes opened in place: every open group is a box that holds its
// children's layered layout (nested to any depth, several open at once), its bookkeeping
// children set aside in an "auxiliary" column on its right (see graph_auxiliary.h), and edges
// joining any two visible boxes — an input from deep inside a closed scope is drawn from that
// scope's box, and the inputs that land on the same two boxes are counted as one edge.
//
// Each open group's placement depends only on its children's sizes and which of them are
// auxiliary, so placements are kept in a cache handed from one layout to the next: opening a
// scope lays out that scope and re-places its ancestors, not the whole graph.

#include "core/analysis/graph_hierarchy.h"
#include "core/analysis/graph_layout.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace lantern::core {

// What the user chose to see.
struct GraphExpansion {
    std::uint32_t root = 0; // the group drawn as the canvas (a drill-down; 0 for the graph)
    std::set<std::uint32_t> open; // groups drawn open
    std::set<std::uint32_t> movedToAuxiliary; // the user's overrides of graph_auxiliary's choice
    std::set<std::uint32_t> movedToMain;
};

struct ExpandedLayoutOptions {
    GraphLayoutOptions level; // node size and gaps inside each open group
    double padding = 18; // inside an open group's box, around its children
    double header = 30; // an open group's title band
    std::size_t auxiliaryRows = 12; // auxiliary nodes per column
    std::size_t maxOpenDepth = 300; // groups opened deeper stay closed
    std::size_t maxEdges = 200'000; // visible edges drawn at most; the rest are counted
};

// One open group's children, relative to the top-left of the area inside its box.
struct GroupPlacement {
    std::vector<LayoutSize> childSizes; // what it was placed for
    std::vector<bool> auxiliary;
    std::vector<GraphLayout::Position> centres; // per child
    double width = 0;
    double height = 0;
    double auxiliaryLeft = 0; // the auxiliary column(s), when any
    double auxiliaryWidth = 0;
    double auxiliaryHeight = 0;
    bool grid = false;
};
using PlacementCache = std::unordered_map<std::uint32_t, std::shared_ptr<const GroupPlacement>>;

struct ExpandedLayout {
    struct Box {
        std::uint32_t node = 0; // in the hierarchy
        std::int32_t parentBox = -1; // the open group's box around it; -1 on the canvas
        double x = 0; // top-left, in canvas coordinates
        double y = 0;
        double width = 0;
        double height = 0;
        bool open = false;
        bool auxiliary = false;
    };
    struct Edge {
        std::uint32_t from = 0; // box indices; `from` feeds `to`
        std::uint32_t to = 0;
        std::uint32_t data = 0; // inputs counted into it
        std::uint32_t control = 0;
        bool auxiliary = false; // touches an auxiliary box
        std::uint32_t firstBend = 0; // its bends (graph_edge_routes.h), in `bends`
        std::uint32_t bendCount = 0;
    };
    struct Area {
        std::int32_t ownerBox = -1; // -1: the canvas
        double x = 0;
        double y = 0;
        double width = 0;
        double height = 0;
    };

    std::vector<Box> boxes; // an open group's box before the boxes inside it
    std::vector<Edge> edges;
    std::vector<GraphLayout::Position> bends; // where edges turn to pass beside boxes
    std::vector<Area> auxiliaryAreas;
    std::unordered_map<std::uint32_t, std::uint32_t> boxOfNode;
    double width = 0;
    double height = 0;
    PlacementCache cache; // every open group's placement: give it to the next layout
    std::vector<std::string> skipped; // what is not drawn as it is, and why
    bool cancelled = false;

    std::optional<std::uint32_t> boxOf(std::uint32_t node) const;
};

// `graph` (may be null) gives op types to the auxiliary choice. `previous` is the cache of an
// earlier layout of the same hierarchy. `cancelled` is asked between groups.
ExpandedLayout layOutExpanded(const GraphHierarchy& hierarchy, const pb::GraphDef* graph,
    const GraphExpansion& expansion, const PlacementCache& previous = {},
    const ExpandedLayoutOptions& options = {}, const std::function<bool()>& cancelled = {});

// Opens every group between `expansion.root` and `node` so that `node` gets a box; when `node`
// is not under the root, the root goes back to the whole graph first.
void revealNode(const GraphHierarchy& hierarchy, GraphExpansion& expansion, std::uint32_t node);

} // namespace lantern::core
