#pragma once
// The Graphs tab: a run's graph with scopes opened in place. A run chooser (and a graph chooser
// when the run holds several), a breadcrumb of the group drawn as the canvas (the whole graph
// unless one was shown alone), the graph drawn by a GraphView, the selected node's details,
// and a search over op names. The graph is decoded, arranged into its hierarchy and laid out
// on worker threads, only while the tab is shown; opening a scope re-lays out on a worker too.
// Until the user picks a graph, the tab opens on the run and graph with the most ops (every
// graph is counted on a worker first, graph.pbtxt files beside the event files included). The
// exploring tools (colour by, trace inputs, search stepping, minimap, export) are a
// GraphExplorer; a search opens the scopes holding its matches when there are few of them.

#include "core/analysis/graph_expanded_layout.h"
#include "core/analysis/graph_hierarchy.h"
#include "core/store/graph_reference.h"
#include "ui/adapter/data_reader.h"
#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/widgets/latest_job.h"

#include <QWidget>

#include <map>
#include <memory>
#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace lantern::pb {
class StepStats;
}

namespace lantern::ui {

class GraphExplorer;
class GraphSearchResults;
class GraphView;
class NodeDetailsPanel;

class GraphsDashboard : public Dashboard {
    Q_OBJECT
public:
    // Graphs are read through `reader`; without one (a dashboard on its own), it makes its own.
    explicit GraphsDashboard(QWidget* parent = nullptr, DataReaderPtr reader = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot);

    // Dashboard: graphs are decoded and laid out on workers
    QString key() const override { return QStringLiteral("graphs"); }
    QString title() const override { return tr("Graphs"); }
    std::optional<bool> hasDataFor(const DashboardUpdate& update) const override
    {
        return std::any_of(update.snapshot->runs.begin(), update.snapshot->runs.end(),
            [](const auto& run) { return run->graphReference().has_value(); });
    }
    bool computesInBackground() const override { return true; }
    bool isComputing() const override;

    // Opens the scopes that hold `node` and selects it (an op or a group).
    void navigateTo(std::uint32_t node);
    // Opens the scopes that hold `node` so that it is drawn, without selecting it.
    void revealNode(std::uint32_t node);
    // Opens or closes `group` in place.
    void toggleGroup(std::uint32_t group);
    // Moves `node` into the auxiliary area or back into the main graph.
    void toggleAuxiliary(std::uint32_t node);
    // Draws `group` alone as the canvas (a drill-down; 0 for the whole graph).
    void enterGroup(std::uint32_t group);
    void goUp();
    const core::GraphExpansion& expansion() const { return m_expansion; }

    std::shared_ptr<const core::GraphHierarchy> hierarchy() const { return m_hierarchy; }
    QString breadcrumbText() const;
    GraphView* view() const { return m_view; }
    NodeDetailsPanel* details() const { return m_details; }
    QComboBox* runBox() const { return m_runBox; }
    QComboBox* graphBox() const { return m_graphBox; }
    QLineEdit* searchBox() const { return m_search; }
    QListView* searchResults() const { return m_results; }
    GraphSearchResults* searchResultsModel() const { return m_resultsModel; }
    QLabel* statusLabel() const { return m_status; }
    GraphExplorer* explorer() const { return m_explorer; }

signals:
    void levelShown(); // a group's layout is drawn

protected:
    void apply(const DashboardUpdate& update) override { setSnapshot(update.snapshot); }
    bool isAffectedBy(const core::SnapshotChange& change) const override
    {
        return !change.runs.empty(); // a run's graph is not a tag: any change of a run may be one
    }
    void showEvent(QShowEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // Every graph of every run with its op count, for the default choice.
    struct CountedGraph {
        core::GraphReference reference;
        std::size_t opCount = 0;
    };
    using GraphCensus = std::map<QString, std::vector<CountedGraph>>; // by run name
    struct LoadedGraph {
        std::shared_ptr<const pb::GraphDef> graph;
        std::shared_ptr<const pb::StepStats> stepStats;
        std::shared_ptr<const core::GraphHierarchy> hierarchy;
        core::ExpandedLayout layout; // with nothing open
        QString error;
    };
    struct PlacedLevel {
        std::shared_ptr<const core::GraphHierarchy> hierarchy; // the graph it was laid out for
        core::GraphExpansion expansion;
        core::ExpandedLayout layout;
        std::optional<std::uint32_t> anchor; // keeps its place on the screen
    };
    struct FoundOps {
        std::shared_ptr<const core::GraphHierarchy> hierarchy; // the graph searched
        QString text;
        std::vector<std::uint32_t> ops;
    };

    void countGraphs();
    void censusTaken(GraphCensus census);
    std::vector<core::GraphReference> referencesOf(const core::RunSnapshot& run) const;
    void refillRuns();
    void refillGraphs();
    void loadChosenGraph();
    void graphLoaded(LoadedGraph loaded);
    void levelPlaced(PlacedLevel level);
    void relayOut(std::optional<std::uint32_t> anchor);
    void showLayout(core::GraphExpansion expansion, core::ExpandedLayout layout,
        std::optional<std::uint32_t> anchor);
    void rebuildBreadcrumb();
    void selectNode(std::uint32_t node);
    void runSearch();
    void searchFound(FoundOps found);
    void showStatus();

    LogdirSnapshotPtr m_snapshot;
    std::vector<core::GraphReference> m_references; // of the chosen run
    QString m_loadedKey; // which graph is loaded (or loading)
    bool m_loadPending = false; // a graph is chosen but the tab was hidden
    bool m_userChose = false; // a run or graph picked by hand: the census no longer chooses
    QString m_censusKey; // the graphs the census was taken of (or is being taken of)
    bool m_censusPending = false; // graphs changed while the tab was hidden
    GraphCensus m_census;

    std::shared_ptr<const pb::GraphDef> m_graph;
    std::shared_ptr<const core::GraphHierarchy> m_hierarchy;
    core::GraphExpansion m_expansion; // what is asked for (the view shows what was laid out)
    core::PlacementCache m_placements; // of the layout shown last
    std::optional<std::uint32_t> m_pendingSelection;
    std::vector<std::uint32_t> m_pendingFrame; // search matches to bring into sight once drawn
    QString m_searchedText; // whose matches are shown (null: none)
    bool m_stepWhenFound = false; // Enter was pressed before its search's matches came
    QString m_error;
    std::vector<std::string> m_skipped; // what the layout shown does not draw as it is

    DataReaderPtr m_reader; // before the jobs on its threads, so that it outlives them
    // Decoding (on the reader's threads) with the root's layout, and laying out a group: the
    // latest request of each.
    LatestJob<LoadedGraph> m_loading;
    LatestJob<PlacedLevel> m_placing;
    LatestJob<GraphCensus> m_counting;
    LatestJob<FoundOps> m_searching; // matching op names: typing on supersedes a search

    QComboBox* m_runBox = nullptr;
    QComboBox* m_graphBox = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QListView* m_results = nullptr;
    GraphSearchResults* m_resultsModel = nullptr;
    QWidget* m_breadcrumb = nullptr;
    QHBoxLayout* m_breadcrumbLayout = nullptr;
    QLabel* m_status = nullptr;
    GraphView* m_view = nullptr;
    NodeDetailsPanel* m_details = nullptr;
    GraphExplorer* m_explorer = nullptr;
};

} // namespace lantern::ui
