#include "ui/widgets/distribution_plot.h"

#include "core/analysis/histogram_rebinning.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

const char* const kBasisNames[]
    = {"max", "93%", "84%", "69%", "median", "31%", "16%", "7%", "min"}; // top to bottom

} // namespace

struct DistributionPlot::Layout {
    QRectF area;
    std::vector<std::size_t> drawn;
    double xLo = 0, xHi = 1, yLo = 0, yHi = 1;
    double x(double offset) const
    {
        return area.left() + (xHi > xLo ? (offset - xLo) / (xHi - xLo) : 0.5) * area.width();
    }
    double y(double value) const
    {
        return area.bottom() - (yHi > yLo ? (value - yLo) / (yHi - yLo) : 0.5) * area.height();
    }
};

DistributionPlot::DistributionPlot(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
}

void DistributionPlot::setEntries(
    const core::EntrySnapshot<core::HistogramEntry>& entries, const QColor& color)
{
    m_color = color;
    if (entries.generation() == m_generation && entries.size() == m_steps.size()) {
        update();
        return;
    }
    m_generation = entries.generation();
    const std::size_t n = entries.size();
    m_steps.resize(n);
    m_wallTimes.resize(n);
    m_values.resize(n);
    m_lo = std::numeric_limits<double>::infinity();
    m_hi = -m_lo;
    for (std::size_t i = 0; i < n; ++i) {
        const core::HistogramEntry& entry = entries[i];
        m_steps[i] = entry.step;
        m_wallTimes[i] = entry.wallTime;
        m_values[i] = core::compressHistogram(entry.buckets);
        if (m_values[i]) {
            m_lo = std::min(m_lo, m_values[i]->front());
            m_hi = std::max(m_hi, m_values[i]->back());
        }
    }
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

void DistributionPlot::setOptions(const Options& options)
{
    m_options = options;
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

double DistributionPlot::offsetOf(std::size_t index) const
{
    return stepAxisValue(m_options.axis, m_steps[index], m_wallTimes[index],
        m_wallTimes.empty() ? 0 : m_wallTimes[0]);
}

DistributionPlot::Layout DistributionPlot::layoutFor(const QRect& target) const
{
    Layout layout;
    layout.area = QRectF(target).adjusted(48, 8, -12, -22);
    const std::size_t n = m_steps.size();
    // Two steps per pixel column keep every wiggle a polygon can show.
    layout.drawn = core::sampleStepIndices(
        n, m_options.decimate ? std::size_t(std::max(2.0, 2 * layout.area.width())) : n);
    if (n > 0) {
        layout.xLo = offsetOf(0);
        layout.xHi = offsetOf(n - 1);
    }
    if (m_lo <= m_hi) {
        const double pad = m_hi > m_lo ? (m_hi - m_lo) * 0.04 : std::max(0.5, std::abs(m_lo) * 0.1);
        layout.yLo = m_lo - pad;
        layout.yHi = m_hi + pad;
    }
    return layout;
}

std::size_t DistributionPlot::drawnStepCount() const
{
    return layoutFor(rect()).drawn.size();
}

void DistributionPlot::render(QPainter& painter, const QRect& target) const
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
    if (!(m_lo <= m_hi) || area.width() < 4 || area.height() < 4) {
        painter.setPen(axisColor);
        painter.drawText(target, Qt::AlignCenter, tr("No histograms"));
        painter.restore();
        return;
    }

    painter.setPen(QPen(axisColor, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());
    for (double tick : niceTicks(layout.xLo, layout.xHi,
             std::max(2, int(area.width() / (m_options.axis == StepAxis::WallTime ? 110 : 80))))) {
        const double x = layout.x(tick);
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        painter.drawText(QRectF(x - 50, area.bottom() + 5, 100, 14),
            Qt::AlignHCenter | Qt::AlignTop, axisLabel(tick, m_options.axis, true));
    }
    for (double tick : niceTicks(layout.yLo, layout.yHi, std::max(2, int(area.height() / 40)))) {
        const double y = layout.y(tick);
        painter.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y));
        painter.drawText(QRectF(0, y - 7, area.left() - 6, 14), Qt::AlignRight | Qt::AlignVCenter,
            shortNumber(tick));
    }

    // Steps with an empty histogram are left out; the bands bridge them.
    std::vector<std::size_t> drawn;
    drawn.reserve(layout.drawn.size());
    for (std::size_t index : layout.drawn)
        if (m_values[index])
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
            const core::DistributionValues& v = *m_values[drawn[std::size_t(i)]];
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
        median[i] = QPointF(xs[std::size_t(i)], layout.y((*m_values[drawn[std::size_t(i)]])[4]));
    painter.setPen(QPen(m_color.darker(120), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(median);

    if (m_hovered && *m_hovered < m_values.size() && m_values[*m_hovered]) {
        const double x = layout.x(offsetOf(*m_hovered));
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::Highlight));
        for (double value : *m_values[*m_hovered])
            painter.drawEllipse(QPointF(x, layout.y(value)), 2.5, 2.5);
    }
    painter.restore();
}

void DistributionPlot::hoverAt(const QPointF& position)
{
    m_hovered.reset();
    m_hoverText.clear();
    const Layout layout = layoutFor(rect());
    if (layout.area.adjusted(-4, -4, 4, 4).contains(position)) {
        // The nearest step with values, among every step (not only the drawn ones).
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < m_steps.size(); ++i) {
            if (!m_values[i])
                continue;
            const double distance = std::abs(layout.x(offsetOf(i)) - position.x());
            if (distance < best) {
                best = distance;
                m_hovered = i;
            }
        }
    }
    if (m_hovered) {
        const core::DistributionValues& v = *m_values[*m_hovered];
        QStringList lines {tr("step %1").arg(m_steps[*m_hovered])};
        for (std::size_t k = 0; k < v.size(); ++k)
            lines.append(QStringLiteral("%1: %2").arg(
                QLatin1String(kBasisNames[k]), shortNumber(v[v.size() - 1 - k])));
        m_hoverText = lines.join(QLatin1Char('\n'));
    }
    setToolTip(m_hoverText);
    update();
}

void DistributionPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

void DistributionPlot::mouseMoveEvent(QMouseEvent* event)
{
    hoverAt(event->position());
    if (!m_hoverText.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
    else
        QToolTip::hideText();
}

void DistributionPlot::leaveEvent(QEvent*)
{
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

} // namespace lantern::ui
