// The Graphs tab's exploring tools on real corpus graphs, on the boxes of the expanded view: the
// graph it opens on (the most ops, never an empty one), graph.pbtxt beside the events, colour by
// device / structure / compute time with their legends, trace inputs, search rings that open
// the scopes holding the matches and stepping (typed with QTest), the minimap, and PNG and SVG
// export that read back. What the canvas shows is checked in its pixels where it matters.

#include "core/analysis/graph_trace.h"
#include "core/demo/large_graph.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/graphs/graph_explorer.h"
#include "ui/dashboards/graphs/graph_export.h"
#include "ui/dashboards/graphs/graph_legend.h"
#include "ui/dashboards/graphs/graph_minimap.h"
#include "ui/dashboards/graphs/graph_view.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"

#include "event.pb.h"
#include "graph.pb.h"
#include "run_metadata.pb.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <map>

using namespace lantern;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

// input/x → dense/{MatMul, Relu} on the CPU, head/{MatMul, Softmax} on the GPU in an XLA
// cluster (head/bias on the GPU too, outside the cluster), and a tagged RunMetadata whose step
// statistics make the head the slow part.
void writeProfiledRun(const fs::path& directory)
{
    pb::GraphDef graph;
    pb::RunMetadata metadata;
    std::map<std::string, pb::DeviceStepStats*> devices;
    const auto add = [&](const std::string& name, const std::string& op, const std::string& device,
                         const std::string& input, int micros) {
        pb::NodeDef* node = graph.add_node();
        node->set_name(name);
        node->set_op(op);
        node->set_device(device);
        if (!input.empty())
            node->add_input(input);
        if (name.starts_with("head/") && op != "Const") // the bias is left out of the cluster
            (*node->mutable_attr())["_XlaCluster"].set_s("cluster_7");
        if (micros == 0)
            return;
        pb::DeviceStepStats*& stats = devices[device];
        if (!stats) {
            stats = metadata.mutable_step_stats()->add_dev_stats();
            stats->set_device(device);
        }
        pb::NodeExecStats* exec = stats->add_node_stats();
        exec->set_node_name(name);
        exec->set_op_end_rel_micros(micros);
        exec->add_memory()->set_total_bytes(std::int64_t(micros) * 1024);
    };
    add("input/x", "Placeholder", "/device:CPU:0", "", 0);
    add("dense/MatMul", "MatMul", "/device:CPU:0", "input/x", 30);
    add("dense/Relu", "Relu", "/device:CPU:0", "dense/MatMul", 10);
    add("head/MatMul", "MatMul", "/device:GPU:0", "dense/Relu", 300);
    add("head/Softmax", "Softmax", "/device:GPU:0", "head/MatMul", 100);
    add("head/bias", "Const", "/device:GPU:0", "", 0);
    core::EventFileWriter writer(directory);
    writer.addGraph(graph);
    pb::Event event;
    event.set_step(5);
    event.mutable_tagged_run_metadata()->set_tag("step_5");
    event.mutable_tagged_run_metadata()->set_run_metadata(metadata.SerializeAsString());
    writer.writeEvent(event);
}

std::shared_ptr<const core::LogdirSnapshot> loadLogdir(const fs::path& logdir)
{
    core::LogdirLoader loader({{"", logdir}});
    loader.reload();
    return loader.snapshot();
}

// The dashboard on a corpus logdir, shown, once its graph is drawn; null when no corpus.
std::unique_ptr<ui::GraphsDashboard> openOn(const char* name)
{
    const auto snapshot = loadCorpusLogdir(name);
    if (!snapshot)
        return nullptr;
    auto dashboard = std::make_unique<ui::GraphsDashboard>();
    dashboard->resize(1300, 850);
    dashboard->show();
    dashboard->setSnapshot(snapshot);
    return dashboard;
}

// Shows `dashboard` on a logdir the test wrote (not yet drawn: wait until settled).
void showOn(ui::GraphsDashboard& dashboard, const fs::path& logdir)
{
    dashboard.resize(1300, 850);
    dashboard.show();
    dashboard.setSnapshot(loadLogdir(logdir));
}

bool settled(const ui::GraphsDashboard& dashboard)
{
    return !dashboard.isComputing() && dashboard.hierarchy() && dashboard.view()->hasLevel();
}

