// Scopes opened in place: nested boxes, several open at once, edges between the innermost
// visible boxes counted by inputs, auxiliary nodes set aside (and moved back by the user),
// placements reused from the previous layout, bad graphs (cycles, self-loops, missing inputs,
// 10,000-deep scopes), the generated 20,000-op graph and the corpus' graphs.

#include "core/analysis/graph_auxiliary.h"
#include "core/analysis/graph_edge_routes.h"
#include "core/analysis/graph_expanded_layout.h"
#include "core/demo/large_graph.h"
#include "core/load/graph_loader.h"
#include "core/load/logdir_loader.h"
#include "tests/support/graph_nodes.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

using namespace lantern;
using namespace lantern::core;
using lantern::test::addNode;

namespace {

// x → a/p → a/q → b/r → out, with b/s reading a/p and a/q too.
pb::GraphDef twoScopes()
{
    pb::GraphDef graph;
    addNode(graph, "x", "Placeholder");
    addNode(graph, "a/p", "MatMul", {"x"});
    addNode(graph, "a/q", "Relu", {"a/p"});
    addNode(graph, "b/r", "Add", {"a/q"});
    addNode(graph, "b/s", "Add", {"a/p", "a/q:1", "b/r"});
    addNode(graph, "out", "Identity", {"b/r", "^b/s"});
    return graph;
}

std::uint32_t id(const GraphHierarchy& h, std::string_view name)
{
    const auto found = h.find(name);
    if (!found)
        qFatal("no node %s", std::string(name).c_str());
    return *found;
}

const ExpandedLayout::Box& boxOf(
    const ExpandedLayout& layout, const GraphHierarchy& h, std::string_view name)
{
    const auto box = layout.boxOf(id(h, name));
    if (!box)
        qFatal("no box for %s", std::string(name).c_str());
    return layout.boxes[*box];
}

const ExpandedLayout::Edge* edgeBetween(const ExpandedLayout& layout, const GraphHierarchy& h,
    std::string_view from, std::string_view to)
{
    const auto a = layout.boxOf(id(h, from)), b = layout.boxOf(id(h, to));
    for (const auto& edge : layout.edges)
        if (a && b && edge.from == *a && edge.to == *b)
            return &edge;
    return nullptr;
}

bool inside(const ExpandedLayout::Box& inner, const ExpandedLayout::Box& outer)
{
    return inner.x >= outer.x && inner.y >= outer.y
        && inner.x + inner.width <= outer.x + outer.width
        && inner.y + inner.height <= outer.y + outer.height;
}

bool overlap(const ExpandedLayout::Box& a, const ExpandedLayout::Box& b)
{
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height
        && b.y < a.y + a.height;
}

// Every box lies inside its open group's box and apart from its siblings; every input whose
// ends are shown by two different boxes is counted in exactly one edge (found by climbing the
// hierarchy here, independently of the layout's own bookkeeping).
void checkConsistent(const GraphHierarchy& h, const ExpandedLayout& layout)
{
    std::map<std::int32_t, std::vector<std::uint32_t>> siblings;
    for (std::uint32_t b = 0; b < layout.boxes.size(); ++b) {
        const auto& box = layout.boxes[b];
        if (box.parentBox >= 0)
            QVERIFY(inside(box, layout.boxes[std::size_t(box.parentBox)]));
        siblings[box.parentBox].push_back(b);
    }
    for (const auto& [owner, boxes] : siblings)
        if (boxes.size() <= 2000) // quadratic: the corpus' levels are small
            for (std::size_t i = 0; i < boxes.size(); ++i)
                for (std::size_t j = i + 1; j < boxes.size(); ++j)
                    QVERIFY(!overlap(layout.boxes[boxes[i]], layout.boxes[boxes[j]]));
    const auto shownBy = [&](std::uint32_t node) -> std::optional<std::uint32_t> {
        for (; node != 0; node = h.node(node).parent)
            if (const auto box = layout.boxOf(node))
                return box;
        return std::nullopt;
    };
    std::uint64_t expected = 0, counted = 0;
    for (std::uint32_t op = 0; op < h.nodes().size(); ++op) {
        if (h.node(op).isGroup())
            continue;
        for (const auto& input : h.inputsOf(op)) {
            const auto a = shownBy(input.op), b = shownBy(op);
            expected += a && b && *a != *b;
        }
    }
    for (const auto& edge : layout.edges)
        counted += edge.data + edge.control;
    QCOMPARE(counted, expected);
}

// The corpus' logdirs whose graphs the tests open.
constexpr const char* kCorpusGraphs[] = {"a01_tf1_linearclassifier_estimator",
    "a02_tf1_custom_estimator_resumed", "a03_tf0x_2016_functionaltest_train_eval",
    "b01_tf2_keras_callback_and_custom_loop", "c01_torch_tutorial_images_graph_embedding",
    "f06_tf1_keras_embeddings_callback_broken_paths"};

// The largest graph of a corpus logdir.
std::shared_ptr<const pb::GraphDef> largestGraphOf(const char* name)
{
    std::shared_ptr<const pb::GraphDef> graph;
    const auto snapshot = test::loadCorpusLogdir(name);
    for (const auto& run : snapshot->runs)
        for (const GraphReference& reference : run->graphReferences()) {
            const DecodedGraph decoded = loadGraph(reference);
            if (decoded.ok() && (!graph || decoded.graph->node_size() > graph->node_size()))
                graph = decoded.graph;
        }
    return graph;
}

std::uint32_t deepestOp(const GraphHierarchy& h)
{
    std::uint32_t deepest = 0;
    for (std::uint32_t i = 0; i < h.nodes().size(); ++i)
        if (h.node(i).depth > h.node(deepest).depth)
            deepest = i;
    return deepest;
}

// Every group two levels down open, then the scopes above the deepest op.
GraphExpansion twoLevelsAndDeepestOpen(const GraphHierarchy& h)
{
    GraphExpansion expansion;
    for (std::uint32_t i = 1; i < h.nodes().size(); ++i)
        if (h.node(i).isGroup() && h.node(i).depth <= 2)
            expansion.open.insert(i);
    revealNode(h, expansion, deepestOp(h));
    return expansion;
}

using Point = GraphLayout::Position;

// Each edge as drawn (every edge, those to and from the auxiliary area too): from its source's
// centre through its bends to its target's centre.
std::vector<std::vector<Point>> drawnPaths(const ExpandedLayout& layout)
{
    std::vector<std::vector<Point>> paths;
    for (const auto& edge : layout.edges) {
        auto& path = paths.emplace_back();
        for (const std::uint32_t end : {edge.from, edge.to}) {
            const auto& box = layout.boxes[end];
            path.push_back({box.x + box.width / 2, box.y + box.height / 2});
            if (end == edge.from)
                path.insert(path.end(), layout.bends.begin() + edge.firstBend,
                    layout.bends.begin() + edge.firstBend + edge.bendCount);
        }
    }
    return paths;
}

// Whether segment a-b passes through the inside of `box` (its border excepted), by clipping
// the segment to the box.
bool passesThrough(Point a, Point b, const ExpandedLayout::Box& box)
{
    const double left = box.x + 0.5, right = box.x + box.width - 0.5;
    const double top = box.y + 0.5, bottom = box.y + box.height - 0.5;
    if (std::max(a.x, b.x) <= left || std::min(a.x, b.x) >= right || std::max(a.y, b.y) <= top
        || std::min(a.y, b.y) >= bottom)
        return false;
    double enter = 0, leave = 1;
    const auto clip = [&](double from, double delta, double low, double high) {
        if (delta == 0)
            return from > low && from < high;
        double t0 = (low - from) / delta, t1 = (high - from) / delta;
        if (t0 > t1)
            std::swap(t0, t1);
        enter = std::max(enter, t0);
        leave = std::min(leave, t1);
        return enter < leave;
    };
    return clip(a.x, b.x - a.x, left, right) && clip(a.y, b.y - a.y, top, bottom);
}

// How many segments of drawn edges pass through a box that is neither one of the edge's ends
// nor an open group around one. Measured box by box, apart from the router's own count.
std::size_t segmentsThroughUnrelatedBoxes(const ExpandedLayout& layout)
{
    const auto paths = drawnPaths(layout);
    std::size_t crossing = 0;
    std::vector<bool> related(layout.boxes.size());
    for (std::size_t e = 0; e < paths.size(); ++e) {
        std::fill(related.begin(), related.end(), false);
        for (const std::uint32_t end : {layout.edges[e].from, layout.edges[e].to})
            for (std::int32_t b = std::int32_t(end); b >= 0;
                 b = layout.boxes[std::size_t(b)].parentBox)
                related[std::size_t(b)] = true;
        for (std::size_t i = 1; i < paths[e].size(); ++i)
            for (std::size_t b = 0; b < layout.boxes.size(); ++b)
                if (!related[b] && passesThrough(paths[e][i - 1], paths[e][i], layout.boxes[b])) {
                    ++crossing;
                    break;
                }
    }
    return crossing;
}

// How many pairs of straight parts between two bends, of different edges, lie on one line (a
// quarter pixel apart at most) and overlap by more than 4 px, so that drawn they merge into
// one, in a corridor that had room for them: fewer parts pass there, within half a gap either
// side, than the gap between boxes has pixels.
std::size_t mergedCorridorParts(const ExpandedLayout& layout)
{
    struct Part {
        bool vertical;
        double line, low, high;
        std::size_t edge;
    };
    std::vector<Part> parts;
    for (std::size_t e = 0; e < layout.edges.size(); ++e) {
        const auto& edge = layout.edges[e];
        for (std::uint32_t i = edge.firstBend; i + 1 < edge.firstBend + edge.bendCount; ++i) {
            const Point a = layout.bends[i], b = layout.bends[i + 1];
            if (a.x == b.x)
                parts.push_back({true, a.x, std::min(a.y, b.y), std::max(a.y, b.y), e});
            else if (a.y == b.y)
                parts.push_back({false, a.y, std::min(a.x, b.x), std::max(a.x, b.x), e});
        }
    }
    std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) {
        return std::tie(a.vertical, a.line) < std::tie(b.vertical, b.line);
    });
    const double gap = GraphLayoutOptions {}.horizontalGap;
    const auto crowded = [&](const Part& part, double low, double high) {
        std::size_t passing = 0;
        for (const Part& other : parts)
            passing += other.vertical == part.vertical
                && std::abs(other.line - part.line) <= gap / 2 && other.low < high
                && other.high > low;
        return double(passing) > gap;
    };
    std::size_t merged = 0;
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t j = i + 1; j < parts.size() && parts[j].vertical == parts[i].vertical
             && parts[j].line - parts[i].line <= 0.25;
             ++j) {
            const double low = std::max(parts[i].low, parts[j].low);
            const double high = std::min(parts[i].high, parts[j].high);
            merged += parts[j].edge != parts[i].edge && high - low > 4
                && !crowded(parts[i], low, high);
        }
    return merged;
}

} // namespace

