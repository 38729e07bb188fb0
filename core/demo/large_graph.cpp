#include "core/demo/large_graph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lantern::core {

namespace {

constexpr int kBlocks = 5;
constexpr int kLayers = 9;
constexpr int kUnits = 4;
constexpr int kOpsPerUnit = 50;
constexpr int kMixOps = 200; // directly in each block: 200 + 9 × 4 × 50 = 2,000
constexpr int kSlices = 5'000;
constexpr int kInputOps = 50;
constexpr int kSummaries = 30;
constexpr int kSaveOps = 20;

class Builder {
public:
    pb::NodeDef& add(const std::string& name, const char* op)
    {
        pb::NodeDef* node = m_graph.add_node();
        node->set_name(name);
        node->set_op(op);
        return *node;
    }
    // A fixed pseudo-random sequence, so that cross-scope inputs look irregular yet repeat.
    std::uint32_t next()
    {
        m_state = m_state * 1664525u + 1013904223u;
        return m_state >> 8;
    }
    const std::string& pick(const std::vector<std::string>& names)
    {
        return names[next() % names.size()];
    }
    pb::GraphDef take() { return std::move(m_graph); }
    int size() const { return m_graph.node_size(); }

private:
    pb::GraphDef m_graph;
    std::uint32_t m_state = 12345;
};

const char* opType(int k)
{
    static const char* const types[] = {"MatMul", "Add", "Relu", "Mul", "BiasAdd", "Tanh"};
    return types[k % 6];
}

} // namespace

pb::GraphDef makeLargeGraph()
{
    Builder b;
    b.add("global_step", "VariableV2");
    std::vector<std::string> inputs;
    for (int i = 0; i < kInputOps; ++i) {
        auto& node = b.add("input/" + std::string(opType(i)) + std::to_string(i), opType(i));
        if (i > 0)
            node.add_input(inputs.back());
        inputs.push_back(node.name());
    }
    // The wide series: slice, slice_1 … slice_4999, all reading the input's end.
    std::vector<std::string> slices;
    for (int i = 0; i < kSlices; ++i) {
        auto& node = b.add(i ? "prep/slice_" + std::to_string(i) : "prep/slice", "StridedSlice");
        node.add_input(inputs[std::size_t(i) % inputs.size()]);
        slices.push_back(node.name());
    }
    auto& joined = b.add("prep/concat", "ConcatV2");
    for (int i = 0; i < kSlices; i += 50)
        joined.add_input(slices[std::size_t(i)]);

    std::vector<std::string> forward, previousBlock {joined.name()};
    for (int block = 0; block < kBlocks; ++block) {
        const std::string scope = "model/block_" + std::to_string(block) + "/";
        std::vector<std::string> inBlock;
        std::string last = previousBlock.back();
        for (int k = 0; k < kMixOps; ++k) {
            auto& node = b.add(scope + opType(k) + std::to_string(k), opType(k));
            node.add_input(last);
            if (k % 10 == 0)
                node.add_input(b.pick(previousBlock)); // across blocks
            if (k % 40 == 0)
                node.add_input("global_step");
            last = node.name();
            inBlock.push_back(last);
        }
        for (int layer = 0; layer < kLayers; ++layer)
            for (int unit = 0; unit < kUnits; ++unit) {
                const std::string unitScope = scope + "layer_" + std::to_string(layer) + "/unit_"
                    + std::to_string(unit) + "/";
                for (int k = 0; k < kOpsPerUnit; ++k) {
                    auto& node = b.add(unitScope + opType(k) + std::to_string(k), opType(k));
                    node.add_input(last);
                    if (k % 7 == 0)
                        node.add_input(b.pick(inBlock)); // across layers and units
                    last = node.name();
                    inBlock.push_back(last);
                }
            }
        forward.insert(forward.end(), inBlock.begin(), inBlock.end());
        previousBlock = std::move(inBlock);
    }
    b.add("loss", "Mean").add_input(forward.back());

    for (int i = 0; i < kSummaries; ++i)
        b.add("summaries/scalar" + std::to_string(i), "ScalarSummary").add_input(b.pick(forward));
    auto& merged = b.add("summaries/merged", "MergeSummary");
    for (int i = 0; i < kSummaries; ++i)
        merged.add_input("summaries/scalar" + std::to_string(i));
    for (int i = 0; i < kSaveOps; ++i)
        b.add("save/" + std::string(i % 2 ? "RestoreV2" : "SaveV2") + std::to_string(i),
             i % 2 ? "RestoreV2" : "SaveV2")
            .add_input(b.pick(forward));
    auto& init = b.add("init", "NoOp");
    for (int i = 0; i < 200; ++i)
        init.add_input("^" + b.pick(forward));

    // Gradients: ops mirroring the forward pass, each reading a forward op and its
    // predecessor, until the graph holds kLargeGraphOps ops.
    std::string last = "loss";
    for (int k = 0; b.size() < kLargeGraphOps - 1; ++k) {
        const std::string scope = "gradients/block_" + std::to_string(k / 1000 % kBlocks)
            + "/layer_" + std::to_string(k / 100 % 10) + "/";
        auto& node = b.add(scope + opType(k) + "Grad" + std::to_string(k), opType(k));
        node.add_input(last);
        node.add_input(b.pick(forward));
        last = node.name();
    }
    b.add("train", "AssignAdd").add_input(last);
    return b.take();
}

} // namespace lantern::core
