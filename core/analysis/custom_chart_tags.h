#pragma once
// Which scalar tags a custom_scalars chart shows: for a multiline chart, every tag one of its
// regular expressions matches from the tag's start (as TensorBoard's re.match); for a margin
// chart, its series' value, lower and upper tags. What cannot be shown is said, not skipped
// silently: an invalid expression, one that matches nothing, a margin tag no run holds.

#include "core/events/custom_scalars_layout.h"

#include <span>
#include <string>
#include <vector>

namespace lantern::core {

struct ChartTags {
    std::vector<std::string> tags; // in the order of `available`, each once (multiline); or
                                   // value, lower, upper per complete series (margin)
    std::vector<MarginSeries> margins; // the margin series whose three tags are all held
    std::vector<std::string> problems;
};

// `available`: the scalar tags the runs hold.
ChartTags chartTags(const CustomChart& chart, std::span<const std::string> available);

} // namespace lantern::core
