#pragma once
// Read-only rich text for text that comes from log files, which anyone could have written: it
// loads no resources at all (a markdown image naming a remote URL, a local file, a FIFO, a
// device or a data: URL shows as its alt text instead) and follows no links.

#include <QTextBrowser>
#include <QTextDocument>

namespace lantern::ui {

// A document that loads nothing its text names. Qt's image handler opens an image's path
// itself when the document's resource is null (QTextImageHandler's "direct loading"), so an
// image is answered with an empty placeholder picture, never with nothing.
class InertTextDocument : public QTextDocument {
    Q_OBJECT
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl& name) override;
};

class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget* parent = nullptr);

    // Nothing, whatever is asked for (an image gets the empty placeholder).
    QVariant loadResource(int type, const QUrl& name) override;
};

// Replaces every image in `document` with its alt text in brackets, so no image is left for
// a layout to look up.
void replaceImagesWithAltText(QTextDocument& document);

} // namespace lantern::ui
