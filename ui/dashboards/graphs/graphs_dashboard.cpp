#include "ui/dashboards/graphs/graphs_dashboard.h"

#include "core/analysis/graph_choice.h"
#include "core/load/graph_loader.h"
#include "core/load/logdir_loader.h"
#include "core/load/step_stats_loader.h"
#include "core/load/text_graph_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/graphs/graph_explorer.h"
#include "ui/dashboards/graphs/graph_legend.h"
#include "ui/dashboards/graphs/graph_search.h"
#include "ui/dashboards/graphs/graph_view.h"
#include "ui/dashboards/graphs/node_details.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <filesystem>

namespace lantern::ui {

namespace {

constexpr std::size_t kMaxRevealedMatches = 40;
constexpr int kKeyRole = Qt::UserRole;

QString graphLabel(const core::GraphReference& reference)
{
    if (core::isTextGraph(reference))
        return GraphsDashboard::tr("Op graph (graph.pbtxt)");
    switch (reference.source) {
    case core::GraphSource::GraphDef:
        return GraphsDashboard::tr("Op graph");
    case core::GraphSource::MetaGraphDef:
        return GraphsDashboard::tr("Op graph (meta graph)");
    case core::GraphSource::KerasModel:
        return GraphsDashboard::tr("Keras model");
    case core::GraphSource::RunMetadata:
        break;
    }
    return GraphsDashboard::tr("Run metadata %1, step %2")
        .arg(QString::fromStdString(reference.tag))
        .arg(reference.step);
}

QString keyOf(const QString& run, const core::GraphReference& reference)
{
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(run)
        .arg(int(reference.source))
        .arg(QString::fromStdString(reference.tag))
        .arg(qStringFromPath(reference.file))
        .arg(reference.location.offset);
}

} // namespace

GraphsDashboard::GraphsDashboard(QWidget* parent, DataReaderPtr reader)
    : Dashboard(parent)
    , m_reader(reader ? std::move(reader) : std::make_shared<DataReader>())
    , m_loading([this](LoadedGraph loaded) { graphLoaded(std::move(loaded)); }, m_reader->pool())
    , m_placing([this](PlacedLevel level) { levelPlaced(std::move(level)); })
    , m_counting([this](GraphCensus census) { censusTaken(std::move(census)); }, m_reader->pool())
    , m_searching([this](FoundOps found) { searchFound(std::move(found)); }, m_reader->pool())
{
    setObjectName(QStringLiteral("graphs"));
    m_runBox = new QComboBox(this);
    m_runBox->setObjectName(QStringLiteral("graphRun"));
    m_runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_graphBox = new QComboBox(this);
    m_graphBox->setObjectName(QStringLiteral("graphChoice"));
    m_graphBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Search ops (text or regular expression)"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Run:"), this));
    top->addWidget(m_runBox);
    top->addWidget(m_graphBox);
    top->addSpacing(12);
    top->addWidget(m_search, 1);

    m_breadcrumb = new QWidget(this);
    m_breadcrumb->setObjectName(QStringLiteral("graphBreadcrumb"));
    m_breadcrumbLayout = new QHBoxLayout(m_breadcrumb);
    m_breadcrumbLayout->setContentsMargins(0, 0, 0, 0);
    m_breadcrumbLayout->setSpacing(2);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("graphStatus"));
    m_status->setTextFormat(Qt::PlainText); // errors name files and tags from the log
    auto* crumbs = new QHBoxLayout;
    crumbs->addWidget(m_breadcrumb);
    crumbs->addStretch(1);
    crumbs->addWidget(m_status);

    m_view = new GraphView(this);
    m_explorer = new GraphExplorer(m_view, m_reader, this);
    m_results = new QListView(this);
    m_results->setObjectName(QStringLiteral("graphSearchResults"));
    m_results->setUniformItemSizes(true); // thousands of rows: no row measured on its own
    m_resultsModel = new GraphSearchResults(m_results);
    m_results->setModel(m_resultsModel);
    m_results->hide();
    m_details = new NodeDetailsPanel(this);
    auto* side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_results);
    side->addWidget(m_details);
    auto* split = new QSplitter(this);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setSizes({900, 320});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_explorer);
    layout->addLayout(crumbs);
    layout->addWidget(m_explorer->legend());
    layout->addWidget(split, 1);

    connect(m_runBox, &QComboBox::currentIndexChanged, this, [this] {
        refillGraphs();
        loadChosenGraph();
    });
    connect(m_graphBox, &QComboBox::currentIndexChanged, this, [this] { loadChosenGraph(); });
    // A pick by hand (not one made by code) ends the automatic choice of the richest graph.
    connect(m_runBox, &QComboBox::activated, this, [this] { m_userChose = true; });
    connect(m_graphBox, &QComboBox::activated, this, [this] { m_userChose = true; });
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        if (m_searchedText == m_search->text().trimmed() && !m_searching.isBusy()) {
            m_explorer->stepMatch(+1);
            return;
        }
        m_stepWhenFound = true; // once the matches of the text as it is now come
        runSearch();
    });
    connect(m_explorer, &GraphExplorer::matchRequested, this, &GraphsDashboard::navigateTo);
    connect(m_searchDelay, &QTimer::timeout, this, &GraphsDashboard::runSearch);
    connect(m_results, &QListView::clicked, this, [this](const QModelIndex& index) {
        const QVariant op = index.data(GraphSearchResults::kNodeRole);
        if (op.isValid())
            navigateTo(op.toUInt());
    });
    connect(m_view, &GraphView::nodeClicked, this, &GraphsDashboard::selectNode);
    connect(m_view, &GraphView::groupActivated, this, &GraphsDashboard::enterGroup);
    connect(m_view, &GraphView::expandToggled, this, &GraphsDashboard::toggleGroup);
    connect(m_view, &GraphView::auxiliaryToggled, this, &GraphsDashboard::toggleAuxiliary);
    connect(m_details, &NodeDetailsPanel::nodeRequested, this, &GraphsDashboard::navigateTo);
    rebuildBreadcrumb();
}

void GraphsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    refillRuns();
    refillGraphs();
    countGraphs();
    loadChosenGraph();
}

void GraphsDashboard::countGraphs()
{
    struct RunGraphs {
        QString name;
        std::filesystem::path directory;
        std::vector<core::GraphReference> references;
    };
    std::vector<RunGraphs> runs;
    QString key;
    if (m_snapshot)
        for (const auto& run : m_snapshot->runs) {
            const QString name = QString::fromStdString(run->name);
            runs.push_back({name, run->directory, run->graphReferences()});
            key += name + QLatin1Char('\n');
            for (const core::GraphReference& reference : runs.back().references)
                key += keyOf(name, reference) + QLatin1Char('\n');
        }
    if (key == m_censusKey && !m_censusPending)
        return; // the same graphs as counted (or being counted)
    if (!isVisible()) {
        m_censusPending = true; // counting decodes every graph: only for someone looking
        m_counting.cancel();
        return;
    }
    m_censusPending = false;
    m_censusKey = key;
    // A record in an event file does not change once written: graphs counted before keep
    // their count (a graph.pbtxt may be rewritten, and a count of 0 may be a read that
    // failed: those are read again).
    std::map<QString, std::size_t> counted;
    for (const auto& [run, graphs] : m_census)
        for (const CountedGraph& graph : graphs)
            if (!core::isTextGraph(graph.reference) && graph.opCount > 0)
                counted[keyOf(run, graph.reference)] = graph.opCount;
    m_counting.run([runs = std::move(runs), counted = std::move(counted), reader = m_reader](
                       const auto& control) {
        const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
        GraphCensus census;
        for (const RunGraphs& run : runs) {
            std::vector<CountedGraph>& graphsOfRun = census[run.name];
            for (const core::GraphReference& reference : run.references)
                graphsOfRun.push_back({reference, 0});
            // A graph.pbtxt beside the event files is one more graph of the run.
            const auto text = core::textGraphReference(run.directory / core::kTextGraphFileName);
            std::error_code error;
            if (std::filesystem::is_regular_file(text.file, error))
                graphsOfRun.push_back({text, 0});
            for (CountedGraph& graph : graphsOfRun) {
                if (control.isCancelled())
                    return census;
                if (const auto known = counted.find(keyOf(run.name, graph.reference));
                    known != counted.end()) {
                    graph.opCount = known->second;
                    continue;
                }
                const core::DecodedGraph decoded = core::isTextGraph(graph.reference)
                    ? core::loadTextGraph(graph.reference.file, cancelled)
                    : reader->graphReader(graph.reference)(cancelled);
                graph.opCount = decoded.ok() ? std::size_t(decoded.graph->node_size()) : 0;
            }
        }
        return census;
    });
    showStatus();
}

