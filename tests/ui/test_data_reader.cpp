// The one on-demand read service (ui/adapter/data_reader.h): the Images, Graphs and Projector
// tabs of the window read through the loader's reader, and a read may finish after the view
// that asked.

#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/data_reader.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/graphs/graphs_dashboard.h"
#include "ui/dashboards/images/image_source.h"
#include "ui/dashboards/images/images_dashboard.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/main_window.h"

#include "graph.pb.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

// One run with a 2 × 2 image and a two-node graph.
void writeImageAndGraph(const fs::path& run)
{
    core::EventFileWriter writer(run);
    const std::vector<std::uint8_t> pixels(2 * 2 * 3, 200);
    const core::EncodedImage image {2, 2, 3, core::encodePng(2, 2, 3, pixels)};
    writer.addImage("picture", 1, std::span(&image, 1));
    pb::GraphDef graph;
    graph.add_node()->set_name("x");
    pb::NodeDef* y = graph.add_node();
    y->set_name("y");
    y->add_input(std::string("x")); // from a const char*, GCC 12 warns falsely of an overflow
    writer.addGraph(graph);
}

} // namespace

class TestDataReader : public QObject {
    Q_OBJECT
private slots:
    void imagesAndGraphsAreReadThroughTheLoadersReader()
    {
        QTemporaryDir temp;
        writeImageAndGraph(ui::pathFromQString(temp.path()) / "run");
        ui::MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(test::openLogdirAndWait(window, ui::pathFromQString(temp.path())));
        const ui::DataReaderPtr& reader = window.loader()->reader();
        QVERIFY(reader);

        auto* images = window.findChild<ui::ImagesDashboard*>(QStringLiteral("images"));
        QVERIFY(window.showTab(QStringLiteral("images")));
        QTRY_COMPARE_WITH_TIMEOUT(images->source()->cachedImages(), 1, 10000);
        const std::uint64_t afterImages = reader->readsDone();
        QVERIFY(afterImages >= 1);

        auto* graphs = window.findChild<ui::GraphsDashboard*>(QStringLiteral("graphs"));
        QSignalSpy shown(graphs, &ui::GraphsDashboard::levelShown);
        QVERIFY(window.showTab(QStringLiteral("graphs")));
        QVERIFY(shown.wait(10000));
        // One read to count the graph's ops (choosing the graph to open on), one to show it.
        QCOMPARE(reader->readsDone(), afterImages + 2);
    }

    void theProjectorReadsItsEmbeddingThroughTheLoadersReader()
    {
        // A folder with only projector data: a 6 × 3 tensor and its config.
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        std::ofstream(root / "tensors.tsv")
            << "1\t0\t0\n0\t1\t0\n0\t0\t1\n1\t1\t0\n0\t1\t1\n1\t0\t1\n";
        std::ofstream(root / "projector_config.pbtxt")
            << "embeddings {\n  tensor_name: \"t\"\n  tensor_path: \"tensors.tsv\"\n}\n";
        ui::MainWindow window;
        window.resize(1000, 700);
        window.show();
        auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        QVERIFY(projector);
        QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
        window.openLogdirs({temp.path()});
        QTRY_VERIFY_WITH_TIMEOUT(projector->hasEmbeddings(), 10000);
        QVERIFY(window.showTab(QStringLiteral("projector")));
        QVERIFY(shown.count() > 0 || shown.wait(10000));
        QCOMPARE(projector->plot()->pointCount(), 6);
        // The folder has nothing else to read: the one read was the embedding's.
        const ui::DataReaderPtr& reader = window.loader()->reader();
        QVERIFY(reader);
        QCOMPARE(reader->readsDone(), std::uint64_t(1));
    }

    void aReadOutlivesTheViewThatAskedForIt()
    {
        QTemporaryDir temp;
        const fs::path run = ui::pathFromQString(temp.path()) / "run";
        writeImageAndGraph(run);
        core::LogdirLoader loader({{"", ui::pathFromQString(temp.path())}});
        loader.reload();
        const auto loaded = loader.snapshot();
        const core::RunSnapshot* snapshot = loaded->find("run");
        QVERIFY(snapshot);
        const auto references = snapshot->graphReferences();
        QCOMPARE(references.size(), std::size_t(1));

        ui::DataReader::GraphRead read;
        {
            auto reader = std::make_shared<ui::DataReader>();
            read = reader->graphReader(references[0]);
        } // the reader and its threads are gone; the read holds what it needs
        const core::DecodedGraph graph = read({});
        QVERIFY2(graph.ok(), graph.error.c_str());
        QCOMPARE(graph.graph->node_size(), 2);
    }
};

LANTERN_TEST_MAIN(TestDataReader)
#include "test_data_reader.moc"
