#include "ui/dashboards/graphs/graph_explorer.h"

#include "core/analysis/graph_trace.h"
#include "core/load/step_stats_loader.h"
#include "ui/dashboards/graphs/graph_export.h"
#include "ui/dashboards/graphs/graph_legend.h"
#include "ui/dashboards/graphs/graph_minimap.h"
#include "ui/dashboards/graphs/graph_view.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStandardItemModel>
#include <QToolButton>

#include <utility>

namespace lantern::ui {
namespace {

QToolButton* toolButton(const QString& name, const QString& text, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setAutoRaise(true);
    return button;
}

bool needsStats(GraphColouring colouring)
{
    return colouring == GraphColouring::ComputeTime || colouring == GraphColouring::Memory;
}

// Which record a RunMetadata is read from: its file, offset and summary value.
std::string recordKey(const core::GraphReference& reference)
{
    return reference.file.string() + '|' + std::to_string(reference.location.offset) + '|'
        + std::to_string(reference.valueIndex) + '|' + reference.tag;
}

} // namespace

GraphExplorer::GraphExplorer(GraphView* view, DataReaderPtr reader, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
    , m_reader(std::move(reader))
    , m_colouring(
          [this](ColouredGraph coloured) {
              if (coloured.hierarchy != m_hierarchy)
                  return; // coloured for a graph since replaced
              if (!coloured.statsKey.empty())
                  m_statsRead[coloured.statsKey] = std::move(coloured.stats);
              m_view->setFills(std::move(coloured.scheme.fills), std::move(coloured.scheme.mixed));
              m_legend->showEntries(coloured.scheme.legend, coloured.scheme.note);
              emit schemeShown();
          },
          m_reader->pool())
    , m_tracing([this](TracedGraph traced) {
        if (traced.hierarchy != m_hierarchy)
            return;
        // What feeds the selection, drawn, comes into sight around it.
        std::vector<std::uint32_t> drawn;
        for (const auto& box : m_view->layout().boxes)
            if (box.node < traced.kept.size() && traced.kept[box.node])
                drawn.push_back(box.node);
        m_view->setKept(std::move(traced.kept));
        // Only when turned on: selecting another node while tracing leaves the view be.
        if (m_selected && std::exchange(m_frameTrace, false))
            m_view->frame(drawn, *m_selected);
        emit schemeShown();
    })
{
    setObjectName(QStringLiteral("graphExplorer"));
    m_colourBox = new QComboBox(this);
    m_colourBox->setObjectName(QStringLiteral("graphColourBy"));
    m_colourBox->addItem(tr("Colour: plain"), int(GraphColouring::Plain));
    m_colourBox->addItem(tr("Colour by structure"), int(GraphColouring::Structure));
    m_colourBox->addItem(tr("Colour by device"), int(GraphColouring::Device));
    m_colourBox->addItem(tr("Colour by XLA cluster"), int(GraphColouring::XlaCluster));
    m_colourBox->addItem(tr("Colour by compute time"), int(GraphColouring::ComputeTime));
    m_colourBox->addItem(tr("Colour by memory"), int(GraphColouring::Memory));
    m_statsBox = new QComboBox(this);
    m_statsBox->setObjectName(QStringLiteral("graphStepStats"));
    m_statsBox->setToolTip(
        tr("The run metadata (session run) whose step statistics colour the graph"));
    m_statsBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statsBox->hide();
    m_trace = toolButton(QStringLiteral("graphTraceInputs"), tr("Trace inputs"), this);
    m_trace->setCheckable(true);
    m_trace->setToolTip(tr("Light up everything the selected node reads, directly or not"));
    m_previous = toolButton(QStringLiteral("graphPreviousMatch"), QStringLiteral("▲"), this);
    m_previous->setToolTip(tr("Previous search match"));
    m_next = toolButton(QStringLiteral("graphNextMatch"), QStringLiteral("▼"), this);
    m_next->setToolTip(tr("Next search match"));
    m_matchLabel = new QLabel(this);
    m_matchLabel->setObjectName(QStringLiteral("graphMatchCount"));
    m_minimapToggle = toolButton(QStringLiteral("graphMinimapToggle"), tr("Overview"), this);
    m_minimapToggle->setCheckable(true);
    m_minimapToggle->setChecked(true);
    m_export = toolButton(QStringLiteral("graphExport"), tr("Save…"), this);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("Save graph as PNG…"), this, [this] { exportAs(false); });
    menu->addAction(tr("Save graph as SVG…"), this, [this] { exportAs(true); });
    m_export->setMenu(menu);
    m_legend = new GraphLegend(parent);
    m_minimap = new GraphMinimap(view);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_colourBox);
    layout->addWidget(m_statsBox);
    layout->addWidget(m_trace);
    layout->addSpacing(8);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_matchLabel);
    layout->addStretch(1);
    layout->addWidget(m_minimapToggle);
    layout->addWidget(m_export);
    showMatchCount();

    connect(m_colourBox, &QComboBox::currentIndexChanged, this, [this] { recolour(); });
    connect(m_statsBox, &QComboBox::currentIndexChanged, this, [this] { recolour(); });
    connect(m_trace, &QToolButton::toggled, this, [this](bool on) {
        m_frameTrace = on;
        retrace();
    });
    connect(m_previous, &QToolButton::clicked, this, [this] { stepMatch(-1); });
    connect(m_next, &QToolButton::clicked, this, [this] { stepMatch(+1); });
    connect(m_minimapToggle, &QToolButton::toggled, m_minimap, &GraphMinimap::setWanted);
}

