// ProjectorDashboard's bookmarks: the embedding's own (its config's bookmarks file) and those
// added in this session, listed together. Applying one shows its projection: PCA components,
// a custom projection's searches, or a t-SNE or UMAP layout's saved points at once, paused
// (not computed again; resuming a t-SNE one goes on from them). Saving writes them all as
// TensorBoard's JSON.

#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QListWidget>
#include <QPushButton>

namespace lantern::ui {
namespace {

const char* projectionName(ProjectionMethod method)
{
    switch (method) {
    case ProjectionMethod::Tsne:
        return "tsne";
    case ProjectionMethod::Umap:
        return "umap";
    case ProjectionMethod::Custom:
        return "custom";
    default:
        return "pca";
    }
}

QString describe(const core::ProjectorBookmark& bookmark)
{
    const QString label = QString::fromStdString(bookmark.label);
    const int selected = int(bookmark.selectedPoints.size());
    if (!bookmark.unsupported.empty())
        return ProjectorDashboard::tr("%1\nnot supported: %2")
            .arg(label, QString::fromStdString(bookmark.unsupported));
    if (bookmark.projection == "tsne")
        return ProjectorDashboard::tr(
            "%1\nt-SNE %2-D, iteration %3, %n point(s) selected", nullptr, selected)
            .arg(label)
            .arg(bookmark.dimensions)
            .arg(bookmark.layout.iteration);
    if (bookmark.projection == "umap")
        return ProjectorDashboard::tr(
            "%1\nUMAP %2-D, %3 neighbours, %n point(s) selected", nullptr, selected)
            .arg(label)
            .arg(bookmark.dimensions)
            .arg(bookmark.layout.neighbours);
    if (bookmark.projection == "custom")
        return ProjectorDashboard::tr("%1\ncustom, %n point(s) selected", nullptr, selected)
            .arg(label);
    QStringList components;
    for (const std::size_t component : bookmark.pcaComponents)
        components << QString::number(component + 1);
    return ProjectorDashboard::tr("%1\nPCA %2-D (PC %3), %n point(s) selected", nullptr, selected)
        .arg(label)
        .arg(bookmark.dimensions)
        .arg(components.join(QStringLiteral(", ")));
}

} // namespace

void ProjectorDashboard::listBookmarks()
{
    QListWidget* list = m_panel->bookmarks;
    list->clear();
    for (int index = 0; const core::ProjectorBookmark* bookmark = bookmarkAt(index); ++index) {
        auto* item = new QListWidgetItem(describe(*bookmark), list);
        item->setData(Qt::UserRole, !bookmark->unsupported.empty());
    }
    m_panel->applyBookmark->setEnabled(list->count() > 0);
    m_panel->saveBookmarks->setEnabled(list->count() > 0);
    m_panel->addBookmark->setEnabled(m_projection != nullptr);
}

const core::ProjectorBookmark* ProjectorDashboard::bookmarkAt(int index)
{
    if (!m_projection || index < 0)
        return nullptr;
    const auto& own = m_projection->bookmarks.bookmarks;
    if (std::size_t(index) < own.size())
        return &own[std::size_t(index)];
    const auto& added = state().addedBookmarks;
    const std::size_t at = std::size_t(index) - own.size();
    return at < added.size() ? &added[at] : nullptr;
}

bool ProjectorDashboard::addBookmark()
{
    if (!m_projected)
        return false;
    ViewState& view = state();
    core::ProjectorBookmark bookmark;
    bookmark.label = tr("State %1").arg(m_panel->bookmarks->count() + 1).toStdString();
    bookmark.projection = projectionName(view.method);
    bookmark.dimensions = view.method == ProjectionMethod::Custom ? 2 : view.dimensions;
    for (int axis = 0; axis < bookmark.dimensions; ++axis)
        bookmark.pcaComponents.push_back(std::size_t(view.components[std::size_t(axis)]));
    bookmark.selectedPoints = view.selection;
    // The view as it is now (zoom and pan, or orbit), so that it comes back when applied.
    bookmark.camera = cameraForTensorBoard(m_plot->camera(), m_plot->frame());
    const CustomSettings& custom = view.custom;
    bookmark.custom.column = custom.column.toStdString();
    for (std::size_t i = 0; i < 4; ++i) {
        bookmark.custom.text[i] = custom.text[i].toStdString();
        bookmark.custom.regex[i] = custom.regex[i];
    }
    if (isIterative(view.method)) {
        const KeptLayout* kept = shownLayoutSlot();
        QString why;
        if (!view.isolated.empty())
            why = tr("a layout of isolated points cannot be bookmarked (TensorBoard's bookmarks "
                     "hold every point's coordinates)");
        else if (!kept || kept->frame.points.empty())
            why = tr("the layout has no points yet");
        if (!why.isEmpty()) {
            m_bookmarkMessage = tr("Not bookmarked: %1.").arg(why);
            updateMessages();
            return false;
        }
        const LayoutSettings& settings = kept->run->settings;
        core::ProjectorBookmarkLayout& layout = bookmark.layout;
        layout.perplexity = settings.perplexity;
        layout.learningRate = settings.learningRate;
        layout.neighbours = settings.neighbours;
        layout.minDist = settings.minDist;
        layout.epochs = kept->frame.totalEpochs;
        layout.seed = settings.seed;
        layout.iteration = kept->frame.iteration;
        layout.coordinates.reserve(kept->frame.points.size() * std::size_t(view.dimensions));
        for (const QVector3D& point : kept->frame.points)
            for (int d = 0; d < view.dimensions; ++d)
                layout.coordinates.push_back(point[d]);
    }
    view.addedBookmarks.push_back(std::move(bookmark));
    m_bookmarkMessage.clear();
    updateMessages();
    listBookmarks();
    m_panel->bookmarks->setCurrentRow(m_panel->bookmarks->count() - 1);
    emit bookmarksChanged();
    return true;
}

QString ProjectorDashboard::saveBookmarks(const QString& path) const
{
    std::vector<core::ProjectorBookmark> all;
    auto* self = const_cast<ProjectorDashboard*>(this);
    for (int index = 0; const core::ProjectorBookmark* bookmark = self->bookmarkAt(index); ++index)
        all.push_back(*bookmark);
    const std::string json = core::projectorBookmarksJson(all);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(json.data(), qint64(json.size())) != qint64(json.size()) || !file.flush())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

void ProjectorDashboard::chooseBookmarksFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save bookmarks"),
        QStringLiteral("bookmarks.json"), tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_bookmarkMessage = saveBookmarks(path);
    updateMessages();
}