class TestGraphExpandedLayout : public QObject {
    Q_OBJECT
private slots:
    void closedScopesShowOneEdgeCountingEveryInput()
    {
        const auto graph = twoScopes();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        const ExpandedLayout layout = layOutExpanded(h, &graph, {});
        QCOMPARE(layout.boxes.size(), std::size_t(4)); // x, a, b, out
        const auto* ab = edgeBetween(layout, h, "a", "b");
        QVERIFY(ab);
        QCOMPARE(ab->data, 3u); // b/r ← a/q, b/s ← a/p, b/s ← a/q:1
        QVERIFY(boxOf(layout, h, "a").y < boxOf(layout, h, "b").y);
        checkConsistent(h, layout);
    }

    void openScopeNestsItsChildrenAndEdgesReachThem()
    {
        const auto graph = twoScopes();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        GraphExpansion expansion;
        expansion.open.insert(id(h, "a"));
        const ExpandedLayout layout = layOutExpanded(h, &graph, expansion);
        const auto& a = boxOf(layout, h, "a");
        QVERIFY(a.open);
        QVERIFY(a.width > 150 && a.height > 2 * 44);
        QVERIFY(inside(boxOf(layout, h, "a/p"), a));
        QVERIFY(inside(boxOf(layout, h, "a/q"), a));
        QVERIFY(boxOf(layout, h, "a/p").y < boxOf(layout, h, "a/q").y); // inputs above
        QVERIFY(!overlap(a, boxOf(layout, h, "b")));
        // Across the boundary: x → a/p, a/p → b (1), a/q → b (2), and nothing left at a itself.
        QVERIFY(edgeBetween(layout, h, "x", "a/p"));
        QCOMPARE(edgeBetween(layout, h, "a/p", "b")->data, 1u);
        QCOMPARE(edgeBetween(layout, h, "a/q", "b")->data, 2u);
        QVERIFY(!edgeBetween(layout, h, "a", "b"));
        checkConsistent(h, layout);
    }

