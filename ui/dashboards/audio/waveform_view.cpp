#include "ui/dashboards/audio/waveform_view.h"

#include "ui/dashboards/audio/frequency_scale.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {
constexpr int kDragThreshold = 4; // pixels before a press counts as a drag, not a click
constexpr double kWheelZoom = 1.25; // per notch
constexpr double kMinimumSamples = 8; // the narrowest range shown
constexpr int kTimeTickSpacing = 90; // pixels per time tick, about
constexpr int kFrequencyTickSpacing = 28; // pixels per frequency tick, about
constexpr int kTickLength = 4;
} // namespace

WaveformView::WaveformView(QWidget* parent)
    : InteractivePlot(kDragThreshold, parent)
    , m_rendering([this](WaveformPicture picture) {
        m_picture = std::move(picture);
        update();
    })
{
    setMinimumHeight(90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::IBeamCursor);
    setToolTip(
        tr("Click to play from there · drag or wheel to zoom · double-click for the whole clip"));
}

void WaveformView::setClip(std::shared_ptr<const core::WavAudio> audio)
{
    m_audio = std::move(audio);
    m_message.clear();
    m_playhead = 0;
    m_picture = {};
    showWholeClip();
}

void WaveformView::setMessage(const QString& text)
{
    m_audio.reset();
    m_rendering.cancel();
    m_picture = {};
    m_message = text;
    update();
}

void WaveformView::setMode(WaveformMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    render();
}

double WaveformView::duration() const
{
    return m_audio ? m_audio->seconds() : 0.0;
}

void WaveformView::zoomTo(double begin, double end)
{
    const double total = duration();
    if (total <= 0)
        return;
    const double narrowest = std::min(total, kMinimumSamples / m_audio->sampleRate);
    if (end - begin < narrowest) {
        const double middle = (begin + end) / 2;
        begin = middle - narrowest / 2;
        end = middle + narrowest / 2;
    }
    // Slide back inside the clip, keeping the width.
    const double width = std::min(end - begin, total);
    m_begin = std::clamp(begin, 0.0, total - width);
    m_end = m_begin + width;
    render();
    emit viewChanged();
}

void WaveformView::showWholeClip()
{
    m_begin = 0;
    m_end = duration();
    render();
    emit viewChanged();
}

void WaveformView::setPlayhead(double seconds)
{
    m_playhead = seconds;
    update();
}

double WaveformView::xAt(double seconds) const
{
    return m_end > m_begin ? (seconds - m_begin) / (m_end - m_begin) * width() : 0.0;
}

double WaveformView::secondsAt(double x) const
{
    return m_begin + std::clamp(x / std::max(1, width()), 0.0, 1.0) * (m_end - m_begin);
}

void WaveformView::render()
{
    update();
    if (!m_audio || m_end <= m_begin || size().isEmpty())
        return;
    const QColor color = palette().color(QPalette::Highlight);
    const QSize pixels = size() * devicePixelRatio();
    m_rendering.run([request = WaveformRequest {m_audio, m_begin, m_end, pixels, m_mode, color}] {
        return renderWaveform(request);
    });
}

void WaveformView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    emit painted();
    if (!m_message.isEmpty() || !m_audio) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(
            rect().adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    if (!m_picture.image.isNull()) {
        // An older picture of another range is placed where its range now lies.
        const QRectF target(xAt(m_picture.beginSeconds), 0,
            xAt(m_picture.endSeconds) - xAt(m_picture.beginSeconds), height());
        painter.drawImage(target, m_picture.image);
    }
    if (press() && isDragging()) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(60);
        const double from = press()->position.x();
        painter.fillRect(QRectF(QPointF(std::min(from, m_dragTo), 0),
                             QPointF(std::max(from, m_dragTo), height())),
            band);
    }
    const double x = xAt(m_playhead);
    if (x >= 0 && x <= width()) {
        painter.setPen(QPen(QColor(220, 40, 40), 2));
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
    drawTicks(painter);
}

