#pragma once
// A card menu's export entries, the same on every card tab: "Save as PNG…", "Save as SVG…"
// and, after a separator, the card's data as CSV. Each asks where to write and says so when
// writing fails.

#include "ui/widgets/widget_export.h"

#include <functional>

class QMenu;
class QWidget;

namespace lantern::ui {

// Asks where "Save as…" writes (title, file stem, suffix); returns "" when cancelled.
using ExportPathChooser
    = std::function<QString(const QString& title, const QString& stem, const QString& suffix)>;

struct CardExport {
    QString stem; // the file name offered, without suffix
    QString csvMenuText; // "Save buckets as CSV…"
    std::function<bool(const QString& path, ImageFormat format)> saveImage;
    std::function<bool(const QString& path)> saveCsv;
};

// Asks with a file dialog over `parent`.
ExportPathChooser exportPathDialog(QWidget* parent);

// `parent` owns the warning shown when a file cannot be written.
void addCardExportActions(
    QMenu* menu, QWidget* parent, const ExportPathChooser& choosePath, const CardExport& exports);

} // namespace lantern::ui
