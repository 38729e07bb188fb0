#pragma once
// The grid of cards the Histograms and Distributions tabs share (a CardGrid): one card per
// (tag, run) holding a plot the owner makes. A plot keeps its state across updates and re-reads
// only a changed series. Each card has a menu, from its "⋯" button or a right click, that the
// owner fills.

#include "core/store/run_snapshot.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/histogram_series_plot.h"

#include <QColor>

#include <functional>
#include <vector>

class QMenu;

namespace lantern::ui {

class HistogramCardGrid : public CardGrid {
    Q_OBJECT
public:
    struct CardSpec {
        QString tag;
        QString run;
        QColor color;
        const core::TagSnapshot* data = nullptr; // valid during setCards
    };
    using PlotFactory = std::function<HistogramSeriesPlot*(QWidget* parent)>;
    // Fills a card's menu just before it shows.
    using MenuFiller = std::function<void(QMenu* menu, const QString& tag, const QString& run)>;

    HistogramCardGrid(PlotFactory create, MenuFiller fillMenu, QWidget* parent = nullptr);

    void setCards(const std::vector<CardSpec>& cards);

    HistogramSeriesPlot* plot(const QString& tag, const QString& run) const;
    void forEachPlot(const std::function<void(HistogramSeriesPlot*)>& visit) const;

private:
    PlotFactory m_create;
    MenuFiller m_fillMenu;
};

} // namespace lantern::ui
