#pragma once
// One run's histograms of one tag as a distribution over steps: each step compressed to nine
// values (core::compressHistogram) off the GUI thread, drawn as eight bands between consecutive
// values, more opaque where they hold more mass, plus the median line. With more steps than pixel
// columns it draws an evenly spaced subset. Only steps inside the step range are drawn, and the
// value axis spans theirs. Hovering shows the nine values at the nearest step.

#include "core/analysis/percentiles.h"
#include "ui/widgets/histogram_series_plot.h"

namespace lantern::ui {

class DistributionPlot : public HistogramSeriesPlot {
    Q_OBJECT
public:
    explicit DistributionPlot(QWidget* parent = nullptr);

    // The nine values per step; nullopt for an empty histogram (not drawn).
    const std::vector<std::optional<core::DistributionValues>>& values() const;
    std::size_t drawnStepCount() const;

    void render(QPainter& painter, const QRect& target) const override;

protected:
    Summarize summarizer() const override;
    void describeHover(const QPointF& position) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Layout;
    struct Compressed;
    Layout layoutFor(const QRect& target) const;
};

} // namespace lantern::ui