void GraphsDashboard::censusTaken(GraphCensus census)
{
    m_census = std::move(census);
    refillRuns();
    if (!m_userChose) {
        std::vector<core::GraphCandidate> candidates;
        for (int run = 0; run < m_runBox->count(); ++run) {
            const auto found = m_census.find(m_runBox->itemText(run));
            if (found == m_census.end())
                continue;
            for (std::size_t graph = 0; graph < found->second.size(); ++graph)
                candidates.push_back({std::size_t(run), graph, found->second[graph].opCount});
        }
        if (const auto best = core::richestGraph(candidates)) {
            const QSignalBlocker blockRuns(m_runBox);
            m_runBox->setCurrentIndex(int(best->run));
            refillGraphs();
            const QSignalBlocker blockGraphs(m_graphBox);
            m_graphBox->setCurrentIndex(int(best->graph));
        }
    }
    refillGraphs();
    loadChosenGraph();
}

std::vector<core::GraphReference> GraphsDashboard::referencesOf(const core::RunSnapshot& run) const
{
    const auto found = m_census.find(QString::fromStdString(run.name));
    std::vector<core::GraphReference> references = run.graphReferences();
    if (found == m_census.end())
        return references;
    // The census's list adds graph.pbtxt; a reload since may have newer records: keep those.
    for (const CountedGraph& graph : found->second)
        if (core::isTextGraph(graph.reference))
            references.push_back(graph.reference);
    return references;
}

bool GraphsDashboard::isComputing() const
{
    return m_loading.isBusy() || m_placing.isBusy() || m_counting.isBusy() || m_searching.isBusy()
        || m_explorer->isComputing() || ((m_loadPending || m_censusPending) && isVisible());
}

void GraphsDashboard::refillRuns()
{
    QStringList runs;
    if (m_snapshot)
        for (const auto& run : m_snapshot->runs)
            if (!referencesOf(*run).empty())
                runs.append(QString::fromStdString(run->name));
    QStringList shown;
    for (int i = 0; i < m_runBox->count(); ++i)
        shown.append(m_runBox->itemText(i));
    if (shown == runs)
        return;
    const QString current = m_runBox->currentText();
    const QSignalBlocker blocker(m_runBox);
    m_runBox->clear();
    m_runBox->addItems(runs);
    m_runBox->setCurrentIndex(std::max(0, int(runs.indexOf(current))));
}

void GraphsDashboard::refillGraphs()
{
    const core::RunSnapshot* run
        = m_snapshot ? m_snapshot->find(m_runBox->currentText().toStdString()) : nullptr;
    m_references = run ? referencesOf(*run) : std::vector<core::GraphReference> {};
    const QString runName = m_runBox->currentText();
    const auto counted = m_census.find(runName);
    QStringList labels, keys;
    for (const core::GraphReference& reference : m_references) {
        keys.append(keyOf(runName, reference));
        QString label = graphLabel(reference);
        if (counted != m_census.end())
            for (const CountedGraph& graph : counted->second)
                if (keyOf(runName, graph.reference) == keys.back())
                    label += tr(" · %n op(s)", "", int(graph.opCount));
        labels.append(label);
    }
    QStringList shown, shownKeys;
    for (int i = 0; i < m_graphBox->count(); ++i) {
        shown.append(m_graphBox->itemText(i));
        shownKeys.append(m_graphBox->itemData(i, kKeyRole).toString());
    }
    m_graphBox->setVisible(m_references.size() > 1);
    if (shown == labels && shownKeys == keys)
        return;
    // The choice follows the graph, not its label (labels gain op counts once counted).
    const QString current = m_graphBox->currentData(kKeyRole).toString();
    const QSignalBlocker blocker(m_graphBox);
    m_graphBox->clear();
    for (int i = 0; i < labels.size(); ++i)
        m_graphBox->addItem(labels[i], keys[i]);
    m_graphBox->setCurrentIndex(std::max(0, int(keys.indexOf(current))));
}

