#pragma once
// Edges of an expanded layout (graph_expanded_layout.h) routed around the boxes they do not
// join. A straight line from one box to another often passes through the boxes between them
// (a long edge crosses the layers in between; an edge out of an open scope crosses its
// siblings). Each edge walks from its source towards its target; where it would enter a box
// other than its own ends and the open groups around them, it bends to pass beside that box,
// through the gap that separates it from its neighbours (half a gap away, so in the middle of
// the gap), and carries on. The bends are stored in the layout; the view draws the polyline
// with rounded corners. Edges to or from the auxiliary area are routed too: the view draws
// the first stretch of their route as a stub, or all of it when one of their ends is in focus.
//
// Edges passing the same box on the same side would run along one line and merge into one:
// the parts they share are spread onto lanes beside each other, within the gap they run in.

#include "core/analysis/graph_expanded_layout.h"

#include <cstddef>
#include <functional>

namespace lantern::core {

// Adds bends to the edges of `layout`, then spreads shared parts onto lanes. `clearance`: how far
// beside a box a detour passes (half the gap between sibling boxes keeps it clear of both). Stops,
// leaving the remaining edges straight, when `cancelled` says so; past a budget of work (a huge
// graph opened wide) the remaining edges stay straight too, as `layout.skipped` says.
// `lanes` false leaves shared parts on one line (to measure what lanes change).
void routeEdges(ExpandedLayout& layout, double clearance,
    const std::function<bool()>& cancelled = {}, bool lanes = true);

// How many segments of the edges (the auxiliary ones too), drawn from box centre to box centre
// through their bends, pass through a box that is neither one of their ends nor an open group
// around one.
std::size_t edgeSegmentsThroughBoxes(const ExpandedLayout& layout);

} // namespace lantern::core
