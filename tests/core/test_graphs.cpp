// Graphs stored as references and decoded on demand: graph_def events (the latest wins),
// meta_graph_def's graph when no graph_def exists, Keras model JSON (Keras 2 and 3, nested
// models) and RunMetadata graphs; plain and compressed files; real graphs from the corpus.

#include "core/events/graph_decoder.h"
#include "core/events/json_value.h"
#include "core/events/keras_graph.h"
#include "core/io/path_text.h"
#include "core/load/graph_loader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"
#include "graph.pb.h"
#include "run_metadata.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <google/protobuf/util/message_differencer.h>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;
using google::protobuf::util::MessageDifferencer;

namespace {

EventFileWriterOptions compressed(RecordCompression compression)
{
    EventFileWriterOptions options;
    options.compression = compression;
    return options;
}

pb::GraphDef chainGraph(int nodes, const std::string& prefix = "layer")
{
    pb::GraphDef graph;
    for (int i = 0; i < nodes; ++i) {
        pb::NodeDef* node = graph.add_node();
        node->set_name(prefix + std::to_string(i));
        node->set_op(i == 0 ? "Placeholder" : "MatMul");
        if (i > 0)
            node->add_input(prefix + std::to_string(i - 1));
        (*node->mutable_attr())["T"].set_type(pb::DT_FLOAT);
    }
    graph.mutable_versions()->set_producer(42);
    return graph;
}

std::shared_ptr<const LogdirSnapshot> load(const fs::path& logdir)
{
    LogdirLoader loader({{"", logdir}});
    loader.reload();
    return loader.snapshot();
}

std::map<std::string, std::vector<std::string>> inputsByName(const pb::GraphDef& graph)
{
    std::map<std::string, std::vector<std::string>> out;
    for (const pb::NodeDef& node : graph.node())
        out[node.name()] = {node.input().begin(), node.input().end()};
    return out;
}

const char* kFunctionalWithSequential = R"({"class_name": "Functional", "config": {
  "name": "model",
  "layers": [
    {"class_name": "InputLayer", "config": {"name": "input_1", "dtype": "float32"},
     "inbound_nodes": []},
    {"class_name": "Sequential", "config": {"name": "block", "layers": [
       {"class_name": "Dense", "config": {"name": "d1", "dtype": "float32"}},
       {"class_name": "Dropout", "config": {"name": "drop",
        "dtype": {"class_name": "Policy", "config": {"name": "float16"}}}}]},
     "inbound_nodes": [[["input_1", 0, 0, {}]]]},
    {"class_name": "Dense", "config": {"name": "out", "dtype": "float64"},
     "inbound_nodes": [[["block", 1, 0, {}]]]}],
  "input_layers": [["input_1", 0, 0]],
  "output_layers": [["out", 0, 0]]}})";

const char* kKeras3Functional = R"({"module": "keras", "class_name": "Functional", "config": {
  "name": "f",
  "layers": [
    {"class_name": "InputLayer", "config": {"name": "x"}, "inbound_nodes": []},
    {"class_name": "Dense", "config": {"name": "a"}, "inbound_nodes": [{"args": [
       {"class_name": "__keras_tensor__", "config": {"shape": [null, 3], "dtype": "float32",
        "keras_history": ["x", 0, 0]}}], "kwargs": {}}]},
    {"class_name": "Add", "config": {"name": "sum"}, "inbound_nodes": [{"args": [[
       {"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}},
       {"class_name": "__keras_tensor__", "config": {"keras_history": ["a", 0, 0]}}]]}]}],
  "input_layers": [["x", 0, 0]], "output_layers": [["sum", 0, 0]]}})";

} // namespace

class TestGraphs : public QObject {
    Q_OBJECT
private slots:
    void latestGraphDefWins_data()
    {
        QTest::addColumn<RecordCompression>("compression");
        QTest::newRow("plain") << RecordCompression::None;
        QTest::newRow("gzip") << RecordCompression::Gzip;
        QTest::newRow("zlib") << RecordCompression::Zlib;
    }

