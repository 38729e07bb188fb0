#pragma once
// The Histograms tab: one card per histogram tag and checked run, each a HistogramPlot in
// offset (ridge) or overlay mode against step, relative or wall time.

#include "ui/adapter/loaded_data.h"
#include "ui/widgets/histogram_card_grid.h"
#include "ui/widgets/histogram_plot.h"

#include <QWidget>

class QComboBox;

namespace lantern::ui {

class RunListModel;

// The cards for every histogram tag of the checked runs of `snapshot`.
std::vector<HistogramCardGrid::CardSpec> histogramCards(
    const core::LogdirSnapshot* snapshot, const RunListModel* runs);

class HistogramsDashboard : public QWidget {
    Q_OBJECT
public:
    explicit HistogramsDashboard(RunListModel* runs, QWidget* parent = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot);

    HistogramCardGrid* grid() const { return m_grid; }
    HistogramPlot* plot(const QString& tag, const QString& run) const;
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* axisBox() const { return m_axis; }

private:
    void rebuild();
    void applyOptions();

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    HistogramPlot::Options m_options;
    QComboBox* m_mode = nullptr;
    QComboBox* m_axis = nullptr;
    HistogramCardGrid* m_grid = nullptr;
};

} // namespace lantern::ui
