#pragma once
// The custom scalars layout of a whole log directory: each run's newest
// `custom_scalars__config__` value decoded and merged in run order, as TensorBoard merges the
// layouts of every run into one dashboard.

#include "core/events/custom_scalars_layout.h"

namespace lantern::core {

struct LogdirSnapshot;

// Empty (no categories, no problems) when no run holds a layout.
CustomScalarsLayout customScalarsLayout(const LogdirSnapshot& snapshot);

} // namespace lantern::core
