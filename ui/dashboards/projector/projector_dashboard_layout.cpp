// ProjectorDashboard's t-SNE and UMAP: one run per embedding, method and dimensions, iterated by
// one job at a time on a worker that sends the current layout every few steps; pausing or
// showing something else ends the job, and the run goes on from where it was when shown again.

#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_custom_controls.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace lantern::ui {
namespace {

constexpr int kFrameInterval = 33; // ms between frames at least: about 30 a second

// The run did what it was asked: UMAP its epochs, t-SNE its stop-at count; or could not start.
bool ranOut(const LayoutRun& run, const LayoutFrame& frame)
{
    if (!frame.error.isEmpty())
        return true;
    if (run.settings.method == ProjectionMethod::Umap)
        return frame.finished;
    const std::size_t stopAt = run.stopAt;
    return stopAt > 0 && frame.iteration >= stopAt;
}

} // namespace

void ProjectorDashboard::connectLayoutControls()
{
    const ProjectorLayoutControls& c = *m_panel->layoutControls;
    m_layouting.setProgressHandler([this](LayoutFrame frame) {
        frame.run->frameQueued = false; // the job may send the next
        takeLayoutFrame(std::move(frame));
    });
    // A paused or switched-away job's last state is kept for when its run is shown again.
    m_layouting.setSupersededHandler(
        [this](LayoutFrame frame) { takeLayoutFrame(std::move(frame)); });
    connect(c.methodChooser, &QComboBox::currentIndexChanged, this,
        [this] { chooseMethod(m_panel->layoutControls->method()); });
    connect(c.pause, &QPushButton::clicked, this, &ProjectorDashboard::togglePause);
    connect(c.restart, &QPushButton::clicked, this, &ProjectorDashboard::restartLayout);
    // A changed setting lays the points out again, as TensorBoard does; a setting of the
    // other method waits for its next run.
    const auto restartIf = [this](ProjectionMethod method) {
        return [this, method] {
            if (state().method == method)
                restartLayout();
        };
    };
    connect(c.seed, &QSpinBox::valueChanged, this, &ProjectorDashboard::restartLayout);
    connect(c.perplexity, &QSpinBox::valueChanged, this, restartIf(ProjectionMethod::Tsne));
    connect(c.learningRate, &QDoubleSpinBox::valueChanged, this, restartIf(ProjectionMethod::Tsne));
    connect(c.supervision, &QDoubleSpinBox::valueChanged, this, restartIf(ProjectionMethod::Tsne));
    connect(
        c.superviseBy, &QComboBox::currentIndexChanged, this, restartIf(ProjectionMethod::Tsne));
    connect(c.neighbours, &QSpinBox::valueChanged, this, restartIf(ProjectionMethod::Umap));
    connect(c.minDist, &QDoubleSpinBox::valueChanged, this, restartIf(ProjectionMethod::Umap));
    connect(c.epochs, &QSpinBox::valueChanged, this, restartIf(ProjectionMethod::Umap));
    connect(c.stopAfter, &QSpinBox::valueChanged, this, [this](int value) {
        KeptLayout* kept = shownLayoutSlot();
        if (!kept)
            return;
        kept->run->stopAt = std::size_t(value);
        if (!kept->paused)
            continueLayout(*kept); // it may have stopped at the old count
        showLayoutProgress();
    });
}

