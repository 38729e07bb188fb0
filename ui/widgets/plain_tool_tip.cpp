#include "ui/widgets/plain_tool_tip.h"

#include <QTextDocument>

namespace lantern::ui {

QString plainToolTip(const QString& text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

} // namespace lantern::ui
