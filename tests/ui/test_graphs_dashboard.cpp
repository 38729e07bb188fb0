// The Graphs tab fed from a real load: a scoped GraphDef written with EventFileWriter, shown
// one level at a time, entered by double-click and left by the breadcrumb and Backspace, its
// ops' details shown on click and followed through their inputs, and found by search.

#include "core/analysis/graph_edge_routes.h"
#include "core/analysis/graph_layout.h"
#include "core/demo/large_graph.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/graphs/graph_export.h"
#include "ui/dashboards/graphs/graph_view.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"
#include "ui/dashboards/graphs/node_details.h"
#include "ui/main_window.h"

#include "graph.pb.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QWheelEvent>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

void addNode(pb::GraphDef& graph, const std::string& name, const std::string& op,
    std::initializer_list<std::string> inputs = {})
{
    pb::NodeDef* node = graph.add_node();
    node->set_name(name);
    node->set_op(op);
    node->set_device("/device:CPU:0");
    for (const std::string& input : inputs)
        node->add_input(input);
}

// input › x, dense › {kernel, MatMul, Relu}, loss: three boxes at the root.
pb::GraphDef scopedGraph()
{
    pb::GraphDef graph;
    addNode(graph, "input/x", "Placeholder");
    addNode(graph, "dense/kernel", "VariableV2");
    (*graph.mutable_node(1)->mutable_attr())["dtype"].set_type(pb::DT_FLOAT);
    addNode(graph, "dense/MatMul", "MatMul", {"input/x", "dense/kernel"});
    addNode(graph, "dense/Relu", "Relu", {"dense/MatMul", "^input/x"});
    addNode(graph, "loss", "Mean", {"dense/Relu"});
    return graph;
}

QStringList labelsAt(const core::GraphHierarchy& hierarchy, std::uint32_t group)
{
    QStringList labels;
    for (const std::uint32_t child : hierarchy.node(group).children)
        labels.append(QString::fromStdString(std::string(hierarchy.node(child).label())));
    return labels;
}

QStringList childTexts(const QTreeWidget* tree, const QString& sectionPrefix)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0).startsWith(sectionPrefix))
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                texts.append(tree->topLevelItem(i)->child(j)->text(0));
    return texts;
}

// Opens `logdir` in `window` and shows its Graphs tab once the graph is drawn; null if it is not.
ui::GraphsDashboard* openGraphsTab(const fs::path& logdir, ui::MainWindow& window)
{
    window.resize(1400, 900);
    window.show();
    QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
    window.openLogdirs({ui::qStringFromPath(logdir)});
    if (!finished.wait(20000))
        return nullptr;
    auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
    window.showTab(QStringLiteral("graphs"));
    const bool ready
        = QTest::qWaitFor([&] { return !window.isComputing() && graphs->hierarchy(); }, 20000);
    return ready ? graphs : nullptr;
}

} // namespace

class TestGraphsDashboard : public QObject {
    Q_OBJECT
private slots:
    void tabShowsOnlyWithAGraph()
    {
        QTemporaryDir temp;
        {
            core::EventFileWriter writer(ui::pathFromQString(temp.path()) / "scalars");
            writer.addScalar("loss", 0, 1.0f);
        }
        ui::MainWindow window;
        window.show();
        QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(finished.wait(20000));
        QVERIFY(!window.showTab(QStringLiteral("graphs")));
    }