int opCountShown(const ui::GraphsDashboard& dashboard)
{
    return int(dashboard.hierarchy()->opCount());
}

// Whether the view's pixels near `at` (within 3 px) hold `colour` (within antialiasing).
bool inkNear(ui::GraphView& view, QPointF at, QColor colour)
{
    const QImage image = view.grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    for (int dy = -3; dy <= 3; ++dy)
        for (int dx = -3; dx <= 3; ++dx) {
            const QPoint p((at + QPointF(dx, dy)).toPoint() * ratio);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < 24)
                return true;
        }
    return false;
}

const QColor kRing(0x00, 0x8a, 0xd8); // graph_view.cpp's search ring

// Turns the wheel over the view's middle until part of the graph is out of sight.
void zoomInUntilItOverflows(ui::GraphView& view)
{
    const QPointF middle(view.width() / 2.0, view.height() / 2.0);
    const QRectF scene(QPointF(0, 0), view.sceneSize());
    for (int turn = 0; turn < 12 && view.visibleSceneRect().contains(scene); ++turn) {
        QWheelEvent wheel(middle, view.mapToGlobal(middle), {}, {0, 240}, Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
    }
}

// The 20,000-op generated graph with model and model/block_1 open: hundreds of routed edges.
struct OpenedLargeGraph {
    std::shared_ptr<const pb::GraphDef> graph;
    std::shared_ptr<const core::GraphHierarchy> hierarchy;
    core::GraphExpansion expansion;
};

OpenedLargeGraph openedLargeGraph()
{
    OpenedLargeGraph opened;
    opened.graph = std::make_shared<const pb::GraphDef>(core::makeLargeGraph());
    opened.hierarchy
        = std::make_shared<const core::GraphHierarchy>(core::buildGraphHierarchy(*opened.graph));
    opened.expansion.open
        = {*opened.hierarchy->find("model"), *opened.hierarchy->find("model/block_1")};
    return opened;
}

// What `view` shows, drawn again from scratch: the whole scene, nothing culled, at the view's
// scale and position.
QImage fullRedrawOf(const ui::GraphView& view)
{
    QImage image(view.size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(view.font());
    painter.translate(-view.visibleSceneRect().topLeft() * view.scale());
    painter.scale(view.scale(), view.scale());
    view.renderScene(painter);
    return image;
}

// How many pixels of `a` and `b` (the same size) differ by more than antialiasing noise.
int pixelsApart(const QImage& a, const QImage& b)
{
    int apart = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            apart += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q))
                    + std::abs(qBlue(p) - qBlue(q))
                > 24;
        }
    return apart;
}

// How much is drawn inside `rect` of the view: the summed darkness of its pixels.
double inkIn(ui::GraphView& view, const QRectF& rect)
{
    const QImage image = view.grab().toImage();
    const QRect area = rect.toAlignedRect().intersected(view.rect());
    double ink = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            ink += 255 - qGray(image.pixel(x, y));
    return ink;
}

} // namespace

class TestGraphExplorer : public QObject {
    Q_OBJECT
private slots:
    void opensOnTheRunAndGraphWithTheMostOps()
    {
        auto dashboard = openOn("b01_tf2_keras_callback_and_custom_loop");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        // The custom loop's run sorts first but its traced graph is empty.
        QVERIFY(dashboard->runBox()->count() >= 2);
        QVERIFY2(dashboard->runBox()->currentText().contains(QStringLiteral("standard")),
            qPrintable(dashboard->runBox()->currentText()));
        QVERIFY(opCountShown(*dashboard) > 0);
        // Every graph of the chosen run is listed with its op count; none has more ops.
        QComboBox* graphs = dashboard->graphBox();
        QVERIFY(graphs->count() >= 2);
        QVERIFY(graphs->currentText().contains(QString::number(opCountShown(*dashboard))));
        qInfo("b01 opens on %s · %s", qPrintable(dashboard->runBox()->currentText()),
            qPrintable(graphs->currentText()));
    }

