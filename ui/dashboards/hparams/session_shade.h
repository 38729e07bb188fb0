#pragma once
// The colours the HParams views give sessions: an ordered ramp from dark purple through teal and
// green to a dark yellow (readable on white), along the column the sessions are coloured by.

#include "core/analysis/line_raster.h"
#include "ui/dashboards/hparams/parallel_axis.h"

#include <QColor>
#include <QImage>

class QWidget;

#include <optional>

namespace lantern::ui {

// `t` in 0..1: 0 purple, 1 yellow.
QColor shadeColor(double t);

// The colour of a session whose value sits at `fraction` of the colouring column, grey when it
// has none.
QColor sessionColor(std::optional<double> fraction);

// The column `key` as a colouring scale (linear), or nullopt when the table has no such column.
std::optional<ParallelAxis> shadeAxis(const HParamsTableModel& table, const QString& key);

// The column sessions are coloured by when nobody chose one: the first metric, else "".
QString defaultShadeKey(const HParamsTableModel& table);

// Both views' cached picture: `cache` sized to `widget` (in device pixels) and filled with its
// base colour.
void resetCache(QImage& cache, const QWidget& widget);
// The image's pixels, for core::blendLine and blendDot.
core::PixelBuffer pixelsOf(QImage& image);

} // namespace lantern::ui
