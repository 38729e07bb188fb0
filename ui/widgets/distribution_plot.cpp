#include "ui/widgets/distribution_plot.h"

#include "core/analysis/histogram_rebinning.h"
#include "ui/widgets/plot_painting.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace lantern::ui {
namespace {

const char* const kBasisNames[]
    = {"max", "93%", "84%", "69%", "median", "31%", "16%", "7%", "min"}; // top to bottom

} // namespace

struct DistributionPlot::Compressed : Summary {
    std::vector<std::optional<core::DistributionValues>> values;
};

struct DistributionPlot::Layout {
    QRectF area;
    std::size_t first = 0, last = 0; // the visible steps
    std::vector<std::size_t> drawn;
    double xLo = 0, xHi = 1, yLo = 0, yHi = 1;
    bool hasValues = false; // some visible step has a non-empty histogram
    double x(double offset) const
    {
        return area.left() + fractionWithin(offset, xLo, xHi) * area.width();
    }
    double y(double value) const
    {
        return area.bottom() - fractionWithin(value, yLo, yHi) * area.height();
    }
};

DistributionPlot::DistributionPlot(QWidget* parent)
    : HistogramSeriesPlot(std::make_shared<Compressed>(), parent)
{
}

HistogramSeriesPlot::Summarize DistributionPlot::summarizer() const
{
    return [](const Entries& entries) {
        auto summary = std::make_shared<Compressed>();
        const std::vector<std::size_t> order = readSteps(entries, *summary);
        summary->values.resize(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i)
            summary->values[i] = core::compressHistogram(entries[order[i]].buckets);
        return std::shared_ptr<const Summary>(std::move(summary));
    };
}

const std::vector<std::optional<core::DistributionValues>>& DistributionPlot::values() const
{
    return static_cast<const Compressed&>(summary()).values;
}

DistributionPlot::Layout DistributionPlot::layoutFor(const QRect& target) const
{
    Layout layout;
    layout.area = QRectF(target).adjusted(48, 8, -12, -22);
    std::tie(layout.first, layout.last) = visibleSteps();
    const std::size_t n = layout.last - layout.first;
    // Two steps per pixel column keep every wiggle a polygon can show.
    layout.drawn = core::sampleStepIndices(
        n, options().decimate ? std::size_t(std::max(2.0, 2 * layout.area.width())) : n);
    for (std::size_t& index : layout.drawn)
        index += layout.first;
    if (options().axis != StepAxis::Step) {
        // Rows are in step order; a series kept as written may go back in time where its
        // steps go forward, and bands are drawn left to right.
        std::stable_sort(layout.drawn.begin(), layout.drawn.end(),
            [this](std::size_t a, std::size_t b) { return offsetOf(a) < offsetOf(b); });
    }
    if (n > 0) {
        layout.xLo = offsetOf(layout.first);
        layout.xHi = offsetOf(layout.last - 1);
        for (std::size_t i = layout.first; options().axis != StepAxis::Step && i < layout.last;
             ++i) {
            layout.xLo = std::min(layout.xLo, offsetOf(i));
            layout.xHi = std::max(layout.xHi, offsetOf(i));
        }
    }
    // The value range over every visible step, drawn or not.
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    const auto& all = values();
    for (std::size_t i = layout.first; i < layout.last; ++i)
        if (all[i]) {
            lo = std::min(lo, all[i]->front());
            hi = std::max(hi, all[i]->back());
        }
    layout.hasValues = lo <= hi;
    if (layout.hasValues) {
        // Halves and clamps, so values near ±1.8e308 (diverged weights) stay finite.
        const double pad
            = hi > lo ? (hi * 0.5 - lo * 0.5) * 0.08 : std::max(0.5, std::abs(lo) * 0.1);
        constexpr double kMax = std::numeric_limits<double>::max();
        layout.yLo = std::max(lo - pad, -kMax);
        layout.yHi = std::min(hi + pad, kMax);
    }
    return layout;
}

std::size_t DistributionPlot::drawnStepCount() const
{
    return layoutFor(rect()).drawn.size();
}

