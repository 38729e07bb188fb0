// ProjectorDashboard's custom projection: the axes the panel's four searches define, computed
// for the shown points on a worker (a search of every row, then a product per point) whenever
// a search or the column changes, with what each axis's searches matched said under it.

#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_custom_controls.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"

#include <QComboBox>
#include <QLabel>

namespace lantern::ui {

void ProjectorDashboard::connectCustomControls()
{
    connect(
        m_panel->layoutControls->custom, &ProjectorCustomControls::settingsChanged, this, [this] {
            if (!m_projection)
                return;
            state().custom = m_panel->layoutControls->custom->settings();
            if (state().method == ProjectionMethod::Custom)
                projectCustom();
        });
}

std::vector<QVector3D> ProjectorDashboard::customPoints(std::vector<QVector3D> pca)
{
    if (m_custom && m_custom->projected == m_projected && m_custom->settings == state().custom)
        return m_custom->points;
    projectCustom();
    // Until then the last custom points of these points, if any, else PCA's.
    return m_custom && m_custom->projected == m_projected ? m_custom->points : pca;
}

void ProjectorDashboard::projectCustom()
{
    if (!m_projected)
        return;
    const CustomSettings settings = state().custom;
    const auto& columns = m_projection->embedding.metadata.columns;
    std::size_t column = columns.size();
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (QString::fromStdString(columns[c].name) == settings.column)
            column = c;
    using Control = decltype(m_customising)::Control;
    m_customising.run([projected = m_projected, settings, column](const Control& control) {
        auto answer = std::make_shared<CustomAnswer>();
        std::array<core::CustomQuery, 4> queries;
        for (std::size_t i = 0; i < 4; ++i)
            queries[i] = {settings.text[i].toStdString(),
                settings.regex[i] ? core::MetadataMatch::RegularExpression
                                  : core::MetadataMatch::Substring};
        const auto& embedding = projected->data->embedding;
        answer->projection = core::customProjection(embedding.values, embedding.rows,
            embedding.columns, embedding.metadata, column, queries, projected->rows,
            [&control] { return control.isCancelled(); });
        const auto& xy = answer->projection.coordinates;
        answer->points.reserve(xy.size() / 2);
        for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
            answer->points.emplace_back(xy[i], xy[i + 1], 0.f);
        answer->projected = std::move(projected);
        answer->settings = settings;
        return std::shared_ptr<const CustomAnswer>(std::move(answer));
    });
}

void ProjectorDashboard::showCustom(std::shared_ptr<const CustomAnswer> answer)
{
    if (answer->projected != m_projected || answer->settings != state().custom)
        return; // a newer request brings its own
    m_custom = std::move(answer);
    if (state().method == ProjectionMethod::Custom
        && m_custom->points.size() == std::size_t(m_plot->pointCount()))
        m_plot->setCoordinates(m_custom->points, 2);
    showCustomFound();
    emit customShown();
}

void ProjectorDashboard::showCustomFound()
{
    ProjectorCustomControls& c = *m_panel->layoutControls->custom;
    const bool current
        = m_custom && m_custom->projected == m_projected && m_custom->settings == state().custom;
    for (std::size_t axis = 0; axis < 2; ++axis) {
        QString text;
        if (m_projection && m_projection->embedding.metadata.columns.empty())
            text = tr("This embedding has no metadata to search.");
        else if (current) {
            const core::CustomAxis& found = m_custom->projection.axes[axis];
            text = !found.problem.empty() ? QString::fromStdString(found.problem)
                : axis == 0 ? tr("x: %1 left, %2 right").arg(found.matches[0]).arg(found.matches[1])
                            : tr("y: %1 down, %2 up").arg(found.matches[0]).arg(found.matches[1]);
        }
        c.found[axis]->setText(text);
    }
}

} // namespace lantern::ui
