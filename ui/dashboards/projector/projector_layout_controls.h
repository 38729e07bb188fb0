#pragma once
// The Projector panel's choice of projection (PCA, t-SNE, UMAP, custom) and the controls of the
// iterative ones: t-SNE's perplexity, learning rate, stop-at count and supervision, UMAP's
// neighbours, minimum distance and epochs, a seed, pause/resume, restart and the progress line;
// and the custom projection's searches (ProjectorCustomControls).
// No behaviour of its own (ProjectorDashboard wires it); each control has an object name.

#include "ui/dashboards/projector/projector_layout.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace lantern::ui {

class ProjectorCustomControls;

class ProjectorLayoutControls : public QWidget {
    Q_OBJECT
public:
    explicit ProjectorLayoutControls(QWidget* parent = nullptr);

    ProjectionMethod method() const;
    // Shows the controls of `method` (PCA has none here).
    void showControlsOf(ProjectionMethod method);
    // The settings the controls ask for, in `dimensions`.
    LayoutSettings settings(int dimensions) const;
    // The controls showing `settings` (without signals).
    void showSettings(const LayoutSettings& settings);
    // t-SNE's stop-at count, 0 for never.
    std::size_t stopAt() const;

    QComboBox* methodChooser = nullptr; // item data: ProjectionMethod as int

    QWidget* tsne = nullptr;
    QSpinBox* perplexity = nullptr;
    QDoubleSpinBox* learningRate = nullptr; // 0: automatic
    QSpinBox* stopAfter = nullptr; // 0: never
    QComboBox* superviseBy = nullptr; // item data: metadata column, −1 for none
    QDoubleSpinBox* supervision = nullptr;

    QWidget* umap = nullptr;
    QSpinBox* neighbours = nullptr;
    QDoubleSpinBox* minDist = nullptr;
    QSpinBox* epochs = nullptr; // 0: automatic

    QWidget* running = nullptr; // what both share
    QSpinBox* seed = nullptr;
    QPushButton* pause = nullptr; // "Pause" or "Resume"
    QPushButton* restart = nullptr;
    QLabel* progress = nullptr;

    ProjectorCustomControls* custom = nullptr;
};

} // namespace lantern::ui