    void everyCorpusCaseOpensOnAGraphWithOps()
    {
        if (!corpusDirectory())
            QSKIP(qPrintable(corpusMissingMessage()));
        for (const char* name :
            {"a01_tf1_linearclassifier_estimator", "a03_tf0x_2016_functionaltest_train_eval",
                "c01_torch_tutorial_images_graph_embedding",
                "f06_tf1_keras_embeddings_callback_broken_paths"}) {
            auto dashboard = openOn(name);
            QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
            QVERIFY2(opCountShown(*dashboard) > 0, name);
        }
    }

    void aReloadCountsOnlyTheGraphsItHasNotCounted()
    {
        QTemporaryDir temp;
        const fs::path logdir = ui::pathFromQString(temp.path());
        const auto writeRun = [&](const char* run, int ops) {
            pb::GraphDef graph;
            for (int i = 0; i < ops; ++i) {
                pb::NodeDef* node = graph.add_node();
                node->set_name(std::string(run) + "/op" + std::to_string(i));
                node->set_op("Add");
            }
            core::EventFileWriter(logdir / run).addGraph(graph);
        };
        writeRun("a", 7);
        ui::GraphsDashboard dashboard;
        showOn(dashboard, logdir);
        QTRY_VERIFY_WITH_TIMEOUT(settled(dashboard), 20000);
        QCOMPARE(dashboard.graphBox()->currentText(), QStringLiteral("Op graph · 7 op(s)"));
        // A second run appears; the first one's events are gone by the time the census runs.
        // Counted again, "a" would have 0 ops and the tab would open on "b".
        writeRun("b", 3);
        const auto reloaded = loadLogdir(logdir);
        for (const auto& entry : fs::directory_iterator(logdir / "a"))
            fs::remove(entry.path());
        dashboard.setSnapshot(reloaded);
        QTRY_VERIFY_WITH_TIMEOUT(settled(dashboard) && dashboard.runBox()->count() == 2, 20000);
        QCOMPARE(dashboard.runBox()->currentText(), QStringLiteral("a"));
        QCOMPARE(dashboard.graphBox()->currentText(), QStringLiteral("Op graph · 7 op(s)"));
        dashboard.runBox()->setCurrentIndex(dashboard.runBox()->findText(QStringLiteral("b")));
        QTRY_VERIFY_WITH_TIMEOUT(settled(dashboard), 20000);
        QCOMPARE(dashboard.graphBox()->currentText(), QStringLiteral("Op graph · 3 op(s)"));
    }

