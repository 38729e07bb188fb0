// The walk is preorder over nested models. Models emit no node; their inputs feed their first
// layer and their output_layers (or, for Sequential, their last layer) stand in for them when
// a sibling names the model as its input. The JSON is read by our own one-pass parser (its
// nesting limited), and the walk counts its work: every value it looks at and every byte of
// node name it writes, which it keeps within a multiple of the JSON's size.

#include "core/events/keras_graph.h"

#include "core/events/json_value.h"

#include "graph.pb.h"

#include <map>
#include <vector>

namespace lantern::core {
namespace {

using Value = JsonValue;

// Node names may take this many bytes per byte of JSON (plus a megabyte): deeply nested models
// with long names would otherwise repeat each name in every descendant's scope.
constexpr std::uint64_t kNameBytesPerJsonByte = 16;

const Value* field(const Value& object, const char* name)
{
    return object.isObject() ? object.member(name) : nullptr;
}

std::string text(const Value* value)
{
    return value && value->isString() ? value->string : std::string();
}

int integer(const Value& value)
{
    if (!value.isNumber())
        return 0;
    const double number = value.number;
    return number >= 0 && number < 1e9 ? int(number) : 0;
}

// A reference to element `i` of an array value.
const Value& at(const Value& list, std::size_t i)
{
    return list.elements[i];
}

pb::DataType dataTypeOf(const std::string& name)
{
    static const std::map<std::string, pb::DataType, std::less<>> types
        = {{"float32", pb::DT_FLOAT}, {"float64", pb::DT_DOUBLE}, {"int32", pb::DT_INT32},
            {"uint8", pb::DT_UINT8}, {"int16", pb::DT_INT16}, {"int8", pb::DT_INT8},
            {"string", pb::DT_STRING}, {"complex64", pb::DT_COMPLEX64}, {"int64", pb::DT_INT64},
            {"bool", pb::DT_BOOL}, {"bfloat16", pb::DT_BFLOAT16}, {"uint16", pb::DT_UINT16},
            {"complex128", pb::DT_COMPLEX128}, {"float16", pb::DT_HALF}, {"half", pb::DT_HALF},
            {"uint32", pb::DT_UINT32}, {"uint64", pb::DT_UINT64}};
    const auto it = types.find(name);
    return it == types.end() ? pb::DT_INVALID : it->second;
}

// A reference to another layer's output: [layer, node_index, tensor_index].
struct LayerOutput {
    std::string layer;
    int tensorIndex = 0;
};

// Keras 3 tensors: {"class_name": "__keras_tensor__", "config": {"keras_history": [...]}}.
void collectKerasTensors(
    const Value& value, std::vector<LayerOutput>& out, std::uint64_t& work, int depth = 0)
{
    ++work;
    if (depth > 32)
        return;
    if (value.isArray()) {
        for (const Value& element : value.elements)
            collectKerasTensors(element, out, work, depth + 1);
        return;
    }
    if (text(field(value, "class_name")) == "__keras_tensor__") {
        const Value* config = field(value, "config");
        const Value* history = config ? field(*config, "keras_history") : nullptr;
        if (history && history->isArray() && history->elements.size() >= 3)
            out.push_back({text(&at(*history, 0)), integer(at(*history, 2))});
        return;
    }
    if (value.isObject())
        for (const Value& element : value.memberValues)
            collectKerasTensors(element, out, work, depth + 1);
}

// Keras 2: [[name, node_index, tensor_index, kwargs], ...] per node; Keras 3: {"args": ...}.
std::vector<LayerOutput> inboundOf(const Value& layer, std::uint64_t& work)
{
    std::vector<LayerOutput> inbound;
    const Value* nodes = field(layer, "inbound_nodes");
    if (!nodes || !nodes->isArray())
        return inbound;
    for (const Value& node : nodes->elements) {
        ++work;
        if (node.isObject()) {
            if (const Value* args = field(node, "args"))
                collectKerasTensors(*args, inbound, work);
            continue;
        }
        if (!node.isArray())
            continue;
        for (const Value& entry : node.elements) {
            ++work;
            if (entry.isArray() && entry.elements.size() >= 3 && at(entry, 0).isString())
                inbound.push_back({at(entry, 0).string, integer(at(entry, 2))});
        }
    }
    return inbound;
}

// output_layers / input_layers: one [name, node, tensor] triple or a list of them.
std::vector<LayerOutput> layerTriples(const Value* value, std::uint64_t& work)
{
    std::vector<LayerOutput> triples;
    if (!value || !value->isArray())
        return triples;
    const Value& list = *value;
    if (list.elements.size() >= 3 && at(list, 0).isString()) {
        triples.push_back({at(list, 0).string, integer(at(list, 2))});
        return triples;
    }
    for (const Value& element : list.elements) {
        ++work;
        if (element.isArray() && element.elements.size() >= 3 && at(element, 0).isString())
            triples.push_back({at(element, 0).string, integer(at(element, 2))});
    }
    return triples;
}

class Converter {
public:
    Converter(pb::GraphDef& graph, std::uint64_t nameBudget)
        : m_graph(graph)
        , m_nameBudget(nameBudget)
    {
    }

