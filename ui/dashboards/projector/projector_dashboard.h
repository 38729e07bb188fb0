#pragma once
// The Projector tab: lists the embeddings the loader found (LogdirSnapshot::projector), loads
// the chosen one with its bookmarks and sprites, and shows it in the point view projected on
// chosen principal components in 2-D or 3-D (maybe sphereized, maybe of an isolated selection),
// coloured and labelled by metadata columns, with search, selection, nearest neighbours in the
// original space and TensorBoard's bookmarks. Loading, projecting, neighbours and search run on
// workers; each embedding keeps its view while others are shown.

#include "core/projector/custom_projection.h"
#include "core/projector/projector_discovery.h"
#include "ui/adapter/data_reader.h"
#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/dashboards/projector/projector_camera.h"
#include "ui/dashboards/projector/projector_custom_controls.h"
#include "ui/dashboards/projector/projector_layout.h"
#include "ui/dashboards/projector/projector_work.h"
#include "ui/widgets/latest_job.h"

#include <QVector3D>
#include <QWidget>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace lantern::ui {

class EmbeddingScatterPlot;
class ProjectorPanel;

class ProjectorDashboard : public Dashboard {
    Q_OBJECT
public:
    // Embeddings are read through `reader` (one of its own when none is given).
    explicit ProjectorDashboard(QWidget* parent = nullptr, DataReaderPtr reader = nullptr);
    ~ProjectorDashboard() override;

    // Lists the snapshot's embeddings (the loader found them).
    void setSnapshot(const LogdirSnapshotPtr& snapshot);
    bool hasEmbeddings() const { return !m_sources.empty(); }

    // Dashboard: the tab is there when the loader found embeddings; the chosen one is loaded
    // and projected on a worker.
    QString key() const override { return QStringLiteral("projector"); }
    QString title() const override { return tr("Projector"); }
    std::optional<bool> hasDataFor(const DashboardUpdate& update) const override;
    bool computesInBackground() const override { return true; }
    // True while the chosen embedding is being loaded, projected, or searched.
    bool isComputing() const override;

    EmbeddingScatterPlot* plot() const { return m_plot; }
    ProjectorPanel* panel() const { return m_panel; }
    QComboBox* embeddingChooser() const { return m_embeddingChooser; }
    QComboBox* colorChooser() const;
    QComboBox* searchColumnChooser() const;
    QLineEdit* searchField() const;
    QLabel* searchCountLabel() const;
    QListWidget* neighbourList() const;
    QString hoverText() const { return m_hoverText; }
    // The embedding's rows shown as points, in point order (all rows when none is isolated).
    std::vector<std::size_t> shownRows() const;
    // Selected rows of the embedding (not point indices), ascending.
    const std::vector<std::size_t>& selectedRows() const;
    // The shown projection's variance explained per component (empty before one is shown).
    std::vector<double> varianceExplained() const;
    // While a t-SNE or UMAP job runs on a worker (a paused, finished or switched-away layout
    // has none).
    bool isLayoutRunning() const { return m_layouting.isRunning(); }
    // The t-SNE or UMAP layout shown as it last reached the view (no run before one is shown).
    const LayoutFrame& shownLayout() const;
    // t-SNE and UMAP layouts kept over every embedding, whichever were shown last: at most
    // this many, holding at most this many points together (besides the one shown).
    static constexpr std::size_t kKeptLayouts = 4;
    static constexpr std::size_t kKeptLayoutPoints = 2'000'000;
    std::size_t keptLayoutCount() const;

    // Adds the view as it is to the embedding's bookmarks (a t-SNE or UMAP layout with its
    // points); false, saying why in the messages, when it cannot (a layout still preparing).
    bool addBookmark();
    // Writes the embedding's bookmarks to `path` as TensorBoard's JSON; an empty string, or why
    // not.
    QString saveBookmarks(const QString& path) const;

signals:
    // After each projection reaches the view (a load, components, sphereize, isolation).
    void projectionShown();
    // After each t-SNE or UMAP frame reaches the view.
    void layoutShown();
    // After the points' colours, legend and labels for newly chosen columns reach the view.
    void styleShown();
    void neighboursShown();
    void searchShown();
    // After the custom projection's points (or why an axis is flat) reach the view.
    void customShown();
    void bookmarksChanged();

protected:
    void apply(const DashboardUpdate& update) override { setSnapshot(update.snapshot); }
    bool isAffectedBy(const core::SnapshotChange& change) const override
    {
        return change.projectorChanged;
    }
    void showEvent(QShowEvent* event) override;

private:
    // A t-SNE or UMAP run of one embedding and what of it reached the view.
    struct KeptLayout {
        std::shared_ptr<LayoutRun> run;
        LayoutFrame frame;
        bool paused = false;
        std::uint64_t lastShown = 0; // by m_layoutClock
    };
    // What one embedding's view is, kept while others are shown.
    struct ViewState {
        int dimensions = 2;
        std::array<int, 3> components {0, 1, 2};
        bool sphereize = false;
        std::vector<std::size_t> isolated; // rows shown; empty for all
        std::vector<std::size_t> selection; // rows, ascending
        std::optional<ProjectorCamera> camera;
        QString colorBy, labelBy; // column names; empty for the default
        bool spritesShown = false;
        ProjectionMethod method = ProjectionMethod::Pca;
        // The t-SNE and UMAP runs by method and dimensions, kept while another is shown.
        std::map<std::pair<ProjectionMethod, int>, KeptLayout> layouts;
        CustomSettings custom;
        std::vector<core::ProjectorBookmark> addedBookmarks;
    };
    // The custom projection of the shown points for the settings asked.
    struct CustomAnswer {
        ProjectedPointsPtr projected;
        CustomSettings settings;
        core::CustomProjection projection;
        std::vector<QVector3D> points;
    };

