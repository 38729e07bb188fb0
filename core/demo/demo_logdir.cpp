// The demo's network is trained for real with Eigen: y = f(x) + noise for a fixed nonlinear f
// of five inputs, mean squared error, plain mini-batch SGD. Everything a TensorBoard user
// expects from such a run is logged: loss and global_step/sec, weight and activation
// histograms, the graph with name scopes, a text summary, audio clips (demo_audio.h), and the
// last hidden layer's activations as a projector embedding with metadata.

#include "core/demo/demo_logdir.h"

#include "core/demo/demo_audio.h"
#include "core/events/custom_scalars_layout.h"
#include "core/io/path_text.h"
#include "core/write/event_file_writer.h"

#include "graph.pb.h"

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <numbers>
#include <random>

namespace lantern::core {
namespace {

namespace fs = std::filesystem;
using MatrixF = Eigen::MatrixXf;
using VectorF = Eigen::VectorXf;

constexpr int kDemoSamples = 10000;
constexpr int kInputs = 5;
constexpr int kHidden1 = 500;
constexpr int kHidden2 = 300;
constexpr int kEmbeddingPoints = 500;
constexpr int kHistogramEvery = 10;
const char* const kVersionFile = "lantern-demo-version";

// Normal deviates from a standard engine, with Box–Muller: std's distributions differ between
// standard libraries, and the demo should be the same everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {
    }
    float normal()
    {
        const double u1 = 1.0 - double(m_engine() >> 11) * 0x1.0p-53;
        const double u2 = double(m_engine() >> 11) * 0x1.0p-53;
        return float(std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2));
    }
    std::size_t below(std::size_t n) { return std::size_t(m_engine() % n); }

private:
    std::mt19937_64 m_engine;
};

MatrixF randomMatrix(Random& random, int rows, int cols, float scale)
{
    MatrixF m(rows, cols);
    for (int i = 0; i < m.size(); ++i)
        m.data()[i] = random.normal() * scale;
    return m;
}

struct Dataset {
    MatrixF x; // kDemoSamples × kInputs
    VectorF y;
};

Dataset makeDataset(Random& random)
{
    Dataset data {randomMatrix(random, kDemoSamples, kInputs, 1.0f), VectorF(kDemoSamples)};
    for (int i = 0; i < kDemoSamples; ++i) {
        const auto r = data.x.row(i);
        data.y(i) = 2.0f * r(0) - 1.5f * r(1) + std::sin(2.0f * r(2)) + r(3) * r(4)
            + 0.1f * random.normal();
    }
    return data;
}

struct Network {
    MatrixF w1, w2, w3;
    VectorF b1, b2, b3;

    explicit Network(Random& random)
        : w1(randomMatrix(random, kInputs, kHidden1, std::sqrt(2.0f / kInputs)))
        , w2(randomMatrix(random, kHidden1, kHidden2, std::sqrt(2.0f / kHidden1)))
        , w3(randomMatrix(random, kHidden2, 1, std::sqrt(1.0f / kHidden2)))
        , b1(VectorF::Zero(kHidden1))
        , b2(VectorF::Zero(kHidden2))
        , b3(VectorF::Zero(1))
    {
    }
};

struct Forward {
    MatrixF h1, h2;
    VectorF out;
};

Forward forward(const Network& net, const MatrixF& x)
{
    Forward f;
    f.h1 = ((x * net.w1).rowwise() + net.b1.transpose()).cwiseMax(0.0f);
    f.h2 = ((f.h1 * net.w2).rowwise() + net.b2.transpose()).cwiseMax(0.0f);
    f.out = ((f.h2 * net.w3).rowwise() + net.b3.transpose()).col(0);
    return f;
}

// One SGD step on a batch, the gradient clipped to a global norm of kClipNorm (TF's
// clip_by_global_norm); returns the batch's mean squared error before the update. Clipping keeps
// the too-high learning rate's loss bouncing at a high level instead of overflowing to NaN in
// three steps, which is the "does not converge" picture the demo should show.
float trainStep(Network& net, const MatrixF& x, const VectorF& y, float learningRate, Forward& f)
{
    constexpr float kClipNorm = 5.0f;
    f = forward(net, x);
    const VectorF error = f.out - y;
    const float loss = error.squaredNorm() / float(x.rows());
    const MatrixF dOut = (2.0f / float(x.rows())) * error;
    const MatrixF dH2
        = (dOut * net.w3.transpose()).cwiseProduct((f.h2.array() > 0.0f).cast<float>().matrix());
    const MatrixF dH1
        = (dH2 * net.w2.transpose()).cwiseProduct((f.h1.array() > 0.0f).cast<float>().matrix());
    const MatrixF gradW3 = f.h2.transpose() * dOut;
    const VectorF gradB3 = dOut.colwise().sum().transpose();
    const MatrixF gradW2 = f.h1.transpose() * dH2;
    const VectorF gradB2 = dH2.colwise().sum().transpose();
    const MatrixF gradW1 = x.transpose() * dH1;
    const VectorF gradB1 = dH1.colwise().sum().transpose();
    const float norm = std::sqrt(gradW3.squaredNorm() + gradB3.squaredNorm() + gradW2.squaredNorm()
        + gradB2.squaredNorm() + gradW1.squaredNorm() + gradB1.squaredNorm());
    const float step = norm > kClipNorm ? learningRate * kClipNorm / norm : learningRate;
    net.w3 -= step * gradW3;
    net.b3 -= step * gradB3;
    net.w2 -= step * gradW2;
    net.b2 -= step * gradB2;
    net.w1 -= step * gradW1;
    net.b1 -= step * gradB1;
    return loss;
}