    void severalScopesOpenAtOnce()
    {
        const auto graph = twoScopes();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        GraphExpansion expansion;
        expansion.open = {id(h, "a"), id(h, "b")};
        const ExpandedLayout layout = layOutExpanded(h, &graph, expansion);
        QCOMPARE(layout.boxes.size(), std::size_t(8));
        QCOMPARE(edgeBetween(layout, h, "a/q", "b/s")->data, 1u);
        QCOMPARE(edgeBetween(layout, h, "b/s", "out")->control, 1u);
        QVERIFY(edgeBetween(layout, h, "b/r", "b/s"));
        checkConsistent(h, layout);
    }

    void unchangedPlacementsAreReused()
    {
        const auto graph = largeGraphForTests();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        const std::uint32_t model = id(h, "model"), block0 = id(h, "model/block_0");
        GraphExpansion expansion;
        expansion.open = {model, block0};
        const ExpandedLayout first = layOutExpanded(h, &graph, expansion);
        expansion.open.insert(id(h, "model/block_2"));
        const ExpandedLayout second = layOutExpanded(h, &graph, expansion, first.cache);
        const ExpandedLayout fresh = layOutExpanded(h, &graph, expansion);
        // block_0 kept its children's sizes: the same placement; model grew: a new one.
        QCOMPARE(second.cache.at(block0), first.cache.at(block0));
        QVERIFY(second.cache.at(model) != first.cache.at(model));
        QVERIFY(fresh.cache.at(block0) != first.cache.at(block0));
        // And the result is the fresh layout's.
        QCOMPARE(second.boxes.size(), fresh.boxes.size());
        for (std::size_t i = 0; i < fresh.boxes.size(); ++i) {
            QCOMPARE(second.boxes[i].x, fresh.boxes[i].x);
            QCOMPARE(second.boxes[i].y, fresh.boxes[i].y);
        }
        QCOMPARE(second.edges.size(), fresh.edges.size());
        checkConsistent(h, second);
    }

