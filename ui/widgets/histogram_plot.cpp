#include "ui/widgets/histogram_plot.h"

#include "ui/widgets/plot_painting.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kRidgeShare = 0.4; // of the plot's height, the tallest ridge in offset mode
constexpr double kPixelsPerRidge = 3; // offset mode draws at most one step per this many pixels
constexpr std::size_t kMaxOverlaySteps = 80; // more outlines on one baseline are just a smear

} // namespace

struct HistogramPlot::Layout {
    QRectF area;
    std::vector<std::size_t> drawn;
    double maxCount = 1;
    double offsetLo = 0, offsetHi = 0;
    double ridgeHeight = 0;

    double x(const core::RebinnedHistograms& r, double value) const
    {
        return area.left() + fractionWithin(value, r.left, r.right) * area.width();
    }
    double baseline(HistogramMode mode, double offset) const
    {
        if (mode == HistogramMode::Overlay || offsetHi <= offsetLo)
            return area.bottom();
        const double top = area.top() + ridgeHeight;
        return top + (offset - offsetLo) / (offsetHi - offsetLo) * (area.bottom() - top);
    }
};

struct HistogramPlot::Rebinned : Summary {
    core::RebinnedHistograms histograms;
};

HistogramPlot::HistogramPlot(QWidget* parent)
    : HistogramSeriesPlot(std::make_shared<Rebinned>(), parent)
{
}

void HistogramPlot::setEntries(const Entries& entries, const QColor& color, std::size_t binCount)
{
    m_binCount = binCount;
    HistogramSeriesPlot::setEntries(entries, color);
}

core::RebinnedHistograms HistogramPlot::rebin(
    const Entries& entries, std::size_t binCount, std::span<const std::size_t> order)
{
    std::vector<std::span<const core::HistogramBucket>> buckets(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
        buckets[i] = entries[order.empty() ? i : order[i]].buckets;
    return core::rebinHistograms(buckets, binCount);
}

HistogramSeriesPlot::Summarize HistogramPlot::summarizer() const
{
    return [binCount = m_binCount](const Entries& entries) {
        auto summary = std::make_shared<Rebinned>();
        const std::vector<std::size_t> order = readSteps(entries, *summary);
        summary->histograms = rebin(entries, binCount, order);
        return std::shared_ptr<const Summary>(std::move(summary));
    };
}

const core::RebinnedHistograms& HistogramPlot::rebinned() const
{
    return static_cast<const Rebinned&>(summary()).histograms;
}

void HistogramPlot::clearHover()
{
    HistogramSeriesPlot::clearHover();
    m_hoveredBin.reset();
}

QRectF HistogramPlot::plotArea(const QRect& target) const
{
    const bool offset = options().mode == HistogramMode::Offset;
    const double right = offset ? (options().axis == StepAxis::WallTime ? 76 : 52) : 10;
    const double left = offset ? 10 : 44;
    return QRectF(target).adjusted(left, 8, -right, -22);
}

std::vector<std::size_t> HistogramPlot::drawnSteps(const QRectF& area) const
{
    const auto [first, last] = visibleSteps();
    const std::size_t n = last - first;
    std::size_t limit = n;
    if (options().decimate) {
        limit = options().maxDrawnSteps;
        if (limit == 0)
            limit = options().mode == HistogramMode::Offset
                ? std::size_t(std::max(2.0, area.height() * (1 - kRidgeShare) / kPixelsPerRidge))
                : kMaxOverlaySteps;
    }
    std::vector<std::size_t> indices = core::sampleStepIndices(n, limit);
    for (std::size_t& index : indices)
        index += first;
    // Rows are in step order; on a time axis a series kept as written may go back in time
    // where its steps go forward, and ridges stack back to front by where they are drawn.
    if (options().axis != StepAxis::Step)
        std::stable_sort(indices.begin(), indices.end(),
            [this](std::size_t a, std::size_t b) { return offsetOf(a) < offsetOf(b); });
    return indices;
}

HistogramPlot::Layout HistogramPlot::layoutFor(const QRect& target) const
{
    Layout layout;
    layout.area = plotArea(target);
    layout.drawn = drawnSteps(layout.area);
    layout.maxCount = 0;
    for (std::size_t index : layout.drawn)
        for (double count : rebinned().row(index))
            layout.maxCount = std::max(layout.maxCount, count);
    if (layout.maxCount <= 0)
        layout.maxCount = 1;
    if (!layout.drawn.empty()) {
        layout.offsetLo = offsetOf(layout.drawn.front());
        layout.offsetHi = offsetOf(layout.drawn.back());
    }
    const bool stacked
        = options().mode == HistogramMode::Offset && layout.offsetHi > layout.offsetLo;
    layout.ridgeHeight = stacked ? layout.area.height() * kRidgeShare : layout.area.height();
    return layout;
}

void HistogramPlot::render(QPainter& painter, const QRect& target) const
{
    const QColor axisColor = beginPlotPainting(painter, target, palette());
    const Layout layout = layoutFor(target);
    const QRectF& area = layout.area;

    const core::RebinnedHistograms& r = rebinned();
    // A range of no width: no bucket had finite edges (a padded zero-width range has one).
    if (layout.drawn.empty() || !(r.right > r.left) || area.width() < 4 || area.height() < 4) {
        drawPlaceholder(painter, target);
        painter.restore();
        return;
    }

    const bool offset = options().mode == HistogramMode::Offset;
    const std::size_t bins = r.binCount;

    // Value axis along the bottom.
    painter.setPen(QPen(axisColor, 1));
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
    for (double tick : niceTicks(r.left, r.right, std::max(2, int(area.width() / 80)))) {
        const double x = layout.x(r, tick);
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        painter.drawText(QRectF(x - 40, area.bottom() + 5, 80, 14), Qt::AlignHCenter | Qt::AlignTop,
            axisLabel(tick, options().axis, false));
    }
    if (offset && layout.offsetHi > layout.offsetLo) {
        // The offset axis on the right, at each ridge's baseline.
        for (double tick :
            niceTicks(layout.offsetLo, layout.offsetHi, std::max(2, int(area.height() / 50)))) {
            const double y = layout.baseline(HistogramMode::Offset, tick);
            painter.drawLine(QPointF(area.right() + 2, y), QPointF(area.right() + 6, y));
            painter.drawText(QRectF(area.right() + 8, y - 7, 80, 14),
                Qt::AlignLeft | Qt::AlignVCenter, axisLabel(tick, options().axis, true));
        }
    } else if (!offset) {
        for (double tick : niceTicks(0, layout.maxCount, std::max(2, int(area.height() / 40)))) {
            const double y = area.bottom() - tick / layout.maxCount * area.height();
            painter.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y));
            painter.drawText(QRectF(0, y - 7, area.left() - 6, 14),
                Qt::AlignRight | Qt::AlignVCenter, shortNumber(tick));
        }
    }

    // One outline per drawn step: through the bins' centres, closed at the baseline.
    QPolygonF outline(int(bins) + 2);
    auto outlineOf = [&](std::size_t index) {
        const double base = layout.baseline(options().mode, offsetOf(index));
        const std::span<const double> counts = r.row(index);
        outline[0] = QPointF(area.left(), base);
        for (std::size_t b = 0; b < bins; ++b)
            outline[int(b) + 1]
                = QPointF(area.left() + (double(b) + 0.5) / double(bins) * area.width(),
                    base - counts[b] / layout.maxCount * layout.ridgeHeight);
        outline[int(bins) + 1] = QPointF(area.right(), base);
    };
    // Graded across the steps in range, palest first.
    const auto [first, last] = visibleSteps();
    const std::size_t n = last - first;
    for (std::size_t index : layout.drawn) {
        const double t = n > 1 ? double(index - first) / double(n - 1) : 1.0;
        const QColor shade = gradedColor(m_color, t);
        outlineOf(index);
        if (offset) {
            painter.setPen(QPen(shade.darker(140), 1));
            painter.setBrush(shade);
            painter.drawPolygon(outline);
        } else {
            painter.setPen(QPen(shade, 1.2));
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(outline);
        }
    }

    if (const std::optional<std::size_t> row = highlightedRow(); row && !m_hovered) {
        outlineOf(*row); // the linked step: outlined, without the hover's readout
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(outline);
    }
    if (m_hovered && *m_hovered < stepCount()) {
        outlineOf(*m_hovered);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(outline);
        if (m_hoveredBin)
            painter.drawEllipse(outline[int(*m_hoveredBin) + 1], 3.5, 3.5);
        const QFontMetricsF metrics(painter.font());
        const QRectF box(area.left() + 4, area.top(), metrics.horizontalAdvance(m_hoverText) + 10,
            metrics.height() + 4);
        painter.setPen(Qt::NoPen);
        QColor background = palette().color(QPalette::ToolTipBase);
        background.setAlpha(230);
        painter.setBrush(background);
        painter.drawRect(box);
        painter.setPen(palette().color(QPalette::ToolTipText));
        painter.drawText(box, Qt::AlignCenter, m_hoverText);
    }
    painter.restore();
}