std::span<const double> asDoubles(const MatrixF& m, std::vector<double>& buffer)
{
    buffer.assign(m.data(), m.data() + m.size());
    return buffer;
}

// The graph a TF1 Estimator would log for this model, with its name scopes.
pb::GraphDef demoGraph()
{
    pb::GraphDef graph;
    graph.mutable_versions()->set_producer(27);
    auto node = [&graph](const std::string& name, const std::string& op,
                    std::initializer_list<std::string> inputs) {
        pb::NodeDef* n = graph.add_node();
        n->set_name(name);
        n->set_op(op);
        for (const std::string& input : inputs)
            n->add_input(input);
        (*n->mutable_attr())["T"].set_type(pb::DT_FLOAT);
        return n;
    };
    node("input/x", "Placeholder", {});
    node("input/y", "Placeholder", {});
    node("global_step", "VariableV2", {});
    std::string previous = "input/x";
    const char* layers[] = {"dense", "dense_1", "dense_2"};
    for (int i = 0; i < 3; ++i) {
        const std::string scope = layers[i];
        node(scope + "/kernel", "VariableV2", {});
        node(scope + "/bias", "VariableV2", {});
        node(scope + "/kernel/read", "Identity", {scope + "/kernel"});
        node(scope + "/bias/read", "Identity", {scope + "/bias"});
        node(scope + "/MatMul", "MatMul", {previous, scope + "/kernel/read"});
        node(scope + "/BiasAdd", "BiasAdd", {scope + "/MatMul", scope + "/bias/read"});
        previous = scope + "/BiasAdd";
        if (i < 2) {
            node(scope + "/Relu", "Relu", {previous});
            previous = scope + "/Relu";
        }
    }
    node("loss/sub", "Sub", {previous, "input/y"});
    node("loss/Square", "Square", {"loss/sub"});
    node("loss/Mean", "Mean", {"loss/Square"});
    node("gradients/loss/Mean_grad/Tile", "Tile", {"loss/Mean"});
    for (const char* layer : layers) {
        const std::string scope = layer;
        node("gradients/" + scope + "/MatMul_grad/MatMul_1", "MatMul",
            {"gradients/loss/Mean_grad/Tile"});
        node("GradientDescent/update_" + scope + "/kernel/ApplyGradientDescent",
            "ApplyGradientDescent",
            {scope + "/kernel", "gradients/" + scope + "/MatMul_grad/MatMul_1"});
    }
    node("GradientDescent/AssignAdd", "AssignAdd", {"global_step"});
    return graph;
}

void writeEmbedding(const fs::path& directory, const Network& net, const Dataset& data)
{
    const MatrixF x = data.x.topRows(kEmbeddingPoints);
    const Forward f = forward(net, x);
    std::ofstream tensors(directory / "embedding.tsv");
    std::ofstream metadata(directory / "embedding_metadata.tsv");
    metadata << "index\ttarget\tbucket\n";
    for (int i = 0; i < kEmbeddingPoints; ++i) {
        for (int j = 0; j < kHidden2; ++j)
            tensors << (j ? "\t" : "") << f.h2(i, j);
        tensors << '\n';
        const float target = data.y(i);
        metadata << i << '\t' << target << '\t'
                 << (target < -1         ? "low"
                            : target < 1 ? "middle"
                                         : "high")
                 << '\n';
    }
    std::ofstream config(directory / "projector_config.pbtxt");
    config << "embeddings {\n  tensor_name: \"dense_1/activations\"\n"
              "  tensor_path: \"embedding.tsv\"\n  metadata_path: \"embedding_metadata.tsv\"\n"
              "  tensor_shape: "
           << kEmbeddingPoints << "\n  tensor_shape: " << kHidden2 << "\n}\n";
}

std::string describeRun(float learningRate, const DemoOptions& options)
{
    return "## Lantern demo: dense regressor\n\n"
           "A network with hidden layers of **500** and **300** ReLU units, trained with plain "
           "mini-batch SGD on 10,000 × 5 random inputs to predict a nonlinear target.\n\n"
           "| setting | value |\n|---|---|\n| learning rate | "
        + std::to_string(learningRate) + " |\n| batch size | " + std::to_string(options.batchSize)
        + " |\n| steps | " + std::to_string(options.steps) + " |\n";
}

