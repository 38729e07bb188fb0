#include "ui/dashboards/graphs/graph_colour_schemes.h"

#include "core/analysis/graph_node_groups.h"
#include "core/analysis/graph_step_costs.h"
#include "core/analysis/graph_structure.h"
#include "core/analysis/run_palette.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace lantern::ui {
namespace {

// The texts' translation context; a class of its own, so that files built together (CMake's
// unity builds) do not each define a tr().
struct GraphColourSchemesTexts {
    Q_DECLARE_TR_FUNCTIONS(GraphColourSchemes)
};

// Palette colours lightened so that black labels stay readable on them.
QColor categoryColour(std::size_t index)
{
    const core::Rgb rgb = core::paletteColor(index);
    return QColor(rgb.r, rgb.g, rgb.b).lighter(135);
}

const QColor kMixed(0xd0, 0xd0, 0xd0);
const QColor kNone(0xf4, 0xf4, 0xf4);
constexpr std::size_t kMaxLegendEntries = 12;

ColourScheme byGroups(
    const core::GraphHierarchy& hierarchy, const pb::GraphDef& graph, core::NodeAttribute attribute)
{
    const core::NodeGroups groups = core::groupNodesBy(hierarchy, graph, attribute);
    ColourScheme scheme;
    scheme.fills.resize(groups.ofNode.size());
    scheme.mixed.resize(groups.ofNode.size());
    for (std::size_t i = 0; i < groups.ofNode.size(); ++i) {
        const bool mixed = groups.ofNode[i] == core::NodeGroups::kMixed;
        const std::int32_t value = mixed ? groups.dominant[i] : groups.ofNode[i];
        scheme.mixed[i] = mixed;
        scheme.fills[i] = value >= 0 ? categoryColour(std::size_t(value)) : mixed ? kMixed : kNone;
    }
    for (std::size_t v = 0; v < groups.values.size() && v < kMaxLegendEntries; ++v)
        scheme.legend.push_back({categoryColour(v),
            QStringLiteral("%1 (%2)").arg(QString::fromStdString(groups.values[v]),
                QCoreApplication::translate(
                    "GraphColourSchemes", "%n op(s)", nullptr, int(groups.opsWith[v])))});
    if (groups.values.size() > kMaxLegendEntries)
        scheme.note = GraphColourSchemesTexts::tr("%1 values; colours repeat after %2")
                          .arg(groups.values.size())
                          .arg(core::kPaletteSize);
    scheme.legend.push_back(
        {kMixed, GraphColourSchemesTexts::tr("mixed (hatched, in the colour of most of its ops)")});
    scheme.legend.push_back({kNone,
        attribute == core::NodeAttribute::Device ? GraphColourSchemesTexts::tr("no device")
                                                 : GraphColourSchemesTexts::tr("no cluster")});
    if (groups.values.empty())
        scheme.note = attribute == core::NodeAttribute::Device
            ? GraphColourSchemesTexts::tr("No op of this graph names a device.")
            : GraphColourSchemesTexts::tr("No op of this graph is in an XLA cluster.");
    return scheme;
}

ColourScheme byStructure(const core::GraphHierarchy& hierarchy, const pb::GraphDef& graph)
{
    const std::vector<std::uint64_t> signatures = core::structureSignatures(hierarchy, graph);
    const auto& nodes = hierarchy.nodes();
    // Only structures that occur more than once are worth a colour: repetition is the news.
    std::unordered_map<std::uint64_t, std::uint32_t> groupsWith;
    for (std::uint32_t i = 1; i < nodes.size(); ++i)
        if (nodes[i].isGroup() && nodes[i].opCount > 1)
            ++groupsWith[signatures[i]];
    std::unordered_map<std::uint64_t, std::size_t> colourOf;
    ColourScheme scheme;
    scheme.fills.resize(nodes.size());
    for (std::uint32_t i = 1; i < nodes.size(); ++i) {
        if (!nodes[i].isGroup() || nodes[i].opCount <= 1 || groupsWith[signatures[i]] < 2)
            continue;
        const auto [it, added] = colourOf.try_emplace(signatures[i], colourOf.size());
        scheme.fills[i] = categoryColour(it->second);
        if (added && scheme.legend.size() < kMaxLegendEntries)
            scheme.legend.push_back({scheme.fills[i],
                GraphColourSchemesTexts::tr("like %1 (%2 scopes)")
                    .arg(QString::fromStdString(nodes[i].name))
                    .arg(groupsWith[signatures[i]])});
    }
    scheme.legend.push_back(
        {QColor(), GraphColourSchemesTexts::tr("unique structure: its usual colour")});
    if (colourOf.empty())
        scheme.note = GraphColourSchemesTexts::tr("No two scopes share a structure.");
    else if (colourOf.size() > kMaxLegendEntries)
        scheme.note
            = GraphColourSchemesTexts::tr("%1 repeated structures; the legend lists the first %2")
                  .arg(colourOf.size())
                  .arg(kMaxLegendEntries);
    return scheme;
}

// From white to a deep orange: share of the costliest sibling, so the children of every open
// scope use the whole range among themselves.
QColor heat(double share)
{
    const double t = std::clamp(share, 0.0, 1.0);
    return QColor::fromRgbF(float(1.0 - 0.05 * t), float(1.0 - 0.55 * t), float(1.0 - 0.85 * t));
}

ColourScheme byCost(const core::GraphHierarchy& hierarchy, const pb::StepStats* stats, bool time)
{
    ColourScheme scheme;
    if (!stats) {
        scheme.note
            = GraphColourSchemesTexts::tr("The chosen run metadata holds no step statistics.");
        return scheme;
    }
    const core::StepCosts costs = core::aggregateStepCosts(hierarchy, *stats);
    const std::vector<double>& values = time ? costs.computeMicros : costs.memoryBytes;
    const auto& nodes = hierarchy.nodes();
    scheme.fills.resize(nodes.size());
    for (std::uint32_t group = 0; group < nodes.size(); ++group) {
        if (!nodes[group].isGroup())
            continue;
        double most = 0;
        for (const std::uint32_t child : nodes[group].children)
            most = std::max(most, values[child]);
        for (const std::uint32_t child : nodes[group].children)
            if (costs.measured[child])
                scheme.fills[child] = heat(most > 0 ? values[child] / most : 0);
    }
    const QLocale c = QLocale::c();
    const QString total = time
        ? GraphColourSchemesTexts::tr("%1 ms in all").arg(c.toString(values[0] / 1000.0, 'f', 2))
        : GraphColourSchemesTexts::tr("%1 MiB in all")
              .arg(c.toString(values[0] / 1048576.0, 'f', 2));
    scheme.legend = {{heat(0), GraphColourSchemesTexts::tr("least among its siblings")},
        {heat(0.5), GraphColourSchemesTexts::tr("half")},
        {heat(1),
            (time ? GraphColourSchemesTexts::tr("slowest among its siblings")
                  : GraphColourSchemesTexts::tr("most memory among its siblings"))},
        {QColor(), GraphColourSchemesTexts::tr("not measured")}};
    scheme.note
        = GraphColourSchemesTexts::tr("%1 ops measured · %2").arg(costs.matchedOps).arg(total);
    return scheme;
}

} // namespace

ColourScheme colourScheme(GraphColouring colouring, const core::GraphHierarchy& hierarchy,
    const pb::GraphDef& graph, const pb::StepStats* stats)
{
    switch (colouring) {
    case GraphColouring::Plain:
        break;
    case GraphColouring::Structure:
        return byStructure(hierarchy, graph);
    case GraphColouring::Device:
        return byGroups(hierarchy, graph, core::NodeAttribute::Device);
    case GraphColouring::XlaCluster:
        return byGroups(hierarchy, graph, core::NodeAttribute::XlaCluster);
    case GraphColouring::ComputeTime:
        return byCost(hierarchy, stats, true);
    case GraphColouring::Memory:
        return byCost(hierarchy, stats, false);
    }
    return {};
}

} // namespace lantern::ui