void GraphExplorer::setGraph(std::shared_ptr<const core::GraphHierarchy> hierarchy,
    std::shared_ptr<const pb::GraphDef> graph, std::shared_ptr<const pb::StepStats> ownStats,
    std::vector<core::GraphReference> runMetadata)
{
    m_hierarchy = std::move(hierarchy);
    m_graph = std::move(graph);
    m_ownStats = std::move(ownStats);
    m_runMetadata = std::move(runMetadata);
    std::erase_if(m_statsRead, [this](const auto& read) {
        return std::ranges::none_of(m_runMetadata, [&](const core::GraphReference& reference) {
            return recordKey(reference) == read.first;
        });
    });
    m_selected.reset();
    m_matches.clear();
    m_current.reset();
    m_view->setRinged({});
    m_view->setKept({});
    showMatchCount();
    refillStatsBox();
    recolour();
}

void GraphExplorer::clear()
{
    setGraph(nullptr, nullptr, nullptr, {});
}

void GraphExplorer::refillStatsBox()
{
    const QSignalBlocker blocker(m_statsBox);
    m_statsBox->clear();
    if (m_ownStats)
        m_statsBox->addItem(tr("This graph's step"), -1);
    for (std::size_t i = 0; i < m_runMetadata.size(); ++i)
        m_statsBox->addItem(tr("Run metadata %1, step %2")
                                .arg(QString::fromStdString(m_runMetadata[i].tag))
                                .arg(m_runMetadata[i].step),
            int(i));
    const bool any = m_statsBox->count() > 0;
    // Time and memory need step statistics: offered only when the run may have some.
    for (const GraphColouring colouring : {GraphColouring::ComputeTime, GraphColouring::Memory}) {
        const int row = m_colourBox->findData(int(colouring));
        if (auto* model = qobject_cast<QStandardItemModel*>(m_colourBox->model()))
            model->item(row)->setEnabled(any);
    }
}

void GraphExplorer::setColouring(GraphColouring colouring)
{
    m_colourBox->setCurrentIndex(m_colourBox->findData(int(colouring)));
}

