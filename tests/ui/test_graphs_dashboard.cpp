// The Graphs tab fed from a real load: a scoped GraphDef written with EventFileWriter, shown
// one level at a time, entered by double-click and left by the breadcrumb and Backspace, its
// ops' details shown on click and followed through their inputs, and found by search.

#include "core/analysis/graph_layout.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_support.h"
#include "ui/dashboards/graphs/graph_view.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"
#include "ui/dashboards/graphs/node_details.h"
#include "ui/main_window.h"

#include "graph.pb.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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

} // namespace

class TestGraphsDashboard : public QObject {
    Q_OBJECT
private slots:
    void tabShowsOnlyWithAGraph()
    {
        QTemporaryDir temp;
        {
            core::EventFileWriter writer(fs::path(temp.path().toStdString()) / "scalars");
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
            core::EventFileWriter writer(fs::path(temp.path().toStdString()) / "train");
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

        // Double-clicking the scope enters it.
        QTest::mouseDClick(view, Qt::LeftButton, {}, *view->centreOf(dense));
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(view->group(), dense);
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph › dense"));

        // Clicking an op shows its details.
        const std::uint32_t matMul = *hierarchy->find("dense/MatMul");
        QVERIFY(view->centreOf(matMul));
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

        // Following an input goes to its group and selects it.
        QTreeWidgetItem* inputsSection = details->tree()->topLevelItem(1);
        QVERIFY(inputsSection->text(0).startsWith(QStringLiteral("Inputs")));
        QTreeWidgetItem* firstInput = inputsSection->child(0);
        const QRect itemRect = details->tree()->visualItemRect(firstInput);
        QTest::mouseClick(details->tree()->viewport(), Qt::LeftButton, {}, itemRect.center());
        QTRY_COMPARE(shown.count(), 3);
        QCOMPARE(view->group(), input);
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph › input"));
        QCOMPARE(view->selected(), hierarchy->find("input/x"));
        QVERIFY(details->summary()->text().contains(QStringLiteral("Op: Placeholder")));

        // Backspace goes up, the group we left selected.
        QTest::keyClick(view, Qt::Key_Backspace);
        QTRY_COMPARE(shown.count(), 4);
        QCOMPARE(view->group(), 0u);
        QCOMPARE(view->selected(), std::optional<std::uint32_t>(input));

        // The kernel's attributes, found by search.
        QTest::keyClicks(graphs->searchBox(), QStringLiteral("kern"));
        QTRY_COMPARE(graphs->searchResults()->count(), 1);
        QListWidgetItem* match = graphs->searchResults()->item(0);
        QCOMPARE(match->text(), QStringLiteral("dense/kernel"));
        const QRect matchRect = graphs->searchResults()->visualItemRect(match);
        QTest::mouseClick(
            graphs->searchResults()->viewport(), Qt::LeftButton, {}, matchRect.center());
        QTRY_COMPARE(shown.count(), 5);
        QCOMPARE(view->group(), dense);
        QCOMPARE(view->selected(), hierarchy->find("dense/kernel"));
        QVERIFY(childTexts(details->tree(), QStringLiteral("Attributes")).contains("dtype"));
        QCOMPARE(details->tree()->topLevelItem(0)->child(0)->text(1), QStringLiteral("float"));

        // A regular expression; the breadcrumb's root button goes back to the top.
        graphs->searchBox()->clear();
        QTest::keyClicks(graphs->searchBox(), QStringLiteral("^dense/(MatMul|Relu)$"));
        QTRY_COMPARE(graphs->searchResults()->count(), 2);
        auto* rootButton = graphs->findChild<QWidget*>(QStringLiteral("graphBreadcrumb"))
                               ->findChild<QToolButton*>();
        QCOMPARE(rootButton->text(), QStringLiteral("Graph"));
        QTest::mouseClick(rootButton, Qt::LeftButton);
        QTRY_COMPARE(shown.count(), 6);
        QCOMPARE(view->group(), 0u);
    }
    void graphChooserSwitchesGraphsAndRuns()
    {
        QTemporaryDir temp;
        const fs::path root = temp.path().toStdString();
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
        window.openLogdirs({QString::fromStdString(logdir.string())});
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
        QTRY_COMPARE(graphs->view()->group(), net);
        QVERIFY(labelsAt(*hierarchy, net).contains(QStringLiteral("Linear[fc1]")));
        QCOMPARE(graphs->breadcrumbText(), QStringLiteral("Graph › Net"));
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
        view.setLevel(hierarchy, graph, 0, core::layOutGroup(*hierarchy, 0));
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

QTEST_MAIN(TestGraphsDashboard)
#include "test_graphs_dashboard.moc"
