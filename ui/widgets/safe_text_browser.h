#pragma once
// Read-only rich text for text that comes from log files, which anyone could have written: it
// loads no resources at all (a markdown image naming a remote URL, a local file, a device or a
// data: URL shows as a placeholder instead) and follows no links.

#include <QTextBrowser>
#include <QTextDocument>

namespace lantern::ui {

// A document that loads nothing its text names. (QTextDocument itself reads local files when
// its view declines to load them, so the view's override alone is not enough.)
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

    // Nothing, whatever is asked for.
    QVariant loadResource(int type, const QUrl& name) override;
};

} // namespace lantern::ui
