#include "ui/widgets/widget_export.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QWidget>

namespace lantern::ui {

namespace {

bool saveSvg(QWidget* widget, const QString& path)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(widget->windowTitle());
    generator.setDescription(QStringLiteral("Exported from Lantern"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    widget->render(&painter);
    return painter.end() && QFileInfo(path).size() > 0;
}

QString filterFor(const QString& suffix)
{
    if (suffix == QLatin1String(".svg"))
        return QObject::tr("SVG images (*.svg)");
    if (suffix == QLatin1String(".csv"))
        return QObject::tr("CSV files (*.csv)");
    if (suffix == QLatin1String(".json"))
        return QObject::tr("JSON files (*.json)");
    return QObject::tr("PNG images (*.png)");
}

} // namespace

bool saveWidgetImage(QWidget* widget, const QString& path, ImageFormat format)
{
    if (widget == nullptr || path.isEmpty())
        return false;
    if (format == ImageFormat::Svg)
        return saveSvg(widget, path);
    return widget->grab().save(path, "PNG");
}

bool writeFile(const QString& path, std::string_view bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size()) && file.flush();
}

ImageFormat imageFormatForPath(const QString& path)
{
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? ImageFormat::Svg
                                                                     : ImageFormat::Png;
}

QString fileStemFor(const QString& name)
{
    QString stem = name;
    stem.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
    return stem.isEmpty() ? QStringLiteral("export") : stem;
}

QString askExportPath(
    QWidget* parent, const QString& title, const QString& stem, const QString& suffix)
{
    return QFileDialog::getSaveFileName(parent, title, stem + suffix, filterFor(suffix));
}

} // namespace lantern::ui
