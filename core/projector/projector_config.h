#pragma once
// Reading projector_config.pbtxt: the text-format ProjectorConfig that names each embedding's
// tensor (a checkpoint variable or a TSV file), its metadata TSV, bookmarks and sprite atlas.
// Paths are resolved as TensorBoard does: `~` expanded, relative ones against the directory
// holding the config, and nothing may point outside that directory.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct ProjectorEmbedding {
    std::string tensorName; // without a trailing ":0"
    std::string tensorPath; // as written; resolve with resolveProjectorPath
    std::string metadataPath;
    std::string bookmarksPath;
    std::string spritePath;
    std::vector<std::uint32_t> tensorShape; // [rows, columns] when given
    std::optional<std::pair<std::uint32_t, std::uint32_t>> spriteTile; // width, height
};

struct ProjectorConfig {
    std::string modelCheckpointPath;
    std::vector<ProjectorEmbedding> embeddings;
};

struct ProjectorConfigParse {
    std::optional<ProjectorConfig> config;
    std::string error; // "line L, column C: what", when config is empty
};

// Parses the text of a projector_config.pbtxt. Fields this version does not know are skipped
// (newer writers may add some); malformed text is an error naming where.
ProjectorConfigParse parseProjectorConfig(std::string_view text);

// Where `path` from a config in `configDirectory` points: `~/` is the home directory, a
// relative path is taken against configDirectory; backslashes (a config written on Windows)
// become slashes when the path as written names nothing. Nullopt when the result leaves
// configDirectory (symlinks followed), as TensorBoard refuses those since 2026.
std::optional<std::filesystem::path> resolveProjectorPath(
    const std::filesystem::path& configDirectory, std::string_view path);

} // namespace lantern::core
