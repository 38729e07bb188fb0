#include "core/analysis/graph_expanded_layout.h"

#include "core/analysis/graph_auxiliary.h"
#include "core/analysis/graph_edge_routes.h"
#include "core/io/cancellation_poll.h"

#include <algorithm>
#include <limits>

namespace lantern::core {

namespace {

constexpr std::uint32_t kNoBox = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kUnknown = kNoBox - 1;
constexpr std::size_t kPlacementsBetweenPolls = 65536;

bool sameSizes(const std::vector<LayoutSize>& a, const std::vector<LayoutSize>& b)
{
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(), [](const LayoutSize& x, const LayoutSize& y) {
            return x.width == y.width && x.height == y.height;
        });
}

class ExpandedLayouter {
public:
    ExpandedLayouter(const GraphHierarchy& hierarchy, const pb::GraphDef* graph,
        const GraphExpansion& expansion, const PlacementCache& previous,
        const ExpandedLayoutOptions& options, const std::function<bool()>& cancelled)
        : m_hierarchy(hierarchy)
        , m_graph(graph)
        , m_expansion(expansion)
        , m_previous(previous)
        , m_options(options)
        , m_cancelled(cancelled)
    {
    }

    ExpandedLayout run()
    {
        std::uint32_t root = m_expansion.root;
        if (root >= m_hierarchy.nodes().size() || !m_hierarchy.node(root).isGroup())
            root = 0;
        const auto placement = place(root, 0);
        if (!placement)
            return stopped();
        emit(root, -1, 0, 0, *placement, false);
        m_out.width = placement->width;
        m_out.height = placement->height;
        if (m_gridGroups > 0)
            m_out.skipped.push_back(std::to_string(m_gridGroups)
                + " group(s) hold too many nodes to arrange by their edges: shown in a grid, "
                  "without the edges inside");
        if (m_tooDeep)
            m_out.skipped.push_back("scopes opened more than "
                + std::to_string(m_options.maxOpenDepth) + " levels deep are drawn closed");
        connect(root);
        if (m_out.cancelled)
            return stopped();
        routeEdges(m_out, m_options.level.horizontalGap / 2, m_cancelled);
        if (m_cancelled && m_cancelled())
            return stopped();
        return std::move(m_out);
    }

private:
    static ExpandedLayout stopped()
    {
        ExpandedLayout layout;
        layout.cancelled = true;
        return layout;
    }

    bool isOpen(std::uint32_t node, std::size_t depth)
    {
        const GraphHierarchy::Node& n = m_hierarchy.node(node);
        if (!n.isGroup() || n.children.empty() || !m_expansion.open.contains(node))
            return false;
        if (depth > m_options.maxOpenDepth) {
            m_tooDeep = true;
            return false;
        }
        return true;
    }

    LayoutSize closedSize() const
    {
        return {m_options.level.nodeWidth, m_options.level.nodeHeight};
    }

    LayoutSize openSize(const GroupPlacement& placement) const
    {
        return {placement.width + 2 * m_options.padding,
            placement.height + m_options.header + m_options.padding};
    }

    std::vector<bool> auxiliaryOf(std::uint32_t group) const
    {
        std::vector<bool> auxiliary = auxiliaryChildren(m_hierarchy, m_graph, group);
        const auto& children = m_hierarchy.node(group).children;
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (m_expansion.movedToAuxiliary.contains(children[i]))
                auxiliary[i] = true;
            if (m_expansion.movedToMain.contains(children[i]))
                auxiliary[i] = false;
        }
        return auxiliary;
    }

