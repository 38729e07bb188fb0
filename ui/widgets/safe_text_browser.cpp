#include "ui/widgets/safe_text_browser.h"

#include <QCoreApplication>
#include <QImage>
#include <QTextBlock>
#include <QTextCursor>

#include <utility>
#include <vector>

namespace lantern::ui {
namespace {

// What every resource request gets: nothing, except an image, which gets a transparent pixel
// so that Qt does not go and open the file itself.
QVariant inertResource(int type)
{
    if (type != QTextDocument::ImageResource)
        return {};
    QImage blank(1, 1, QImage::Format_ARGB32);
    blank.fill(Qt::transparent);
    return blank;
}

} // namespace

QVariant InertTextDocument::loadResource(int type, const QUrl&)
{
    return inertResource(type);
}

SafeTextBrowser::SafeTextBrowser(QWidget* parent)
    : QTextBrowser(parent)
{
    setDocument(new InertTextDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl&)
{
    return inertResource(type);
}

void replaceImagesWithAltText(QTextDocument& document)
{
    // Positions first, replaced from the end so earlier positions stay valid.
    std::vector<std::pair<int, QTextImageFormat>> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            for (int i = 0; i < fragment.length(); ++i)
                images.emplace_back(fragment.position() + i, fragment.charFormat().toImageFormat());
        }
    QTextCursor cursor(&document);
    for (auto it = images.rbegin(); it != images.rend(); ++it) {
        const QTextImageFormat& image = it->second;
        QString alt = image.stringProperty(QTextFormat::ImageAltText);
        if (alt.isEmpty())
            alt = image.name();
        QTextCharFormat text;
        text.setForeground(QColor(0x75, 0x75, 0x75));
        text.setFontItalic(true);
        cursor.setPosition(it->first);
        cursor.setPosition(it->first + 1, QTextCursor::KeepAnchor);
        cursor.insertText(
            QCoreApplication::translate("SafeTextBrowser", "[image: %1]").arg(alt), text);
    }
}

} // namespace lantern::ui
