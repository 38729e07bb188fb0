#pragma once
// The card grid of the Histograms and Distributions tabs: a HistogramSeriesPlot per (tag, run),
// fed the run's series whenever the cards are set (a plot re-reads only a changed series).

#include "ui/widgets/card_grid.h"
#include "ui/widgets/checked_series.h"
#include "ui/widgets/histogram_series_plot.h"

namespace lantern::ui {

class HistogramCardGrid : public CardGrid {
    Q_OBJECT
public:
    using CardSpec = CheckedSeries;
    using PlotFactory = std::function<HistogramSeriesPlot*(QWidget* parent)>;

    HistogramCardGrid(PlotFactory create, MenuFiller fillMenu, QWidget* parent = nullptr);

    void setCards(const std::vector<CardSpec>& cards);
    HistogramSeriesPlot* plot(const QString& tag, const QString& run) const;
    void forEachPlot(const std::function<void(HistogramSeriesPlot*)>& visit) const;
};

} // namespace lantern::ui
