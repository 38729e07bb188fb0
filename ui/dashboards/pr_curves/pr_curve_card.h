#pragma once
// The body of a PR Curves card: one tag's PR curves, a curve per checked run, and a slider
// over every step any of them stored (the newest at first, and followed while chosen as new
// steps arrive). At the chosen step each run shows its latest value at or before it; when a
// run stored several values at one step, its last.

#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"

#include <QColor>
#include <QWidget>

#include <vector>

class QLabel;
class QSlider;

namespace lantern::ui {

class PrCurvePlot;

class PrCurveCard : public QWidget {
    Q_OBJECT
public:
    struct RunSeries {
        QString run;
        QColor color;
        core::EntrySnapshot<core::TensorEntry> entries;
    };

    explicit PrCurveCard(QWidget* parent = nullptr);

    void setSeries(std::vector<RunSeries> series);
    // How many times setSeries was called (tests check that a reload leaves other cards alone).
    int seriesUpdates() const { return m_seriesUpdates; }

    // Every stored step, ascending, and the one shown.
    const std::vector<std::int64_t>& steps() const { return m_steps; }
    std::int64_t step() const;
    PrCurvePlot* plot() const { return m_plot; }
    QSlider* slider() const { return m_slider; }

private:
    void showStep();

    std::vector<RunSeries> m_series;
    std::vector<std::int64_t> m_steps;
    PrCurvePlot* m_plot = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_stepLabel = nullptr;
    int m_seriesUpdates = 0;
};

} // namespace lantern::ui
