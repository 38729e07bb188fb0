#pragma once
// Where a line layout gets the decimation of a series from: a new SeriesDecimation whose buffers
// are, when possible, those of one that a layout dropped earlier on the same thread. A layout
// over a million-point run decimates into some 200 KB per series; fresh allocations that size
// come from the kernel, which clears them page by page on every change of view (scalars-render,
// x range changed: 1.2× the time of a widget that kept its buffers). Only capacity is recycled,
// never content, and each thread keeps its own: layouts on different threads share nothing.

#include "ui/widgets/line_layout.h"

#include <memory>

namespace lantern::ui {

// An empty decimation (its fields as a new one's), with recycled capacity if this thread has any.
std::shared_ptr<SeriesDecimation> newSeriesDecimation();

} // namespace lantern::ui