    void bookkeepingGoesToTheAuxiliaryArea()
    {
        pb::GraphDef graph;
        addNode(graph, "global_step", "VariableV2");
        addNode(graph, "x", "Placeholder");
        std::string last = "x";
        for (int i = 0; i < 12; ++i) {
            const std::string name = "layer" + std::to_string(i) + "/out";
            addNode(graph, name, "Relu", {last, "global_step"});
            last = name;
        }
        addNode(graph, "save/SaveV2", "SaveV2", {last});
        addNode(graph, "init", "NoOp", {"^layer0/out"});
        addNode(graph, "loss_summary", "ScalarSummary", {last});
        const GraphHierarchy h = buildGraphHierarchy(graph);
        const auto auxiliary = auxiliaryChildren(h, &graph, 0);
        std::set<std::string> aside;
        for (std::size_t i = 0; i < auxiliary.size(); ++i)
            if (auxiliary[i])
                aside.insert(h.node(h.root().children[i]).name);
        // By name (save, init), by op (a summary), by degree (the step read by every layer).
        QCOMPARE(aside, (std::set<std::string> {"global_step", "init", "loss_summary", "save"}));

        GraphExpansion expansion;
        ExpandedLayout layout = layOutExpanded(h, &graph, expansion);
        QCOMPARE(layout.auxiliaryAreas.size(), std::size_t(1));
        const auto& area = layout.auxiliaryAreas.front();
        const auto& step = boxOf(layout, h, "global_step");
        QVERIFY(step.auxiliary && step.x >= area.x);
        double mainRight = 0;
        for (const auto& box : layout.boxes)
            if (!box.auxiliary)
                mainRight = std::max(mainRight, box.x + box.width);
        QVERIFY(mainRight <= area.x); // the main flow stays left of the area
        QVERIFY(boxOf(layout, h, "x").y < boxOf(layout, h, "layer11").y); // and reads downwards

        // The user moves the step back into the flow and sends x aside.
        expansion.movedToMain.insert(id(h, "global_step"));
        expansion.movedToAuxiliary.insert(id(h, "x"));
        layout = layOutExpanded(h, &graph, expansion, layout.cache);
        QVERIFY(!boxOf(layout, h, "global_step").auxiliary);
        QVERIFY(boxOf(layout, h, "x").auxiliary);
        QVERIFY(boxOf(layout, h, "global_step").y < boxOf(layout, h, "layer0").y);
        checkConsistent(h, layout);
    }

