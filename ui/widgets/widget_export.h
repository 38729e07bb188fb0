#pragma once
// Saving what a dashboard shows: a widget as a PNG or SVG image, and the file dialog that asks
// where. Shared by every dashboard's "Save as…" menu so each card exports the same way.

#include <QString>

#include <string_view>

class QWidget;

namespace lantern::ui {

enum class ImageFormat { Png, Svg };

// Renders `widget` into `path`. PNG is the widget's pixels; SVG is the same painting recorded as
// vector drawing commands (lines and text stay sharp when scaled). False when the file cannot be
// written.
bool saveWidgetImage(QWidget* widget, const QString& path, ImageFormat format);

// Writes `bytes` (an export's text) to `path`, replacing the file; false when it cannot.
bool writeFile(const QString& path, std::string_view bytes);

// The format a path's suffix names (".svg" → Svg, anything else → Png).
ImageFormat imageFormatForPath(const QString& path);

// Turns a tag or run name into a file name stem: "train/loss 1" → "train_loss_1".
QString fileStemFor(const QString& name);

// Asks for a file to save to, suggesting `stem` + `suffix` (".png", ".svg", ".csv", ".json").
// Returns the empty string when the user cancels.
QString askExportPath(
    QWidget* parent, const QString& title, const QString& stem, const QString& suffix);

} // namespace lantern::ui