// The batch's squared errors at the 25th, 50th and 75th percentile (nearest rank): how far
// the loss, their mean, speaks for the samples.
void writeErrorSpread(EventFileWriter& writer, int step, const VectorF& predicted, const VectorF& y)
{
    std::vector<float> errors(std::size_t(y.size()));
    for (Eigen::Index i = 0; i < y.size(); ++i)
        errors[std::size_t(i)] = (predicted(i) - y(i)) * (predicted(i) - y(i));
    std::sort(errors.begin(), errors.end());
    const auto at = [&](double fraction) {
        return errors[std::size_t(fraction * double(errors.size() - 1) + 0.5)];
    };
    writer.addScalar("batch_error/p25", step, at(0.25));
    writer.addScalar("batch_error/median", step, at(0.5));
    writer.addScalar("batch_error/p75", step, at(0.75));
}

// The Scalars tab's custom section, as the custom_scalars plugin lays it out: the loss beside
// the median error, and the median within its 10th-90th percentile band.
CustomScalarsLayout demoScalarsLayout()
{
    CustomScalarsLayout layout;
    layout.categories.push_back({"Training",
        {{"Loss and median batch error", {"loss$", "batch_error/median"}, {}},
            {"Batch error: median within the interquartile range", {},
                {{"batch_error/median", "batch_error/p25", "batch_error/p75"}}}},
        false});
    return layout;
}

} // namespace

std::string writeDemoLogdir(const DemoOptions& options, const std::function<void(double)>& progress)
{
    std::error_code error;
    fs::remove_all(options.directory, error);
    fs::create_directories(options.directory, error);
    if (error)
        return "cannot create " + pathText(options.directory) + ": " + error.message();

    Random random(options.seed);
    const Dataset data = makeDataset(random);
    const float learningRates[] = {0.003f, 0.3f}; // converges; diverges
    Network embeddingNet(random);
    std::vector<double> buffer;
    for (int r = 0; r < 2; ++r) {
        const float learningRate = learningRates[r];
        char name[32];
        std::snprintf(name, sizeof name, "lr_%g", double(learningRate));
        EventFileWriter writer(options.directory / name);
        if (!writer.ok())
            return "cannot write the demo's event file in " + pathText(options.directory / name);
        Random runRandom(options.seed + 1); // both runs start from the same weights
        Network net(runRandom);
        writer.addGraph(demoGraph());
        writer.addText("run_description", 0, describeRun(learningRate, options));
        writer.addCustomScalarsLayout(demoScalarsLayout());
        MatrixF x(options.batchSize, kInputs);
        VectorF y(options.batchSize);
        Forward f;
        std::vector<float> losses;
        auto started = std::chrono::steady_clock::now();
        for (int step = 1; step <= options.steps; ++step) {
            for (int i = 0; i < options.batchSize; ++i) {
                const std::size_t sample = random.below(kDemoSamples);
                x.row(i) = data.x.row(Eigen::Index(sample));
                y(i) = data.y(Eigen::Index(sample));
            }
            const float loss = trainStep(net, x, y, learningRate, f);
            writer.addScalar("loss", step, loss);
            writeErrorSpread(writer, step, f.out, y);
            losses.push_back(loss);
            writeDemoAudio(writer, step, options.steps, losses);
            if (step % kHistogramEvery == 0) {
                const auto now = std::chrono::steady_clock::now();
                const double seconds = std::chrono::duration<double>(now - started).count();
                writer.addScalar("global_step/sec", step, float(kHistogramEvery / seconds));
                started = now;
                writer.addHistogram("dense/kernel", step, asDoubles(net.w1, buffer));
                writer.addHistogram("dense_1/kernel", step, asDoubles(net.w2, buffer));
                writer.addHistogram("dense_2/kernel", step, asDoubles(net.w3, buffer));
                writer.addHistogram(
                    "dense/activations", step, asDoubles(f.h1, buffer), SummaryStyle::Tf1);
                writer.addHistogram(
                    "dense_1/activations", step, asDoubles(f.h2, buffer), SummaryStyle::Tf1);
            }
            if (progress)
                progress((r * options.steps + step) / (2.0 * options.steps));
        }
        writer.flush();
        if (r == 0)
            embeddingNet = net;
    }
    writeEmbedding(options.directory, embeddingNet, data);
    std::ofstream(options.directory / kVersionFile) << kDemoVersion << '\n';
    return {};
}

bool isDemoLogdirCurrent(const fs::path& directory)
{
    std::ifstream version(directory / kVersionFile);
    int found = 0;
    return version >> found && found == kDemoVersion;
}

} // namespace lantern::core
