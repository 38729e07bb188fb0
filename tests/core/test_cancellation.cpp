// Core's long operations stop early once their caller cancels them: a reload between files and
// inside a long file (the next reload then reads the rest, ending where an uncancelled load
// ends), a graph's load, hierarchy and layout, the projector's embedding load (a large TSV and a
// large checkpoint variable) and PCA (exact and randomized), also as t-SNE's first step. Work
// done is counted, not timed: an uncancelled run asks many times (its pieces are small), a
// cancelled one stops at the ask that said yes and leaves nothing.

#include "core/analysis/graph_hierarchy.h"
#include "core/analysis/graph_layout.h"
#include "core/analysis/pca.h"
#include "core/analysis/tsne.h"
#include "core/io/path_text.h"
#include "core/load/graph_loader.h"
#include "core/load/logdir_loader.h"
#include "core/projector/projector_discovery.h"
#include "core/write/event_file_writer.h"
#include "tests/support/checkpoint_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <string>

using namespace lantern;
using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

// A run of `points` losses, in one event file.
void writeRun(const fs::path& directory, int points, RecordCompression compression)
{
    EventFileWriterOptions options;
    options.compression = compression;
    options.wallTime = 1.0;
    EventFileWriter writer(directory, options);
    for (int step = 0; step < points; ++step)
        writer.addScalar("loss", step, 1.0f / float(step + 1), 1.0 + step);
}

// Every run's losses, to compare two loaders' end states.
std::vector<std::vector<double>> lossesOf(const LogdirLoader& loader)
{
    std::vector<std::vector<double>> losses;
    for (const RunData* run : loader.runs()) {
        std::vector<double>& values = losses.emplace_back();
        if (const auto tag = run->tags.find("loss"); tag != run->tags.end()) {
            const ScalarSnapshot points = tag->second.scalars().snapshot();
            for (std::size_t i = 0; i < points.size(); ++i)
                values.push_back(points[i].value);
        }
    }
    return losses;
}

// `ops` ops in scopes of a hundred, each reading the one before.
pb::GraphDef largeGraph(int ops)
{
    pb::GraphDef graph;
    for (int i = 0; i < ops; ++i) {
        pb::NodeDef* node = graph.add_node();
        node->set_name("scope" + std::to_string(i / 100) + "/op" + std::to_string(i));
        node->set_op("MatMul");
        if (i > 0)
            node->add_input(graph.node(i - 1).name());
    }
    return graph;
}

// `rows` × `columns` values from a seeded generator.
std::vector<float> randomMatrix(std::size_t rows, std::size_t columns)
{
    std::mt19937 random(7);
    std::normal_distribution<float> normal;
    std::vector<float> values(rows * columns);
    for (float& v : values)
        v = normal(random);
    return values;
}

// A `cancelled` that says yes from its `yesAt`-th ask on (never when 0), counting the asks.
struct CountingCancel {
    int asks = 0;
    int yesAt = 0;
    std::function<bool()> callback()
    {
        return [this] { return ++asks >= yesAt && yesAt > 0; };
    }
};

} // namespace

class TestCancellation : public QObject {
    Q_OBJECT
private slots:
    void aCancelledReloadStopsBetweenFiles()
    {
        QTemporaryDir temp;
        const fs::path root = core::pathFromText(temp.path().toStdString());
        for (int run = 0; run < 6; ++run)
            writeRun(root / ("run" + std::to_string(run)), 100, RecordCompression::None);

        LogdirLoader loader({{"", root}});
        std::uint64_t filesDone = 0;
        const LoadStatistics cancelled
            = loader.reload([&](const LoadProgress& progress) { filesDone = progress.filesDone; },
                [&] { return filesDone >= 2; });
        QVERIFY(cancelled.cancelled);
        QCOMPARE(filesDone, std::uint64_t(2));
        QCOMPARE(cancelled.records, std::uint64_t(2 * 101)); // two files of 100 and a header
        QCOMPARE(cancelled.projectorSearches, std::uint64_t(0));

        const LoadStatistics rest = loader.reload();
        QVERIFY(!rest.cancelled);
        QCOMPARE(rest.records, std::uint64_t(4 * 101));
        LogdirLoader whole({{"", root}});
        whole.reload();
        QCOMPARE(lossesOf(loader), lossesOf(whole));
        QCOMPARE(loader.reload().records, std::uint64_t(0));
    }

    void aCancelledReloadStopsInsideALongFile_data()
    {
        QTest::addColumn<RecordCompression>("compression");
        QTest::newRow("plain") << RecordCompression::None;
        QTest::newRow("gzip") << RecordCompression::Gzip;
    }

