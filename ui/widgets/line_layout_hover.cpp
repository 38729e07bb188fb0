// What the hover tooltip reads from a line layout: every series' point nearest the cursor's x.

#include "ui/widgets/line_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantern::ui {

std::vector<HoverRow> hoverRowsAt(const LineLayout& layout, const std::vector<LineSeries>& series,
    bool smoothing, double x, double pixelY)
{
    std::vector<HoverRow> rows;
    core::DecimatedSeries near;
    for (std::size_t s = 0; s < series.size(); ++s) {
        const core::ScalarSnapshot& scalars = series[s].data;
        if (scalars.empty())
            continue;
        // The layout may be older than the series (a plot of many runs shows its last one while
        // a worker computes the next): then its extent and smoothing are not this snapshot's.
        const SeriesLayout* laidOut = layout.find(series[s].name, s);
        const bool current = laidOut && laidOut->generation == scalars.generation();
        const SeriesExtent extent = current ? laidOut->extent : seriesExtent(scalars);
        // A one-column query at x yields the points at x and the neighbours on either side.
        core::decimate(scalars, layout.decimationQuery(extent, {x, x}, 1, true), near);
        std::size_t best = near.points.size();
        double bestDistance = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < near.points.size(); ++i) {
            const double distance = std::abs(layout.toPlotX(extent, near.points[i]) - x);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        if (best == near.points.size())
            continue;
        const core::ScalarPoint& p = near.points[best];
        const auto index = std::size_t(near.indices[best]);
        HoverRow row;
        row.name = series[s].name;
        row.color = series[s].color;
        row.value = p.value;
        const bool smoothed = smoothing && current && laidOut->smoothed;
        row.smoothed = smoothed ? (*laidOut->smoothed)[index] : p.value;
        row.step = p.step;
        row.wallTime = p.wallTime;
        row.relativeHours = (p.wallTime - extent.firstWall) / kSecondsPerHour;
        const double y = layout.toPlotY(row.smoothed);
        const QPointF pixel = layout.toPixel({layout.toPlotX(extent, p), y});
        row.distance = std::isfinite(y)
            ? std::hypot(pixel.x() - layout.pixelAtX(x), pixel.y() - pixelY)
            : std::numeric_limits<double>::infinity();
        rows.push_back(row);
    }
    std::stable_sort(rows.begin(), rows.end(),
        [](const HoverRow& a, const HoverRow& b) { return a.distance < b.distance; });
    return rows;
}

} // namespace lantern::ui
