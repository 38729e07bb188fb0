#pragma once
// Edges of an expanded layout (graph_expanded_layout.h) routed around the boxes they do not
// join. A straight line from one box to another often passes through the boxes between them
// (a long edge crosses the layers in between; an edge out of an open scope crosses its
// siblings). Each edge walks from its source towards its target; where it would enter a box
// other than its own ends and the open groups around them, it bends to pass beside that box,
// through the gap that separates it from its neighbours (half a gap away, so in the middle of
// the gap), and carries on. The bends are stored in the layout; the view draws the polyline
// with rounded corners.
//
// Edges to or from the auxiliary area stay straight: the view draws them as short stubs.

#include "core/analysis/graph_expanded_layout.h"

#include <cstddef>
#include <functional>

namespace lantern::core {

// Adds bends to the main-flow edges of `layout`. `clearance`: how far beside a box a detour
// passes (half the gap between sibling boxes keeps it clear of both). Stops, leaving the
// remaining edges straight, when `cancelled` says so; past a budget of work (a huge graph
// opened wide) the remaining edges stay straight too, as `layout.skipped` says.
void routeEdges(
    ExpandedLayout& layout, double clearance, const std::function<bool()>& cancelled = {});

// How many segments of the main-flow edges, drawn from box centre to box centre through their
// bends, pass through a box that is neither one of their ends nor an open group around one.
std::size_t edgeSegmentsThroughBoxes(const ExpandedLayout& layout);

} // namespace lantern::core
