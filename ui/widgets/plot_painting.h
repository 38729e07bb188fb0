#pragma once
// How every data plot that renders into a target rectangle (histograms, distributions, PR
// curves) starts painting, so that they look alike.

#include <QColor>

class QPainter;
class QPalette;
class QRect;

namespace lantern::ui {

// Saves `painter` (the caller restores it), turns antialiasing on, fills `target` with the
// palette's base colour and sets the small font of axis labels. Returns the colour of axes and
// their labels.
QColor beginPlotPainting(QPainter& painter, const QRect& target, const QPalette& palette);

} // namespace lantern::ui