void GraphsDashboard::loadChosenGraph()
{
    const int index = m_graphBox->currentIndex();
    if (index < 0 || std::size_t(index) >= m_references.size()) {
        m_loadedKey.clear();
        m_graph.reset();
        m_hierarchy.reset();
        m_view->clear();
        m_details->clear();
        m_explorer->clear();
        return;
    }
    if (!m_userChose && (m_counting.isBusy() || m_censusPending))
        return; // the census is about to choose the graph to open on
    const core::GraphReference reference = m_references[std::size_t(index)];
    const QString key = keyOf(m_runBox->currentText(), reference);
    if (key == m_loadedKey)
        return; // a reload that left this graph as it was
    m_loadedKey = key;
    if (!isVisible()) {
        m_loadPending = true; // decoding waits until someone looks
        m_loading.cancel();
        return;
    }
    m_loadPending = false;
    m_graph.reset();
    m_hierarchy.reset();
    m_expansion = {};
    m_placements.clear();
    m_error.clear();
    m_view->clear();
    m_details->clear();
    m_explorer->clear();
    m_searching.cancel();
    m_searchedText = QString();
    m_resultsModel->clear();
    m_results->hide();
    showStatus();
    rebuildBreadcrumb();
    m_loading.run([read = m_reader->graphReader(reference), reference](const auto& control) {
        // A graph chosen meanwhile stops this one between its steps (its result is dropped).
        const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
        LoadedGraph loaded;
        core::DecodedGraph decoded = core::isTextGraph(reference)
            ? core::loadTextGraph(reference.file, cancelled)
            : read(cancelled);
        if (!decoded.ok()) {
            loaded.error = QString::fromStdString(decoded.error);
            return loaded;
        }
        auto hierarchy = std::make_shared<core::GraphHierarchy>(
            core::buildGraphHierarchy(*decoded.graph, {}, cancelled));
        loaded.layout
            = core::layOutExpanded(*hierarchy, decoded.graph.get(), {}, {}, {}, cancelled);
        loaded.graph = std::move(decoded.graph);
        if (reference.source == core::GraphSource::RunMetadata) // colour by its own step
            loaded.stepStats = core::loadStepStats(reference, cancelled).stats;
        loaded.hierarchy = std::move(hierarchy);
        return loaded;
    });
}

void GraphsDashboard::graphLoaded(LoadedGraph loaded)
{
    m_graph = std::move(loaded.graph);
    m_hierarchy = std::move(loaded.hierarchy);
    m_error = loaded.error;
    if (!m_hierarchy) {
        showStatus();
        return;
    }
    m_expansion = {};
    m_placements.clear();
    showLayout({}, std::move(loaded.layout), std::nullopt);
    std::vector<core::GraphReference> runMetadata;
    for (const core::GraphReference& reference : m_references)
        if (reference.source == core::GraphSource::RunMetadata)
            runMetadata.push_back(reference);
    m_explorer->setGraph(m_hierarchy, m_graph, std::move(loaded.stepStats), std::move(runMetadata));
    if (!m_search->text().isEmpty())
        runSearch();
}

void GraphsDashboard::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_censusPending)
        countGraphs();
    if (m_loadPending) {
        m_loadedKey.clear();
        loadChosenGraph();
    }
}

void GraphsDashboard::enterGroup(std::uint32_t group)
{
    if (!m_hierarchy || group >= m_hierarchy->nodes().size() || !m_hierarchy->node(group).isGroup())
        return;
    m_expansion.root = group;
    relayOut(std::nullopt);
}

void GraphsDashboard::toggleGroup(std::uint32_t group)
{
    if (!m_hierarchy || group >= m_hierarchy->nodes().size() || !m_hierarchy->node(group).isGroup())
        return;
    if (!m_expansion.open.erase(group))
        m_expansion.open.insert(group);
    relayOut(group);
}

