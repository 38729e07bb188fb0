#pragma once
// The Projector tab: finds the loaded logdirs' embeddings (off the GUI thread, once per set
// of run folders), loads the chosen one and projects it on its principal components (also
// off the GUI thread), and shows a scatter of two components coloured by a metadata column,
// with label search, hover details and the selected point's nearest neighbours.

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

    // Looks for embeddings again when the snapshot's run folders or the logdirs changed.
    void setSnapshot(const LogdirSnapshotPtr& snapshot, const QStringList& logdirSpecs);
    bool hasEmbeddings() const { return !m_sources.empty(); }

    // Dashboard: embeddings are found, loaded and projected on workers. Whether there are any
    // is known once the search this update starts has finished (embeddingsFound).
    QString key() const override { return QStringLiteral("projector"); }
    QString title() const override { return tr("Projector"); }
    std::optional<bool> hasDataFor(const DashboardUpdate& update) const override;
    bool computesInBackground() const override { return true; }
    // True while embeddings are being found, loaded or projected.
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
    void apply(const DashboardUpdate& update) override
    {
        setSnapshot(update.snapshot, update.logdirSpecs);
    }
    // The search is keyed on the run folders (and the logdirs, whose change reloads all).
    bool isAffectedBy(const core::SnapshotChange& change) const override
    {
        return change.runSetChanged;
    }
    // The search must run for the tab to appear; loading and projecting wait to be shown.
    bool appliesWhileHidden() const override { return true; }
    void showEvent(QShowEvent* event) override;

private:
    struct Projection;
    using ProjectionPtr = std::shared_ptr<const Projection>;

    void applyDiscovery(core::ProjectorDiscovery discovery);
    void loadChosen();
    void showProjection(ProjectionPtr projection);
    void plotComponents();
    void recolor();
    void search();
    void select(int index);
    void hover(int index);
    QString describePoint(int index) const;

    // The latest scan for embeddings, and the latest chosen embedding's load and projection.
    LatestJob<core::ProjectorDiscovery> m_discovering;
    LatestJob<ProjectionPtr> m_projecting;
    QString m_discoveryKey; // of the latest scan asked for
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
