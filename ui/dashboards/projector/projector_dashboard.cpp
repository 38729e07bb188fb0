#include "ui/dashboards/projector/projector_dashboard.h"

#include "core/io/path_text.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace lantern::ui {
namespace {

constexpr int kListedSelection = 1000; // rows listed; the rest are counted

QString sourceLabel(const core::ProjectorEmbeddingSource& source)
{
    return QStringLiteral("%1 · %2").arg(
        QString::fromStdString(source.run), QString::fromStdString(source.name));
}

bool sameSource(const core::ProjectorEmbeddingSource& a, const core::ProjectorEmbeddingSource& b)
{
    return a.run == b.run && a.name == b.name && a.tensorPath == b.tensorPath
        && a.checkpointPrefix == b.checkpointPrefix && a.metadataPath == b.metadataPath;
}

// What identifies an embedding across rescans, for its kept view.
QString sourceKey(const core::ProjectorEmbeddingSource& source)
{
    return QString::fromStdString(source.run + '\n' + source.name + '\n'
        + core::pathText(source.tensorPath) + '\n' + core::pathText(source.checkpointPrefix) + '\n'
        + source.checkpointVariable);
}

} // namespace

// The jobs hold no pointer to us, but are waited for when we go, so that none outlives the pool.
ProjectorDashboard::ProjectorDashboard(QWidget* parent, DataReaderPtr reader)
    : Dashboard(parent)
    , m_reader(reader ? std::move(reader) : std::make_shared<DataReader>())
    , m_loading([this](LoadedProjectorDataPtr loaded) { showLoaded(std::move(loaded)); },
          m_reader->pool(), LatestJobRunner::OnDestroy::Wait)
    , m_projecting([this](ProjectedPointsPtr projected) { showProjected(std::move(projected)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
    , m_styling([this](std::shared_ptr<const StyleAnswer> answer) { showStyle(std::move(answer)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
    , m_neighbouring(
          [this](
              std::shared_ptr<const NeighbourAnswer> answer) { showNeighbours(std::move(answer)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
    , m_searching(
          [this](std::shared_ptr<const SearchAnswer> answer) { showSearch(std::move(answer)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
    , m_layouting([this](LayoutFrame frame) { takeLayoutFrame(std::move(frame)); }, nullptr,
          LatestJobRunner::OnDestroy::Wait)
    , m_customising(
          [this](std::shared_ptr<const CustomAnswer> answer) { showCustom(std::move(answer)); },
          nullptr, LatestJobRunner::OnDestroy::Wait)
{
    setObjectName(QStringLiteral("projector")); // the tab's key
    m_panel = new ProjectorPanel(this);
    m_embeddingChooser = m_panel->embedding;
    m_status = m_panel->status;
    m_plot = new EmbeddingScatterPlot(this);
    m_plot->setObjectName(QStringLiteral("embeddingPlot"));

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_panel);

    const ProjectorPanel& p = *m_panel;
    connect(p.embedding, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::loadChosen);
    // Both reuse the projection's coordinates: no per-point work but placing them.
    connect(p.threeD, &QCheckBox::toggled, this, [this](bool on) {
        state().dimensions = on ? 3 : 2;
        if (state().method == ProjectionMethod::Pca)
            m_plot->setDimensions(state().dimensions);
        else
            plotPoints(); // a layout in other dimensions is another run
        showLayoutControls(state());
    });
    for (int axis = 0; axis < 3; ++axis)
        connect(p.component[axis], &QComboBox::currentIndexChanged, this, [this, axis](int index) {
            state().components[std::size_t(axis)] = std::max(0, index);
            m_plot->setCoordinates(coordinates(), state().dimensions);
        });
    connect(p.sphereize, &QCheckBox::toggled, this, [this](bool on) {
        state().sphereize = on;
        project();
    });
    connect(p.colorBy, &QComboBox::currentIndexChanged, this, [this] {
        state().colorBy = m_panel->colorBy->currentData().toString();
        restyle();
    });
    connect(p.labelBy, &QComboBox::currentIndexChanged, this, [this] {
        state().labelBy = m_panel->labelBy->currentData().toString();
        restyle();
    });
    connect(p.sprites, &QCheckBox::toggled, this, [this](bool on) {
        state().spritesShown = on;
        m_plot->setSpritesShown(on);
    });
    connect(p.searchColumn, &QComboBox::currentIndexChanged, this, &ProjectorDashboard::search);
    connect(p.searchField, &QLineEdit::textChanged, this, &ProjectorDashboard::search);
    connect(p.searchRegex, &QCheckBox::toggled, this, &ProjectorDashboard::search);
    connect(p.selectMatches, &QPushButton::clicked, this, [this] { selectRows(m_matches); });
    connect(p.isolate, &QPushButton::clicked, this, [this] {
        if (state().selection.empty())
            return;
        state().isolated = state().selection;
        project();
    });
    connect(p.showAll, &QPushButton::clicked, this, [this] {
        if (state().isolated.empty())
            return;
        state().isolated.clear();
        project();
    });
    connect(p.clearSelection, &QPushButton::clicked, this, [this] { selectRows({}); });
    connect(p.dragTool, &QComboBox::currentIndexChanged, this, [this] {
        m_plot->setDragTool(
            EmbeddingScatterPlot::DragTool(m_panel->dragTool->currentData().toInt()));
    });
    connect(p.neighbourCount, &QSpinBox::valueChanged, this, &ProjectorDashboard::findNeighbours);
    connect(p.neighbourMetric, &QComboBox::currentIndexChanged, this,
        &ProjectorDashboard::findNeighbours);
    connect(p.neighbours, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        selectRows({std::size_t(item->data(Qt::UserRole).toULongLong())});
    });
    connect(p.applyBookmark, &QPushButton::clicked, this, &ProjectorDashboard::applyBookmark);
    connect(p.bookmarks, &QListWidget::itemActivated, this, &ProjectorDashboard::applyBookmark);
    connect(p.addBookmark, &QPushButton::clicked, this, &ProjectorDashboard::addBookmark);
    connect(p.saveBookmarks, &QPushButton::clicked, this, &ProjectorDashboard::chooseBookmarksFile);
    connect(m_plot, &EmbeddingScatterPlot::pointHovered, this, &ProjectorDashboard::hover);
    connect(m_plot, &EmbeddingScatterPlot::selectionChanged, this,
        [this](const std::vector<int>& points) {
            if (!m_projected)
                return;
            const std::vector<std::size_t>& rows = m_projected->rows;
            std::vector<std::size_t> selected;
            for (const int point : points)
                if (point >= 0 && std::size_t(point) < rows.size())
                    selected.push_back(rows[std::size_t(point)]);
            selectRows(std::move(selected));
        });
    m_panel->component[2]->setEnabled(false);
    connectLayoutControls();
    connectCustomControls();
}

ProjectorDashboard::~ProjectorDashboard() = default;

QComboBox* ProjectorDashboard::colorChooser() const
{
    return m_panel->colorBy;
}

QComboBox* ProjectorDashboard::searchColumnChooser() const
{
    return m_panel->searchColumn;
}

QLineEdit* ProjectorDashboard::searchField() const
{
    return m_panel->searchField;
}

QLabel* ProjectorDashboard::searchCountLabel() const
{
    return m_panel->searchCount;
}

QListWidget* ProjectorDashboard::neighbourList() const
{
    return m_panel->neighbours;
}

std::optional<bool> ProjectorDashboard::hasDataFor(const DashboardUpdate& update) const
{
    const auto& found = update.snapshot->projector;
    return found && !found->embeddings.empty();
}

bool ProjectorDashboard::isComputing() const
{
    return m_loading.isBusy() || m_projecting.isBusy() || m_styling.isBusy()
        || m_neighbouring.isBusy() || m_searching.isBusy() || m_layouting.isBusy()
        || m_customising.isBusy();
}

void ProjectorDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    applyDiscovery(snapshot->projector ? *snapshot->projector : core::ProjectorDiscovery());
}

void ProjectorDashboard::applyDiscovery(const core::ProjectorDiscovery& discovery)
{
    const bool unchanged = discovery.embeddings.size() == m_sources.size()
        && std::equal(m_sources.begin(), m_sources.end(), discovery.embeddings.begin(), sameSource);
    if (!unchanged) {
        m_sources = discovery.embeddings;
        m_projection.reset();
        m_projected.reset();
        m_style.reset();
        m_projectedSource = -1;
        m_layouting.cancel();
        const QSignalBlocker blocker(m_embeddingChooser);
        m_embeddingChooser->clear();
        for (const auto& source : m_sources)
            m_embeddingChooser->addItem(sourceLabel(source));
        m_plot->setPoints({}, 2);
        loadChosen();
    }
}

void ProjectorDashboard::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_loadWhenShown)
        loadChosen();
}

ProjectorDashboard::ViewState& ProjectorDashboard::state()
{
    return m_states[m_projection ? sourceKey(m_projection->source) : QString()];
}

void ProjectorDashboard::rememberView()
{
    if (m_projected && m_plot->pointCount() > 0)
        state().camera = m_plot->camera();
}

void ProjectorDashboard::loadChosen()
{
    const int chosen = m_embeddingChooser->currentIndex();
    if (chosen < 0 || std::size_t(chosen) >= m_sources.size() || chosen == m_projectedSource)
        return;
    // Loading can take seconds and much memory: only for a tab someone looks at.
    m_loadWhenShown = !isVisible();
    if (m_loadWhenShown)
        return;
    rememberView();
    m_layouting.cancel(); // kept, to go on when the embedding is shown again
    m_panel->setStatus(tr("Computing: loading %1…").arg(m_embeddingChooser->currentText()));
    const core::ProjectorEmbeddingSource& source = m_sources[std::size_t(chosen)];
    m_loading.run([source, read = m_reader->embeddingReader(source)](
                      const LatestJob<LoadedProjectorDataPtr>::Control& control) {
        return completeProjectorData(source, read([&control] { return control.isCancelled(); }));
    });
}

void ProjectorDashboard::showLoaded(LoadedProjectorDataPtr loaded)
{
    const int chosen = m_embeddingChooser->currentIndex();
    if (chosen < 0)
        return; // the embeddings are gone
    if (!sameSource(loaded->source, m_sources[std::size_t(chosen)])) {
        loadChosen(); // the choice changed while this one was loaded
        return;
    }
    m_projection = std::move(loaded);
    m_projected.reset();
    m_style.reset();
    m_projectedSource = chosen;
    m_matches.clear();
    m_neighbourRows.clear();
    m_bookmarkMessage.clear();
    m_bookmarkCamera.reset();
    m_restoreCamera = true;
    m_plot->setPoints({}, 2);
    m_plot->setSprites(m_projection->atlas, m_projection->tile);

    const auto& embedding = m_projection->embedding;
    const auto& columns = embedding.metadata.columns;
    const bool firstTime = !m_states.contains(sourceKey(m_projection->source));
    ViewState& view = state();
    if (firstTime)
        view.spritesShown = !m_projection->atlas.isNull(); // as TensorBoard does
    if (firstTime && !columns.empty()) {
        // Labels (text) colour best by default; a numeric index column would not.
        const auto text = std::find_if(
            columns.begin(), columns.end(), [](const auto& column) { return !column.numeric; });
        view.colorBy
            = QString::fromStdString((text == columns.end() ? columns.front() : *text).name);
        view.labelBy = view.colorBy;
        view.custom.column = view.colorBy; // searched by the labels too
    }
    const ProjectorPanel& p = *m_panel;
    {
        const QSignalBlocker blockColor(p.colorBy), blockLabel(p.labelBy),
            blockSearch(p.searchColumn), blockThreeD(p.threeD), blockSphereize(p.sphereize),
            blockSprites(p.sprites);
        p.colorBy->clear();
        p.labelBy->clear();
        p.searchColumn->clear();
        p.colorBy->addItem(tr("(none)"), QString());
        p.labelBy->addItem(tr("(none)"), QString());
        for (const auto& column : columns) {
            const QString name = QString::fromStdString(column.name);
            p.colorBy->addItem(name, name);
            p.labelBy->addItem(name, name);
            p.searchColumn->addItem(name);
        }
        p.colorBy->setCurrentIndex(std::max(0, p.colorBy->findData(view.colorBy)));
        p.labelBy->setCurrentIndex(std::max(0, p.labelBy->findData(view.labelBy)));
        p.threeD->setChecked(view.dimensions == 3);
        p.component[2]->setEnabled(view.dimensions == 3);
        p.sphereize->setChecked(view.sphereize);
        const bool sprites = !m_projection->atlas.isNull();
        p.sprites->setEnabled(sprites);
        p.sprites->setChecked(sprites && view.spritesShown);
        p.sprites->setToolTip(
            sprites ? QString() : tr("This embedding has no usable sprite atlas"));
    }
    for (QComboBox* component : p.component) {
        const QSignalBlocker blocker(component);
        component->clear(); // filled with their variance once projected
    }
    listBookmarks();
    showLayoutControls(view);
    m_panel->setStatus(embedding.error.empty()
            ? tr("%1 points × %2 dimensions").arg(embedding.rows).arg(embedding.columns)
            : tr("Not loaded (see below)"));
    updateMessages();
    showSelection();
    findNeighbours();
    search();
    project();
}

void ProjectorDashboard::updateMessages()
{
    QStringList lines = m_projection ? m_projection->messages : QStringList();
    if (!m_bookmarkMessage.isEmpty())
        lines << m_bookmarkMessage;
    if (const KeptLayout* kept = shownLayoutSlot()) {
        lines << kept->frame.notes;
        if (!kept->frame.error.isEmpty())
            lines << kept->frame.error;
    }
    m_panel->setMessages(lines.join(QLatin1Char('\n')));
}

void ProjectorDashboard::project()
{
    if (!m_projection || m_projection->embedding.rows == 0) {
        m_projecting.cancel();
        emit projectionShown();
        return;
    }
    const ViewState& view = state();
    m_projecting.run([data = m_projection, sphereize = view.sphereize, isolated = view.isolated,
                         color = colorColumn(), label = labelColumn()](
                         const LatestJob<ProjectedPointsPtr>::Control& control) {
        return projectPoints(
            data, sphereize, isolated, color, label, [&control] { return control.isCancelled(); });
    });
}

void ProjectorDashboard::showProjected(ProjectedPointsPtr projected)
{
    if (projected->data != m_projection)
        return; // a newer load projects again
    m_projected = std::move(projected);
    const auto& pca = m_projected->pca;

    ViewState& view = state();
    for (int axis = 0; axis < 3; ++axis) {
        QComboBox* chooser = m_panel->component[axis];
        const QSignalBlocker blocker(chooser);
        chooser->clear();
        for (std::size_t c = 0; c < pca.components; ++c)
            chooser->addItem(
                tr("PC%1 (%2% of variance)").arg(c + 1).arg(100 * pca.varianceRatio[c], 0, 'f', 1));
        auto& chosen = view.components[std::size_t(axis)];
        chosen = std::clamp(chosen, 0, std::max(0, int(pca.components) - 1));
        chooser->setCurrentIndex(chosen);
    }
    m_plot->setSprites(m_projected->atlas, m_projection->tile);
    const auto& embedding = m_projection->embedding;
    m_panel->setStatus(view.isolated.empty()
            ? tr("%1 points × %2 dimensions").arg(embedding.rows).arg(embedding.columns)
            : tr("%1 of %2 points isolated × %3 dimensions")
                  .arg(pca.rows)
                  .arg(embedding.rows)
                  .arg(embedding.columns));
    m_panel->showAll->setEnabled(!view.isolated.empty());
    plotPoints();
    emit projectionShown();
}

std::vector<QVector3D> ProjectorDashboard::coordinates() const
{
    std::vector<QVector3D> points;
    if (!m_projected || m_projected->pca.components == 0)
        return points;
    const auto& pca = m_projected->pca;
    const ViewState& view = const_cast<ProjectorDashboard*>(this)->state();
    std::size_t axis[3];
    for (std::size_t i = 0; i < 3; ++i)
        axis[i] = std::min(std::size_t(view.components[i]), pca.components - 1);
    points.reserve(pca.rows);
    for (std::size_t row = 0; row < pca.rows; ++row) {
        const float* coordinates = pca.coordinates.data() + row * pca.components;
        // With fewer components than axes, the missing axes are flat.
        points.emplace_back(coordinates[axis[0]], pca.components > 1 ? coordinates[axis[1]] : 0.f,
            pca.components > 2 ? coordinates[axis[2]] : 0.f);
    }
    return points;
}

void ProjectorDashboard::plotPoints()
{
    if (!m_projected)
        return;
    const ViewState& view = state();
    std::vector<QVector3D> points = coordinates();
    if (isIterative(view.method))
        points = layoutPoints(std::move(points));
    else
        m_layouting.cancel();
    if (view.method == ProjectionMethod::Custom)
        points = customPoints(std::move(points));
    // The custom projection has two axes, as TensorBoard's.
    m_plot->setPoints(
        std::move(points), view.method == ProjectionMethod::Custom ? 2 : view.dimensions);
    if (m_restoreCamera && view.camera && view.method == ProjectionMethod::Pca)
        m_plot->setCamera(*view.camera);
    m_restoreCamera = false;
    showBookmarkCamera();
    m_plot->setSpritesShown(view.spritesShown && !m_projected->atlas.isNull());
    applyStyle(m_projected->style);
    m_plot->setSelection(pointsOf(view.selection));
    m_plot->setNeighbours(pointsOf(m_neighbourRows));
    std::vector<bool> highlighted;
    if (!m_matches.empty()) {
        highlighted.assign(std::size_t(m_plot->pointCount()), false);
        for (const int point : pointsOf(m_matches))
            highlighted[std::size_t(point)] = true;
    }
    m_plot->setHighlighted(std::move(highlighted));
    restyle(); // when the columns changed while this was projected
}

int ProjectorDashboard::colorColumn() const
{
    return m_panel->colorBy->currentIndex() - 1; // after "(none)"
}

int ProjectorDashboard::labelColumn() const
{
    return m_panel->labelBy->currentIndex() - 1;
}

void ProjectorDashboard::restyle()
{
    const int color = colorColumn(), label = labelColumn();
    if (!m_projected
        || (m_style && m_style->colorColumn == color && m_style->labelColumn == label)) {
        m_styling.cancel();
        return;
    }
    m_styling.run([projected = m_projected, color, label] {
        auto answer = std::make_shared<StyleAnswer>();
        answer->style = std::make_shared<const PointStyle>(
            stylePoints(projected->data->embedding.metadata, projected->rows, color, label));
        answer->projected = std::move(projected);
        return std::shared_ptr<const StyleAnswer>(std::move(answer));
    });
}

void ProjectorDashboard::showStyle(std::shared_ptr<const StyleAnswer> answer)
{
    const PointStyle& style = *answer->style;
    if (answer->projected != m_projected || style.colorColumn != colorColumn()
        || style.labelColumn != labelColumn())
        return; // a newer projection or request brings its own
    applyStyle(answer->style);
    emit styleShown();
}

void ProjectorDashboard::applyStyle(PointStylePtr style)
{
    m_style = std::move(style);
    m_plot->setColors(m_style->colors);
    m_plot->setLegend(m_style->legend);
    m_plot->setLabels(m_style->labels);
}

void ProjectorDashboard::search()
{
    const QString pattern = m_panel->searchField->text();
    const int column = m_panel->searchColumn->currentIndex();
    if (!m_projection || pattern.isEmpty() || column < 0) {
        m_searching.cancel();
        m_matches.clear();
        m_plot->setHighlighted({});
        m_panel->searchCount->clear();
        m_panel->selectMatches->setEnabled(false);
        emit searchShown();
        return;
    }
    const auto how = m_panel->searchRegex->isChecked() ? core::MetadataMatch::RegularExpression
                                                       : core::MetadataMatch::Substring;
    using Control = decltype(m_searching)::Control;
    m_searching.run([data = m_projection, column, pattern = pattern.toStdString(), how](
                        const Control& control) {
        auto answer = std::make_shared<SearchAnswer>();
        answer->result = core::searchMetadata(data->embedding.metadata, std::size_t(column),
            pattern, how, [&control] { return control.isCancelled(); });
        answer->data = data;
        return std::shared_ptr<const SearchAnswer>(std::move(answer));
    });
}

void ProjectorDashboard::showSearch(std::shared_ptr<const SearchAnswer> answer)
{
    if (answer->data != m_projection)
        return;
    m_matches = answer->result.rows;
    const int count = int(m_matches.size());
    m_panel->searchCount->setText(!answer->result.error.empty()
            ? QString::fromStdString(answer->result.error)
            : count == 1 ? tr("1 point matches")
                         : tr("%1 points match").arg(count));
    m_panel->selectMatches->setEnabled(count > 0);
    std::vector<bool> highlighted;
    if (count > 0) {
        highlighted.assign(std::size_t(m_plot->pointCount()), false);
        for (const int point : pointsOf(m_matches))
            highlighted[std::size_t(point)] = true;
    }
    m_plot->setHighlighted(std::move(highlighted));
    emit searchShown();
}

void ProjectorDashboard::selectRows(std::vector<std::size_t> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    state().selection = std::move(rows);
    showSelection();
    findNeighbours();
}

void ProjectorDashboard::showSelection()
{
    const ViewState& view = state();
    const auto& selection = view.selection;
    QListWidget* list = m_panel->selection;
    list->clear();
    for (std::size_t i = 0; i < selection.size() && i < std::size_t(kListedSelection); ++i) {
        auto* item = new QListWidgetItem(rowLabel(selection[i]), list);
        item->setData(Qt::UserRole, qulonglong(selection[i]));
    }
    m_panel->selectionSummary->setText(selection.empty()
            ? tr("Click selects, Shift-click adds;\nShift-drag: box, Shift+Alt-drag: lasso.")
            : selection.size() > std::size_t(kListedSelection)
            ? tr("%1 points selected (the first %2 listed)")
                  .arg(selection.size())
                  .arg(kListedSelection)
            : tr("%n point(s) selected", nullptr, int(selection.size())));
    m_panel->isolate->setEnabled(!selection.empty());
    m_panel->clearSelection->setEnabled(!selection.empty());
    m_panel->showAll->setEnabled(!view.isolated.empty());
    m_plot->setSelection(pointsOf(selection));
}

void ProjectorDashboard::findNeighbours()
{
    const auto& selection = state().selection;
    if (!m_projection || selection.size() != 1) {
        m_neighbouring.cancel();
        m_neighbourRows.clear();
        m_panel->neighbours->clear();
        m_panel->neighbourSummary->setText(tr("Select one point to see\nits nearest neighbours."));
        m_plot->setNeighbours({});
        return;
    }
    const std::size_t query = selection.front();
    const std::size_t count = std::size_t(m_panel->neighbourCount->value());
    const auto metric = m_panel->neighbourMetric->currentData().toInt() == 1
        ? core::DistanceMetric::Euclidean
        : core::DistanceMetric::Cosine;
    m_panel->neighbourSummary->setText(tr("Computing neighbours…"));
    m_neighbouring.run([data = m_projection, query, count, metric] {
        auto answer = std::make_shared<NeighbourAnswer>();
        const auto& embedding = data->embedding;
        answer->neighbours = core::nearestNeighbours(
            embedding.values, embedding.rows, embedding.columns, query, count, metric);
        answer->query = query;
        answer->data = data;
        return std::shared_ptr<const NeighbourAnswer>(std::move(answer));
    });
}

void ProjectorDashboard::showNeighbours(std::shared_ptr<const NeighbourAnswer> answer)
{
    const auto& selection = state().selection;
    if (answer->data != m_projection || selection.size() != 1 || selection.front() != answer->query)
        return;
    QListWidget* list = m_panel->neighbours;
    list->clear();
    m_neighbourRows.clear();
    for (const core::Neighbour& neighbour : answer->neighbours) {
        m_neighbourRows.push_back(neighbour.index);
        auto* item = new QListWidgetItem(QStringLiteral("%1   %2")
                                             .arg(neighbour.distance, 0, 'f', 4)
                                             .arg(rowLabel(neighbour.index)),
            list);
        item->setData(Qt::UserRole, qulonglong(neighbour.index));
    }
    const QLabel* summary = m_panel->neighbourSummary;
    const QString point = summary->fontMetrics().elidedText(
        rowLabel(answer->query), Qt::ElideRight, std::max(80, summary->width()));
    m_panel->neighbourSummary->setText(tr("%1\n%2 nearest by %3 distance in %4-D")
                                           .arg(point)
                                           .arg(answer->neighbours.size())
                                           .arg(m_panel->neighbourMetric->currentText().toLower())
                                           .arg(m_projection->embedding.columns));
    m_plot->setNeighbours(pointsOf(m_neighbourRows));
    emit neighboursShown();
}

std::vector<std::size_t> ProjectorDashboard::shownRows() const
{
    return m_projected ? m_projected->rows : std::vector<std::size_t>();
}

const std::vector<std::size_t>& ProjectorDashboard::selectedRows() const
{
    return const_cast<ProjectorDashboard*>(this)->state().selection;
}

std::vector<double> ProjectorDashboard::varianceExplained() const
{
    return m_projected ? m_projected->pca.varianceRatio : std::vector<double>();
}

std::vector<int> ProjectorDashboard::pointsOf(const std::vector<std::size_t>& rows) const
{
    std::vector<int> points;
    if (!m_projected)
        return points;
    const std::vector<int>& pointOfRow = m_projected->pointOfRow;
    for (const std::size_t row : rows)
        if (row < pointOfRow.size() && pointOfRow[row] >= 0)
            points.push_back(pointOfRow[row]);
    return points;
}

QString ProjectorDashboard::rowLabel(std::size_t row) const
{
    const auto& metadata = m_projection->embedding.metadata;
    const int column = std::max(0, m_panel->labelBy->currentIndex() - 1);
    if (row < metadata.rows.size() && std::size_t(column) < metadata.columns.size()) {
        const auto cell = metadata.cell(row, std::size_t(column));
        if (!cell.empty())
            return QString::fromUtf8(
                cell.data(), qsizetype(std::min<std::size_t>(cell.size(), 200)));
    }
    return tr("#%1").arg(row);
}

QString ProjectorDashboard::describeRow(std::size_t row) const
{
    const auto& metadata = m_projection->embedding.metadata;
    QStringList lines {tr("Point %1").arg(row)};
    if (row < metadata.rows.size())
        for (std::size_t column = 0; column < metadata.columns.size(); ++column)
            lines << QStringLiteral("%1: %2").arg(
                QString::fromStdString(metadata.columns[column].name),
                QString::fromUtf8(metadata.cell(row, column)));
    return lines.join(QLatin1Char('\n'));
}

void ProjectorDashboard::hover(int index)
{
    m_hoverText = m_projected && index >= 0 && std::size_t(index) < m_projected->rows.size()
        ? describeRow(m_projected->rows[std::size_t(index)])
        : QString();
    if (m_hoverText.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(
            m_plot->mapToGlobal(m_plot->positionOf(index)), plainToolTip(m_hoverText), m_plot);
}

} // namespace lantern::ui