void ProjectorDashboard::applyBookmark()
{
    const core::ProjectorBookmark* found = bookmarkAt(m_panel->bookmarks->currentRow());
    if (!found || !m_projected)
        return;
    const core::ProjectorBookmark& bookmark = *found;
    const QString label = QString::fromStdString(bookmark.label);
    if (!bookmark.unsupported.empty()) {
        m_bookmarkMessage = tr("Bookmark “%1” is not supported: %2")
                                .arg(label, QString::fromStdString(bookmark.unsupported));
        updateMessages();
        return;
    }
    const std::size_t rows = m_projection->embedding.rows;
    const bool layout = bookmark.projection == "tsne" || bookmark.projection == "umap";
    if (layout && bookmark.layout.coordinates.size() != rows * std::size_t(bookmark.dimensions)) {
        m_bookmarkMessage
            = tr("Bookmark “%1” holds the coordinates of %2 points; this embedding has %3")
                  .arg(label)
                  .arg(bookmark.layout.coordinates.size() / std::size_t(bookmark.dimensions))
                  .arg(rows);
        updateMessages();
        return;
    }
    m_bookmarkMessage.clear();
    ViewState& view = state();
    view.method = bookmark.projection == "tsne" ? ProjectionMethod::Tsne
        : bookmark.projection == "umap"         ? ProjectionMethod::Umap
        : bookmark.projection == "custom"       ? ProjectionMethod::Custom
                                                : ProjectionMethod::Pca;
    m_layouting.cancel();
    updateMessages();
    if (view.method != ProjectionMethod::Custom)
        view.dimensions = bookmark.dimensions;
    for (std::size_t axis = 0; axis < bookmark.pcaComponents.size() && axis < 3; ++axis)
        view.components[axis] = int(bookmark.pcaComponents[axis]);
    if (view.method == ProjectionMethod::Custom) {
        view.custom.column = QString::fromStdString(bookmark.custom.column);
        for (std::size_t i = 0; i < 4; ++i) {
            view.custom.text[i] = QString::fromStdString(bookmark.custom.text[i]);
            view.custom.regex[i] = bookmark.custom.regex[i];
        }
    }
    std::vector<std::size_t> selection;
    for (const std::size_t row : bookmark.selectedPoints)
        if (row < rows)
            selection.push_back(row);
    const bool wasIsolated = !view.isolated.empty();
    view.isolated.clear(); // a bookmark shows every point
    m_bookmarkLabel = label;
    m_bookmarkCamera = bookmark.camera;
    {
        const QSignalBlocker blocker(m_panel->threeD);
        m_panel->threeD->setChecked(view.dimensions == 3);
        m_panel->component[2]->setEnabled(view.dimensions == 3);
    }
    for (std::size_t axis = 0; axis < 3; ++axis) {
        const QSignalBlocker blocker(m_panel->component[axis]);
        m_panel->component[axis]->setCurrentIndex(view.components[axis]);
    }
    if (layout)
        applyLayoutBookmark(bookmark, view.method);
    showLayoutControls(view);
    selectRows(std::move(selection));
    if (wasIsolated) {
        project();
    } else if (view.method == ProjectionMethod::Pca) {
        m_plot->setCoordinates(coordinates(), view.dimensions);
        showBookmarkCamera();
    } else {
        plotPoints();
    }
}