    void badGraphsRenderWhatTheyCan()
    {
        pb::GraphDef graph;
        // A while loop's back edge, a self-loop, an input naming no op.
        addNode(graph, "loop/enter", "Enter", {"missing_op"});
        addNode(graph, "loop/merge", "Merge", {"loop/enter", "loop/next"});
        addNode(graph, "loop/body", "Add", {"loop/merge", "loop/body"});
        addNode(graph, "loop/next", "NextIteration", {"loop/body"});
        addNode(graph, "after", "Identity", {"loop/body"});
        const GraphHierarchy h = buildGraphHierarchy(graph);
        GraphExpansion expansion;
        revealNode(h, expansion, id(h, "loop/body"));
        const ExpandedLayout layout = layOutExpanded(h, &graph, expansion);
        QCOMPARE(layout.boxes.size(), std::size_t(6));
        QVERIFY(edgeBetween(layout, h, "loop/next", "loop/merge")); // the back edge is drawn
        QVERIFY(!edgeBetween(layout, h, "loop/body", "loop/body"));
        QVERIFY(!h.problems().empty()); // the missing input is stated
        checkConsistent(h, layout);
    }

    void tenThousandDeepScopesStayWithinTheCap()
    {
        pb::GraphDef graph;
        std::string name;
        for (int i = 0; i < 10'000; ++i)
            name.append("s").push_back(char('0' + i % 10)), name.push_back('/');
        addNode(graph, name + "op", "Add");
        addNode(graph, "top", "Add", {name + "op"});
        const GraphHierarchy h = buildGraphHierarchy(graph);
        GraphExpansion expansion;
        std::uint32_t deepest = 0;
        for (std::uint32_t i = 0; i < h.nodes().size(); ++i)
            if (!h.node(i).isGroup() && h.node(i).depth > h.node(deepest).depth)
                deepest = i;
        revealNode(h, expansion, deepest);
        ExpandedLayoutOptions options;
        options.maxOpenDepth = 100;
        const ExpandedLayout layout = layOutExpanded(h, &graph, expansion, {}, options);
        QVERIFY(!layout.cancelled);
        QCOMPARE(layout.boxes.size(), std::size_t(102)); // top, 100 open scopes, one closed
        QVERIFY(!layout.skipped.empty());
        QCOMPARE(layout.edges.size(), std::size_t(1));
        checkConsistent(h, layout);
    }

    void cancelledLayoutIsEmpty()
    {
        const auto graph = largeGraphForTests();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        const ExpandedLayout layout = layOutExpanded(h, &graph, {}, {}, {}, [] { return true; });
        QVERIFY(layout.cancelled);
        QVERIFY(layout.boxes.empty());
    }

    void largeGraphExpandsBlockAndCrossesScopes()
    {
        const auto graph = largeGraphForTests();
        QCOMPARE(graph.node_size(), kLargeGraphOps);
        const GraphHierarchy h = buildGraphHierarchy(graph);
        GraphExpansion expansion;
        ExpandedLayout layout = layOutExpanded(h, &graph, expansion);
        // The bookkeeping sits aside at the top level.
        for (const char* name : {"init", "save", "summaries", "global_step"})
            QVERIFY2(boxOf(layout, h, name).auxiliary, name);
        QVERIFY(!boxOf(layout, h, "model").auxiliary);
        QVERIFY(boxOf(layout, h, "input").y < boxOf(layout, h, "model").y);

        revealNode(h, expansion, id(h, "model/block_1/layer_0/unit_0/MatMul0"));
        layout = layOutExpanded(h, &graph, expansion, layout.cache);
        QCOMPARE(h.node(id(h, "model/block_1")).opCount, 2000u);
        QVERIFY(boxOf(layout, h, "model/block_1").open);
        QVERIFY(boxOf(layout, h, "model/block_0").open == false);
        // From a closed block into an op three scopes down, and from that op's unit out.
        QVERIFY(edgeBetween(layout, h, "model/block_0", "model/block_1/MatMul0"));
        QVERIFY(edgeBetween(layout, h, "model/block_1/layer_0/unit_0/MatMul0",
            "model/block_1/layer_0/unit_0/Add1"));
        QVERIFY(edgeBetween(layout, h, "model/block_1/layer_0/unit_0/Tanh5",
            "model/block_1/layer_0/unit_0/MatMul6"));
        checkConsistent(h, layout);

        // The wide series opens as a grid without its inner edges.
        expansion.open.insert(id(h, "prep"));
        expansion.open.insert(*h.childContaining(id(h, "prep"), id(h, "prep/slice_7")));
        layout = layOutExpanded(h, &graph, expansion, layout.cache);
        QVERIFY(layout.boxes.size() > 5000);
        QVERIFY(!layout.skipped.empty());
        checkConsistent(h, layout);
    }

    void corpusGraphsExpand()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        for (const char* name : kCorpusGraphs) {
            const auto graph = largestGraphOf(name);
            QVERIFY2(graph && graph->node_size() > 0, name);
            const GraphHierarchy h = buildGraphHierarchy(*graph);
            const GraphExpansion expansion = twoLevelsAndDeepestOpen(h);
            const std::uint32_t deepest = deepestOp(h);
            const ExpandedLayout layout = layOutExpanded(h, graph.get(), expansion);
            QVERIFY2(layout.boxOf(deepest).has_value(), name);
            std::size_t crossing = 0, auxiliary = 0;
            for (const auto& edge : layout.edges)
                crossing += layout.boxes[edge.from].parentBox != layout.boxes[edge.to].parentBox;
            for (const auto& box : layout.boxes)
                auxiliary += box.auxiliary;
            qInfo("%s: %d ops, %zu boxes, %zu edges (%zu across scopes), %zu auxiliary", name,
                graph->node_size(), layout.boxes.size(), layout.edges.size(), crossing, auxiliary);
            if (h.node(deepest).depth >= 3)
                QVERIFY2(crossing > 0, name);
            QVERIFY2(edgeSegmentsThroughBoxes(layout) == 0, name); // routed around boxes
            checkConsistent(h, layout);
        }
        // The TF1 estimator's bookkeeping is set aside at its top level.
        const auto a01 = test::loadCorpusLogdir("a01_tf1_linearclassifier_estimator");
        const DecodedGraph decoded = loadGraph(*a01->find("ongoing/train")->graphReference());
        const GraphHierarchy h = buildGraphHierarchy(*decoded.graph);
        const ExpandedLayout layout = layOutExpanded(h, decoded.graph.get(), {});
        QStringList aside, main;
        for (const auto& box : layout.boxes)
            (box.auxiliary ? aside : main).append(QString::fromStdString(h.node(box.node).name));
        qInfo("a01 top level: main %s; auxiliary %s", qPrintable(main.join(' ')),
            qPrintable(aside.join(' ')));
        for (const char* name : {"save", "init", "global_step", "Merge"})
            QVERIFY2(aside.contains(name), name);
        for (const char* name : {"linear", "loss", "enqueue_input"}) // the model stays in the flow
            QVERIFY2(main.contains(name), name);
    }

