#pragma once
// What the Histograms and Distributions plots share: one run's histogram series of one tag,
// summarised off the GUI thread (each plot says how: rebinning, percentile compression) and
// redrawn when the summary for the newest series arrives; the options (mode, offset axis, step
// range, decimation); where a step lies on the offset axis; and the hover plumbing (a
// highlighted step with its description, cleared on leaving).
//
// Summaries are keyed by the series' generation: while one is computed the plot keeps drawing
// the previous summary (or says "Computing…"), and a summary of a series that has changed since
// is dropped. At most one summary per plot is computed at a time.

#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"
#include "ui/widgets/latest_job.h"
#include "ui/widgets/step_axis.h"

#include <QWidget>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace lantern::ui {

enum class HistogramMode { Offset, Overlay };

// The steps a plot shows: those in [first, last], both ends included.
struct StepRange {
    std::int64_t first = std::numeric_limits<std::int64_t>::min();
    std::int64_t last = std::numeric_limits<std::int64_t>::max();
    bool operator==(const StepRange&) const = default;
};

struct HistogramPlotOptions {
    HistogramMode mode = HistogramMode::Offset; // how histograms are drawn (not distributions)
    StepAxis axis = StepAxis::Step;
    // Histograms: at most this many steps drawn; 0 picks from the plot's size.
    std::size_t maxDrawnSteps = 0;
    bool decimate = true; // false draws every step (a baseline for benchmarks)
    StepRange steps;
};

class HistogramSeriesPlot : public QWidget {
    Q_OBJECT
public:
    using Entries = core::EntrySnapshot<core::HistogramEntry>;
    using Options = HistogramPlotOptions;

    ~HistogramSeriesPlot() override;

    // Starts summarising the series unless this generation is already shown or underway.
    void setEntries(const Entries& entries, const QColor& color);
    // How many times setEntries was called (tests check that a reload leaves other cards alone).
    int entriesUpdates() const { return m_entriesUpdates; }
    void setOptions(const Options& options);
    const Options& options() const { return m_options; }

    // True while the summary of the latest series has not arrived.
    bool isComputing() const;
    // Steps in the shown summary, and the index range [first, last) of those inside the
    // options' step range. The summary holds the steps in step order, equal steps as written:
    // a series kept as written (--keep-orphaned-data) may step back, and its ridges, bands and
    // range still read from the lowest step to the highest, every value in its place.
    std::size_t stepCount() const { return m_summary->steps.size(); }
    std::pair<std::size_t, std::size_t> visibleSteps() const;
    std::int64_t stepAt(std::size_t index) const { return m_summary->steps[index]; }

    // Hover at a widget position, as a mouse move does: the highlighted step's index and its
    // description, or none.
    void hoverAt(const QPointF& position);
    std::optional<std::size_t> hoveredStep() const { return m_hovered; }
    QString hoverText() const { return m_hoverText; }

    // Draws the whole plot into `target` (used by paintEvent, exports and benchmarks).
    virtual void render(QPainter& painter, const QRect& target) const = 0;
    QSize sizeHint() const override { return {400, 240}; }

signals:
    // The summary of the latest series arrived and is drawn.
    void summaryUpdated();

protected:
    // What a plot draws from one series. Derived plots extend it with their own results.
    struct Summary {
        virtual ~Summary() = default;
        std::vector<std::int64_t> steps;
        std::vector<double> wallTimes;
    };
    // Runs on a worker thread: it may use only what it captured by value.
    using Summarize = std::function<std::shared_ptr<const Summary>(const Entries& entries)>;

    // `empty` is shown until the first summary arrives.
    HistogramSeriesPlot(std::shared_ptr<const Summary> empty, QWidget* parent);

    // How to summarise, with the plot's current parameters captured.
    virtual Summarize summarizer() const = 0;
    // Anything besides the series that the summary depends on (the bin count); a change makes
    // setEntries summarise again.
    virtual std::size_t summaryVariant() const { return 0; }
    // Fills the step and wall time columns in step order, as every summary does first, and
    // returns the index in `entries` of each row (a stable sort by step: equal steps stay in
    // the order written).
    static std::vector<std::size_t> readSteps(const Entries& entries, Summary& summary);

    const Summary& summary() const { return *m_summary; }
    // Where step `index` lies on the offset axis.
    double offsetOf(std::size_t index) const;
    // The text drawn in place of a plot with nothing to show: computing, no steps, none in the
    // step range, or nothing finite.
    QString placeholderText() const;
    void drawPlaceholder(QPainter& painter, const QRect& target) const;

    // Set by describeHover.
    std::optional<std::size_t> m_hovered;
    QString m_hoverText;
    // Finds what is under `position` (a visible step) and sets m_hovered and m_hoverText;
    // called with both cleared.
    virtual void describeHover(const QPointF& position) = 0;
    // Clears the hover and anything a derived plot keeps with it.
    virtual void clearHover();

    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

    QColor m_color = Qt::darkBlue;

private:
    struct Key {
        std::uint64_t generation = ~std::uint64_t(0);
        std::size_t size = 0;
        std::size_t variant = 0;
        bool operator==(const Key&) const = default;
    };
    void showSummary(std::shared_ptr<const Summary> summary);

    Options m_options;
    int m_entriesUpdates = 0;
    std::shared_ptr<const Summary> m_summary;
    Key m_shownKey; // what m_summary was computed from
    Key m_wantedKey; // the latest series
    // A summary still running keeps only its own copies (the snapshot and the captured
    // parameters), so the plot can go away without waiting for it.
    LatestJob<std::shared_ptr<const Summary>> m_summarizing;
};

} // namespace lantern::ui
