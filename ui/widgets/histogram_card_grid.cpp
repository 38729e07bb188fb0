#include "ui/widgets/histogram_card_grid.h"

#include "ui/widgets/card_frame.h"

#include <QVBoxLayout>

namespace lantern::ui {
namespace {

constexpr int kCardMinWidth = 380;
constexpr int kCardHeight = 280;

HistogramSeriesPlot* plotOf(const QWidget* card)
{
    return card
        ? card->findChild<HistogramSeriesPlot*>(QStringLiteral("plot"), Qt::FindDirectChildrenOnly)
        : nullptr;
}

} // namespace

HistogramCardGrid::HistogramCardGrid(PlotFactory create, MenuFiller fillMenu, QWidget* parent)
    : CardGrid(parent)
    , m_create(std::move(create))
    , m_fillMenu(std::move(fillMenu))
{
    setColumnWidth(kCardMinWidth);
}

void HistogramCardGrid::setCards(const std::vector<CardSpec>& specs)
{
    std::vector<Key> keys;
    for (const CardSpec& spec : specs)
        keys.push_back({spec.tag, spec.run});
    CardGrid::setCards(keys, [this](const Key& key) {
        auto* frame = new CardFrame(
            key.tag, [this, key](QMenu* menu) { m_fillMenu(menu, key.tag, key.run); });
        frame->setMinimumWidth(kCardMinWidth - 20);
        frame->setFixedHeight(kCardHeight);
        HistogramSeriesPlot* plot = m_create(frame);
        plot->setObjectName(QStringLiteral("plot"));
        frame->body()->addWidget(plot, 1);
        return frame;
    });
    for (const CardSpec& spec : specs) {
        QWidget* frame = card(spec.tag, spec.run);
        static_cast<CardFrame*>(frame)->setRun(spec.run, spec.color);
        plotOf(frame)->setEntries(spec.data->histograms, spec.color);
    }
}

HistogramSeriesPlot* HistogramCardGrid::plot(const QString& tag, const QString& run) const
{
    return plotOf(card(tag, run));
}

void HistogramCardGrid::forEachPlot(const std::function<void(HistogramSeriesPlot*)>& visit) const
{
    for (const QWidget* frame : cards())
        visit(plotOf(frame));
}

} // namespace lantern::ui