    void edgesPassBesideTheBoxesTheyDoNotJoin()
    {
        // a → b → c and a → c: drawn straight, a → c would pass through b, which sits between.
        pb::GraphDef chain;
        addNode(chain, "a", "Placeholder");
        addNode(chain, "b", "Relu", {"a"});
        addNode(chain, "c", "Add", {"b", "a"});
        const GraphHierarchy small = buildGraphHierarchy(chain);
        ExpandedLayout layout = layOutExpanded(small, &chain, {});
        const ExpandedLayout::Edge* skip = edgeBetween(layout, small, "a", "c");
        QVERIFY(skip && skip->bendCount >= 2);
        QCOMPARE(edgesThroughBoxes(layout, true), std::size_t(1));
        QCOMPARE(edgeSegmentsThroughBoxes(layout), std::size_t(0));
        // Every bend lies outside every box.
        for (const auto& bend : layout.bends)
            for (const auto& box : layout.boxes)
                QVERIFY(!(bend.x > box.x && bend.x < box.x + box.width && bend.y > box.y
                    && bend.y < box.y + box.height));

        // The generated 20,000-op graph with a 2,000-op block open, and a01 two levels open.
        const auto& graph = largeGraphForTests();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        GraphExpansion expansion;
        revealNode(h, expansion, id(h, "model/block_1/layer_0/unit_0/MatMul0"));
        layout = layOutExpanded(h, &graph, expansion);
        const std::size_t straight = edgesThroughBoxes(layout, true);
        const std::size_t routed = edgeSegmentsThroughBoxes(layout);
        qInfo("20k-op graph, model/block_1/layer_0/unit_0 open: %zu edges, %zu bends; "
              "edges through unrelated boxes: %zu drawn straight, %zu segments routed",
            layout.edges.size(), layout.bends.size(), straight, routed);
        QVERIFY(straight > 0);
        QCOMPARE(routed, std::size_t(0));

        const auto a01 = test::loadCorpusLogdir("a01_tf1_linearclassifier_estimator");
        if (!a01)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const DecodedGraph decoded = loadGraph(*a01->find("ongoing/train")->graphReference());
        const GraphHierarchy ha = buildGraphHierarchy(*decoded.graph);
        GraphExpansion twoLevels;
        for (std::uint32_t i = 1; i < ha.nodes().size(); ++i)
            if (ha.node(i).isGroup() && ha.node(i).depth <= 2)
                twoLevels.open.insert(i);
        layout = layOutExpanded(ha, decoded.graph.get(), twoLevels);
        const std::size_t straightA01 = edgesThroughBoxes(layout, true);
        const std::size_t routedA01 = edgeSegmentsThroughBoxes(layout);
        qInfo("a01, two levels open: %zu boxes, %zu edges, %zu bends; edges through unrelated "
              "boxes: %zu drawn straight, %zu segments routed",
            layout.boxes.size(), layout.edges.size(), layout.bends.size(), straightA01, routedA01);
        QVERIFY(straightA01 > 0);
        QCOMPARE(routedA01, std::size_t(0));
    }

