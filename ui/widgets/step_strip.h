#pragma once
// A thin strip under a line plot's x axis where the user picks steps: a click selects the step
// under the cursor, a drag a range of steps, a double-click or Escape clears. It reads the plot's
// mapping from pixels to steps (so it lines up with the plot's axis, zoomed or not) and draws the
// selection both on itself and, through a transparent overlay, across the plot. Steps can be
// picked only while the plot's x axis shows steps.

#include "ui/widgets/step_selection.h"

#include <QWidget>

#include <optional>

namespace lantern::ui {

class LinePlot;

class StepStrip : public QWidget {
    Q_OBJECT
public:
    explicit StepStrip(LinePlot* plot, QWidget* parent = nullptr);

    std::optional<StepSelection> selection() const { return m_selection; }
    // Shows `selection` (none clears it) without emitting selectionChanged.
    void setSelection(const std::optional<StepSelection>& selection);
    // The step under x (in this strip's pixels), rounded to a whole step.
    std::int64_t stepAt(double x) const;
    // Where `step` lies in this strip's pixels.
    double pixelAt(double step) const;
    QSize sizeHint() const override;

signals:
    void selectionChanged(std::optional<lantern::ui::StepSelection> selection);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool stepsShown() const;
    void choose(const std::optional<StepSelection>& selection);

    LinePlot* m_plot = nullptr;
    QWidget* m_overlay = nullptr; // over the plot, for the selected step or range
    std::optional<StepSelection> m_selection;
    std::optional<double> m_pressX;
};

} // namespace lantern::ui