void DistributionPlot::render(QPainter& painter, const QRect& target) const
{
    const QColor axisColor = beginPlotPainting(painter, target, palette());
    const Layout layout = layoutFor(target);
    const QRectF& area = layout.area;
    if (!layout.hasValues || area.width() < 4 || area.height() < 4) {
        drawPlaceholder(painter, target);
        painter.restore();
        return;
    }

    painter.setPen(QPen(axisColor, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());
    for (double tick : niceTicks(layout.xLo, layout.xHi,
             std::max(2, int(area.width() / (options().axis == StepAxis::WallTime ? 110 : 80))))) {
        const double x = layout.x(tick);
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        painter.drawText(QRectF(x - 50, area.bottom() + 5, 100, 14),
            Qt::AlignHCenter | Qt::AlignTop, axisLabel(tick, options().axis, true));
    }
    for (double tick : niceTicks(layout.yLo, layout.yHi, std::max(2, int(area.height() / 40)))) {
        const double y = layout.y(tick);
        painter.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y));
        painter.drawText(QRectF(0, y - 7, area.left() - 6, 14), Qt::AlignRight | Qt::AlignVCenter,
            shortNumber(tick));
    }

    // Steps with an empty histogram are left out; the bands bridge them.
    const auto& stepValues = values();
    std::vector<std::size_t> drawn;
    drawn.reserve(layout.drawn.size());
    for (std::size_t index : layout.drawn)
        if (stepValues[index])
            drawn.push_back(index);
    std::vector<double> xs(drawn.size());
    for (std::size_t i = 0; i < drawn.size(); ++i)
        xs[i] = layout.x(offsetOf(drawn[i]));

    painter.setClipRect(area.adjusted(-1, -1, 1, 1));
    painter.setPen(Qt::NoPen);
    QPolygonF band(int(2 * drawn.size()));
    const int m = int(drawn.size());
    for (std::size_t b = 0; b + 1 < core::kDistributionBasisPoints.size(); ++b) {
        // Opacity by the band's share of the mass: 6.68% at the edges up to 19.15% inside.
        const double mass
            = core::kDistributionBasisPoints[b + 1] - core::kDistributionBasisPoints[b];
        QColor fill = m_color;
        fill.setAlphaF(float(0.12 + 0.5 * (mass - 668) / (1915 - 668)));
        painter.setBrush(fill);
        for (int i = 0; i < m; ++i) {
            const core::DistributionValues& v = *stepValues[drawn[std::size_t(i)]];
            band[i] = QPointF(xs[std::size_t(i)], layout.y(v[b + 1]));
            band[2 * m - 1 - i] = QPointF(xs[std::size_t(i)], layout.y(v[b]));
        }
        if (m == 1) {
            painter.drawRect(QRectF(band[0].x() - 2, band[0].y(), 4, band[1].y() - band[0].y()));
            continue;
        }
        painter.drawPolygon(band);
    }
    QPolygonF median(m);
    for (int i = 0; i < m; ++i)
        median[i] = QPointF(xs[std::size_t(i)], layout.y((*stepValues[drawn[std::size_t(i)]])[4]));
    painter.setPen(QPen(m_color.darker(120), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(median);

    if (m_hovered && *m_hovered < stepValues.size() && stepValues[*m_hovered]) {
        const double x = layout.x(offsetOf(*m_hovered));
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::Highlight));
        for (double value : *stepValues[*m_hovered])
            painter.drawEllipse(QPointF(x, layout.y(value)), 2.5, 2.5);
    }
    painter.restore();
}

void DistributionPlot::describeHover(const QPointF& position)
{
    const Layout layout = layoutFor(rect());
    const auto& stepValues = values();
    if (layout.area.adjusted(-4, -4, 4, 4).contains(position)) {
        // The nearest step with values, among every visible step (not only the drawn ones).
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t i = layout.first; i < layout.last; ++i) {
            if (!stepValues[i])
                continue;
            const double distance = std::abs(layout.x(offsetOf(i)) - position.x());
            if (distance < best) {
                best = distance;
                m_hovered = i;
            }
        }
    }
    if (m_hovered) {
        const core::DistributionValues& v = *stepValues[*m_hovered];
        QStringList lines {tr("step %1").arg(stepAt(*m_hovered))};
        for (std::size_t k = 0; k < v.size(); ++k)
            lines.append(QStringLiteral("%1: %2").arg(
                QLatin1String(kBasisNames[k]), shortNumber(v[v.size() - 1 - k])));
        m_hoverText = lines.join(QLatin1Char('\n'));
    }
}

void DistributionPlot::mouseMoveEvent(QMouseEvent* event)
{
    hoverAt(event->position());
    if (!m_hoverText.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
    else
        QToolTip::hideText();
}

} // namespace lantern::ui