    void everyDrawnEdgePassesBesideUnrelatedBoxesOnItsOwnLane()
    {
        // Edges to the auxiliary area are routed like the main flow (a stub is the first
        // stretch of the route), and edges sharing a gap run side by side, not on one line.
        const auto& large = largeGraphForTests();
        const GraphHierarchy h = buildGraphHierarchy(large);
        GraphExpansion expansion;
        revealNode(h, expansion, id(h, "model/block_1/layer_0/unit_0/MatMul0"));
        std::vector<std::pair<std::string, ExpandedLayout>> layouts;
        layouts.emplace_back("20k-op graph", layOutExpanded(h, &large, expansion));
        const auto corpus = test::corpusDirectory();
        for (const char* name : kCorpusGraphs) {
            if (!corpus)
                break;
            const auto graph = largestGraphOf(name);
            const GraphHierarchy hc = buildGraphHierarchy(*graph);
            layouts.emplace_back(
                name, layOutExpanded(hc, graph.get(), twoLevelsAndDeepestOpen(hc)));
        }
        std::size_t auxiliary = 0, crossingAside = 0, lanes = 0;
        for (const auto& [name, layout] : layouts) {
            std::size_t aside = 0;
            for (const auto& edge : layout.edges)
                aside += edge.auxiliary;
            const std::size_t crossing = segmentsThroughUnrelatedBoxes(layout);
            const std::size_t merged = mergedCorridorParts(layout);
            ExpandedLayout onOneLine = layout; // the same routes without lanes
            routeEdgesWithoutLanes(onOneLine);
            const std::size_t mergedWithoutLanes = mergedCorridorParts(onOneLine);
            qInfo("%s: %zu edges (%zu to or from the auxiliary area), %zu segments through "
                  "unrelated boxes; parts merged on one line: %zu (%zu without lanes)",
                name.c_str(), layout.edges.size(), aside, crossing, merged, mergedWithoutLanes);
            QVERIFY2(crossing == 0, name.c_str());
            // Where a route grazes a box on either side, its lanes have no room to spread.
            QVERIFY2(merged * 100 <= mergedWithoutLanes, name.c_str());
            auxiliary += aside;
            lanes += mergedWithoutLanes;
            ExpandedLayout straightAside = layout; // edges to the auxiliary area not routed
            for (auto& edge : straightAside.edges)
                edge.bendCount = edge.auxiliary ? 0 : edge.bendCount;
            crossingAside += segmentsThroughUnrelatedBoxes(straightAside);
        }
        // The measures cover edges to the auxiliary area, which drawn straight cross boxes,
        // and gaps that edges share.
        QVERIFY(auxiliary > 0);
        QVERIFY(crossingAside > 0);
        QVERIFY(lanes > 0);
    }

