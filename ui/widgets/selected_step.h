#pragma once
// The step the user selected with linked time, shared by the tabs that follow it: Scalars sets
// it (while its "Link steps" is on), Histograms highlights that step and Images moves each
// card's slider to it. One per window, made with the dashboards.

#include "ui/widgets/step_selection.h"

#include <QObject>

#include <optional>

namespace lantern::ui {

class SelectedStep : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    std::optional<StepSelection> selection() const { return m_selection; }
    // Emits changed when the selection is a different one.
    void setSelection(const std::optional<StepSelection>& selection);

signals:
    void changed(std::optional<lantern::ui::StepSelection> selection);

private:
    std::optional<StepSelection> m_selection;
};

} // namespace lantern::ui
