#pragma once
// Encodes raw 8-bit pixels as a PNG file, so synthetic logs can carry real images without Qt.

#include <cstdint>
#include <span>
#include <string>

namespace lantern::core {

// `pixels` holds `height` rows of `width * channels` bytes, top row first. Channels: 1 grey,
// 2 grey + alpha, 3 RGB, 4 RGBA. Returns empty when the sizes do not match.
std::string encodePng(int width, int height, int channels, std::span<const std::uint8_t> pixels);

} // namespace lantern::core