    void aCancelledReloadStopsInsideALongFile()
    {
        QFETCH(RecordCompression, compression);
        QTemporaryDir temp;
        const fs::path root = core::pathFromText(temp.path().toStdString());
        writeRun(root / "run", 20000, compression);

        LogdirLoader loader({{"", root}});
        int asked = 0;
        const LoadStatistics cancelled = loader.reload({}, [&] { return ++asked >= 3; });
        QVERIFY(cancelled.cancelled);
        QCOMPARE(asked, 3); // not asked again once it said yes
        QVERIFY2(cancelled.records > 0 && cancelled.records < 5000,
            qPrintable(QString::number(cancelled.records)));
        QVERIFY(loader.runs().front()->diagnostics.empty()); // stopping is not damage

        const LoadStatistics rest = loader.reload();
        QVERIFY(!rest.cancelled);
        QCOMPARE(cancelled.records + rest.records, std::uint64_t(20001));
        QVERIFY(loader.runs().front()->diagnostics.empty());
        LogdirLoader whole({{"", root}});
        whole.reload();
        QCOMPARE(lossesOf(loader), lossesOf(whole));
    }

    void aCancelledGraphLoadDecodesNothing()
    {
        QTemporaryDir temp;
        const fs::path run = core::pathFromText(temp.path().toStdString()) / "run";
        EventFileWriter(run).addGraph(largeGraph(10));
        LogdirLoader loader({{"", run.parent_path()}});
        loader.reload();
        const auto reference = loader.snapshot()->find("run")->graphReference();
        QVERIFY(reference);
        int asked = 0;
        const DecodedGraph stopped = loadGraph(*reference, nullptr, [&] { return ++asked > 0; });
        QCOMPARE(asked, 1);
        QVERIFY(!stopped.ok());
        QVERIFY(!stopped.graph);
        QVERIFY(loadGraph(*reference, nullptr, [] { return false; }).ok());
    }

    void aCancelledHierarchyStopsEarly()
    {
        const pb::GraphDef graph = largeGraph(60000);
        int askedWhole = 0;
        const GraphHierarchy whole = buildGraphHierarchy(graph, {}, [&] {
            ++askedWhole;
            return false;
        });
        QCOMPARE(whole.opCount(), std::size_t(60000));
        QVERIFY(askedWhole > 20); // every few thousand ops, in each of its passes

        int asked = 0;
        const GraphHierarchy stopped = buildGraphHierarchy(graph, {}, [&] { return ++asked >= 2; });
        QCOMPARE(asked, 2); // after the second few thousand ops, and never again
        QCOMPARE(stopped.nodes().size(), std::size_t(1)); // the root alone
        QCOMPARE(stopped.opCount(), std::size_t(0));
        QVERIFY(stopped.edgesWithin(0).empty());
    }

    void aCancelledLayoutStopsEarly()
    {
        std::vector<LayoutEdge> edges;
        for (std::uint32_t i = 1; i < 300; ++i)
            edges.push_back({i - 1, i});
        int askedWhole = 0;
        const GraphLayout whole = layOutGraph(300, edges, {}, [&] {
            ++askedWhole;
            return false;
        });
        QCOMPARE(whole.positions.size(), std::size_t(300));
        QCOMPARE(askedWhole, 2 + GraphLayoutOptions {}.sweeps); // two steps, then each sweep

        int asked = 0;
        const GraphLayout stopped = layOutGraph(300, edges, {}, [&] { return ++asked >= 3; });
        QCOMPARE(asked, 3);
        QVERIFY(stopped.positions.empty());
    }

