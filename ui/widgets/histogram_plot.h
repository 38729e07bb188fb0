#pragma once
// One run's histograms of one tag, rebinned onto common bins (core::rebinHistograms) once per
// change of the series, off the GUI thread. Only steps inside the step range are drawn. Offset mode
// draws a ridge plot, one filled outline per step stacked in depth with the newest in front;
// overlay mode draws every step's outline on one pair of axes; on a time axis the ridges are
// stacked by time. Steps are graded from a pale to a
// dark shade of the run's colour. With more steps than the plot has room for it draws an evenly
// spaced subset (storage is never touched). Hovering highlights the step under the cursor and shows
// the count of the bin under it.

#include "core/analysis/histogram_rebinning.h"
#include "ui/widgets/histogram_series_plot.h"

namespace lantern::ui {

class HistogramPlot : public HistogramSeriesPlot {
    Q_OBJECT
public:
    explicit HistogramPlot(QWidget* parent = nullptr);

    // Re-rebins (off the GUI thread) only when the series' generation or the bin count changed.
    void setEntries(const Entries& entries, const QColor& color,
        std::size_t binCount = core::kDefaultHistogramBins);

    const core::RebinnedHistograms& rebinned() const;
    // Indices (rows of the summary, in step order) of the steps drawn at the current size, back
    // to front.
    std::vector<std::size_t> drawnSteps() const { return drawnSteps(plotArea(rect())); }

    void render(QPainter& painter, const QRect& target) const override;

    // Linked time: the step drawn highlighted while nothing is hovered (the nearest stored one).
    void setMarkedStep(std::optional<std::int64_t> step);
    // The summary row of the highlighted step: the hovered one, else the marked one.
    std::optional<std::size_t> highlightedRow() const;

    // The summary's work: every step of `entries` on `binCount` common bins, a row per entry
    // in the order `order` gives (indices into `entries`), or as stored when it is empty.
    static core::RebinnedHistograms rebin(
        const Entries& entries, std::size_t binCount, std::span<const std::size_t> order = {});

protected:
    Summarize summarizer() const override;
    std::size_t summaryVariant() const override { return m_binCount; }
    void describeHover(const QPointF& position) override;
    void clearHover() override;

private:
    struct Layout;
    struct Rebinned;
    QRectF plotArea(const QRect& target) const;
    std::vector<std::size_t> drawnSteps(const QRectF& area) const;
    Layout layoutFor(const QRect& target) const;

    std::size_t m_binCount = core::kDefaultHistogramBins;
    std::optional<std::size_t> m_hoveredBin;
    std::optional<std::int64_t> m_markedStep;
};

} // namespace lantern::ui