    void drillDownSelectAndSearch()
    {
        QTemporaryDir temp;
        {
            core::EventFileWriter writer(ui::pathFromQString(temp.path()) / "train");
            writer.addGraph(scopedGraph());
        }
        ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(finished.wait(20000));
        auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
        QVERIFY(graphs);
        QSignalSpy shown(graphs, &ui::GraphsDashboard::levelShown);
        QVERIFY(window.showTab(QStringLiteral("graphs")));
        QVERIFY(window.isComputing()); // decoding and laying out, off the GUI thread
        QTRY_VERIFY(!window.isComputing());
        QCOMPARE(shown.count(), 1);
        QCOMPARE(graphs->runBox()->currentText(), QStringLiteral("train"));
        QVERIFY(graphs->statusLabel()->text().contains(QStringLiteral("5 op")));

        // The root level: the two scopes and the loss op, each drawn on the view.
        const auto hierarchy = graphs->hierarchy();
        QVERIFY(hierarchy);
        ui::GraphView* view = graphs->view();
        QCOMPARE(view->group(), 0u);
        QCOMPARE(labelsAt(*hierarchy, 0),
            (QStringList {
                QStringLiteral("dense"), QStringLiteral("input"), QStringLiteral("loss")}));
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph"));
        const std::uint32_t dense = *hierarchy->find("dense");
        const std::uint32_t input = *hierarchy->find("input");
        const std::uint32_t loss = *hierarchy->find("loss");
        for (const std::uint32_t node : {dense, input, loss})
            QVERIFY(view->centreOf(node).has_value());
        // Inputs sit above the ops that read them.
        QVERIFY(view->centreOf(input)->y() < view->centreOf(dense)->y());
        QVERIFY(view->centreOf(dense)->y() < view->centreOf(loss)->y());

        // Double-clicking the scope opens it in place, around its ops.
        QTest::mouseDClick(view, Qt::LeftButton, {}, *view->centreOf(dense));
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(view->group(), 0u);
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph"));
        const std::uint32_t matMul = *hierarchy->find("dense/MatMul");
        QVERIFY(view->boxRect(matMul));
        QVERIFY(view->boxRect(dense)->contains(*view->boxRect(matMul)));
        QVERIFY(view->centreOf(input)->y() < view->centreOf(matMul)->y());
        // The input enters the scope: an edge from the closed input scope to the MatMul.
        const auto& drawn = view->layout();
        QVERIFY(std::any_of(drawn.edges.begin(), drawn.edges.end(), [&](const auto& edge) {
            return edge.from == *drawn.boxOf(input) && edge.to == *drawn.boxOf(matMul);
        }));

        // Clicking an op shows its details.
        QTest::mouseClick(view, Qt::LeftButton, {}, *view->centreOf(matMul));
        QCOMPARE(view->selected(), std::optional<std::uint32_t>(matMul));
        ui::NodeDetailsPanel* details = graphs->details();
        QVERIFY(details->title()->text().contains(QStringLiteral("dense/MatMul")));
        QVERIFY(details->summary()->text().contains(QStringLiteral("Op: MatMul")));
        QVERIFY(details->summary()->text().contains(QStringLiteral("/device:CPU:0")));
        QCOMPARE(childTexts(details->tree(), QStringLiteral("Inputs")),
            (QStringList {QStringLiteral("input/x"), QStringLiteral("dense/kernel")}));
        QCOMPARE(childTexts(details->tree(), QStringLiteral("Outputs")),
            (QStringList {QStringLiteral("dense/Relu")}));

        // Following an input opens its scope too and selects it: both open at once.
        QTreeWidgetItem* inputsSection = details->tree()->topLevelItem(1);
        QVERIFY(inputsSection->text(0).startsWith(QStringLiteral("Inputs")));
        QTreeWidgetItem* firstInput = inputsSection->child(0);
        const QRect itemRect = details->tree()->visualItemRect(firstInput);
        QTest::mouseClick(details->tree()->viewport(), Qt::LeftButton, {}, itemRect.center());
        QTRY_COMPARE(shown.count(), 3);
        QCOMPARE(view->group(), 0u);
        QCOMPARE(view->expansion().open, (std::set<std::uint32_t> {dense, input}));
        QCOMPARE(view->selected(), hierarchy->find("input/x"));
        QVERIFY(details->summary()->text().contains(QStringLiteral("Op: Placeholder")));

        // The badge closes a scope; Ctrl+double-click shows one alone; Backspace goes up.
        QTest::mouseClick(view, Qt::LeftButton, {}, *view->badgeOf(dense));
        QTRY_COMPARE(shown.count(), 4);
        QVERIFY(!view->layout().boxOf(matMul));
        QTest::mouseDClick(view, Qt::LeftButton, Qt::ControlModifier, *view->centreOf(dense));
        QTRY_COMPARE(shown.count(), 5);
        QCOMPARE(view->group(), dense);
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph › dense"));
        QTest::keyClick(view, Qt::Key_Backspace);
        QTRY_COMPARE(shown.count(), 6);
        QCOMPARE(view->group(), 0u);
        QCOMPARE(view->selected(), std::optional<std::uint32_t>(dense));

        // The kernel's attributes, found by search: its scope opens.
        QTest::keyClicks(graphs->searchBox(), QStringLiteral("kern"));
        QAbstractItemModel* results = graphs->searchResults()->model();
        QTRY_VERIFY(!graphs->isComputing() && results->rowCount() == 1);
        const QModelIndex match = results->index(0, 0);
        QCOMPARE(match.data().toString(), QStringLiteral("dense/kernel"));
        const QRect matchRect = graphs->searchResults()->visualRect(match);
        QTest::mouseClick(
            graphs->searchResults()->viewport(), Qt::LeftButton, {}, matchRect.center());
        QTRY_COMPARE(shown.count(), 7);
        QVERIFY(view->expansion().open.contains(dense));
        QCOMPARE(view->selected(), hierarchy->find("dense/kernel"));
        QVERIFY(childTexts(details->tree(), QStringLiteral("Attributes")).contains("dtype"));
        QCOMPARE(details->tree()->topLevelItem(0)->child(0)->text(1), QStringLiteral("float"));

        // A regular expression.
        graphs->searchBox()->clear();
        QTest::keyClicks(graphs->searchBox(), QStringLiteral("^dense/(MatMul|Relu)$"));
        QTRY_VERIFY(!graphs->isComputing() && results->rowCount() == 2);
        QCOMPARE(results->index(1, 0).data().toString(), QStringLiteral("dense/Relu"));
    }

