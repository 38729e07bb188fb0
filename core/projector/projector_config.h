#pragma once
// Reading projector_config.pbtxt: the text-format ProjectorConfig that names each embedding's
// tensor (a checkpoint variable or a TSV file), its metadata TSV, bookmarks and sprite atlas.
// Paths are kept as written; core/projector/projector_paths.h finds the files they name.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct ProjectorEmbedding {
    std::string tensorName; // without a trailing ":0"
    std::string tensorPath; // as written; find it with findProjectorFile
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

} // namespace lantern::core
