#pragma once
// Tooltips that show text from log files. Qt shows a tooltip as rich text when it looks like
// HTML (Qt::mightBeRichText), and rich text loads the images it names: a tag called
// `<img src="/some/fifo">` would open that file. Such text is escaped so it shows as written.

#include <QString>

namespace lantern::ui {

// `text` as a tooltip that shows exactly those characters and loads nothing.
QString plainToolTip(const QString& text);

} // namespace lantern::ui