    void auxiliaryNodesMoveInAndOut()
    {
        pb::GraphDef graph = scopedGraph();
        addNode(graph, "save/SaveV2", "SaveV2", {"dense/kernel"});
        addNode(graph, "init", "NoOp", {"^dense/kernel"});
        QTemporaryDir temp;
        {
            core::EventFileWriter writer(ui::pathFromQString(temp.path()) / "train");
            writer.addGraph(graph);
        }
        ui::MainWindow window;
        auto* graphs = openGraphsTab(ui::pathFromQString(temp.path()), window);
        QVERIFY(graphs);
        QSignalSpy shown(graphs, &ui::GraphsDashboard::levelShown);
        const auto hierarchy = graphs->hierarchy();
        ui::GraphView* view = graphs->view();
        const auto box = [&](const char* name) {
            return view->layout().boxes[*view->layout().boxOf(*hierarchy->find(name))];
        };
        // Saving and initialising are set aside, on the right of the flow.
        QVERIFY(box("save").auxiliary);
        QVERIFY(box("init").auxiliary);
        QVERIFY(!box("loss").auxiliary);
        QVERIFY(box("save").x > box("loss").x + box("loss").width);

        // "A" moves the selected node aside, and back.
        QTest::mouseClick(view, Qt::LeftButton, {}, *view->centreOf(*hierarchy->find("loss")));
        QTest::keyClick(view, Qt::Key_A);
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(box("loss").auxiliary);
        QCOMPARE(view->selected(), hierarchy->find("loss"));
        QTest::keyClick(view, Qt::Key_A);
        QTRY_COMPARE(shown.count(), 2);
        QVERIFY(!box("loss").auxiliary);
        QTest::mouseClick(view, Qt::LeftButton, {}, *view->centreOf(*hierarchy->find("init")));
        QTest::keyClick(view, Qt::Key_A);
        QTRY_COMPARE(shown.count(), 3);
        QVERIFY(!box("init").auxiliary);
    }

