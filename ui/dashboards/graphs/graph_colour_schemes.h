#pragma once
// "Colour by" for the Graphs tab: a fill per hierarchy node and the legend that explains it,
// for structure, device, XLA cluster, compute time and memory. Built on a worker thread (the
// maths is in core/analysis: graph_structure, graph_node_groups, graph_step_costs).

#include "core/analysis/graph_hierarchy.h"

#include <QColor>
#include <QString>

#include <memory>
#include <vector>

namespace lantern::pb {
class GraphDef;
class StepStats;
} // namespace lantern::pb

namespace lantern::ui {

enum class GraphColouring { Plain, Structure, Device, XlaCluster, ComputeTime, Memory };

struct LegendEntry {
    QColor colour;
    QString text;
};

struct ColourScheme {
    std::vector<QColor> fills; // per hierarchy node; invalid: the node kind's own colour
    // Per hierarchy node (or empty): a scope whose ops differ, drawn hatched over the colour
    // most of them have.
    std::vector<bool> mixed;
    std::vector<LegendEntry> legend;
    QString note; // what the legend cannot say (nothing measured, colours reused …)
};

// `stats` is needed for ComputeTime and Memory only; without it every node keeps its colour
// and the note says why.
ColourScheme colourScheme(GraphColouring colouring, const core::GraphHierarchy& hierarchy,
    const pb::GraphDef& graph, const pb::StepStats* stats);

} // namespace lantern::ui
