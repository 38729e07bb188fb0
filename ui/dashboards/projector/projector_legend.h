#pragma once
// The legend of the projector's point view: what the colours mean, drawn in a corner as
// category swatches with names (the long tail summed up as "and N more") or as a gradient bar
// with its low and high values.

#include <QRect>
#include <QRgb>
#include <QString>

#include <utility>
#include <vector>

class QPainter;

namespace lantern::ui {

struct ProjectorLegend {
    QString title;
    std::vector<std::pair<QString, QRgb>> categories;
    bool gradient = false;
    double low = 0, high = 0;
    QRgb lowColor = 0, highColor = 0;

    bool isEmpty() const { return title.isEmpty() && categories.empty() && !gradient; }
};

// One line of a categorical legend; `swatch` false for the "and N more" line.
struct LegendRow {
    QString text;
    QRgb color = 0;
    bool swatch = true;
};

// The lines shown for `legend`'s categories: all when at most `maxRows`, else the first
// maxRows − 1 and "and N more".
std::vector<LegendRow> legendRows(const ProjectorLegend& legend, int maxRows);

// Draws `legend` in the top-right corner of `area`; returns where it was drawn (empty when
// there is nothing to draw).
QRect paintLegend(QPainter& painter, const ProjectorLegend& legend, QRect area);

} // namespace lantern::ui