    void lanesStayInsideTheirGapAndAreDeterministic()
    {
        // One input feeding many ops past a wide op in between: the edges pass it on one side.
        pb::GraphDef fan;
        addNode(fan, "input", "Placeholder");
        addNode(fan, "middle", "Relu", {"input"});
        for (int i = 0; i < 12; ++i)
            addNode(fan, "out" + std::to_string(i), "Add", {"middle", "input"});
        const GraphHierarchy h = buildGraphHierarchy(fan);
        const ExpandedLayout layout = layOutExpanded(h, &fan, {});
        QCOMPARE(segmentsThroughUnrelatedBoxes(layout), std::size_t(0));
        QCOMPARE(mergedCorridorParts(layout), std::size_t(0));
        // Every bend stays out of every box; the same graph gives the same bends.
        for (const auto& bend : layout.bends)
            for (const auto& box : layout.boxes)
                QVERIFY(!(bend.x > box.x && bend.x < box.x + box.width && bend.y > box.y
                    && bend.y < box.y + box.height));
        const ExpandedLayout again = layOutExpanded(h, &fan, {});
        QCOMPARE(again.bends.size(), layout.bends.size());
        for (std::size_t i = 0; i < layout.bends.size(); ++i)
            QVERIFY(again.bends[i].x == layout.bends[i].x && again.bends[i].y == layout.bends[i].y);
    }

private:
    // How many main-flow edges pass through an unrelated box, drawn as routed or (`straight`)
    // as straight lines.
    static std::size_t edgesThroughBoxes(ExpandedLayout layout, bool straight)
    {
        if (straight)
            for (auto& edge : layout.edges)
                edge.bendCount = 0;
        return edgeSegmentsThroughBoxes(layout);
    }

    // The routes of `layout` again, with every edge that shares a gap left on its middle line.
    static void routeEdgesWithoutLanes(ExpandedLayout& layout)
    {
        routeEdges(layout, GraphLayoutOptions {}.horizontalGap / 2, {}, false);
    }

    static const pb::GraphDef& largeGraphForTests()
    {
        static const pb::GraphDef graph = makeLargeGraph();
        return graph;
    }
};

LANTERN_TEST_GUILESS_MAIN(TestGraphExpandedLayout)
#include "test_graph_expanded_layout.moc"
