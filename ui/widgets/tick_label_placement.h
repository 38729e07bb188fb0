#pragma once
// Where an x axis writes its tick labels: each centred under its tick, kept a few pixels inside
// the card so that none touches or is clipped by its edge, and left out when it would overlap the
// label before it (a label moved far from its tick would name the wrong place).

#include <optional>
#include <vector>

namespace lantern::ui {

struct TickLabel {
    double centre = 0; // the tick, in pixels
    double width = 0; // of its text
};

inline constexpr double kTickLabelEdgeGap = 3; // pixels between a label and the card's edge
inline constexpr double kTickLabelGap = 8; // pixels between neighbouring labels

// The left edge of each label inside [0, extent], or nothing for a label left out.
std::vector<std::optional<double>> placeTickLabels(
    const std::vector<TickLabel>& labels, double extent);

} // namespace lantern::ui