void GraphsDashboard::toggleAuxiliary(std::uint32_t node)
{
    if (!m_hierarchy || node >= m_hierarchy->nodes().size())
        return;
    const auto box = m_view->layout().boxOf(node);
    const bool aside = box && m_view->layout().boxes[*box].auxiliary;
    m_expansion.movedToAuxiliary.erase(node);
    m_expansion.movedToMain.erase(node);
    (aside ? m_expansion.movedToMain : m_expansion.movedToAuxiliary).insert(node);
    m_pendingSelection = node;
    relayOut(std::nullopt);
}

void GraphsDashboard::relayOut(std::optional<std::uint32_t> anchor)
{
    m_placing.run([hierarchy = m_hierarchy, graph = m_graph, expansion = m_expansion,
                      placements = m_placements, anchor](const auto& control) {
        const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
        core::ExpandedLayout layout
            = core::layOutExpanded(*hierarchy, graph.get(), expansion, placements, {}, cancelled);
        return PlacedLevel {hierarchy, expansion, std::move(layout), anchor};
    });
    showStatus();
}

void GraphsDashboard::levelPlaced(PlacedLevel level)
{
    if (level.hierarchy == m_hierarchy && !level.layout.cancelled) // not of a graph since replaced
        showLayout(std::move(level.expansion), std::move(level.layout), level.anchor);
    else
        showStatus();
}

void GraphsDashboard::goUp()
{
    if (m_hierarchy && m_view->hasLevel() && m_expansion.root != 0) {
        m_pendingSelection = m_expansion.root; // come back out with the group selected
        enterGroup(m_hierarchy->node(m_expansion.root).parent);
    }
}

void GraphsDashboard::revealNode(std::uint32_t node)
{
    if (!m_hierarchy || node >= m_hierarchy->nodes().size() || node == 0)
        return;
    const core::GraphExpansion before = m_expansion;
    core::revealNode(*m_hierarchy, m_expansion, node);
    if (m_expansion.root != before.root || m_expansion.open != before.open)
        relayOut(std::nullopt);
}

void GraphsDashboard::navigateTo(std::uint32_t node)
{
    if (!m_hierarchy || node >= m_hierarchy->nodes().size() || node == 0)
        return;
    if (m_view->layout().boxOf(node) && !m_placing.isBusy()) {
        selectNode(node);
        m_view->centreOn(node);
        return;
    }
    m_pendingSelection = node;
    core::revealNode(*m_hierarchy, m_expansion, node);
    relayOut(std::nullopt);
}

void GraphsDashboard::showLayout(core::GraphExpansion expansion, core::ExpandedLayout layout,
    std::optional<std::uint32_t> anchor)
{
    if (!m_hierarchy)
        return;
    m_placements = layout.cache;
    m_skipped = layout.skipped;
    m_view->setLayout(m_hierarchy, m_graph, std::move(expansion), std::move(layout), anchor);
    rebuildBreadcrumb();
    showStatus();
    if (m_pendingSelection && m_view->layout().boxOf(*m_pendingSelection)) {
        selectNode(*m_pendingSelection);
        if (!anchor)
            m_view->centreOn(*m_pendingSelection);
    } else if (!m_view->selected()) {
        m_details->clear();
    }
    if (!m_pendingFrame.empty() && !m_pendingSelection && !anchor)
        m_view->frame(m_pendingFrame, m_pendingFrame.front());
    m_pendingSelection.reset();
    m_pendingFrame.clear();
    m_view->setFocus();
    emit levelShown();
}

void GraphsDashboard::selectNode(std::uint32_t node)
{
    if (!m_hierarchy || !m_graph)
        return;
    m_view->select(node);
    m_details->showNode(*m_hierarchy, *m_graph, node);
    m_explorer->setSelected(node);
}