    std::uint64_t work() const { return m_work; }
    // True when node names outgrew their budget and the walk stopped.
    bool overBudget() const { return m_overBudget; }

    // Emits the layers of `model` under `parentScope`; `modelInputs` feed a first layer that
    // names no inputs. Returns the node names standing for the model's outputs.
    std::vector<std::string> walk(const Value& model, const std::string& parentScope,
        const std::vector<std::string>& modelInputs, int depth)
    {
        const Value* config = field(model, "config");
        if (!config || depth > 64 || m_overBudget)
            return {};
        const std::string name = text(field(*config, "name"));
        const std::string scope = parentScope.empty() ? name : parentScope + "/" + name;
        // Each layer's outputs, for siblings that name it as an input.
        std::map<std::string, std::vector<std::string>> outputs;
        std::vector<std::string> lastOutputs;
        bool first = true;
        const Value* layers = field(*config, "layers");
        if (layers && layers->isArray()) {
            for (const Value& layer : layers->elements) {
                ++m_work;
                if (m_overBudget)
                    break;
                const Value* layerConfig = field(layer, "config");
                if (!layerConfig)
                    continue;
                std::vector<std::string> inputs;
                for (const LayerOutput& input : inboundOf(layer, m_work))
                    inputs.push_back(resolve(outputs, scope, input));
                if (inputs.empty()) {
                    if (first && !modelInputs.empty())
                        inputs = modelInputs;
                    else if (!m_previous.empty())
                        inputs = {m_previous}; // Sequential chaining, across nesting too
                }
                first = false;
                const std::string layerName = text(field(*layerConfig, "name"));
                if (field(*layerConfig, "layers")) {
                    lastOutputs = walk(layer, scope, inputs, depth + 1);
                } else {
                    lastOutputs = {emit(layer, scope + "/" + layerName, inputs)};
                }
                outputs[layerName] = lastOutputs;
            }
        }
        const std::vector<LayerOutput> declared
            = layerTriples(field(*config, "output_layers"), m_work);
        if (declared.empty())
            return lastOutputs; // Sequential: its last layer
        std::vector<std::string> result;
        for (const LayerOutput& output : declared)
            result.push_back(resolve(outputs, scope, output));
        return result;
    }

private:
    static std::string resolve(const std::map<std::string, std::vector<std::string>>& outputs,
        const std::string& scope, const LayerOutput& output)
    {
        const auto it = outputs.find(output.layer);
        if (it == outputs.end() || it->second.empty())
            return scope + "/" + output.layer;
        // A nested model stands for its output layer at tensor_index, else its last one.
        return std::size_t(output.tensorIndex) < it->second.size() ? it->second[output.tensorIndex]
                                                                   : it->second.back();
    }

    std::string emit(
        const Value& layer, const std::string& name, const std::vector<std::string>& inputs)
    {
        pb::NodeDef* node = m_graph.add_node();
        node->set_name(name);
        for (const std::string& input : inputs)
            node->add_input(input);
        for (const std::string& input : inputs)
            m_work += input.size();
        m_work += name.size();
        m_overBudget = m_overBudget || m_work > m_nameBudget;
        (*node->mutable_attr())["keras_class"].set_s(text(field(layer, "class_name")));
        const Value* config = field(layer, "config");
        const Value* dtype = config ? field(*config, "dtype") : nullptr;
        std::string dtypeName = text(dtype);
        if (dtype && dtype->isObject()) { // a dtype policy: {"config": {"name": ...}}
            const Value* policyConfig = field(*dtype, "config");
            dtypeName = policyConfig ? text(field(*policyConfig, "name")) : std::string();
        }
        if (const pb::DataType type = dataTypeOf(dtypeName); type != pb::DT_INVALID)
            (*node->mutable_attr())["dtype"].set_type(type);
        m_previous = name;
        return name;
    }

    pb::GraphDef& m_graph;
    std::string m_previous;
    std::uint64_t m_nameBudget = 0;
    std::uint64_t m_work = 0;
    bool m_overBudget = false;
};

} // namespace

std::string kerasModelToGraph(std::string_view json, pb::GraphDef& graph, std::uint64_t* work)
{
    const JsonParseResult parsed = parseJson(json);
    if (work)
        *work = parsed.valueCount;
    if (!parsed.error.empty())
        return "the Keras model is not valid JSON: " + parsed.error;
    if (!field(parsed.value, "config"))
        return "the Keras model JSON has no \"config\"";
    Converter converter(graph, kNameBytesPerJsonByte * json.size() + (1u << 20));
    converter.walk(parsed.value, "", {}, 0);
    if (work)
        *work += converter.work();
    if (converter.overBudget())
        return "the Keras model's layer names, repeated in every nested scope, take more than "
            + std::to_string(kNameBytesPerJsonByte) + " times the size of its JSON";
    return {};
}

} // namespace lantern::core
