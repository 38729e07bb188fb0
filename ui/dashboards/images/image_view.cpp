#include "ui/dashboards/images/image_view.h"

#include <QMouseEvent>
#include <QPainter>

namespace lantern::ui {
namespace {

// What a card adds beside the view (margins, frame) and leaves between columns.
constexpr int kCardPadding = 36;

} // namespace

ImageView::ImageView(QWidget* parent)
    : QWidget(parent)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click to enlarge"));
    updateSize();
}

void ImageView::setImage(const QImage& image, const QImage& preview)
{
    m_image = image;
    m_preview = preview;
    m_message.clear();
    m_drawnStale = true;
    updateSize();
    update();
}

void ImageView::setMessage(const QString& message)
{
    m_message = message;
    updateSize();
    update();
}

void ImageView::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    update();
}

void ImageView::setOptions(const ImageDisplayOptions& options)
{
    if (options == m_options)
        return;
    m_options = options;
    m_drawnStale = true;
    updateSize();
    update();
}

QImage ImageView::adjustedImage() const
{
    return adjustImage(m_image, m_options.brightness, m_options.contrast);
}

void ImageView::updateSize()
{
    // At actual size the view is at least the image (the card grows with it); fitted, it is as
    // wide as the card allows and three quarters as high.
    const bool actual = m_options.actualSize && !m_image.isNull() && m_message.isEmpty();
    const int width = std::max(64, m_options.cardWidth - kCardPadding);
    const int height = actual ? m_image.height() : width * 3 / 4;
    // Each call leaves the limits as they were when nothing changed: no relayout.
    setMinimumSize(actual ? std::max(width, m_image.width()) : width, height);
    setMaximumSize(QWIDGETSIZE_MAX, height);
}

QRect ImageView::imageRect() const
{
    if (m_image.isNull() || !m_message.isEmpty())
        return {};
    const QSize shown = m_options.actualSize
        ? m_image.size()
        : m_image.size().scaled(size(), Qt::KeepAspectRatio).expandedTo({1, 1});
    return {QPoint((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown};
}

void ImageView::paintEvent(QPaintEvent*)
{
    emit painted();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::AlternateBase));
    if (!m_message.isEmpty()) {
        painter.setPen(QColor(0xB0, 0x00, 0x20));
        painter.drawText(
            rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRect target = imageRect();
    if (!target.isEmpty()) {
        if (m_drawnStale || m_drawn.size() != target.size()) {
            // Enlarged pixels stay sharp; reduced images are smoothed, from the preview when
            // it is large enough.
            const bool enlarging = target.width() > m_image.width();
            const bool fromPreview = !m_preview.isNull() && target.width() <= m_preview.width()
                && target.height() <= m_preview.height();
            const QImage& source = fromPreview ? m_preview : m_image;
            const QImage scaled = target.size() == source.size()
                ? source
                : source.scaled(target.size(), Qt::IgnoreAspectRatio,
                    enlarging ? Qt::FastTransformation : Qt::SmoothTransformation);
            m_drawn
                = QPixmap::fromImage(adjustImage(scaled, m_options.brightness, m_options.contrast));
            m_drawnStale = false;
        }
        painter.drawPixmap(target.topLeft(), m_drawn);
    }
    if (m_loading) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(4, 4, -4, -4),
            m_image.isNull() ? Qt::AlignCenter : Qt::AlignRight | Qt::AlignBottom, tr("Loading…"));
    }
}

void ImageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
    QWidget::mouseReleaseEvent(event);
}

} // namespace lantern::ui
