#include "ui/widgets/step_strip.h"

#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/line_plot.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantern::ui {
namespace {

constexpr int kStripHeight = 14;
constexpr double kStripDragPixels = 3; // less is a click

// The selection drawn across the plot, above its lines; the strip says where.
class SelectionOverlay : public QWidget {
public:
    SelectionOverlay(LinePlot* plot, const StepStrip* strip)
        : QWidget(plot)
        , m_plot(plot)
        , m_strip(strip)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const std::optional<StepSelection> selection = m_strip->selection();
        if (!selection || m_plot->options().xAxis != XAxisMode::Step)
            return;
        const QRectF area = m_plot->plotArea();
        QPainter painter(this);
        painter.setClipRect(area);
        QColor highlight = palette().color(QPalette::Highlight);
        const double lo = m_plot->pixelAtX(double(selection->lo));
        const double hi = m_plot->pixelAtX(double(selection->hi));
        if (selection->isRange()) {
            QColor fill = highlight;
            fill.setAlphaF(0.12);
            painter.fillRect(QRectF(lo, area.top(), hi - lo, area.height()), fill);
        }
        painter.setPen(QPen(highlight, 1.5));
        painter.drawLine(QPointF(lo, area.top()), QPointF(lo, area.bottom()));
        if (selection->isRange())
            painter.drawLine(QPointF(hi, area.top()), QPointF(hi, area.bottom()));
    }

private:
    LinePlot* m_plot;
    const StepStrip* m_strip;
};

} // namespace

StepStrip::StepStrip(LinePlot* plot, QWidget* parent)
    : QWidget(parent)
    , m_plot(plot)
{
    setObjectName(QStringLiteral("stepStrip"));
    setFixedHeight(kStripHeight);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::IBeamCursor);
    setToolTip(tr("Click to select a step, drag to select a range; double-click clears"));
    m_overlay = new SelectionOverlay(plot, this);
    m_overlay->resize(plot->size());
    plot->installEventFilter(this);
}

QSize StepStrip::sizeHint() const
{
    return {100, kStripHeight};
}

bool StepStrip::stepsShown() const
{
    return m_plot->options().xAxis == XAxisMode::Step && m_plot->seriesCount() > 0;
}

double StepStrip::pixelAt(double step) const
{
    const double offset = mapFromGlobal(m_plot->mapToGlobal(QPointF(0, 0))).x();
    return m_plot->pixelAtX(step) + offset;
}

std::int64_t StepStrip::stepAt(double x) const
{
    const double offset = mapFromGlobal(m_plot->mapToGlobal(QPointF(0, 0))).x();
    // To a round number of steps about a pixel wide: a drag across 2M steps reads 500000, not
    // 497958. Never finer than a whole step.
    const double perPixel
        = std::abs(m_plot->xAtPixel(x - offset + 1) - m_plot->xAtPixel(x - offset));
    const double grain = std::max(1.0, AxisTicks::niceStep(2 * perPixel, 1)); // more than a pixel
    const double step = std::round(m_plot->xAtPixel(x - offset) / grain) * grain;
    constexpr double kLimit = 9.2e18; // inside int64
    return std::int64_t(std::clamp(step, -kLimit, kLimit));
}

void StepStrip::setSelection(const std::optional<StepSelection>& selection)
{
    if (selection == m_selection)
        return;
    m_selection = selection;
    update();
    m_overlay->update();
}

void StepStrip::choose(const std::optional<StepSelection>& selection)
{
    if (selection == m_selection)
        return;
    setSelection(selection);
    emit selectionChanged(selection);
}

bool StepStrip::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot) {
        if (event->type() == QEvent::Resize)
            m_overlay->resize(m_plot->size());
        else if (event->type() == QEvent::Paint)
            update(); // a zoom or new data moved the axis under the strip
    }
    return QWidget::eventFilter(watched, event);
}

void StepStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const double offset = mapFromGlobal(m_plot->mapToGlobal(QPointF(0, 0))).x();
    const QRectF plot = m_plot->plotArea().translated(offset, 0);
    const QRectF band(plot.left(), 1, plot.width(), height() - 2);
    QColor text = palette().color(QPalette::Text);
    QColor faint = text;
    faint.setAlphaF(0.06);
    painter.fillRect(band, faint);
    if (!stepsShown() || !m_selection)
        return;
    const QColor highlight = palette().color(QPalette::Highlight);
    const double lo = std::clamp(pixelAt(double(m_selection->lo)), band.left(), band.right());
    const double hi = std::clamp(pixelAt(double(m_selection->hi)), band.left(), band.right());
    if (m_selection->isRange())
        painter.fillRect(QRectF(lo, band.top(), std::max(1.0, hi - lo), band.height()), highlight);
    else
        painter.fillRect(QRectF(lo - 2, band.top(), 4, band.height()), highlight);
}

void StepStrip::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !stepsShown())
        return QWidget::mousePressEvent(event);
    m_pressX = event->position().x();
    const std::int64_t step = stepAt(*m_pressX);
    choose(StepSelection {step, step});
}

void StepStrip::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_pressX)
        return QWidget::mouseMoveEvent(event);
    const double x = event->position().x();
    if (std::abs(x - *m_pressX) < kStripDragPixels)
        return;
    const std::int64_t a = stepAt(*m_pressX);
    const std::int64_t b = stepAt(x);
    choose(StepSelection {std::min(a, b), std::max(a, b)});
}

void StepStrip::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_pressX && event->button() == Qt::LeftButton)
        mouseMoveEvent(event);
    m_pressX.reset();
}

void StepStrip::mouseDoubleClickEvent(QMouseEvent*)
{
    m_pressX.reset();
    choose(std::nullopt);
}

void StepStrip::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape)
        choose(std::nullopt);
    else
        QWidget::keyPressEvent(event);
}

} // namespace lantern::ui
