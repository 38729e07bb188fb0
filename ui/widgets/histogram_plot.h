#pragma once
// One run's histograms of one tag, rebinned onto common bins (core::rebinHistograms) once per
// change of the series. Offset mode draws a ridge plot, one filled outline per step stacked in
// depth with the newest in front; overlay mode draws every step's outline on one pair of axes.
// Steps are graded from a pale to a dark shade of the run's colour. With more steps than the
// plot has room for it draws an evenly spaced subset (storage is never touched). Hovering
// highlights the step under the cursor and shows the count of the bin under it.

#include "core/analysis/histogram_rebinning.h"
#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"
#include "ui/widgets/step_axis.h"

#include <QWidget>

#include <optional>

namespace lantern::ui {

enum class HistogramMode { Offset, Overlay };

class HistogramPlot : public QWidget {
    Q_OBJECT
public:
    struct Options {
        HistogramMode mode = HistogramMode::Offset;
        StepAxis axis = StepAxis::Step;
        // At most this many steps drawn; 0 picks from the plot's size, and decimate = false
        // draws every step (a baseline for benchmarks).
        std::size_t maxDrawnSteps = 0;
        bool decimate = true;
    };

    explicit HistogramPlot(QWidget* parent = nullptr);

    // Re-rebins only when the series' generation or the bin count changed.
    void setEntries(const core::EntrySnapshot<core::HistogramEntry>& entries, const QColor& color,
        std::size_t binCount = core::kDefaultHistogramBins);
    void setOptions(const Options& options);
    const Options& options() const { return m_options; }

    std::size_t stepCount() const { return m_steps.size(); }
    const core::RebinnedHistograms& rebinned() const { return m_rebinned; }
    // Indices (into the series) of the steps drawn at the current size, back to front.
    std::vector<std::size_t> drawnSteps() const { return drawnSteps(plotArea(rect())); }

    // Hover at a widget position, as a mouse move does; the highlighted step's index and its
    // description ("step 20: [0.1, 0.2) 42 of 1000"), or none.
    void hoverAt(const QPointF& position);
    std::optional<std::size_t> hoveredStep() const { return m_hovered; }
    QString hoverText() const { return m_hoverText; }

    // Draws the whole plot into `target` (used by paintEvent and by benchmarks).
    void render(QPainter& painter, const QRect& target) const;

    QSize sizeHint() const override { return {400, 240}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Layout;
    QRectF plotArea(const QRect& target) const;
    std::vector<std::size_t> drawnSteps(const QRectF& area) const;
    Layout layoutFor(const QRect& target) const;
    double offsetOf(std::size_t index) const;

    Options m_options;
    QColor m_color = Qt::darkBlue;
    std::uint64_t m_generation = ~std::uint64_t(0);
    std::size_t m_binCount = 0;
    std::vector<std::int64_t> m_steps;
    std::vector<double> m_wallTimes;
    core::RebinnedHistograms m_rebinned;
    std::optional<std::size_t> m_hovered;
    std::optional<std::size_t> m_hoveredBin;
    QString m_hoverText;
};

} // namespace lantern::ui
