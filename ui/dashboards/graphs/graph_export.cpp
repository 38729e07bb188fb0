#include "ui/dashboards/graphs/graph_export.h"

#include "ui/dashboards/graphs/graph_view.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kExportMargin = 20;
constexpr double kMaxPixels = 12000; // per side: a 20k-op grid level would be gigapixels

// The texts' translation context; a class of its own, so that files built together (CMake's
// unity builds) do not each define a tr().
struct GraphExportTexts {
    Q_DECLARE_TR_FUNCTIONS(GraphExport)
};

QSizeF paddedSize(const GraphView& view)
{
    return view.sceneSize() + QSizeF(2 * kExportMargin, 2 * kExportMargin);
}

} // namespace

QString exportGraphPng(const GraphView& view, const QString& path)
{
    if (!view.hasLevel())
        return GraphExportTexts::tr("There is no graph to save.");
    const QSizeF scene = paddedSize(view);
    const double scale = std::min(1.0, kMaxPixels / std::max(scene.width(), scene.height()));
    QImage image(
        QSize(int(std::ceil(scene.width() * scale)), int(std::ceil(scene.height() * scale))),
        QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        painter.translate(kExportMargin, kExportMargin);
        view.renderScene(painter);
    }
    if (!image.save(path, "PNG"))
        return GraphExportTexts::tr("Could not write %1.").arg(path);
    return {};
}

QString exportGraphSvg(const GraphView& view, const QString& path)
{
    if (!view.hasLevel())
        return GraphExportTexts::tr("There is no graph to save.");
    const QSizeF scene = paddedSize(view);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(scene.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), scene));
    generator.setTitle(GraphExportTexts::tr("Lantern graph"));
    QPainter painter;
    if (!painter.begin(&generator))
        return GraphExportTexts::tr("Could not write %1.").arg(path);
    painter.fillRect(QRectF(QPointF(0, 0), scene), Qt::white);
    painter.translate(kExportMargin, kExportMargin);
    view.renderScene(painter);
    if (!painter.end())
        return GraphExportTexts::tr("Could not write %1.").arg(path);
    return {};
}

} // namespace lantern::ui
