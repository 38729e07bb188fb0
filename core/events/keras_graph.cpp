// The walk is preorder over nested models. Models emit no node; their inputs feed their first
// layer and their output_layers (or, for Sequential, their last layer) stand in for them when
// a sibling names the model as its input. JSON is parsed into google.protobuf.Value with
// protobuf's own JSON parser, which bounds nesting depth.

#include "core/events/keras_graph.h"

#include "graph.pb.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <map>
#include <vector>

namespace lantern::core {
namespace {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

const Value* field(const Value& object, const char* name)
{
    if (!object.has_struct_value())
        return nullptr;
    const auto& fields = object.struct_value().fields();
    const auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
}

std::string text(const Value* value)
{
    return value && value->has_string_value() ? value->string_value() : std::string();
}

int integer(const Value& value)
{
    if (!value.has_number_value())
        return 0;
    const double number = value.number_value();
    return number >= 0 && number < 1e9 ? int(number) : 0;
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
void collectKerasTensors(const Value& value, std::vector<LayerOutput>& out, int depth = 0)
{
    if (depth > 32)
        return;
    if (value.has_list_value()) {
        for (const Value& element : value.list_value().values())
            collectKerasTensors(element, out, depth + 1);
        return;
    }
    if (text(field(value, "class_name")) == "__keras_tensor__") {
        const Value* config = field(value, "config");
        const Value* history = config ? field(*config, "keras_history") : nullptr;
        if (history && history->has_list_value() && history->list_value().values_size() >= 3)
            out.push_back(
                {text(&history->list_value().values(0)), integer(history->list_value().values(2))});
        return;
    }
    if (value.has_struct_value())
        for (const auto& [key, element] : value.struct_value().fields())
            collectKerasTensors(element, out, depth + 1);
}

// Keras 2: [[name, node_index, tensor_index, kwargs], ...] per node; Keras 3: {"args": ...}.
std::vector<LayerOutput> inboundOf(const Value& layer)
{
    std::vector<LayerOutput> inbound;
    const Value* nodes = field(layer, "inbound_nodes");
    if (!nodes || !nodes->has_list_value())
        return inbound;
    for (const Value& node : nodes->list_value().values()) {
        if (node.has_struct_value()) {
            if (const Value* args = field(node, "args"))
                collectKerasTensors(*args, inbound);
            continue;
        }
        if (!node.has_list_value())
            continue;
        for (const Value& entry : node.list_value().values()) {
            if (entry.has_list_value() && entry.list_value().values_size() >= 3
                && entry.list_value().values(0).has_string_value())
                inbound.push_back({entry.list_value().values(0).string_value(),
                    integer(entry.list_value().values(2))});
        }
    }
    return inbound;
}

// output_layers / input_layers: one [name, node, tensor] triple or a list of them.
std::vector<LayerOutput> layerTriples(const Value* value)
{
    std::vector<LayerOutput> triples;
    if (!value || !value->has_list_value())
        return triples;
    const ListValue& list = value->list_value();
    if (list.values_size() >= 3 && list.values(0).has_string_value()) {
        triples.push_back({list.values(0).string_value(), integer(list.values(2))});
        return triples;
    }
    for (const Value& element : list.values())
        if (element.has_list_value() && element.list_value().values_size() >= 3
            && element.list_value().values(0).has_string_value())
            triples.push_back({element.list_value().values(0).string_value(),
                integer(element.list_value().values(2))});
    return triples;
}

class Converter {
public:
    explicit Converter(pb::GraphDef& graph)
        : m_graph(graph)
    {
    }

    // Emits the layers of `model` under `parentScope`; `modelInputs` feed a first layer that
    // names no inputs. Returns the node names standing for the model's outputs.
    std::vector<std::string> walk(const Value& model, const std::string& parentScope,
        const std::vector<std::string>& modelInputs, int depth)
    {
        const Value* config = field(model, "config");
        if (!config || depth > 64)
            return {};
        const std::string name = text(field(*config, "name"));
        const std::string scope = parentScope.empty() ? name : parentScope + "/" + name;
        // Each layer's outputs, for siblings that name it as an input.
        std::map<std::string, std::vector<std::string>> outputs;
        std::vector<std::string> lastOutputs;
        bool first = true;
        const Value* layers = field(*config, "layers");
        if (layers && layers->has_list_value()) {
            for (const Value& layer : layers->list_value().values()) {
                const Value* layerConfig = field(layer, "config");
                if (!layerConfig)
                    continue;
                std::vector<std::string> inputs;
                for (const LayerOutput& input : inboundOf(layer))
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
        const std::vector<LayerOutput> declared = layerTriples(field(*config, "output_layers"));
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
        (*node->mutable_attr())["keras_class"].set_s(text(field(layer, "class_name")));
        const Value* config = field(layer, "config");
        const Value* dtype = config ? field(*config, "dtype") : nullptr;
        std::string dtypeName = text(dtype);
        if (dtype && dtype->has_struct_value()) { // a dtype policy: {"config": {"name": ...}}
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
};

} // namespace

std::string kerasModelToGraph(std::string_view json, pb::GraphDef& graph)
{
    Value model;
    const auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(json.data(), json.size()), &model);
    if (!status.ok())
        return "the Keras model is not valid JSON: " + std::string(status.message());
    if (!field(model, "config"))
        return "the Keras model JSON has no \"config\"";
    Converter(graph).walk(model, "", {}, 0);
    return {};
}

} // namespace lantern::core
