#include "ui/widgets/selected_step.h"

namespace lantern::ui {

void SelectedStep::setSelection(const std::optional<StepSelection>& selection)
{
    if (selection == m_selection)
        return;
    m_selection = selection;
    emit changed(selection);
}

} // namespace lantern::ui
