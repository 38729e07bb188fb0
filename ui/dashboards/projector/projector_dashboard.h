#pragma once
// The Projector tab: lists the embeddings the loader found (LogdirSnapshot::projector), loads
// the chosen one and projects it on its principal components (off the GUI thread), and shows
// a scatter of two components coloured by a metadata column, with label search, hover
// details and the selected point's nearest neighbours.

#include "core/analysis/pca.h"
#include "core/projector/projector_discovery.h"
#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/widgets/latest_job.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace lantern::ui {

class EmbeddingScatterPlot;

class ProjectorDashboard : public Dashboard {
    Q_OBJECT
public:
    explicit ProjectorDashboard(QWidget* parent = nullptr);
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
    // True while the chosen embedding is being loaded or projected.
    bool isComputing() const override;

    EmbeddingScatterPlot* plot() const { return m_plot; }
    QComboBox* embeddingChooser() const { return m_embeddingChooser; }
    QComboBox* colorChooser() const { return m_colorBy; }
    QComboBox* searchColumnChooser() const { return m_searchColumn; }
    QLineEdit* searchField() const { return m_searchField; }
    QLabel* searchCountLabel() const { return m_searchCount; }
    QListWidget* neighbourList() const { return m_neighbours; }
    QString hoverText() const { return m_hoverText; }

signals:
    void embeddingsFound(bool any);
    void projectionShown();

protected:
    void apply(const DashboardUpdate& update) override { setSnapshot(update.snapshot); }
    bool isAffectedBy(const core::SnapshotChange& change) const override
    {
        return change.projectorChanged;
    }
    void showEvent(QShowEvent* event) override;

private:
    struct Projection;
    using ProjectionPtr = std::shared_ptr<const Projection>;

    void applyDiscovery(const core::ProjectorDiscovery& discovery);
    void loadChosen();
    void showProjection(ProjectionPtr projection);
    void plotComponents();
    void recolor();
    void search();
    void select(int index);
    void hover(int index);
    QString describePoint(int index) const;

    // The latest chosen embedding's load and projection.
    LatestJob<ProjectionPtr> m_projecting;
    std::vector<core::ProjectorEmbeddingSource> m_sources;
    ProjectionPtr m_projection;
    int m_projectedSource = -1;
    bool m_loadWhenShown = false;
    QString m_hoverText;

    QComboBox* m_embeddingChooser = nullptr;
    QComboBox* m_xComponent = nullptr;
    QComboBox* m_yComponent = nullptr;
    QComboBox* m_colorBy = nullptr;
    QComboBox* m_searchColumn = nullptr;
    QLineEdit* m_searchField = nullptr;
    QLabel* m_searchCount = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_selection = nullptr;
    QListWidget* m_neighbours = nullptr;
    EmbeddingScatterPlot* m_plot = nullptr;
};

} // namespace lantern::ui