    // A 20,000 × 50 TSV (about 10 MB) with its metadata: parsed a few hundred lines at a time.
    void aCancelledTsvEmbeddingLoadLeavesNothing()
    {
        QTemporaryDir temp;
        const fs::path root = core::pathFromText(temp.path().toStdString());
        const std::size_t rows = 20000, columns = 50;
        const std::vector<float> values = randomMatrix(rows, columns);
        std::string tsv, metadata = "label\n";
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < columns; ++c)
                tsv += std::to_string(values[r * columns + c]) + (c + 1 < columns ? "\t" : "\n");
            metadata += "point " + std::to_string(r) + "\n";
        }
        test::writeBytes(root / "tensor.tsv", tsv);
        test::writeBytes(root / "metadata.tsv", metadata);
        ProjectorEmbeddingSource source;
        source.tensorPath = root / "tensor.tsv";
        source.metadataPath = root / "metadata.tsv";

        CountingCancel whole;
        const LoadedEmbedding loaded = loadEmbedding(source, whole.callback());
        QCOMPARE(loaded.rows, rows);
        QVERIFY2(whole.asks >= 50, qPrintable(QString::number(whole.asks)));

        for (const int yesAt : {1, 3, whole.asks / 2}) {
            CountingCancel cancel {0, yesAt};
            const LoadedEmbedding stopped = loadEmbedding(source, cancel.callback());
            QCOMPARE(stopped.error, std::string("cancelled"));
            QCOMPARE(cancel.asks, yesAt); // asked no more once it said yes
            QVERIFY(stopped.values.empty() && stopped.rows == 0);
            QVERIFY(stopped.metadata.rows.empty());
        }
    }

    // A checkpoint variable of 1,500,000 × 8 floats (48 MB): read and converted in pieces.
    void aCancelledCheckpointEmbeddingLoadLeavesNothing()
    {
        QTemporaryDir temp;
        const fs::path prefix = core::pathFromText(temp.path().toStdString()) / "model.ckpt";
        const std::int64_t rows = 1'500'000, columns = 8;
        QVERIFY(test::writeCheckpoint(prefix,
            {{"embedding",
                {1, {rows, columns}, test::floatBytes(randomMatrix(std::size_t(rows), 8))}}}));
        ProjectorEmbeddingSource source;
        source.checkpointPrefix = prefix;
        source.checkpointVariable = "embedding";

        CountingCancel whole;
        const LoadedEmbedding loaded = loadEmbedding(source, whole.callback());
        QVERIFY2(loaded.error.empty(), loaded.error.c_str());
        QCOMPARE(loaded.rows, std::size_t(rows));
        QVERIFY2(whole.asks >= 10, qPrintable(QString::number(whole.asks)));

        for (const int yesAt : {1, whole.asks / 2}) {
            CountingCancel cancel {0, yesAt};
            const LoadedEmbedding stopped = loadEmbedding(source, cancel.callback());
            QCOMPARE(stopped.error, std::string("cancelled"));
            QCOMPARE(cancel.asks, yesAt);
            QVERIFY(stopped.values.empty() && stopped.rows == 0);
        }
    }

    // Exact (100,000 × 64) and randomized (1,000 × 2,100) PCA: blocks of rows, asked between.
    void aCancelledPcaLeavesNothing_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::newRow("exact") << 100000 << 64;
        QTest::newRow("randomized") << 1000 << 2100;
    }
    void aCancelledPcaLeavesNothing()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        const std::vector<float> values = randomMatrix(std::size_t(rows), std::size_t(columns));
        CountingCancel whole;
        PcaOptions options;
        options.cancelled = whole.callback();
        const PcaResult done
            = principalComponents(values, std::size_t(rows), std::size_t(columns), 10, options);
        QVERIFY(!done.cancelled);
        QCOMPARE(done.coordinates.size(), std::size_t(rows) * 10);
        QVERIFY2(whole.asks >= 10, qPrintable(QString::number(whole.asks)));

        for (const int yesAt : {1, whole.asks / 2, whole.asks}) {
            CountingCancel cancel {0, yesAt};
            options.cancelled = cancel.callback();
            const PcaResult stopped
                = principalComponents(values, std::size_t(rows), std::size_t(columns), 10, options);
            QVERIFY(stopped.cancelled);
            QCOMPARE(cancel.asks, yesAt);
            QVERIFY(stopped.coordinates.empty() && stopped.components == 0);
            QVERIFY(stopped.varianceRatio.empty());
        }
    }

    // t-SNE reduces wide points by PCA first: a cancel while it runs stops the preparation.
    void aCancelledTsnePcaStopsThePreparation()
    {
        const std::size_t rows = 5000, columns = 100;
        const std::vector<float> values = randomMatrix(rows, columns);
        CountingCancel cancel {0, 2}; // the first ask is before the PCA, the next inside it
        const TsneLayout layout
            = TsneLayout::prepare(values, rows, columns, TsneOptions {}, cancel.callback());
        QVERIFY(!layout.ok());
        QCOMPARE(layout.error(), std::string("cancelled"));
        QCOMPARE(cancel.asks, 2);
        // Stopped inside the PCA: the note it adds when it ends was never written.
        for (const std::string& note : layout.notes())
            QVERIFY2(note.find("by PCA") == std::string::npos, note.c_str());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestCancellation)
#include "test_cancellation.moc"