    void bigGraphOpensReadableOnItsInputs()
    {
        auto graph = std::make_shared<const pb::GraphDef>(core::makeLargeGraph());
        auto hierarchy
            = std::make_shared<const core::GraphHierarchy>(core::buildGraphHierarchy(*graph));
        core::GraphExpansion expansion;
        expansion.open.insert(*hierarchy->find("model"));
        expansion.open.insert(*hierarchy->find("gradients"));
        ui::GraphView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLayout(
            hierarchy, graph, expansion, core::layOutExpanded(*hierarchy, graph.get(), expansion));
        QVERIFY(view.layout().height * view.scale() > 600); // too big to fit at this scale…
        QVERIFY(view.scale() >= 0.8); // …yet not shrunk to unreadable
        // The input pipeline is on screen, at the top.
        const QRectF input = *view.boxRect(*hierarchy->find("input"));
        QVERIFY(QRectF(view.rect()).contains(input));
        QVERIFY(input.top() < 100);
        // A highlight set (search, trace) dims the rest.
        const std::uint32_t loss = *hierarchy->find("loss");
        view.setHighlighted({loss}, true);
        QCOMPARE(view.highlighted(), (std::set<std::uint32_t> {loss}));
        view.centreOn(loss);
        QVERIFY(QRectF(view.rect()).contains(view.boxRect(loss)->center()));
    }
    void graphChooserSwitchesGraphsAndRuns()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        {
            core::EventFileWriter writer(root / "a");
            writer.addGraph(scopedGraph());
            pb::GraphDef traced;
            addNode(traced, "trace_scope/first", "Const");
            addNode(traced, "trace_scope/second", "Neg", {"trace_scope/first"});
            writer.addRunMetadataGraph("step_trace", 3, traced);
        }
        {
            pb::GraphDef other;
            addNode(other, "only_op", "NoOp");
            core::EventFileWriter writer(root / "b");
            writer.addGraph(other);
        }
        ui::MainWindow window;
        window.show();
        QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(finished.wait(20000));
        auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
        QVERIFY(window.showTab(QStringLiteral("graphs")));
        QTRY_VERIFY(!window.isComputing());
        QCOMPARE(graphs->runBox()->count(), 2);
        QCOMPARE(graphs->runBox()->currentText(), QStringLiteral("a"));
        // Run "a" holds an op graph and a traced one: the chooser shows, op graph first.
        QVERIFY(graphs->graphBox()->isVisible());
        QCOMPARE(graphs->graphBox()->count(), 2);
        QCOMPARE(graphs->hierarchy()->opCount(), std::size_t(5));
        QVERIFY(graphs->graphBox()->itemText(1).contains(QStringLiteral("step_trace")));

        graphs->graphBox()->setCurrentIndex(1);
        QTRY_VERIFY(!window.isComputing());
        QCOMPARE(graphs->hierarchy()->opCount(), std::size_t(2));
        QVERIFY(graphs->hierarchy()->find("trace_scope/second").has_value());

