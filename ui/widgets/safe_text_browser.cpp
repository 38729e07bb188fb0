#include "ui/widgets/safe_text_browser.h"

namespace lantern::ui {

QVariant InertTextDocument::loadResource(int, const QUrl&)
{
    return {};
}

SafeTextBrowser::SafeTextBrowser(QWidget* parent)
    : QTextBrowser(parent)
{
    setDocument(new InertTextDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant SafeTextBrowser::loadResource(int, const QUrl&)
{
    return {};
}

} // namespace lantern::ui
