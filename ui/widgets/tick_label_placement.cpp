#include "ui/widgets/tick_label_placement.h"

#include <algorithm>
#include <cmath>

namespace lantern::ui {

std::vector<std::optional<double>> placeTickLabels(
    const std::vector<TickLabel>& labels, double extent)
{
    std::vector<std::optional<double>> placed(labels.size());
    double previousEnd = -kTickLabelGap; // where the last label kept ends
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const TickLabel& label = labels[i];
        const double lo = kTickLabelEdgeGap;
        const double hi = extent - kTickLabelEdgeGap - label.width;
        if (hi < lo)
            continue; // wider than the card
        // Pushed inside by at most half its width: it still reaches over its tick.
        const double centred = label.centre - label.width / 2;
        const double left = std::clamp(centred, lo, hi);
        if (std::abs(left - centred) > label.width / 2 || left < previousEnd + kTickLabelGap)
            continue;
        placed[i] = left;
        previousEnd = left + label.width;
    }
    return placed;
}

} // namespace lantern::ui