void ProjectorDashboard::showLayoutControls(const ViewState& view)
{
    ProjectorLayoutControls& c = *m_panel->layoutControls;
    {
        const QSignalBlocker blocker(c.methodChooser);
        c.methodChooser->setCurrentIndex(std::max(0, c.methodChooser->findData(int(view.method))));
    }
    c.showControlsOf(view.method);
    const bool pca = view.method == ProjectionMethod::Pca;
    m_panel->sphereize->setEnabled(pca);
    // The custom projection has two axes, as TensorBoard's.
    m_panel->threeD->setEnabled(view.method != ProjectionMethod::Custom);
    for (int axis = 0; axis < 3; ++axis)
        m_panel->component[axis]->setEnabled(pca && (axis < 2 || view.dimensions == 3));
    {
        const QSignalBlocker blocker(c.superviseBy);
        c.superviseBy->clear();
        c.superviseBy->addItem(tr("(none)"), -1);
        if (m_projection) {
            const auto& columns = m_projection->embedding.metadata.columns;
            for (std::size_t column = 0; column < columns.size(); ++column)
                c.superviseBy->addItem(QString::fromStdString(columns[column].name), int(column));
        }
    }
    {
        const QSignalBlocker blocker(c.custom->column);
        c.custom->column->clear();
        if (m_projection)
            for (const auto& column : m_projection->embedding.metadata.columns)
                c.custom->column->addItem(QString::fromStdString(column.name));
        c.custom->showSettings(view.custom);
        showCustomFound();
    }
    if (const KeptLayout* kept = shownLayoutSlot()) {
        c.showSettings(kept->run->settings);
        const QSignalBlocker blocker(c.stopAfter);
        c.stopAfter->setValue(int(kept->run->stopAt));
    }
    showLayoutProgress();
}

void ProjectorDashboard::chooseMethod(ProjectionMethod method)
{
    ViewState& view = state();
    if (view.method == method)
        return;
    view.method = method;
    m_layouting.cancel(); // the run shown until now is kept where it got to
    showLayoutControls(view);
    plotPoints();
    updateMessages();
}

ProjectorDashboard::KeptLayout* ProjectorDashboard::shownLayoutSlot()
{
    if (!m_projection)
        return nullptr;
    ViewState& view = state();
    const auto found = view.layouts.find({view.method, view.dimensions});
    return found == view.layouts.end() || !found->second.run ? nullptr : &found->second;
}

ProjectorDashboard::KeptLayout* ProjectorDashboard::slotOf(const LayoutRun* run)
{
    for (auto& [key, view] : m_states)
        for (auto& [which, kept] : view.layouts)
            if (kept.run.get() == run)
                return &kept;
    return nullptr;
}

const LayoutFrame& ProjectorDashboard::shownLayout() const
{
    static const LayoutFrame none;
    const KeptLayout* kept = const_cast<ProjectorDashboard*>(this)->shownLayoutSlot();
    return kept ? kept->frame : none;
}

std::vector<QVector3D> ProjectorDashboard::layoutPoints(std::vector<QVector3D> pca)
{
    ViewState& view = state();
    KeptLayout& kept = view.layouts[{view.method, view.dimensions}];
    const auto& subset = m_projected->pca.sourceRows; // the isolated rows, or empty for all
    if (!kept.run || kept.run->subset != subset) {
        kept = KeptLayout();
        LayoutSettings settings = m_panel->layoutControls->settings(view.dimensions);
        settings.method = view.method;
        kept.run = newLayoutRun(settings);
    }
    kept.lastShown = ++m_layoutClock;
    forgetOldLayouts();
    m_runInView = nullptr;
    if (!kept.frame.points.empty() && kept.frame.points.size() == pca.size()) {
        pca = kept.frame.points;
        m_runInView = kept.run.get();
    }
    if (!kept.paused)
        continueLayout(kept);
    showLayoutProgress();
    return pca;
}

void ProjectorDashboard::forgetOldLayouts()
{
    const KeptLayout* shown = shownLayoutSlot();
    for (;;) {
        std::size_t count = 0, points = 0;
        std::pair<ViewState*, std::pair<ProjectionMethod, int>> oldest {nullptr, {}};
        std::uint64_t oldestShown = UINT64_MAX;
        for (auto& [key, view] : m_states)
            for (auto& [which, kept] : view.layouts) {
                if (!kept.run)
                    continue;
                ++count;
                if (&kept == shown)
                    continue;
                points += kept.run->subset.empty() ? kept.run->rows : kept.run->subset.size();
                if (kept.lastShown < oldestShown) {
                    oldestShown = kept.lastShown;
                    oldest = {&view, which};
                }
            }
        if (!oldest.first || (count <= kKeptLayouts && points <= kKeptLayoutPoints))
            return;
        oldest.first->layouts.erase(oldest.second); // its job, if any, finds no slot
    }
}

std::size_t ProjectorDashboard::keptLayoutCount() const
{
    std::size_t count = 0;
    for (const auto& [key, view] : m_states)
        for (const auto& [which, kept] : view.layouts)
            count += kept.run != nullptr;
    return count;
}

