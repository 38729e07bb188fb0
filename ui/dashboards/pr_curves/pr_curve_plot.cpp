#include "ui/dashboards/pr_curves/pr_curve_plot.h"

#include "ui/widgets/plot_painting.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

constexpr double kTicks[] = {0, 0.2, 0.4, 0.6, 0.8, 1};

constexpr double kInset = 5; // between the frame and 0 or 1, so a curve along an edge shows

// Inside the frame, with room for tick labels and titles on the left and below.
QRectF plotArea(const QRectF& target)
{
    return target.adjusted(56, 10, -14, -38);
}

QPointF place(const QRectF& area, double recall, double precision)
{
    const QRectF inner = area.adjusted(kInset, kInset, -kInset, -kInset);
    return {inner.left() + recall * inner.width(), inner.bottom() - precision * inner.height()};
}

bool isFinite(const core::PrCurvePoint& point)
{
    return std::isfinite(point.recall) && std::isfinite(point.precision);
}

QString count(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

PrCurvePlot::PrCurvePlot(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(200, 160);
}

void PrCurvePlot::setCurves(std::vector<Curve> curves)
{
    m_curves = std::move(curves);
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

QPointF PrCurvePlot::positionOf(double recall, double precision) const
{
    return place(plotArea(rect()), recall, precision);
}

void PrCurvePlot::hoverAt(const QPointF& position)
{
    m_hovered.reset();
    m_hoverText.clear();
    double best = std::numeric_limits<double>::infinity();
    if (plotArea(rect()).adjusted(-6, -6, 6, 6).contains(position)) {
        for (std::size_t c = 0; c < m_curves.size(); ++c)
            for (std::size_t p = 0; p < m_curves[c].points.size(); ++p) {
                const core::PrCurvePoint& point = m_curves[c].points[p];
                if (!isFinite(point))
                    continue;
                const QPointF offset = positionOf(point.recall, point.precision) - position;
                const double distance = QPointF::dotProduct(offset, offset);
                if (distance < best) {
                    best = distance;
                    m_hovered = Hovered {c, p};
                }
            }
    }
    if (m_hovered) {
        const Curve& curve = m_curves[m_hovered->curve];
        const core::PrCurvePoint& point = curve.points[m_hovered->point];
        m_hoverText = tr("%1 · step %2\nthreshold %3\nprecision %4\nrecall %5\n"
                         "TP %6 · FP %7 · TN %8 · FN %9")
                          .arg(curve.run, QString::number(curve.step),
                              QString::number(point.threshold, 'f', 3),
                              QString::number(point.precision, 'f', 3),
                              QString::number(point.recall, 'f', 3), count(point.truePositives),
                              count(point.falsePositives), count(point.trueNegatives),
                              count(point.falseNegatives));
    }
    update();
}

void PrCurvePlot::render(QPainter& painter, const QRect& target) const
{
    beginPlotPainting(painter, target, palette());
    const QRectF area = plotArea(target);
    if (area.width() < 8 || area.height() < 8) {
        painter.restore();
        return;
    }
    drawAxes(painter, area);
    if (m_curves.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No PR curve at this step"));
    }
    painter.setClipRect(area);
    for (const Curve& curve : m_curves) {
        QPainterPath path;
        bool drawing = false; // a non-finite point breaks the line
        for (const core::PrCurvePoint& point : curve.points) {
            if (!isFinite(point)) {
                drawing = false;
                continue;
            }
            const QPointF at = place(area, point.recall, point.precision);
            drawing ? path.lineTo(at) : path.moveTo(at);
            drawing = true;
        }
        painter.setPen(QPen(curve.color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    painter.setClipping(false);
    drawLegend(painter, area);
    drawHover(painter, area);
    painter.restore();
}

void PrCurvePlot::drawAxes(QPainter& painter, const QRectF& area) const
{
    const QColor text = palette().color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(28);
    for (const double tick : kTicks) {
        const QPointF x = place(area, tick, 0), y = place(area, 0, tick);
        painter.setPen(QPen(grid, 1));
        painter.drawLine(QPointF(x.x(), area.top()), QPointF(x.x(), area.bottom()));
        painter.drawLine(QPointF(area.left(), y.y()), QPointF(area.right(), y.y()));
        painter.setPen(text);
        const QString label = QString::number(tick, 'g', 2);
        painter.drawText(QRectF(x.x() - 20, area.bottom() + 3, 40, 14), Qt::AlignCenter, label);
        painter.drawText(
            QRectF(area.left() - 34, y.y() - 7, 30, 14), Qt::AlignRight | Qt::AlignVCenter, label);
    }
    painter.setPen(QPen(text, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    painter.drawText(
        QRectF(area.left(), area.bottom() + 18, area.width(), 16), Qt::AlignCenter, tr("Recall"));
    painter.save();
    painter.translate(area.left() - 44, area.center().y());
    painter.rotate(-90);
    painter.drawText(
        QRectF(-area.height() / 2, -8, area.height(), 16), Qt::AlignCenter, tr("Precision"));
    painter.restore();
}

// Bottom left, where a useful classifier's curve seldom goes.
void PrCurvePlot::drawLegend(QPainter& painter, const QRectF& area) const
{
    if (m_curves.empty())
        return;
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() + 2;
    double width = 0;
    QStringList labels;
    for (const Curve& curve : m_curves) {
        labels.append(tr("%1 · step %2").arg(curve.run, QString::number(curve.step)));
        width = std::max(width, metrics.horizontalAdvance(labels.back()));
    }
    const QRectF box(area.left() + 6, area.bottom() - 6 - line * labels.size() - 6, width + 30,
        line * labels.size() + 6);
    QColor background = palette().color(QPalette::Base);
    background.setAlpha(220);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawRect(box);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const double y = box.top() + 3 + line * double(i);
        painter.setPen(QPen(m_curves[std::size_t(i)].color, 2));
        painter.drawLine(
            QPointF(box.left() + 4, y + line / 2), QPointF(box.left() + 18, y + line / 2));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(box.left() + 24, y, width + 4, line),
            Qt::AlignLeft | Qt::AlignVCenter, labels[i]);
    }
}

void PrCurvePlot::drawHover(QPainter& painter, const QRectF& area) const
{
    if (!m_hovered)
        return;
    const Curve& curve = m_curves[m_hovered->curve];
    const core::PrCurvePoint& point = curve.points[m_hovered->point];
    const QPointF at = place(area, point.recall, point.precision);
    painter.setPen(QPen(palette().color(QPalette::Text), 1.5));
    painter.setBrush(curve.color);
    painter.drawEllipse(at, 4.5, 4.5);

    // The description beside the point, kept inside the plot.
    const QFontMetricsF metrics(painter.font());
    const QRectF text = metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, m_hoverText);
    QRectF box(0, 0, text.width() + 12, text.height() + 8);
    box.moveTopRight(at + QPointF(-10, 10));
    if (box.left() < area.left())
        box.moveLeft(at.x() + 10);
    if (box.bottom() > area.bottom())
        box.moveBottom(at.y() - 10);
    QColor background = palette().color(QPalette::ToolTipBase);
    background.setAlpha(235);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(background);
    painter.drawRect(box);
    painter.setPen(palette().color(QPalette::ToolTipText));
    painter.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop, m_hoverText);
}

void PrCurvePlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

void PrCurvePlot::mouseMoveEvent(QMouseEvent* event)
{
    hoverAt(event->position());
}

void PrCurvePlot::leaveEvent(QEvent*)
{
    m_hovered.reset();
    m_hoverText.clear();
    update();
}

} // namespace lantern::ui
