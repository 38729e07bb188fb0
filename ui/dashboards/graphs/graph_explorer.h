#pragma once
// The Graphs tab's exploring tools, above the canvas: colour by (structure, device, XLA cluster,
// compute time, memory — with the run metadata whose step statistics to use) with its legend,
// trace inputs of the selected node, stepping through search matches (ringed on the canvas),
// the minimap and export as PNG or SVG. It drives the GraphView through its emphasis hooks;
// the maths runs on worker threads (latest request wins).

#include "core/analysis/graph_hierarchy.h"
#include "core/store/graph_reference.h"
#include "ui/adapter/data_reader.h"
#include "ui/dashboards/graphs/graph_colour_schemes.h"
#include "ui/widgets/latest_job.h"

#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace lantern::ui {

class GraphLegend;
class GraphMinimap;
class GraphView;

class GraphExplorer : public QWidget {
    Q_OBJECT
public:
    GraphExplorer(GraphView* view, DataReaderPtr reader, QWidget* parent = nullptr);

    // A newly shown graph. `ownStats`: its step statistics when it is a RunMetadata graph;
    // `runMetadata`: the run's RunMetadata graphs, whose statistics colour by time and memory.
    void setGraph(std::shared_ptr<const core::GraphHierarchy> hierarchy,
        std::shared_ptr<const pb::GraphDef> graph, std::shared_ptr<const pb::StepStats> ownStats,
        std::vector<core::GraphReference> runMetadata);
    void clear();
    void setSelected(std::optional<std::uint32_t> node);
    // Ops matching the search, in order; groups that hold one are ringed too.
    void setMatches(std::vector<std::uint32_t> ops);
    void stepMatch(int direction); // +1 next, -1 previous (wrapping)
    void setColouring(GraphColouring colouring);
    void setTracing(bool on);
    bool isComputing() const { return m_colouring.isBusy() || m_tracing.isBusy(); }

    QComboBox* colourBox() const { return m_colourBox; }
    QComboBox* statsBox() const { return m_statsBox; }
    QToolButton* traceButton() const { return m_trace; }
    QLabel* matchLabel() const { return m_matchLabel; }
    GraphLegend* legend() const { return m_legend; }
    GraphMinimap* minimap() const { return m_minimap; }
    const std::vector<std::uint32_t>& matches() const { return m_matches; }
    std::optional<std::size_t> currentMatch() const { return m_current; }

signals:
    void matchRequested(std::uint32_t op); // show this match (the dashboard navigates to it)
    void schemeShown(); // a colour scheme (or trace) reached the canvas

private:
    struct ColouredGraph {
        std::shared_ptr<const core::GraphHierarchy> hierarchy;
        ColourScheme scheme;
        std::string statsKey; // the run metadata read for it (empty: none read)
        std::shared_ptr<const pb::StepStats> stats;
    };
    struct TracedGraph {
        std::shared_ptr<const core::GraphHierarchy> hierarchy;
        std::vector<bool> kept;
    };

    void refillStatsBox();
    void recolour();
    void retrace();
    void exportAs(bool svg);
    void showMatchCount();

    GraphView* m_view;
    DataReaderPtr m_reader;
    std::shared_ptr<const core::GraphHierarchy> m_hierarchy;
    std::shared_ptr<const pb::GraphDef> m_graph;
    std::shared_ptr<const pb::StepStats> m_ownStats;
    std::vector<core::GraphReference> m_runMetadata;
    // Step statistics read from the run's RunMetadata, by record: read once, not at each
    // change of colouring (only those of the graph shown are kept).
    std::map<std::string, std::shared_ptr<const pb::StepStats>> m_statsRead;
    std::optional<std::uint32_t> m_selected;
    bool m_frameTrace = false; // bring the next trace into sight (it was just turned on)
    std::vector<std::uint32_t> m_matches;
    std::optional<std::size_t> m_current;
    LatestJob<ColouredGraph> m_colouring;
    LatestJob<TracedGraph> m_tracing;

    QComboBox* m_colourBox = nullptr;
    QComboBox* m_statsBox = nullptr;
    QToolButton* m_trace = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QLabel* m_matchLabel = nullptr;
    QToolButton* m_minimapToggle = nullptr;
    QToolButton* m_export = nullptr;
    GraphLegend* m_legend = nullptr;
    GraphMinimap* m_minimap = nullptr;
};

} // namespace lantern::ui