    // Children first (their sizes make this group's), then this group, unless the previous
    // layout placed it for the same sizes. Null once cancelled.
    std::shared_ptr<const GroupPlacement> place(std::uint32_t group, std::size_t depth)
    {
        const auto& children = m_hierarchy.node(group).children;
        std::vector<LayoutSize> sizes(children.size(), closedSize());
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (!isOpen(children[i], depth + 1))
                continue;
            const auto inner = place(children[i], depth + 1);
            if (!inner)
                return nullptr;
            sizes[i] = openSize(*inner);
        }
        if (m_cancelled && m_cancelled())
            return nullptr;
        std::vector<bool> auxiliary = auxiliaryOf(group);
        if (const auto cached = m_previous.find(group); cached != m_previous.end()
            && sameSizes(cached->second->childSizes, sizes)
            && cached->second->auxiliary == auxiliary) {
            m_gridGroups += cached->second->grid;
            return m_out.cache[group] = cached->second;
        }
        auto placement = arrange(group, std::move(sizes), std::move(auxiliary));
        if (!placement)
            return nullptr;
        m_gridGroups += placement->grid;
        return m_out.cache[group] = std::move(placement);
    }

    std::shared_ptr<GroupPlacement> arrange(
        std::uint32_t group, std::vector<LayoutSize> sizes, std::vector<bool> auxiliary)
    {
        const auto& children = m_hierarchy.node(group).children;
        auto placement = std::make_shared<GroupPlacement>();
        placement->centres.resize(children.size());
        // The main flow: layered by the edges between main children.
        std::vector<std::uint32_t> mainIndex(children.size(), kNoBox);
        std::vector<std::uint32_t> mains;
        std::vector<LayoutSize> mainSizes;
        for (std::uint32_t i = 0; i < children.size(); ++i)
            if (!auxiliary[i]) {
                mainIndex[i] = std::uint32_t(mains.size());
                mains.push_back(i);
                mainSizes.push_back(sizes[i]);
            }
        std::vector<LayoutEdge> edges;
        for (const LayoutEdge& edge : edgesAmongChildren(m_hierarchy, group))
            if (mainIndex[edge.from] != kNoBox && mainIndex[edge.to] != kNoBox)
                edges.push_back({mainIndex[edge.from], mainIndex[edge.to]});
        const GraphLayout main = layOutGraph(mainSizes, edges, m_options.level, m_cancelled);
        if (main.positions.size() != mains.size())
            return nullptr; // cancelled
        for (std::size_t m = 0; m < mains.size(); ++m)
            placement->centres[mains[m]] = main.positions[m];
        placement->grid = main.grid;

        // The auxiliary nodes: columns of a few rows, on the right.
        const double gap = m_options.level.horizontalGap;
        placement->auxiliaryLeft = mains.empty() ? 0 : main.width + gap;
        double columnLeft = placement->auxiliaryLeft + gap / 2, columnWidth = 0, top = gap / 2;
        std::size_t inColumn = 0;
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (!auxiliary[i])
                continue;
            if (inColumn == m_options.auxiliaryRows) {
                columnLeft += columnWidth + gap;
                columnWidth = 0;
                top = gap / 2;
                inColumn = 0;
            }
            columnWidth = std::max(columnWidth, sizes[i].width);
            placement->centres[i] = {columnLeft + sizes[i].width / 2, top + sizes[i].height / 2};
            top += sizes[i].height + gap / 2;
            placement->auxiliaryHeight = std::max(placement->auxiliaryHeight, top);
            ++inColumn;
        }
        const bool anyAuxiliary
            = std::find(auxiliary.begin(), auxiliary.end(), true) != auxiliary.end();
        placement->auxiliaryWidth
            = anyAuxiliary ? columnLeft + columnWidth + gap / 2 - placement->auxiliaryLeft : 0;
        placement->width
            = anyAuxiliary ? placement->auxiliaryLeft + placement->auxiliaryWidth : main.width;
        placement->height = std::max(main.height, placement->auxiliaryHeight);
        placement->childSizes = std::move(sizes);
        placement->auxiliary = std::move(auxiliary);
        return placement;
    }

    // Boxes in canvas coordinates, an open group's before those inside it.
    void emit(std::uint32_t group, std::int32_t ownerBox, double left, double top,
        const GroupPlacement& placement, bool insideAuxiliary)
    {
        const auto& children = m_hierarchy.node(group).children;
        if (placement.grid)
            m_gridOwners.push_back(ownerBox);
        if (placement.auxiliaryWidth > 0)
            m_out.auxiliaryAreas.push_back({ownerBox, left + placement.auxiliaryLeft, top,
                placement.auxiliaryWidth, placement.auxiliaryHeight});
        for (std::size_t i = 0; i < children.size(); ++i) {
            const LayoutSize size = placement.childSizes[i];
            ExpandedLayout::Box box;
            box.node = children[i];
            box.parentBox = ownerBox;
            box.x = left + placement.centres[i].x - size.width / 2;
            box.y = top + placement.centres[i].y - size.height / 2;
            box.width = size.width;
            box.height = size.height;
            box.auxiliary = insideAuxiliary || placement.auxiliary[i];
            const auto inner = m_out.cache.find(children[i]);
            box.open = inner != m_out.cache.end(); // placed in this layout: open
            const auto index = std::uint32_t(m_out.boxes.size());
            m_out.boxes.push_back(box);
            m_out.boxOfNode.emplace(children[i], index);
            if (box.open)
                emit(children[i], std::int32_t(index), box.x + m_options.padding,
                    box.y + m_options.header, *inner->second, box.auxiliary);
        }
    }

    // Every input between two ops becomes an edge between the innermost boxes that show them.
    void connect(std::uint32_t root)
    {
        const auto& nodes = m_hierarchy.nodes();
        std::vector<std::uint32_t> shownBy(nodes.size(), kUnknown);
        for (std::uint32_t b = 0; b < m_out.boxes.size(); ++b)
            shownBy[m_out.boxes[b].node] = b;
        shownBy[0] = shownBy[0] == kUnknown ? kNoBox : shownBy[0];
        shownBy[root] = kNoBox; // the canvas: what climbs to it from outside is not drawn
        std::vector<std::uint32_t> path;
        const auto boxShowing = [&](std::uint32_t node) {
            while (shownBy[node] == kUnknown) {
                path.push_back(node);
                node = nodes[node].parent;
            }
            for (const std::uint32_t on : path)
                shownBy[on] = shownBy[node];
            path.clear();
            return shownBy[node];
        };
        std::vector<bool> gridOwner(m_out.boxes.size() + 1, false); // [0] is the canvas
        for (const std::int32_t owner : m_gridOwners)
            gridOwner[std::size_t(owner + 1)] = true;

        std::unordered_map<std::uint64_t, std::uint32_t> edgeOf;
        std::size_t notDrawn = 0;
        CancellationPoll poll(m_cancelled, kPlacementsBetweenPolls);
        for (std::uint32_t op = 0; op < nodes.size(); ++op) {
            if (poll.step()) {
                m_out.cancelled = true;
                return;
            }
            if (nodes[op].isGroup())
                continue;
            const std::uint32_t to = boxShowing(op);
            if (to == kNoBox)
                continue;
            for (const GraphHierarchy::Input& input : m_hierarchy.inputsOf(op)) {
                const std::uint32_t from = boxShowing(input.op);
                if (from == kNoBox || from == to)
                    continue;
                const std::int32_t owner = m_out.boxes[from].parentBox;
                if (owner == m_out.boxes[to].parentBox && gridOwner[std::size_t(owner + 1)])
                    continue; // a grid is not arranged by its edges; drawing them is noise
                const std::uint64_t key = std::uint64_t(from) << 32 | to;
                auto found = edgeOf.find(key);
                if (found == edgeOf.end()) {
                    if (m_out.edges.size() >= m_options.maxEdges) {
                        ++notDrawn;
                        continue;
                    }
                    found = edgeOf.emplace(key, std::uint32_t(m_out.edges.size())).first;
                    m_out.edges.push_back(
                        {from, to, 0, 0, m_out.boxes[from].auxiliary || m_out.boxes[to].auxiliary});
                }
                ExpandedLayout::Edge& edge = m_out.edges[found->second];
                (input.control ? edge.control : edge.data) += 1;
            }
        }
        if (notDrawn > 0)
            m_out.skipped.push_back(std::to_string(notDrawn) + " input(s) beyond the first "
                + std::to_string(m_options.maxEdges) + " edges are not drawn");
    }

    const GraphHierarchy& m_hierarchy;
    const pb::GraphDef* m_graph;
    const GraphExpansion& m_expansion;
    const PlacementCache& m_previous;
    const ExpandedLayoutOptions& m_options;
    const std::function<bool()>& m_cancelled;
    ExpandedLayout m_out;
    std::vector<std::int32_t> m_gridOwners; // boxes (or -1, the canvas) laid out as a grid
    std::size_t m_gridGroups = 0;
    bool m_tooDeep = false;
};

} // namespace

std::optional<std::uint32_t> ExpandedLayout::boxOf(std::uint32_t node) const
{
    const auto found = boxOfNode.find(node);
    return found == boxOfNode.end() ? std::nullopt : std::optional(found->second);
}

ExpandedLayout layOutExpanded(const GraphHierarchy& hierarchy, const pb::GraphDef* graph,
    const GraphExpansion& expansion, const PlacementCache& previous,
    const ExpandedLayoutOptions& options, const std::function<bool()>& cancelled)
{
    return ExpandedLayouter(hierarchy, graph, expansion, previous, options, cancelled).run();
}

void revealNode(const GraphHierarchy& hierarchy, GraphExpansion& expansion, std::uint32_t node)
{
    const auto& nodes = hierarchy.nodes();
    if (node == 0 || node >= nodes.size())
        return;
    if (expansion.root != 0 && !hierarchy.childContaining(expansion.root, node))
        expansion.root = 0;
    for (std::uint32_t group = nodes[node].parent; group != expansion.root && group != 0;
         group = nodes[group].parent)
        expansion.open.insert(group);
}

} // namespace lantern::core