void ProjectorDashboard::applyLayoutBookmark(
    const core::ProjectorBookmark& bookmark, ProjectionMethod method)
{
    ViewState& view = state();
    LayoutSettings settings = m_panel->layoutControls->settings(bookmark.dimensions);
    settings.method = method;
    settings.dimensions = bookmark.dimensions;
    settings.seed = std::max<std::uint64_t>(1, bookmark.layout.seed);
    settings.perplexity = bookmark.layout.perplexity;
    settings.learningRate = bookmark.layout.learningRate;
    settings.neighbours = bookmark.layout.neighbours;
    settings.minDist = bookmark.layout.minDist;
    settings.epochs = bookmark.layout.epochs;
    KeptLayout kept;
    kept.run = newLayoutRun(settings);
    kept.paused = true; // shown as saved, not computed
    const auto& coordinates = bookmark.layout.coordinates;
    const std::size_t dimensions = std::size_t(bookmark.dimensions);
    kept.frame.run = kept.run;
    for (std::size_t i = 0; i + dimensions <= coordinates.size(); i += dimensions)
        kept.frame.points.emplace_back(
            coordinates[i], coordinates[i + 1], dimensions > 2 ? coordinates[i + 2] : 0.f);
    kept.frame.iteration = bookmark.layout.iteration;
    if (method == ProjectionMethod::Umap) {
        // Its epochs cannot be taken up again part-way: the saved layout is where it ends.
        kept.frame.totalEpochs = std::max(bookmark.layout.epochs, bookmark.layout.iteration);
        kept.frame.finished = true;
    } else {
        kept.run->initial = coordinates; // Resume goes on from here
        kept.run->startIteration = bookmark.layout.iteration;
    }
    kept.frame.notes
        << tr("Restored from bookmark “%1”.").arg(QString::fromStdString(bookmark.label));
    view.layouts[{method, bookmark.dimensions}] = std::move(kept);
}

void ProjectorDashboard::showBookmarkCamera()
{
    if (!m_bookmarkCamera)
        return;
    const core::ProjectorBookmarkCamera saved = *std::exchange(m_bookmarkCamera, std::nullopt);
    if (const auto camera = cameraFromTensorBoard(saved, m_plot->frame())) {
        m_plot->setCamera(*camera);
        return;
    }
    m_bookmarkMessage = tr("Bookmark “%1”: its camera (for a %2 view) was not applied")
                            .arg(m_bookmarkLabel, saved.orthographic ? tr("2-D") : tr("3-D"));
    updateMessages();
}

} // namespace lantern::ui
