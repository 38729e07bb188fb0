#pragma once
// One run's histograms of one tag as a distribution over steps: each step compressed to nine
// values (core::compressHistogram), drawn as eight bands between consecutive values, more
// opaque where they hold more mass, plus the median line. With more steps than pixel columns
// it draws an evenly spaced subset. Hovering shows the nine values at the nearest step.

#include "core/analysis/percentiles.h"
#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"
#include "ui/widgets/step_axis.h"

#include <QWidget>

#include <optional>

namespace lantern::ui {

class DistributionPlot : public QWidget {
    Q_OBJECT
public:
    struct Options {
        StepAxis axis = StepAxis::Step;
        bool decimate = true; // false draws every step (a baseline for benchmarks)
    };

    explicit DistributionPlot(QWidget* parent = nullptr);

    // Recompresses only when the series' generation changed.
    void setEntries(const core::EntrySnapshot<core::HistogramEntry>& entries, const QColor& color);
    void setOptions(const Options& options);
    const Options& options() const { return m_options; }

    std::size_t stepCount() const { return m_steps.size(); }
    // The nine values per step; nullopt for an empty histogram (not drawn).
    const std::vector<std::optional<core::DistributionValues>>& values() const { return m_values; }
    std::size_t drawnStepCount() const;

    // Hover at a widget position: the nearest step's index and its nine values as text.
    void hoverAt(const QPointF& position);
    std::optional<std::size_t> hoveredStep() const { return m_hovered; }
    QString hoverText() const { return m_hoverText; }

    void render(QPainter& painter, const QRect& target) const;
    QSize sizeHint() const override { return {400, 240}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Layout;
    Layout layoutFor(const QRect& target) const;
    double offsetOf(std::size_t index) const;

    Options m_options;
    QColor m_color = Qt::darkBlue;
    std::uint64_t m_generation = ~std::uint64_t(0);
    std::vector<std::int64_t> m_steps;
    std::vector<double> m_wallTimes;
    std::vector<std::optional<core::DistributionValues>> m_values;
    double m_lo = 0, m_hi = 0; // value range over every step
    std::optional<std::size_t> m_hovered;
    QString m_hoverText;
};

} // namespace lantern::ui
