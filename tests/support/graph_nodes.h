#pragma once
// Building small GraphDefs in tests: one op with its inputs ("name", "name:1", "^name").

#include "graph.pb.h"

#include <initializer_list>
#include <string>

namespace lantern::test {

inline pb::NodeDef& addNode(pb::GraphDef& graph, const std::string& name, const std::string& op,
    std::initializer_list<std::string> inputs = {})
{
    pb::NodeDef* node = graph.add_node();
    node->set_name(name);
    node->set_op(op);
    for (const std::string& input : inputs)
        node->add_input(input);
    return *node;
}

} // namespace lantern::test
