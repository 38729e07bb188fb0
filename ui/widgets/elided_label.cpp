#include "ui/widgets/elided_label.h"

#include "ui/widgets/plain_tool_tip.h"

#include <algorithm>

namespace lantern::ui {

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString& text, const QString& toolTip)
{
    m_fullText = text;
    m_toolTip = toolTip;
    updateGeometry();
    elide();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    const int width = fontMetrics().horizontalAdvance(m_fullText) + margins.left() + margins.right()
        + 2 * margin();
    return {width, QLabel::sizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for the ellipsis and a letter or two; the height of one line.
    const QFontMetrics metrics = fontMetrics();
    return {metrics.horizontalAdvance(QStringLiteral("W…W")), QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    setText(fontMetrics().elidedText(m_fullText, Qt::ElideMiddle, std::max(0, room)));
    setToolTip(plainToolTip(!m_toolTip.isEmpty() ? m_toolTip
            : isElided()                         ? m_fullText
                                                 : QString()));
}

} // namespace lantern::ui
