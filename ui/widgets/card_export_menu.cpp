#include "ui/widgets/card_export_menu.h"

#include <QMenu>
#include <QMessageBox>

namespace lantern::ui {
namespace {

void chooseAndSave(QWidget* parent, const ExportPathChooser& choosePath, const CardExport& exports,
    const QString& suffix)
{
    const bool asCsv = suffix == QLatin1String(".csv");
    const QString path = choosePath(
        asCsv ? QMenu::tr("Save as CSV") : QMenu::tr("Save Chart as Image"), exports.stem, suffix);
    if (path.isEmpty())
        return;
    const bool saved
        = asCsv ? exports.saveCsv(path) : exports.saveImage(path, imageFormatForPath(path));
    if (!saved)
        QMessageBox::warning(
            parent, QMenu::tr("Export"), QMenu::tr("Could not write %1").arg(path));
}

} // namespace

ExportPathChooser exportPathDialog(QWidget* parent)
{
    return [parent](const QString& title, const QString& stem, const QString& suffix) {
        return askExportPath(parent, title, stem, suffix);
    };
}

void addCardExportActions(
    QMenu* menu, QWidget* parent, const ExportPathChooser& choosePath, const CardExport& exports)
{
    const auto add = [&](const QString& text, const QString& suffix) {
        menu->addAction(text, parent, [parent, choosePath, exports, suffix] {
            chooseAndSave(parent, choosePath, exports, suffix);
        });
    };
    add(QMenu::tr("Save as PNG…"), QStringLiteral(".png"));
    add(QMenu::tr("Save as SVG…"), QStringLiteral(".svg"));
    menu->addSeparator();
    add(exports.csvMenuText, QStringLiteral(".csv"));
}

} // namespace lantern::ui