    void latestGraphDefWins()
    {
        QFETCH(RecordCompression, compression);
        QTemporaryDir temp;
        const pb::GraphDef latest = chainGraph(5);
        {
            EventFileWriter writer(
                pathFromText(temp.path().toStdString()) / "run", compressed(compression));
            writer.addMetaGraph(chainGraph(7, "meta"));
            writer.addGraph(chainGraph(3));
            writer.addScalar("loss", 1, 0.5f);
            writer.addGraph(latest);
            writer.addMetaGraph(chainGraph(9, "meta")); // never replaces a graph_def
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const auto reference = snapshot->find("run")->graphReference();
        QVERIFY(reference);
        QCOMPARE(reference->source, GraphSource::GraphDef);
        const DecodedGraph graph = loadGraph(*reference);
        QVERIFY2(graph.ok(), graph.error.c_str());
        QVERIFY(MessageDifferencer::Equals(*graph.graph, latest));
    }

    void metaGraphIsUsedWithoutGraphDef()
    {
        QTemporaryDir temp;
        const pb::GraphDef inner = chainGraph(4, "saved");
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run");
            writer.addMetaGraph(chainGraph(2, "old"));
            writer.addMetaGraph(inner);
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const auto reference = snapshot->find("run")->graphReference();
        QVERIFY(reference);
        QCOMPARE(reference->source, GraphSource::MetaGraphDef);
        const DecodedGraph graph = loadGraph(*reference);
        QVERIFY2(graph.ok(), graph.error.c_str());
        QVERIFY(MessageDifferencer::Equals(*graph.graph, inner));
    }

    void kerasModelsBecomeConceptualGraphs()
    {
        pb::GraphDef graph;
        QCOMPARE(kerasModelToGraph(kFunctionalWithSequential, graph), std::string());
        using Inputs = std::vector<std::string>;
        const std::map<std::string, Inputs> expected
            = {{"model/input_1", {}}, {"model/block/d1", {"model/input_1"}},
                {"model/block/drop", {"model/block/d1"}}, {"model/out", {"model/block/drop"}}};
        QCOMPARE(inputsByName(graph), expected);
        QCOMPARE(graph.node(0).op(), std::string()); // Keras layers have no op
        QCOMPARE(graph.node(1).attr().at("keras_class").s(), std::string("Dense"));
        QCOMPARE(graph.node(2).attr().at("dtype").type(), pb::DT_HALF); // from the policy
        QCOMPARE(graph.node(3).attr().at("dtype").type(), pb::DT_DOUBLE);

        pb::GraphDef keras3;
        QCOMPARE(kerasModelToGraph(kKeras3Functional, keras3), std::string());
        const std::map<std::string, Inputs> expected3
            = {{"f/x", {}}, {"f/a", {"f/x"}}, {"f/sum", {"f/x", "f/a"}}};
        QCOMPARE(inputsByName(keras3), expected3);

        pb::GraphDef sequential;
        QCOMPARE(kerasModelToGraph(R"({"class_name": "Sequential", "config": {"name": "seq",
            "layers": [{"class_name": "Dense", "config": {"name": "a"}},
                       {"class_name": "Dense", "config": {"name": "b"}}]}})",
                     sequential),
            std::string());
        QCOMPARE(inputsByName(sequential),
            (std::map<std::string, Inputs> {{"seq/a", {}}, {"seq/b", {"seq/a"}}}));

        pb::GraphDef broken;
        QVERIFY(!kerasModelToGraph("{\"class_name\": ", broken).empty());
        QVERIFY(!kerasModelToGraph("[1, 2]", broken).empty());
    }

    void kerasJsonOfNestedArraysTakesLinearWork()
    {
        // 400 KB of nested arrays once took minutes (protobuf's JSON parser); past the
        // nesting limit it is refused at once, saying why.
        const std::string hostile
            = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", "
              "\"layers\": [{\"class_name\": \"Dense\", \"config\": {\"units\": "
            + std::string(200000, '[') + std::string(200000, ']') + "}}]}}";
        pb::GraphDef graph;
        std::uint64_t work = 0;
        const std::string error = kerasModelToGraph(hostile, graph, &work);
        QVERIFY2(error.find("nesting deeper than 256 levels") != std::string::npos, error.c_str());
        QVERIFY(work <= 300);
        // Within the limit: layers nested 200 deep each. The work counts every value parsed and
        // visited and every byte of node name written: at most one per byte of JSON, at 40 KB
        // and at 400 KB alike.
        const auto deepLayers = [](std::size_t bytes) {
            std::string layers;
            for (int i = 0; layers.size() < bytes; ++i)
                layers += std::string(i ? ", " : "") + "{\"class_name\": \"Dense\", \"config\": "
                    + "{\"name\": \"d" + std::to_string(i) + "\", \"units\": "
                    + std::string(200, '[') + "1" + std::string(200, ']') + "}}";
            return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": ["
                + layers + "]}}";
        };
        for (const std::size_t bytes : {std::size_t(40000), std::size_t(400000)}) {
            const std::string json = deepLayers(bytes);
            pb::GraphDef deep;
            QCOMPARE(kerasModelToGraph(json, deep, &work), std::string());
            QVERIFY(deep.node_size() > int(bytes / 500));
            QVERIFY2(work <= json.size(), std::to_string(work).c_str());
        }
        // Nested models repeat their scope in every node's name: long names 64 models deep
        // would write far more names than the JSON holds, so the conversion stops and says so.
        std::string nested = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"leaf\"}}";
        for (int level = 0; level < 64; ++level)
            nested = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \""
                + std::string(2000, char('a' + level % 26)) + "\", \"layers\": [" + nested + ", "
                + nested.substr(0, 0) + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"x\"}}"
                + "]}}";
        pb::GraphDef scoped;
        const std::string scopeError = kerasModelToGraph(nested, scoped, &work);
        QVERIFY(scopeError.empty() || scopeError.find("times the size") != std::string::npos);
        QVERIFY2(work <= 16 * nested.size() + (1u << 20) + 200000, std::to_string(work).c_str());
    }

    void jsonReaderFollowsTheGrammar()
    {
        const JsonParseResult parsed
            = parseJson(" {\"a\": [1, -2.5e3, true, false, null, \"x\\\"\\u00e9\\ud83d\\ude00\"], "
                        "\"b\": {}, \"a\": 7,"
                        " \"n\": [NaN, -Infinity, 1e999, -1e-999]} ");
        QVERIFY2(parsed.error.empty(), parsed.error.c_str());
        const JsonValue* array = parsed.value.memberValues.front().isArray()
            ? &parsed.value.memberValues.front()
            : nullptr;
        QVERIFY(array);
        QCOMPARE(array->elements.size(), std::size_t(6));
        QCOMPARE(array->elements[1].number, -2500.0);
        QCOMPARE(array->elements[5].string, std::string("x\"\xc3\xa9\xf0\x9f\x98\x80"));
        QCOMPARE(parsed.value.member("a")->number, 7.0); // a repeated name: the last wins
        const JsonValue& n = *parsed.value.member("n");
        QVERIFY(std::isnan(n.elements[0].number));
        QVERIFY(std::isinf(n.elements[1].number) && n.elements[1].number < 0);
        QVERIFY(std::isinf(n.elements[2].number));
        QCOMPARE(n.elements[3].number, 0.0);
        for (const char* bad : {"", "[1,]", "{\"a\" 1}", "01", "1.", "\"\x01\"", "[1] 2", "tru",
                 "\"\\q\"", "{\"a\": }", "\"open"}) {
            const JsonParseResult broken = parseJson(bad);
            QVERIFY2(!broken.error.empty(), bad);
            QVERIFY(broken.error.find("at byte") != std::string::npos);
        }
        QVERIFY(parseJson("[[[1]]]", 3).error.empty());
        QVERIFY(!parseJson("[[[[1]]]]", 3).error.empty());
    }

    void kerasAndRunMetadataGraphsLoadFromFiles()
    {
        QTemporaryDir temp;
        const pb::GraphDef traced = chainGraph(3, "traced");
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run");
            writer.addKerasModel(kFunctionalWithSequential);
            writer.addRunMetadataGraph("trace", 2, chainGraph(2, "early"));
            writer.addRunMetadataGraph("trace", 7, traced);
            // TF1: Event.tagged_run_metadata with partition graphs.
            pb::RunMetadata metadata;
            *metadata.add_partition_graphs() = chainGraph(2, "cpu");
            pb::Event event;
            event.set_step(9);
            event.mutable_tagged_run_metadata()->set_tag("step9");
            event.mutable_tagged_run_metadata()->set_run_metadata(metadata.SerializeAsString());
            writer.writeEvent(event);
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        const RunSnapshot& run = *snapshot->find("run");
        QCOMPARE(run.find("keras")->tensors.size(), std::size_t(0)); // no JSON held in memory
        const std::vector<GraphReference> references = run.graphReferences();
        QCOMPARE(references.size(), std::size_t(3));
        // Without an op graph, the Keras model is shown first.
        QCOMPARE(run.graphReference()->source, GraphSource::KerasModel);
        std::map<std::string, std::shared_ptr<const pb::GraphDef>> graphs;
        for (const GraphReference& reference : references) {
            const DecodedGraph graph = loadGraph(reference);
            QVERIFY2(graph.ok(), graph.error.c_str());
            graphs[reference.tag] = graph.graph;
        }
        QCOMPARE(graphs.at("keras")->node_size(), 4);
        QVERIFY(MessageDifferencer::Equals(*graphs.at("trace"), traced)); // the latest step
        QCOMPARE(graphs.at("step9")->node(1).input(0), std::string("cpu0"));
    }

    void severalFunctionGraphsArePrefixed()
    {
        pb::RunMetadata metadata;
        for (int i = 0; i < 2; ++i) {
            pb::GraphDef* graph = metadata.add_function_graphs()->mutable_pre_optimization_graph();
            *graph = chainGraph(2, "n");
            graph->mutable_node(1)->add_input("^n0");
        }
        const auto graph = graphOfRunMetadata(metadata.SerializeAsString());
        QVERIFY(graph);
        QCOMPARE(graph->node_size(), 4);
        QCOMPARE(graph->node(3).name(), std::string("graph_1/n1"));
        QCOMPARE(graph->node(3).input(0), std::string("graph_1/n0"));
        QCOMPARE(graph->node(3).input(1), std::string("^graph_1/n0"));
        QVERIFY(!graphOfRunMetadata("\xff\xff\xff"));
    }

    void changedFilesGiveErrors()
    {
        QTemporaryDir temp;
        fs::path file;
        {
            EventFileWriter writer(pathFromText(temp.path().toStdString()) / "run");
            writer.addGraph(chainGraph(3));
            file = writer.path();
        }
        const auto snapshot = load(pathFromText(temp.path().toStdString()));
        GraphReference reference = *snapshot->find("run")->graphReference();
        QVERIFY(loadGraph(reference).ok());
        GraphReference wrongKind = reference;
        wrongKind.source = GraphSource::MetaGraphDef;
        QVERIFY(!loadGraph(wrongKind).ok());
        fs::remove(file);
        const DecodedGraph gone = loadGraph(reference);
        QVERIFY(!gone.ok());
        QVERIFY(!gone.graph);
        QVERIFY(gone.error.find(pathText(file)) != std::string::npos);
    }

    void corpusGraphsDecode()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        std::map<GraphSource, std::size_t> decoded, withNodes;
        for (const char* name : {"a01_tf1_linearclassifier_estimator",
                 "a02_tf1_custom_estimator_resumed", "d04_tensorboardx_1x_2018_legacy",
                 "b04_tf2_hparams_plugin", "b01_tf2_keras_callback_and_custom_loop",
                 "b02_tf2_keras_profile_plugin", "d09_lightning_uvadl_tutorials_renamed_files",
                 "f07_tf2_ckpt_projector_backslash_path"}) {
            const auto snapshot = load(*corpus / name);
            for (const auto& run : snapshot->runs) {
                for (const GraphReference& reference : run->graphReferences()) {
                    const DecodedGraph graph = loadGraph(reference);
                    QVERIFY2(graph.ok(), graph.error.c_str());
                    ++decoded[reference.source];
                    // Empty graphs are real: tensorboardX's failed traces (…basicblock_error)
                    // and Keras' trace summaries holding an empty RunMetadata.
                    if (graph.graph->node_size() == 0)
                        continue;
                    ++withNodes[reference.source];
                    if (reference.source == GraphSource::KerasModel)
                        for (const pb::NodeDef& node : graph.graph->node())
                            QVERIFY(!node.attr().at("keras_class").s().empty());
                }
            }
        }
        qInfo("graphs decoded (with nodes): %zu (%zu) graph_def, %zu (%zu) keras, %zu (%zu) run "
              "metadata",
            decoded[GraphSource::GraphDef], withNodes[GraphSource::GraphDef],
            decoded[GraphSource::KerasModel], withNodes[GraphSource::KerasModel],
            decoded[GraphSource::RunMetadata], withNodes[GraphSource::RunMetadata]);
        QVERIFY(withNodes[GraphSource::GraphDef] > 30);
        QVERIFY(withNodes[GraphSource::KerasModel] >= 10);
        QVERIFY(decoded[GraphSource::RunMetadata] >= 12);
        QVERIFY(withNodes[GraphSource::RunMetadata] >= 1); // b02's profiled batch
        // The producer version MANIFEST.tsv lists for the Estimator's graph.
        const auto estimator = load(*corpus / "a01_tf1_linearclassifier_estimator");
        const DecodedGraph graph = loadGraph(*estimator->find("ongoing/train")->graphReference());
        QVERIFY2(graph.ok(), graph.error.c_str());
        QCOMPARE(graph.graph->versions().producer(), 119);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestGraphs)
#include "test_graphs.moc"
