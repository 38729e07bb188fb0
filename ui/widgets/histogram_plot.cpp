#include "ui/widgets/histogram_plot.h"

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
        const double span = r.right - r.left;
        return area.left() + (span > 0 ? (value - r.left) / span : 0.5) * area.width();
    }
    double baseline(HistogramMode mode, double offset) const
    {
        if (mode == HistogramMode::Overlay || offsetHi <= offsetLo)
            return area.bottom();
        const double top = area.top() + ridgeHeight;
        return top + (offset - offsetLo) / (offsetHi - offsetLo) * (area.bottom() - top);
    }
};

HistogramPlot::HistogramPlot(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
}

void HistogramPlot::setEntries(const core::EntrySnapshot<core::HistogramEntry>& entries,
    const QColor& color, std::size_t binCount)
{
    m_color = color;
    if (entries.generation() == m_generation && binCount == m_binCount
        && entries.size() == m_steps.size()) {
        update();
        return;
    }
    m_generation = entries.generation();
    m_binCount = binCount;
    m_steps.resize(entries.size());
    m_wallTimes.resize(entries.size());
    std::vector<std::span<const core::HistogramBucket>> buckets(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const core::HistogramEntry& entry = entries[i];
        m_steps[i] = entry.step;
        m_wallTimes[i] = entry.wallTime;
        buckets[i] = entry.buckets;
    }
    m_rebinned = core::rebinHistograms(buckets, binCount);
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

void HistogramPlot::setOptions(const Options& options)
{
    m_options = options;
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

double HistogramPlot::offsetOf(std::size_t index) const
{
    return stepAxisValue(m_options.axis, m_steps[index], m_wallTimes[index],
        m_wallTimes.empty() ? 0 : m_wallTimes[0]);
}

QRectF HistogramPlot::plotArea(const QRect& target) const
{
    const bool offset = m_options.mode == HistogramMode::Offset;
    const double right = offset ? (m_options.axis == StepAxis::WallTime ? 76 : 52) : 10;
    const double left = offset ? 10 : 44;
    return QRectF(target).adjusted(left, 8, -right, -22);
}

std::vector<std::size_t> HistogramPlot::drawnSteps(const QRectF& area) const
{
    const std::size_t n = m_steps.size();
    if (!m_options.decimate)
        return core::sampleStepIndices(n, n);
    std::size_t limit = m_options.maxDrawnSteps;
    if (limit == 0)
        limit = m_options.mode == HistogramMode::Offset
            ? std::size_t(std::max(2.0, area.height() * (1 - kRidgeShare) / kPixelsPerRidge))
            : kMaxOverlaySteps;
    return core::sampleStepIndices(n, limit);
}

HistogramPlot::Layout HistogramPlot::layoutFor(const QRect& target) const
{
    Layout layout;
    layout.area = plotArea(target);
    layout.drawn = drawnSteps(layout.area);
    layout.maxCount = 0;
    for (std::size_t index : layout.drawn)
        for (double count : m_rebinned.row(index))
            layout.maxCount = std::max(layout.maxCount, count);
    if (layout.maxCount <= 0)
        layout.maxCount = 1;
    if (!layout.drawn.empty()) {
        layout.offsetLo = offsetOf(layout.drawn.front());
        layout.offsetHi = offsetOf(layout.drawn.back());
    }
    const bool stacked
        = m_options.mode == HistogramMode::Offset && layout.offsetHi > layout.offsetLo;
    layout.ridgeHeight = stacked ? layout.area.height() * kRidgeShare : layout.area.height();
    return layout;
}

void HistogramPlot::render(QPainter& painter, const QRect& target) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, palette().base());
    const Layout layout = layoutFor(target);
    const QRectF& area = layout.area;
    QFont small = painter.font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    painter.setFont(small);
    const QColor axisColor = palette().color(QPalette::Text);

    if (m_steps.empty() || area.width() < 4 || area.height() < 4) {
        painter.setPen(axisColor);
        painter.drawText(target, Qt::AlignCenter, tr("No histograms"));
        painter.restore();
        return;
    }

    const core::RebinnedHistograms& r = m_rebinned;
    const bool offset = m_options.mode == HistogramMode::Offset;
    const std::size_t bins = r.binCount;
    const double binWidth = r.binWidth();

    // Value axis along the bottom.
    painter.setPen(QPen(axisColor, 1));
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
    for (double tick : niceTicks(r.left, r.right, std::max(2, int(area.width() / 80)))) {
        const double x = layout.x(r, tick);
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        painter.drawText(QRectF(x - 40, area.bottom() + 5, 80, 14), Qt::AlignHCenter | Qt::AlignTop,
            axisLabel(tick, m_options.axis, false));
    }
    if (offset && layout.offsetHi > layout.offsetLo) {
        // The offset axis on the right, at each ridge's baseline.
        for (double tick :
            niceTicks(layout.offsetLo, layout.offsetHi, std::max(2, int(area.height() / 50)))) {
            const double y = layout.baseline(HistogramMode::Offset, tick);
            painter.drawLine(QPointF(area.right() + 2, y), QPointF(area.right() + 6, y));
            painter.drawText(QRectF(area.right() + 8, y - 7, 80, 14),
                Qt::AlignLeft | Qt::AlignVCenter, axisLabel(tick, m_options.axis, true));
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
        const double base = layout.baseline(m_options.mode, offsetOf(index));
        const std::span<const double> counts = r.row(index);
        outline[0] = QPointF(layout.x(r, r.left), base);
        for (std::size_t b = 0; b < bins; ++b)
            outline[int(b) + 1] = QPointF(layout.x(r, r.left + binWidth * (double(b) + 0.5)),
                base - counts[b] / layout.maxCount * layout.ridgeHeight);
        outline[int(bins) + 1] = QPointF(layout.x(r, r.right), base);
    };
    const std::size_t n = m_steps.size();
    for (std::size_t index : layout.drawn) {
        const double t = n > 1 ? double(index) / double(n - 1) : 1.0;
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

    if (m_hovered && *m_hovered < n) {
        outlineOf(*m_hovered);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(outline);
        if (m_hoveredBin)
            painter.drawEllipse(outline[int(*m_hoveredBin) + 1], 3.5, 3.5);
        const QFontMetricsF metrics(small);
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

void HistogramPlot::hoverAt(const QPointF& position)
{
    m_hovered.reset();
    m_hoveredBin.reset();
    m_hoverText.clear();
    const Layout layout = layoutFor(rect());
    if (!layout.drawn.empty() && layout.area.contains(position) && m_rebinned.binCount > 0) {
        const core::RebinnedHistograms& r = m_rebinned;
        const double fraction = (position.x() - layout.area.left()) / layout.area.width();
        const std::size_t bin
            = std::min(r.binCount - 1, std::size_t(std::max(0.0, fraction) * double(r.binCount)));
        // Offset mode: the ridge whose baseline is nearest below or at the cursor. Overlay:
        // the step whose outline passes nearest the cursor in that bin.
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t index : layout.drawn) {
            const double base = layout.baseline(m_options.mode, offsetOf(index));
            const double y = m_options.mode == HistogramMode::Offset
                ? base
                : base - r.row(index)[bin] / layout.maxCount * layout.ridgeHeight;
            const double distance = std::abs(y - position.y());
            if (distance < best || (distance == best && m_options.mode == HistogramMode::Offset)) {
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
                  .arg(m_steps[*m_hovered])
                  .arg(shortNumber(r.binLeft(bin)), shortNumber(r.binLeft(bin) + r.binWidth()),
                      shortNumber(counts[bin]), shortNumber(total));
    }
    setToolTip(m_hoverText);
    update();
}

void HistogramPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

void HistogramPlot::mouseMoveEvent(QMouseEvent* event)
{
    hoverAt(event->position());
}

void HistogramPlot::leaveEvent(QEvent*)
{
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

} // namespace lantern::ui