std::shared_ptr<LayoutRun> ProjectorDashboard::newLayoutRun(const LayoutSettings& settings)
{
    auto run = std::make_shared<LayoutRun>();
    run->settings = settings;
    const auto& embedding = m_projection->embedding;
    run->data = m_projection;
    run->values = embedding.values;
    run->metadata = &embedding.metadata;
    run->rows = embedding.rows;
    run->columns = embedding.columns;
    run->subset = m_projected->pca.sourceRows; // the isolated rows, or empty for all
    run->stopAt = m_panel->layoutControls->stopAt();
    return run;
}

void ProjectorDashboard::continueLayout(KeptLayout& kept)
{
    if (ranOut(*kept.run, kept.frame))
        return;
    if (m_layouting.isBusy() && m_runRequested == kept.run.get())
        return; // running already
    m_runRequested = kept.run.get();
    m_layouting.run([run = kept.run](const LayoutJob::Control& control) {
        return runLayout(run, control, kFrameInterval);
    });
}

void ProjectorDashboard::restartLayout()
{
    ViewState& view = state();
    if (!m_projected || !isIterative(view.method))
        return;
    m_layouting.cancel();
    view.layouts.erase({view.method, view.dimensions});
    plotPoints();
    updateMessages();
}

void ProjectorDashboard::togglePause()
{
    KeptLayout* kept = shownLayoutSlot();
    if (!kept)
        return;
    kept->paused = !kept->paused;
    if (kept->paused)
        m_layouting.cancel(); // its last state comes back to the superseded handler
    else
        continueLayout(*kept);
    showLayoutProgress();
}

void ProjectorDashboard::takeLayoutFrame(LayoutFrame frame)
{
    KeptLayout* kept = slotOf(frame.run.get());
    if (!kept)
        return; // restarted, or the embedding is gone
    const bool newNotes = frame.notes != kept->frame.notes || frame.error != kept->frame.error;
    kept->frame = std::move(frame);
    if (kept != shownLayoutSlot() || !m_projected)
        return;
    const std::vector<QVector3D>& points = kept->frame.points;
    if (!points.empty() && points.size() == std::size_t(m_plot->pointCount())) {
        if (m_runInView == kept->run.get()) {
            m_plot->moveCoordinates(points);
        } else {
            m_plot->setCoordinates(points, state().dimensions);
            m_runInView = kept->run.get();
        }
    }
    showLayoutProgress();
    if (newNotes)
        updateMessages();
    emit layoutShown();
}

void ProjectorDashboard::showLayoutProgress()
{
    ProjectorLayoutControls& c = *m_panel->layoutControls;
    const KeptLayout* kept = shownLayoutSlot();
    if (!kept) {
        c.progress->clear();
        return;
    }
    const LayoutFrame& frame = kept->frame;
    const bool tsne = kept->run->settings.method == ProjectionMethod::Tsne;
    const bool done = ranOut(*kept->run, frame);
    QString text;
    if (!frame.error.isEmpty())
        text = tr("Could not lay the points out (see above).");
    else if (frame.points.empty() && kept->paused)
        text = tr("Paused before it started.");
    else if (frame.points.empty() && frame.stage.isEmpty())
        text = tr("Preparing %1…").arg(tsne ? tr("t-SNE") : tr("UMAP"));
    else if (frame.points.empty())
        text = tr("Preparing %1: %2 %3%")
                   .arg(tsne ? tr("t-SNE") : tr("UMAP"), frame.stage)
                   .arg(qRound(frame.stageDone * 100));
    else {
        text = tsne ? tr("Iteration %1 · KL divergence %2")
                          .arg(frame.iteration)
                          .arg(frame.klDivergence, 0, 'f', 3)
                    : tr("Epoch %1 of %2").arg(frame.iteration).arg(frame.totalEpochs);
        if (done)
            text += tr(" · finished");
        else if (kept->paused)
            text += tr(" · paused");
    }
    c.progress->setText(text);
    c.pause->setText(kept->paused ? tr("Resume") : tr("Pause"));
    c.pause->setEnabled(!done);
}

} // namespace lantern::ui
