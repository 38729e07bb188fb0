#pragma once
// The scrolling grid of cards the Histograms and Distributions tabs share: one card per
// (tag, run), titled with the tag and the run in its colour, grouped under the tag's prefix
// before the first '/', groups and tags in natural order, runs in snapshot order. Cards are
// kept across updates (a plot keeps its state and re-reads only a changed series). Each card
// has a menu, from its "⋯" button or a right click, that the owner fills.

#include "core/store/run_snapshot.h"
#include "ui/widgets/histogram_series_plot.h"

#include <QColor>
#include <QScrollArea>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QFrame;
class QLabel;
class QMenu;
class QVBoxLayout;

namespace lantern::ui {

class HistogramCardGrid : public QScrollArea {
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
    ~HistogramCardGrid() override;

    void setCards(const std::vector<CardSpec>& cards);
    void setEmptyText(const QString& text);

    QStringList groupNames() const;
    // "tag · run" per card in display order.
    QStringList cardTitles() const;
    HistogramSeriesPlot* plot(const QString& tag, const QString& run) const;
    // The whole card (title, run and plot), as exported.
    QWidget* card(const QString& tag, const QString& run) const;
    void forEachPlot(const std::function<void(HistogramSeriesPlot*)>& visit) const;

    // The card's objectName: "card:<tag>|<run>".
    static QString cardName(const QString& tag, const QString& run);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Card;
    void placeCards();
    int columnCount() const;

    PlotFactory m_create;
    MenuFiller m_fillMenu;
    QWidget* m_content = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_empty = nullptr;
    std::map<QString, std::unique_ptr<Card>> m_cards; // by cardName
    std::vector<Card*> m_order;
    std::vector<QWidget*> m_groupWidgets;
    QStringList m_groups;
    int m_placedColumns = 0;
};

} // namespace lantern::ui
