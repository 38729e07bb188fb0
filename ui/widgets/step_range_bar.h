#pragma once
// "Steps [from] to [to]": two spin boxes that limit the steps a tab's plots draw. A bound the
// user has not moved follows the data: the upper one stays at the newest step as steps arrive,
// so a live run keeps scrolling in; one the user moved stays where it was put. "All" lets go of
// both. The boxes hold 32-bit steps; larger steps are still shown, only not typed in.

#include "ui/widgets/histogram_series_plot.h"

#include <QWidget>

#include <optional>

class QSpinBox;
class QToolButton;

namespace lantern::ui {

class StepRangeBar : public QWidget {
    Q_OBJECT
public:
    explicit StepRangeBar(QWidget* parent = nullptr);

    // The steps the data spans (first and last over every series), or nullopt for none.
    void setExtent(std::optional<std::pair<std::int64_t, std::int64_t>> extent);
    // The chosen range; an unmoved bound is open (it takes in every step on its side).
    StepRange range() const;
    // Lets go of both bounds.
    void reset();

    QSpinBox* fromBox() const { return m_from; }
    QSpinBox* toBox() const { return m_to; }
    QToolButton* allButton() const { return m_all; }

signals:
    void rangeChanged(const StepRange& range);

private:
    void showBounds();
    void fromEdited(int value);
    void toEdited(int value);

    QSpinBox* m_from = nullptr;
    QSpinBox* m_to = nullptr;
    QToolButton* m_all = nullptr;
    std::int64_t m_extentFirst = 0, m_extentLast = 0;
    std::optional<std::int64_t> m_first; // set when the user moved the bound
    std::optional<std::int64_t> m_last;
};

} // namespace lantern::ui
