#pragma once
// The Distributions tab: one card per histogram tag and checked run, each a DistributionPlot
// of the nine basis-point values per step against step, relative or wall time.

#include "ui/adapter/loaded_data.h"
#include "ui/widgets/distribution_plot.h"
#include "ui/widgets/histogram_card_grid.h"

#include <QWidget>

class QComboBox;

namespace lantern::ui {

class RunListModel;

class DistributionsDashboard : public QWidget {
    Q_OBJECT
public:
    explicit DistributionsDashboard(RunListModel* runs, QWidget* parent = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot);

    HistogramCardGrid* grid() const { return m_grid; }
    DistributionPlot* plot(const QString& tag, const QString& run) const;
    QComboBox* axisBox() const { return m_axis; }

private:
    void rebuild();
    void applyOptions();

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    DistributionPlot::Options m_options;
    QComboBox* m_axis = nullptr;
    HistogramCardGrid* m_grid = nullptr;
};

} // namespace lantern::ui
