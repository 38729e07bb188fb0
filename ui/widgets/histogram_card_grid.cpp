#include "ui/widgets/histogram_card_grid.h"

namespace lantern::ui {

HistogramCardGrid::HistogramCardGrid(PlotFactory create, MenuFiller fillMenu, QWidget* parent)
    : CardGrid(
        [create = std::move(create)](const CardKey&, QWidget* card) -> QWidget* {
            HistogramSeriesPlot* plot = create(card);
            plot->setObjectName(QStringLiteral("plot"));
            return plot;
        },
        std::move(fillMenu), parent)
{
}

void HistogramCardGrid::setCards(const std::vector<CardSpec>& cards)
{
    showCards(cardKeys(cards));
    for (const CardSpec& card : cards)
        plot(card.tag, card.run)->setEntries(card.data->histograms, card.color);
}

HistogramSeriesPlot* HistogramCardGrid::plot(const QString& tag, const QString& run) const
{
    return static_cast<HistogramSeriesPlot*>(body(tag, run));
}

void HistogramCardGrid::forEachPlot(const std::function<void(HistogramSeriesPlot*)>& visit) const
{
    forEachBody([&visit](QWidget* body) { visit(static_cast<HistogramSeriesPlot*>(body)); });
}

} // namespace lantern::ui