void GraphExplorer::recolour()
{
    const auto colouring = GraphColouring(m_colourBox->currentData().toInt());
    m_statsBox->setVisible(needsStats(colouring) && m_statsBox->count() > 0);
    if (!m_hierarchy || !m_graph) {
        m_colouring.cancel();
        m_view->setFills({});
        m_legend->showEntries({}, {});
        return;
    }
    if (colouring == GraphColouring::Plain) {
        m_colouring.cancel();
        m_view->setFills({});
        m_legend->showEntries({}, {});
        emit schemeShown();
        return;
    }
    // The statistics are those of this graph's own step, or read from another run metadata.
    std::shared_ptr<const pb::StepStats> stats = m_ownStats;
    std::optional<core::GraphReference> source; // to read first
    std::string statsKey;
    const int choice = m_statsBox->currentData().toInt();
    if (needsStats(colouring) && choice >= 0 && std::size_t(choice) < m_runMetadata.size()) {
        const core::GraphReference& chosen = m_runMetadata[std::size_t(choice)];
        statsKey = recordKey(chosen);
        if (const auto read = m_statsRead.find(statsKey); read != m_statsRead.end())
            stats = read->second;
        else
            source = chosen;
    }
    m_colouring.run([hierarchy = m_hierarchy, graph = m_graph, stats, source, statsKey, colouring](
                        const auto& control) mutable {
        ColouredGraph coloured {hierarchy, {}, {}, {}};
        if (source) {
            const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
            const auto loaded = core::loadStepStats(*source, cancelled);
            stats = loaded.stats;
            // A cancelled or failed read is not what the record holds: read again next time.
            if (!control.isCancelled() && loaded.error.empty())
                coloured.statsKey = statsKey;
            coloured.stats = stats;
        }
        coloured.scheme = colourScheme(colouring, *hierarchy, *graph, stats.get());
        return coloured;
    });
}

void GraphExplorer::setSelected(std::optional<std::uint32_t> node)
{
    m_selected = node;
    if (m_trace->isChecked())
        retrace();
}

void GraphExplorer::setTracing(bool on)
{
    m_trace->setChecked(on);
}

void GraphExplorer::retrace()
{
    if (!m_trace->isChecked() || !m_hierarchy || !m_selected) {
        m_tracing.cancel();
        m_view->setKept({});
        return;
    }
    m_tracing.run([hierarchy = m_hierarchy, node = *m_selected] {
        return TracedGraph {hierarchy, core::tracedInputs(*hierarchy, node)};
    });
}

void GraphExplorer::setMatches(std::vector<std::uint32_t> ops)
{
    m_matches = std::move(ops);
    m_current.reset();
    std::vector<bool> ringed;
    if (m_hierarchy && !m_matches.empty()) {
        ringed.assign(m_hierarchy->nodes().size(), false);
        for (const std::uint32_t op : m_matches) {
            // Ring the op and every group above it, up to one already ringed.
            for (std::uint32_t node = op; node != 0 && !ringed[node];
                 node = m_hierarchy->node(node).parent)
                ringed[node] = true;
        }
    }
    m_view->setRinged(std::move(ringed));
    showMatchCount();
}

void GraphExplorer::stepMatch(int direction)
{
    if (m_matches.empty())
        return;
    const std::size_t count = m_matches.size();
    if (!m_current)
        m_current = direction > 0 ? 0 : count - 1;
    else
        m_current = (*m_current + count + std::size_t(direction > 0 ? 1 : count - 1)) % count;
    showMatchCount();
    emit matchRequested(m_matches[*m_current]);
}

void GraphExplorer::showMatchCount()
{
    const bool any = !m_matches.empty();
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    m_matchLabel->setText(!any      ? QString()
            : m_current             ? tr("%1 of %2").arg(*m_current + 1).arg(m_matches.size())
            : m_matches.size() == 1 ? tr("1 match")
                                    : tr("%1 matches").arg(m_matches.size()));
}

void GraphExplorer::exportAs(bool svg)
{
    const QString path = QFileDialog::getSaveFileName(this,
        svg ? tr("Save graph as SVG") : tr("Save graph as PNG"),
        svg ? QStringLiteral("graph.svg") : QStringLiteral("graph.png"),
        svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const QString error = svg ? exportGraphSvg(*m_view, path) : exportGraphPng(*m_view, path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save graph"), error);
}

} // namespace lantern::ui
