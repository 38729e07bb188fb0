#pragma once
// The colours runs are drawn in: 20 hues that stay far apart, then the same number of darker
// and of lighter colours chosen to differ from every colour before them, so that 60 runs side
// by side do not repeat a colour (test_run_palette checks the CIEDE2000 distance between them).
// A run's first choice depends only on its name, so its colour stays from one session to the
// next while it does not collide with another run's.

#include "core/analysis/color_difference.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lantern::core {

inline constexpr std::size_t kPaletteHues = 20; // colours of the first, brightest tier
inline constexpr std::size_t kPaletteSize = 3 * kPaletteHues;

// Palette colour `index` (taken modulo kPaletteSize).
Rgb paletteColor(std::size_t index);

// A stable hash of a run's name (FNV-1a of its bytes).
std::uint32_t runNameHash(std::string_view name);

// The palette index for a run with this hash when the colours `used` (kPaletteSize flags) are
// taken: its hue in the first tier if free, else the next free hue of that tier, else the same
// search in the darker, then the lighter tier; with every colour taken, its hashed colour.
std::size_t choosePaletteIndex(std::uint32_t hash, const std::vector<bool>& used);

} // namespace lantern::core