void HistogramPlot::setMarkedStep(std::optional<std::int64_t> step)
{
    if (step == m_markedStep)
        return;
    m_markedStep = step;
    update();
}

std::optional<std::size_t> HistogramPlot::highlightedRow() const
{
    if (m_hovered && *m_hovered < stepCount())
        return m_hovered;
    if (!m_markedStep || stepCount() == 0)
        return std::nullopt;
    // Rows are in step order: the first at or after the step, or the one before if nearer.
    std::size_t row = 0;
    while (row + 1 < stepCount() && stepAt(row) < *m_markedStep)
        ++row;
    if (row > 0 && *m_markedStep - stepAt(row - 1) <= stepAt(row) - *m_markedStep)
        --row;
    return row;
}

void HistogramPlot::describeHover(const QPointF& position)
{
    const Layout layout = layoutFor(rect());
    const core::RebinnedHistograms& r = rebinned();
    if (!layout.drawn.empty() && layout.area.contains(position) && r.binCount > 0) {
        const double fraction = (position.x() - layout.area.left()) / layout.area.width();
        const std::size_t bin
            = std::min(r.binCount - 1, std::size_t(std::max(0.0, fraction) * double(r.binCount)));
        // Offset mode: the ridge whose baseline is nearest below or at the cursor. Overlay:
        // the step whose outline passes nearest the cursor in that bin.
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t index : layout.drawn) {
            const double base = layout.baseline(options().mode, offsetOf(index));
            const double y = options().mode == HistogramMode::Offset
                ? base
                : base - r.row(index)[bin] / layout.maxCount * layout.ridgeHeight;
            const double distance = std::abs(y - position.y());
            if (distance < best || (distance == best && options().mode == HistogramMode::Offset)) {
                best = distance;
                m_hovered = index;
            }
        }
        m_hoveredBin = bin;
        const std::span<const double> counts = r.row(*m_hovered);
        double total = 0;
        for (double c : counts)
            total += c;
        m_hoverText
            = tr("step %1: [%2, %3) %4 of %5")
                  .arg(stepAt(*m_hovered))
                  .arg(shortNumber(r.binLeft(bin)), shortNumber(r.binLeft(bin) + r.binWidth()),
                      shortNumber(counts[bin]), shortNumber(total));
    }
}

} // namespace lantern::ui