    void applyDiscovery(const core::ProjectorDiscovery& discovery);
    void loadChosen();
    void showLoaded(LoadedProjectorDataPtr loaded);
    void project();
    void showProjected(ProjectedPointsPtr projected);
    // The shown projection's points on the chosen components (z always filled).
    std::vector<QVector3D> coordinates() const;
    void plotPoints();
    // Iterative layouts (projector_dashboard_layout.cpp).
    void chooseMethod(ProjectionMethod method);
    KeptLayout* shownLayoutSlot();
    KeptLayout* slotOf(const LayoutRun* run);
    // The kept layout's points, or `pca` while it prepares; starts the run if it should run.
    std::vector<QVector3D> layoutPoints(std::vector<QVector3D> pca);
    void continueLayout(KeptLayout& kept);
    // Drops the least recently shown layouts beyond kKeptLayouts or kKeptLayoutPoints (never
    // the one shown): each holds its neighbour graph and affinities, hundreds of bytes a point.
    void forgetOldLayouts();
    void restartLayout();
    void togglePause();
    void takeLayoutFrame(LayoutFrame frame);
    void showLayoutProgress();
    void connectLayoutControls();
    // The method chooser and the method's controls as `view` has them.
    void showLayoutControls(const ViewState& view);
    // The custom projection (projector_dashboard_custom.cpp).
    void connectCustomControls();
    // The custom points for the view's settings when computed, else `pca` (and computes them).
    std::vector<QVector3D> customPoints(std::vector<QVector3D> pca);
    void projectCustom();
    void showCustom(std::shared_ptr<const CustomAnswer> answer);
    void showCustomFound();
    void restyle();
    void showStyle(std::shared_ptr<const StyleAnswer> answer);
    void applyStyle(PointStylePtr style);
    int colorColumn() const;
    int labelColumn() const;
    void showSprites();
    void search();
    void showSearch(std::shared_ptr<const SearchAnswer> answer);
    void selectRows(std::vector<std::size_t> rows);
    void showSelection();
    void findNeighbours();
    void showNeighbours(std::shared_ptr<const NeighbourAnswer> answer);
    // Bookmarks (projector_dashboard_bookmarks.cpp): the embedding's, then those added.
    void listBookmarks();
    const core::ProjectorBookmark* bookmarkAt(int index);
    void applyBookmark();
    void applyLayoutBookmark(const core::ProjectorBookmark& bookmark, ProjectionMethod method);
    // The applied bookmark's camera, once its points are plotted.
    void showBookmarkCamera();
    void chooseBookmarksFile();
    // A new run of the view's method for the shown points, with `settings`.
    std::shared_ptr<LayoutRun> newLayoutRun(const LayoutSettings& settings);
    void rememberView();
    void updateMessages();
    void hover(int index);
    ViewState& state();
    QString rowLabel(std::size_t row) const;
    QString describeRow(std::size_t row) const;
    std::vector<int> pointsOf(const std::vector<std::size_t>& rows) const;

    DataReaderPtr m_reader; // before the jobs on its threads, so that it outlives them
    // The latest chosen embedding's load (on the reader's threads) and projection, style,
    // neighbours and search.
    LatestJob<LoadedProjectorDataPtr> m_loading;
    LatestJob<ProjectedPointsPtr> m_projecting;
    LatestJob<std::shared_ptr<const StyleAnswer>> m_styling;
    LatestJob<std::shared_ptr<const NeighbourAnswer>> m_neighbouring;
    LatestJob<std::shared_ptr<const SearchAnswer>> m_searching;
    LayoutJob m_layouting;
    LatestJob<std::shared_ptr<const CustomAnswer>> m_customising;
    std::shared_ptr<const CustomAnswer> m_custom; // the last computed
    std::uint64_t m_layoutClock = 0;
    const LayoutRun* m_runInView = nullptr; // whose frames the plot shows
    const LayoutRun* m_runRequested = nullptr; // of the layout job, while it is busy
    std::vector<core::ProjectorEmbeddingSource> m_sources;
    LoadedProjectorDataPtr m_projection; // the embedding shown
    ProjectedPointsPtr m_projected; // its points as shown
    PointStylePtr m_style; // their style as shown
    int m_projectedSource = -1;
    bool m_loadWhenShown = false;
    bool m_restoreCamera = false; // the next plot gives the embedding's camera back
    std::map<QString, ViewState> m_states; // by sourceKey
    std::vector<std::size_t> m_matches; // rows the search found
    std::vector<std::size_t> m_neighbourRows; // of the selected point, nearest first
    QString m_hoverText;
    QString m_bookmarkMessage;
    QString m_bookmarkLabel;
    std::optional<core::ProjectorBookmarkCamera> m_bookmarkCamera; // not yet shown

    ProjectorPanel* m_panel = nullptr;
    QComboBox* m_embeddingChooser = nullptr;
    QLabel* m_status = nullptr;
    EmbeddingScatterPlot* m_plot = nullptr;
};

} // namespace lantern::ui
