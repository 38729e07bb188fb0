#pragma once
// What an image file is and how large, from its first bytes only: enough for the projector to
// tell a sprite atlas that is not an image, or too small for its tiles, without decoding it
// (the UI decodes it). PNG, JPEG, GIF and BMP give their size; WebP is recognised only.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace lantern::core {

// The largest sprite atlas side TensorBoard's projector accepts (its WebGL texture limit); a
// larger atlas is refused there, and decoding one could cost gigabytes here.
inline constexpr std::uint32_t kMaxSpriteAtlasSide = 8192;

enum class ImageFormat : std::uint8_t { Unknown, Png, Jpeg, Gif, Bmp, Webp };

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    std::optional<std::uint32_t> width; // when the header says
    std::optional<std::uint32_t> height;
};

// `bytes` is the file's beginning (a JPEG's size may lie past a large EXIF block: give 256 KiB).
ImageHeader parseImageHeader(std::string_view bytes);

// Reads at most the first 256 KiB of `path`; Unknown when it cannot be read.
ImageHeader readImageHeader(const std::filesystem::path& path);

} // namespace lantern::core