std::vector<WaveformTick> WaveformView::timeTicks() const
{
    std::vector<WaveformTick> ticks;
    if (!m_audio || !(m_end > m_begin))
        return ticks;
    const AxisTicks nice
        = AxisTicks::linear(m_begin, m_end, std::max(2, width() / kTimeTickSpacing));
    for (std::size_t i = 0; i < nice.values.size(); ++i)
        ticks.push_back({xAt(nice.values[i]), tr("%1 s").arg(nice.labels[i])});
    return ticks;
}

std::vector<WaveformTick> WaveformView::frequencyTicks() const
{
    std::vector<WaveformTick> ticks;
    if (!m_audio || !isSpectrogram(m_mode))
        return ticks;
    const FrequencyScale scale = FrequencyScale::of(
        m_audio->sampleRate, kSpectrogramWindow, m_mode == WaveformMode::LogSpectrogram);
    const AxisTicks nice = scale.ticks(std::max(2, height() / kFrequencyTickSpacing));
    for (std::size_t i = 0; i < nice.values.size(); ++i)
        ticks.push_back({(1 - scale.fractionOf(nice.values[i])) * height(), nice.labels[i]});
    return ticks;
}

void WaveformView::drawTicks(QPainter& painter) const
{
    // Labels on a translucent patch of the background, readable over any picture.
    QColor patch = palette().color(QPalette::Base);
    patch.setAlpha(170);
    const QColor ink = palette().color(QPalette::Text);
    const QFontMetrics metrics = painter.fontMetrics();
    const int textHeight = metrics.height();
    const auto label = [&](QPointF topLeft, const QString& text) {
        const QRectF box(topLeft, QSizeF(metrics.horizontalAdvance(text) + 4, textHeight));
        painter.fillRect(box, patch);
        painter.setPen(ink);
        painter.drawText(box, Qt::AlignCenter, text);
    };
    for (const WaveformTick& tick : timeTicks()) {
        painter.setPen(ink);
        painter.drawLine(
            QPointF(tick.pixel, height() - kTickLength), QPointF(tick.pixel, height()));
        if (tick.pixel + metrics.horizontalAdvance(tick.label) + 6 <= width())
            label(QPointF(tick.pixel + 2, height() - kTickLength - textHeight), tick.label);
    }
    for (const WaveformTick& tick : frequencyTicks()) {
        painter.setPen(ink);
        painter.drawLine(QPointF(0, tick.pixel), QPointF(kTickLength, tick.pixel));
        // Clear of the time labels along the bottom and of the top edge.
        const double top = tick.pixel - textHeight / 2.0;
        if (top >= 0 && top + textHeight <= height() - kTickLength - textHeight)
            label(QPointF(kTickLength + 2, top), tick.label);
    }
}

void WaveformView::resizeEvent(QResizeEvent*)
{
    render();
}

bool WaveformView::wheelTurned(QPointF at, int angleDelta)
{
    if (!m_audio || angleDelta == 0)
        return false;
    const double notches = angleDelta / 120.0;
    const double factor = std::pow(kWheelZoom, -notches); // up zooms in
    const double anchor = secondsAt(at.x());
    zoomTo(anchor - (anchor - m_begin) * factor, anchor + (m_end - anchor) * factor);
    return true;
}

bool WaveformView::pressed(const Press& press)
{
    return press.button == Qt::LeftButton && m_audio;
}

void WaveformView::dragged(const Press&, QPointF, QPointF to)
{
    m_dragTo = to.x();
    update();
}

void WaveformView::released(const Press& press, QPointF at, bool wasDrag)
{
    if (wasDrag) {
        const double from = press.position.x();
        zoomTo(secondsAt(std::min(from, at.x())), secondsAt(std::max(from, at.x())));
    } else {
        emit seekRequested(secondsAt(at.x()));
    }
    update();
}

void WaveformView::doubleClicked(QPointF, Qt::MouseButton button)
{
    if (button == Qt::LeftButton)
        showWholeClip();
}

} // namespace lantern::ui