    void readsGraphPbtxtBesideTheEvents()
    {
        auto dashboard = openOn("a02_tf1_custom_estimator_resumed");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        QComboBox* graphs = dashboard->graphBox();
        const int text = graphs->findText(QStringLiteral("graph.pbtxt"), Qt::MatchContains);
        QVERIFY(text >= 0);
        QSignalSpy shown(dashboard.get(), &ui::GraphsDashboard::levelShown);
        graphs->setCurrentIndex(text);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && settled(*dashboard), 20000);
        QVERIFY(opCountShown(*dashboard) > 50);
        QVERIFY(graphs->currentText().contains(QString::number(opCountShown(*dashboard))));
    }

    void colourByDeviceClusterTimeAndMemoryWithLegends()
    {
        QTemporaryDir temp;
        writeProfiledRun(ui::pathFromQString(temp.path()) / "profiled");
        ui::GraphsDashboard dashboard;
        showOn(dashboard, ui::pathFromQString(temp.path()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(dashboard), 20000);
        QCOMPARE(dashboard.graphBox()->currentText(), QStringLiteral("Op graph · 6 op(s)"));
        const auto hierarchy = dashboard.hierarchy();
        const std::uint32_t dense = *hierarchy->find("dense");
        const std::uint32_t head = *hierarchy->find("head");
        ui::GraphExplorer* explorer = dashboard.explorer();
        ui::GraphView* view = dashboard.view();
        const auto show = [&](ui::GraphColouring colouring) {
            QSignalSpy shown(explorer, &ui::GraphExplorer::schemeShown);
            explorer->setColouring(colouring);
            return shown.wait(10000) || shown.count() > 0;
        };
        QVERIFY(show(ui::GraphColouring::Device));
        QCOMPARE(explorer->legend()->entryTexts(),
            QStringList({QStringLiteral("/device:CPU:0 (3 op(s))"),
                QStringLiteral("/device:GPU:0 (3 op(s))"),
                QStringLiteral("mixed (hatched, in the colour of most of its ops)"),
                QStringLiteral("no device")}));
        QVERIFY(view->fillOf(dense).isValid() && view->fillOf(head).isValid());
        QVERIFY(view->fillOf(dense) != view->fillOf(head));
        // The closed scope's box is painted in its device's colour (low in the box, under
        // its text); opened, its wash shows behind the children and they take their own.
        const QRectF denseBox = *view->boxRect(dense);
        const QPointF low(denseBox.center().x(), denseBox.bottom() - 4);
        QVERIFY(inkNear(*view, low, view->fillOf(dense)));
        QVERIFY(!inkNear(*view, low, view->fillOf(head)));
        QSignalSpy opened(&dashboard, &ui::GraphsDashboard::levelShown);
        dashboard.toggleGroup(dense);
        QVERIFY(opened.wait(10000));
        const std::uint32_t relu = *hierarchy->find("dense/Relu");
        QVERIFY(view->boxRect(relu));
        QCOMPARE(view->fillOf(relu), view->fillOf(dense)); // the same device
        QVERIFY(inkNear(*view, view->boxRect(relu)->center() + QPointF(0, 12), view->fillOf(relu))
            || inkNear(*view, view->boxRect(relu)->center() - QPointF(0, 12), view->fillOf(relu)));

        QVERIFY(show(ui::GraphColouring::XlaCluster));
        QCOMPARE(explorer->legend()->entryTexts().first(), QStringLiteral("cluster_7 (2 op(s))"));
        QCOMPARE(view->fillOf(*hierarchy->find("input")), view->fillOf(dense)); // no cluster
        // The head holds clustered ops and its bias outside: hatched over the cluster's colour.
        QVERIFY(view->isMixed(head) && !view->isMixed(dense));
        QCOMPARE(view->fillOf(head), view->fillOf(*hierarchy->find("head/MatMul")));

        QVERIFY(show(ui::GraphColouring::ComputeTime));
        QVERIFY(explorer->statsBox()->isVisible());
        QCOMPARE(
            explorer->statsBox()->currentText(), QStringLiteral("Run metadata step_5, step 5"));
        QVERIFY2(explorer->legend()->text().contains(QStringLiteral("4 ops measured · 0.44 ms")),
            qPrintable(explorer->legend()->text()));
        // The head took ten times the dense layer: the deeper shade at the top level.
        QVERIFY(view->fillOf(head).lightness() < view->fillOf(dense).lightness());
        QVERIFY(!view->fillOf(*hierarchy->find("input")).isValid()); // not measured

        // The step statistics were read once: with the run's files gone, memory still colours.
        for (const auto& entry :
            fs::directory_iterator(ui::pathFromQString(temp.path()) / "profiled"))
            fs::remove(entry.path());
        QVERIFY(show(ui::GraphColouring::Memory));
        QVERIFY2(explorer->legend()->text().contains(QStringLiteral("0.43 MiB in all")),
            qPrintable(explorer->legend()->text()));
        QVERIFY(view->fillOf(head).lightness() < view->fillOf(dense).lightness());
    }

    void colourByOnACorpusGraph()
    {
        auto dashboard = openOn("b01_tf2_keras_callback_and_custom_loop");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        ui::GraphExplorer* explorer = dashboard->explorer();
        ui::GraphView* view = dashboard->view();
        const auto& root = dashboard->hierarchy()->root().children;

        QSignalSpy schemes(explorer, &ui::GraphExplorer::schemeShown);
        // TF2's Keras callback writes its op graph unplaced: the legend says so.
        explorer->setColouring(ui::GraphColouring::Device);
        QTRY_VERIFY(schemes.count() >= 1 && !explorer->isComputing());
        QVERIFY(explorer->legend()->isVisible());
        QVERIFY(explorer->legend()->text().contains(
            QStringLiteral("No op of this graph names a device")));

        explorer->setColouring(ui::GraphColouring::Structure);
        QTRY_VERIFY(schemes.count() >= 2 && !explorer->isComputing());
        QVERIFY(explorer->legend()->entryTexts().last().contains(QStringLiteral("unique")));

        // The batch the callback traced holds its graph, not step statistics: said so.
        explorer->setColouring(ui::GraphColouring::ComputeTime);
        QVERIFY(explorer->statsBox()->isVisible());
        QTRY_VERIFY(schemes.count() >= 3 && !explorer->isComputing());
        QVERIFY(explorer->legend()->text().contains(QStringLiteral("holds no step statistics")));

        explorer->setColouring(ui::GraphColouring::Plain);
        QVERIFY(!explorer->legend()->isVisible());
        QVERIFY(std::ranges::none_of(
            root, [view](std::uint32_t n) { return view->fillOf(n).isValid(); }));
    }

    void traceInputsDimsWhatDoesNotFeedTheSelection()
    {
        auto dashboard = openOn("a01_tf1_linearclassifier_estimator");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        const auto hierarchy = dashboard->hierarchy();
        ui::GraphView* view = dashboard->view();
        // The root box that reads the most: trace it.
        const auto& root = hierarchy->root().children;
        const std::uint32_t target = *std::ranges::max_element(root, {}, [&](std::uint32_t n) {
            return std::ranges::count(core::tracedInputs(*hierarchy, n), true);
        });
        const std::vector<bool> expected = core::tracedInputs(*hierarchy, target);
        ui::GraphExplorer* explorer = dashboard->explorer();
        QSignalSpy schemes(explorer, &ui::GraphExplorer::schemeShown);
        view->centreOn(target);
        QTest::mouseClick(view, Qt::LeftButton, {}, *view->centreOf(target));
        QCOMPARE(view->selected(), std::optional<std::uint32_t>(target));
        // Far from the target, the trace brings it back into sight at a readable scale.
        view->centreOn(QPointF(-2000, -2000));
        explorer->traceButton()->click();
        QTRY_VERIFY(schemes.count() >= 1 && !explorer->isComputing());
        QVERIFY(QRectF(view->rect()).contains(*view->boxRect(target)));
        QVERIFY(view->scale() >= 0.8 - 1e-9);
        // A box in sight that does not feed the target fades (untraced, it draws more ink).
        const auto unfed = std::ranges::find_if(view->layout().boxes, [&](const auto& box) {
            const auto rect = view->boxRect(box.node);
            return !expected[box.node] && rect && QRectF(view->rect()).contains(*rect);
        });
        QVERIFY(unfed != view->layout().boxes.end());
        const double inkTraced = inkIn(*view, *view->boxRect(unfed->node));
        explorer->setTracing(false);
        const double inkBefore = inkIn(*view, *view->boxRect(unfed->node));
        QVERIFY(inkTraced < 0.6 * inkBefore);
        explorer->setTracing(true);
        QTRY_VERIFY(schemes.count() >= 2 && !explorer->isComputing());
        // Every box drawn, closed scopes included, is faint exactly when nothing in it feeds
        // the selection.
        const auto checkBoxes = [&] {
            int faint = 0;
            for (const auto& box : view->layout().boxes) {
                if (view->isFaint(box.node) != !expected[box.node])
                    return -1;
                faint += view->isFaint(box.node);
            }
            return faint;
        };
        QVERIFY(checkBoxes() > 0); // something at the top does not feed it
        QVERIFY(!view->isFaint(target));
        // Open a traced scope that is not the target: inside, only the ops that feed it stay lit.
        const auto traced = std::ranges::find_if(root, [&](std::uint32_t n) {
            return n != target && expected[n] && hierarchy->node(n).isGroup();
        });
        if (traced != root.end()) {
            QSignalSpy opened(dashboard.get(), &ui::GraphsDashboard::levelShown);
            view->centreOn(*traced); // clear of the overview in the corner
            QTest::mouseClick(view, Qt::LeftButton, {}, *view->badgeOf(*traced));
            QVERIFY(opened.wait(10000));
            QVERIFY(view->layout().boxes.size() > root.size());
            QVERIFY(checkBoxes() > 0);
            QCOMPARE(view->selected(), std::optional<std::uint32_t>(target));
        }
        explorer->traceButton()->click();
        QVERIFY(std::ranges::none_of(
            view->layout().boxes, [view](const auto& box) { return view->isFaint(box.node); }));
    }

    void searchRingsMatchesAndStepsThroughThem()
    {
        auto dashboard = openOn("a01_tf1_linearclassifier_estimator");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        const auto hierarchy = dashboard->hierarchy();
        ui::GraphExplorer* explorer = dashboard->explorer();
        ui::GraphView* view = dashboard->view();
        QTest::keyClicks(dashboard->searchBox(), QStringLiteral("ApplyFtrl"));
        QTRY_VERIFY(!explorer->matches().empty());
        const auto matches = explorer->matches();
        QVERIFY(matches.size() > 1);
        QCOMPARE(explorer->matchLabel()->text(), QStringLiteral("%1 matches").arg(matches.size()));
        // A few matches: the scopes holding them open, every match is drawn and ringed, and
        // so is every open scope on the way to one; boxes holding none are not.
        QTRY_VERIFY(!dashboard->isComputing()
            && std::ranges::all_of(matches,
                [view](std::uint32_t op) { return view->layout().boxOf(op).has_value(); }));
        for (const auto& box : view->layout().boxes) {
            const bool holds = std::ranges::any_of(matches, [&](std::uint32_t op) {
                return op == box.node || hierarchy->childContaining(box.node, op);
            });
            QCOMPARE(view->isRinged(box.node), holds);
        }
        // The view moved to them: the first match in sight, readable.
        QVERIFY(QRectF(view->rect()).contains(*view->boxRect(matches[0])));
        QVERIFY(view->scale() >= 0.8 - 1e-9);
        // Enter goes to the first match: selected, centred and ringed on the canvas.
        QTest::keyClick(dashboard->searchBox(), Qt::Key_Return);
        QTRY_VERIFY(!dashboard->isComputing() && view->selected() == matches[0]);
        const QPointF middle(view->width() / 2.0, view->height() / 2.0);
        QVERIFY((view->boxRect(matches[0])->center() - middle).manhattanLength() < 4);
        QCOMPARE(explorer->matchLabel()->text(), QStringLiteral("1 of %1").arg(matches.size()));
        // The ring shows around the second match (not selected, so not the selection's orange).
        const QRectF second = *view->boxRect(matches[1]);
        view->centreOn(matches[1]);
        QVERIFY(inkNear(*view,
            QPointF(view->boxRect(matches[1])->center().x(), view->boxRect(matches[1])->top() + 1),
            kRing));
        QCOMPARE(second.size(), view->boxRect(matches[1])->size());
        if (matches.size() > 1) {
            QTest::mouseClick(explorer->findChild<QToolButton*>(QStringLiteral("graphNextMatch")),
                Qt::LeftButton);
            QTRY_VERIFY(!dashboard->isComputing() && view->selected() == matches[1]);
            QCOMPARE(explorer->matchLabel()->text(), QStringLiteral("2 of %1").arg(matches.size()));
        }
        QTest::mouseClick(explorer->findChild<QToolButton*>(QStringLiteral("graphPreviousMatch")),
            Qt::LeftButton);
        QTRY_VERIFY(!dashboard->isComputing() && view->selected() == matches[0]);
        dashboard->searchBox()->clear();
        QTRY_VERIFY(explorer->matches().empty());
        QVERIFY(!view->isRinged(matches[0]));
    }

    void manyMatchesRingTheirClosedScopes()
    {
        auto dashboard = openOn("a01_tf1_linearclassifier_estimator");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        ui::GraphView* view = dashboard->view();
        QTest::keyClicks(dashboard->searchBox(), QStringLiteral("linear_model/"));
        QTRY_VERIFY(!dashboard->explorer()->matches().empty());
        // Hundreds of matches: nothing opens, the closed scope holding them is ringed.
        QVERIFY(dashboard->explorer()->matches().size() > 100);
        QVERIFY(!dashboard->isComputing());
        QVERIFY(dashboard->expansion().open.empty());
        const std::uint32_t linear = *dashboard->hierarchy()->find("linear");
        QVERIFY(view->isRinged(linear));
        view->centreOn(linear);
        const QRectF box = *view->boxRect(linear);
        QVERIFY(inkNear(*view, QPointF(box.left() + box.width() / 3, box.top()), kRing));
    }

    void searchRunsOnAWorkerAndOnlyTheLatestQueryShows()
    {
        QTemporaryDir temp;
        const fs::path logdir = fs::path(temp.path().toStdString());
        core::EventFileWriter(logdir / "train").addGraph(core::makeLargeGraph());
        ui::GraphsDashboard dashboard;
        showOn(dashboard, logdir);
        QTRY_VERIFY_WITH_TIMEOUT(settled(dashboard), 30000);
        ui::GraphExplorer* explorer = dashboard.explorer();
        QAbstractItemModel* results = dashboard.searchResults()->model();
        QStringList shownFirst; // the first row of every list the results view was given
        connect(results, &QAbstractItemModel::modelReset, this,
            [&] { shownFirst.append(results->index(0, 0).data().toString()); });
        // Enter on "MatMul", and before its matches come, Enter on another query: the first
        // search is superseded and its matches never show; the second's do, and Enter steps
        // to its first match.
        dashboard.searchBox()->setText(QStringLiteral("MatMul"));
        emit dashboard.searchBox()->returnPressed();
        dashboard.searchBox()->setText(QStringLiteral("block_1/layer_4/unit_.*/Tanh5$"));
        emit dashboard.searchBox()->returnPressed();
        // Matching is not done on the GUI thread: nothing is found yet, and the event loop runs
        // (the 0 ms timer fires) while the worker searches.
        QVERIFY(dashboard.isComputing());
        QVERIFY(explorer->matches().empty());
        QCOMPARE(results->rowCount(), 0);
        bool eventLoopRan = false;
        QTimer::singleShot(0, this, [&] { eventLoopRan = true; });
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isComputing() && !explorer->matches().empty(), 20000);
        QVERIFY(eventLoopRan);
        const QRegularExpression tanh(QStringLiteral("block_1/layer_4/unit_.*/Tanh5$"));
        QCOMPARE(shownFirst.size(), 1);
        QVERIFY(tanh.match(shownFirst.front()).hasMatch());
        const auto matches = explorer->matches();
        QCOMPARE(results->rowCount(), int(matches.size()));
        for (const std::uint32_t op : matches)
            QVERIFY(tanh.match(QString::fromStdString(dashboard.hierarchy()->node(op).name))
                        .hasMatch());
        QCOMPARE(dashboard.view()->selected(), std::optional<std::uint32_t>(matches.front()));
        QCOMPARE(explorer->matchLabel()->text(), QStringLiteral("1 of %1").arg(matches.size()));

        // Thousands of matches: every one is listed (rows made as they are drawn) and ringed.
        dashboard.searchBox()->setText(QStringLiteral("MatMul"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !dashboard.isComputing() && explorer->matches().size() > 2000, 20000);
        QCOMPARE(results->rowCount(), int(explorer->matches().size()));
        QVERIFY(results->index(results->rowCount() - 1, 0).data().toString().contains("MatMul"));
        QVERIFY(dashboard.view()->isRinged(explorer->matches().back()));
        // A click on a listed match goes to it.
        const QModelIndex third = results->index(2, 0);
        QTest::mouseClick(dashboard.searchResults()->viewport(), Qt::LeftButton, {},
            dashboard.searchResults()->visualRect(third).center());
        QTRY_VERIFY_WITH_TIMEOUT(
            !dashboard.isComputing() && dashboard.view()->selected() == explorer->matches()[2],
            20000);
    }

    void cachedEdgeShapesPaintWhatAFullRedrawPaints()
    {
        const OpenedLargeGraph opened = openedLargeGraph();
        ui::GraphView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        core::ExpandedLayout layout
            = core::layOutExpanded(*opened.hierarchy, opened.graph.get(), opened.expansion);
        QVERIFY(!layout.bends.empty()); // edges routed around boxes
        view.setLayout(opened.hierarchy, opened.graph, opened.expansion, std::move(layout));
        // Wherever the view is panned (most of the graph out of sight, edges leaving it on every
        // side), what it paints from the shapes made with the layout, culled to what is in
        // sight, is what drawing everything from scratch paints.
        const QRectF scene(QPointF(0, 0), view.sceneSize());
        const std::uint32_t block = *opened.hierarchy->find("model/block_1");
        const auto& blockBox = view.layout().boxes[*view.layout().boxOf(block)];
        const QPointF blockCentre(
            blockBox.x + blockBox.width / 2, blockBox.y + blockBox.height / 2);
        for (const QPointF at :
            {scene.center(), blockCentre, QPointF(scene.width() / 3, scene.height() / 5)}) {
            view.centreOn(at);
            QVERIFY(!view.visibleSceneRect().contains(scene));
            const QImage shown = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
            QCOMPARE(pixelsApart(shown, fullRedrawOf(view)), 0);
        }
        // Another layout (model/block_1 closed) gets shapes of its own: the view paints what a
        // view that never held the first layout paints.
        core::GraphExpansion closed = opened.expansion;
        closed.open.erase(block);
        view.setLayout(opened.hierarchy, opened.graph, closed,
            core::layOutExpanded(*opened.hierarchy, opened.graph.get(), closed));
        ui::GraphView fresh;
        fresh.resize(view.size());
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        fresh.setLayout(opened.hierarchy, opened.graph, closed,
            core::layOutExpanded(*opened.hierarchy, opened.graph.get(), closed));
        QCOMPARE(fresh.visibleSceneRect(), view.visibleSceneRect());
        QCOMPARE(pixelsApart(view.grab().toImage(), fresh.grab().toImage()), 0);
    }

    void minimapShowsOnlyWhenTheGraphDoesNotFit()
    {
        QTemporaryDir temp;
        writeProfiledRun(ui::pathFromQString(temp.path()) / "profiled");
        ui::GraphsDashboard dashboard;
        showOn(dashboard, ui::pathFromQString(temp.path()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(dashboard), 20000);
        ui::GraphView* view = dashboard.view();
        ui::GraphMinimap* minimap = dashboard.explorer()->minimap();
        // Three closed scopes: all in sight, nothing to give an overview of.
        QVERIFY(
            QRectF(view->rect()).contains(*view->boxRect(*dashboard.hierarchy()->find("dense"))));
        QVERIFY(!minimap->isVisible());
        // Zoomed in until the graph overflows the view: the overview appears.
        zoomInUntilItOverflows(*view);
        QVERIFY(!view->visibleSceneRect().contains(QRectF(QPointF(0, 0), view->sceneSize())));
        QVERIFY(minimap->isVisible());
        // Turned off by the user, it stays hidden.
        dashboard.explorer()
            ->findChild<QToolButton*>(QStringLiteral("graphMinimapToggle"))
            ->click();
        QVERIFY(!minimap->isVisible());
    }

    void minimapMovesTheViewAndExportReadsBack()
    {
        auto dashboard = openOn("c01_torch_tutorial_images_graph_embedding");
        if (!dashboard)
            QSKIP(qPrintable(corpusMissingMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*dashboard), 20000);
        ui::GraphView* view = dashboard->view();
        ui::GraphMinimap* minimap = dashboard->explorer()->minimap();
        zoomInUntilItOverflows(*view);
        QVERIFY(minimap->isVisible());
        const QPointF target(view->sceneSize().width() * 0.9, view->sceneSize().height() * 0.1);
        QTest::mouseClick(minimap, Qt::LeftButton, {}, minimap->toMap(target).toPoint());
        const QPointF centre = view->visibleSceneRect().center();
        QVERIFY2(std::abs(centre.x() - target.x()) < 5 && std::abs(centre.y() - target.y()) < 5,
            qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));

        QTemporaryDir temp;
        const QString png = temp.filePath(QStringLiteral("graph.png"));
        const QString svg = temp.filePath(QStringLiteral("graph.svg"));
        QCOMPARE(ui::exportGraphPng(*view, png), QString());
        QCOMPARE(ui::exportGraphSvg(*view, svg), QString());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), (view->sceneSize() + QSizeF(40, 40)).toSize());
        // Not blank: the boxes' outlines and fills differ from the white background.
        int inked = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                inked += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(inked > 50);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF().size(), view->sceneSize() + QSizeF(40, 40));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<path") || text.contains("<ellipse") || text.contains("<rect"));
        QVERIFY(!ui::exportGraphPng(*view, temp.filePath(QStringLiteral("no/such/dir/x.png")))
                     .isEmpty());
    }
};

LANTERN_TEST_MAIN(TestGraphExplorer)
#include "test_graph_explorer.moc"