void GraphsDashboard::rebuildBreadcrumb()
{
    while (QLayoutItem* item = m_breadcrumbLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_hierarchy || !m_view->hasLevel())
        return;
    std::vector<std::uint32_t> path;
    for (std::uint32_t group = m_view->group(); group != 0; group = m_hierarchy->node(group).parent)
        path.push_back(group);
    path.push_back(0);
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        const std::uint32_t group = *it;
        if (it != path.rbegin())
            m_breadcrumbLayout->addWidget(new QLabel(QStringLiteral("›"), m_breadcrumb));
        auto* button = new QToolButton(m_breadcrumb);
        const auto label = m_hierarchy->node(group).label();
        button->setText(
            group == 0 ? tr("Graph") : QString::fromUtf8(label.data(), qsizetype(label.size())));
        button->setAutoRaise(true);
        button->setEnabled(group != m_view->group());
        connect(button, &QToolButton::clicked, this, [this, group] { enterGroup(group); });
        m_breadcrumbLayout->addWidget(button);
    }
}

QString GraphsDashboard::breadcrumbText() const
{
    QStringList parts;
    for (const QToolButton* button :
        m_breadcrumb->findChildren<QToolButton*>(Qt::FindDirectChildrenOnly))
        parts.append(button->text());
    return parts.join(QStringLiteral(" › "));
}

// Matching runs on a worker (latest request wins: each key typed supersedes the search
// before); searchFound shows what it found.
void GraphsDashboard::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty() || !m_hierarchy) {
        m_searching.cancel();
        m_searchedText = QString();
        m_stepWhenFound = false;
        m_resultsModel->clear();
        m_results->hide();
        m_explorer->setMatches({});
        return;
    }
    m_searching.run([hierarchy = m_hierarchy, text](const auto& control) {
        const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
        std::vector<std::uint32_t> ops = matchingOps(*hierarchy, text, cancelled);
        return FoundOps {hierarchy, text, std::move(ops)};
    });
}

void GraphsDashboard::searchFound(FoundOps found)
{
    if (found.hierarchy != m_hierarchy)
        return; // a graph since replaced
    m_searchedText = found.text;
    std::vector<std::uint32_t> all = std::move(found.ops); // every match is ringed on the canvas
    m_resultsModel->show(m_hierarchy, all);
    m_results->show();
    // A few matches: open the scopes that hold them, so that they show ringed on the canvas
    // (many: their closed scopes are ringed instead, and stepping opens one at a time).
    // They are brought into sight, at a readable scale, once drawn.
    m_pendingFrame.clear();
    if (!all.empty() && all.size() <= kMaxRevealedMatches) {
        const core::GraphExpansion before = m_expansion;
        for (const std::uint32_t op : all)
            core::revealNode(*m_hierarchy, m_expansion, op);
        if (m_expansion.root != before.root || m_expansion.open != before.open) {
            m_pendingFrame = all;
            relayOut(std::nullopt);
        } else {
            m_view->frame(all, all.front());
        }
    }
    m_explorer->setMatches(std::move(all));
    if (std::exchange(m_stepWhenFound, false))
        m_explorer->stepMatch(+1);
}

void GraphsDashboard::showStatus()
{
    if (m_counting.isBusy() && !m_userChose) {
        m_status->setText(tr("Counting the graphs' ops…"));
    } else if (m_loading.isBusy()) {
        m_status->setText(tr("Loading graph…"));
    } else if (!m_error.isEmpty()) {
        m_status->setText(tr("Could not read the graph: %1").arg(m_error));
    } else if (m_hierarchy) {
        QString text = tr("%n op(s)", "", int(m_hierarchy->opCount()));
        if (m_placing.isBusy())
            text += tr(" · laying out…");
        for (const std::string& skipped : m_skipped)
            text += QStringLiteral(" · ") + QString::fromStdString(skipped);
        if (!m_hierarchy->problems().empty())
            text += tr(" · %n problem(s)", "", int(m_hierarchy->problems().size()));
        m_status->setText(text);
        m_status->setToolTip(plainToolTip(QString::fromStdString([this] {
            std::string all;
            for (const std::string& problem : m_hierarchy->problems())
                all += problem + '\n';
            return all;
        }())));
    } else {
        m_status->clear();
    }
}

void GraphsDashboard::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Backspace) {
        goUp();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace lantern::ui