        graphs->runBox()->setCurrentIndex(1);
        QTRY_VERIFY(!window.isComputing());
        QVERIFY(!graphs->graphBox()->isVisible()); // one graph: nothing to choose
        QCOMPARE(graphs->hierarchy()->opCount(), std::size_t(1));
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph"));
    }
    void corpusTorchGraph()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const fs::path logdir = *corpus / "c01_torch_tutorial_images_graph_embedding" / "runs";
        if (!fs::exists(logdir))
            QSKIP("corpus case c01 is absent");
        ui::MainWindow window;
        window.show();
        QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({ui::qStringFromPath(logdir)});
        QVERIFY(finished.wait(20000));
        auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
        QVERIFY(window.showTab(QStringLiteral("graphs")));
        QTRY_VERIFY(!window.isComputing());
        const auto hierarchy = graphs->hierarchy();
        QVERIFY(hierarchy);
        // torch's add_graph: the module "Net" between the input and output nodes.
        QCOMPARE(labelsAt(*hierarchy, 0),
            (QStringList {
                QStringLiteral("Net"), QStringLiteral("input"), QStringLiteral("output")}));
        const std::uint32_t net = *hierarchy->find("Net");
        QTest::mouseDClick(graphs->view(), Qt::LeftButton, {}, *graphs->view()->centreOf(net));
        QTRY_VERIFY(graphs->view()->layout().boxes[*graphs->view()->layout().boxOf(net)].open);
        QVERIFY(labelsAt(*hierarchy, net).contains(QStringLiteral("Linear[fc1]")));
        QVERIFY(graphs->view()->centreOf(*hierarchy->find("Net/Linear[fc1]")));
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph"));
    }
    // a01 with its main scopes opened two levels deep, c01's module open, and the generated
    // 20,000-op graph as it opens and with a deep op revealed; each saved to
    // $LANTERN_SCREENSHOT_DIR when set, to be looked at.
    void expandedGraphsAsUsersSeeThem()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const QString shots = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
        // Opens the groups of the main flow (not auxiliary) among the boxes inside `owner`.
        const auto openMainGroups = [](ui::GraphsDashboard* graphs, std::int32_t owner) {
            const auto& layout = graphs->view()->layout();
            std::vector<std::uint32_t> groups;
            for (const auto& box : layout.boxes)
                if (box.parentBox == owner && !box.auxiliary && !box.open
                    && graphs->hierarchy()->node(box.node).isGroup())
                    groups.push_back(box.node);
            for (const std::uint32_t group : groups)
                graphs->toggleGroup(group);
        };
        {
            ui::MainWindow window;
            auto* graphs
                = openGraphsTab(*corpus / "a01_tf1_linearclassifier_estimator" / "ongoing", window);
            QVERIFY(graphs);
            openMainGroups(graphs, -1);
            QTRY_VERIFY(!window.isComputing());
            const auto& first = graphs->view()->layout();
            std::vector<std::int32_t> openBoxes;
            for (std::uint32_t b = 0; b < first.boxes.size(); ++b)
                if (first.boxes[b].open)
                    openBoxes.push_back(std::int32_t(b));
            QVERIFY(!openBoxes.empty());
            for (const std::int32_t box : openBoxes)
                openMainGroups(graphs, box);
            QTRY_VERIFY(!window.isComputing());
            // Boxes two open groups deep, and edges crossing scope boundaries.
            const auto& layout = graphs->view()->layout();
            const auto depthOf = [&](std::size_t b) {
                int depth = 0;
                for (std::int32_t p = layout.boxes[b].parentBox; p >= 0;
                     p = layout.boxes[std::size_t(p)].parentBox)
                    ++depth;
                return depth;
            };
            int deepest = 0;
            for (std::size_t b = 0; b < layout.boxes.size(); ++b)
                deepest = std::max(deepest, depthOf(b));
            QVERIFY(deepest >= 2);
            QVERIFY(std::any_of(layout.edges.begin(), layout.edges.end(), [&](const auto& edge) {
                return layout.boxes[edge.from].parentBox != layout.boxes[edge.to].parentBox;
            }));
            // Every edge drawn, those to the auxiliary area too, passes beside the boxes it
            // does not join.
            QVERIFY(std::any_of(layout.edges.begin(), layout.edges.end(),
                [](const auto& edge) { return edge.auxiliary && edge.bendCount > 0; }));
            QCOMPARE(core::edgeSegmentsThroughBoxes(layout), std::size_t(0));
            graphs->view()->showInputEnd();
            QVERIFY(graphs->view()->scale() >= 0.8);
            if (!shots.isEmpty()) {
                QVERIFY(window.grab().save(shots + QStringLiteral("/graphs_a01_two_levels.png")));
                QVERIFY(ui::exportGraphPng(
                    *graphs->view(), shots + QStringLiteral("/graphs_a01_two_levels_whole.png"))
                            .isEmpty());
            }
        }
        // f06 and b01 with their main scopes open, only to be looked at (not run in CI).
        for (const char* name : {"f06_tf1_keras_embeddings_callback_broken_paths",
                 "b01_tf2_keras_callback_and_custom_loop"}) {
            if (shots.isEmpty())
                break;
            ui::MainWindow window;
            auto* graphs = openGraphsTab(*corpus / name, window);
            QVERIFY(graphs);
            openMainGroups(graphs, -1);
            QTRY_VERIFY(!window.isComputing());
            QCOMPARE(core::edgeSegmentsThroughBoxes(graphs->view()->layout()), std::size_t(0));
            const QString file = shots + QLatin1Char('/') + QLatin1String(name).left(3);
            QVERIFY(window.grab().save(file + QStringLiteral(".png")));
            QVERIFY(
                ui::exportGraphPng(*graphs->view(), file + QStringLiteral("_whole.png")).isEmpty());
        }
        {
            ui::MainWindow window;
            auto* graphs = openGraphsTab(
                *corpus / "c01_torch_tutorial_images_graph_embedding" / "runs", window);
            graphs->toggleGroup(*graphs->hierarchy()->find("Net"));
            QTRY_VERIFY(!window.isComputing());
            QVERIFY(graphs->view()->centreOf(*graphs->hierarchy()->find("Net/Linear[fc1]")));
            if (!shots.isEmpty())
                QVERIFY(window.grab().save(shots + QStringLiteral("/graphs_c01.png")));
        }
        {
            QTemporaryDir temp;
            {
                core::EventFileWriter writer(ui::pathFromQString(temp.path()) / "train");
                writer.addGraph(core::makeLargeGraph());
            }
            ui::MainWindow window;
            auto* graphs = openGraphsTab(ui::pathFromQString(temp.path()), window);
            QCOMPARE(graphs->hierarchy()->opCount(), std::size_t(core::kLargeGraphOps));
            QVERIFY(graphs->view()->scale() >= 0.8);
            if (!shots.isEmpty())
                QVERIFY(window.grab().save(shots + QStringLiteral("/graphs_20k_opened.png")));
            const std::uint32_t deep
                = *graphs->hierarchy()->find("model/block_1/layer_3/unit_2/Add1");
            graphs->navigateTo(deep);
            QTRY_VERIFY(!window.isComputing());
            QCOMPARE(graphs->view()->selected(), std::optional<std::uint32_t>(deep));
            QVERIFY(QRectF(graphs->view()->rect()).contains(*graphs->view()->boxRect(deep)));
            if (!shots.isEmpty())
                QVERIFY(window.grab().save(shots + QStringLiteral("/graphs_20k_deep.png")));
        }
    }

    void viewPansAndZooms()
    {
        const pb::GraphDef graphDef = scopedGraph();
        auto graph = std::make_shared<const pb::GraphDef>(graphDef);
        auto hierarchy
            = std::make_shared<const core::GraphHierarchy>(core::buildGraphHierarchy(*graph));
        ui::GraphView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLayout(hierarchy, graph, {}, core::layOutExpanded(*hierarchy, graph.get(), {}));
        const std::uint32_t input = *hierarchy->find("input");
        const std::uint32_t loss = *hierarchy->find("loss");
        const QPoint before = *view.centreOf(input);
        const int spanBefore = view.centreOf(loss)->y() - before.y();

        // Dragging empty space moves everything by the drag.
        const QPoint empty(5, 5);
        QTest::mousePress(&view, Qt::LeftButton, {}, empty);
        QMouseEvent move(QEvent::MouseMove, QPointF(65, 45), view.mapToGlobal(QPointF(65, 45)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(65, 45));
        QCOMPARE(*view.centreOf(input), before + QPoint(60, 40));
        QVERIFY(!view.selected()); // a drag is not a click

        // The wheel zooms in around the cursor.
        const QPointF at = *view.centreOf(input);
        QWheelEvent wheel(at, view.mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.centreOf(loss)->y() - view.centreOf(input)->y() > spanBefore);
        QVERIFY((*view.centreOf(input) - at.toPoint()).manhattanLength() <= 2);
    }
};

LANTERN_TEST_MAIN(TestGraphsDashboard)
#include "test_graphs_dashboard.moc"
