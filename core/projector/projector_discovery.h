#pragma once
// Finding the projector's embeddings in loaded log directories, the way TensorBoard's plugin
// does: a projector_config.pbtxt in each run directory, in its
// plugins/org_tensorflow_tensorboard_projector/ folder (which wins), or at a logdir's root
// (run "."); tensors come from a TSV/raw file or from a variable of the latest checkpoint,
// and a readable checkpoint adds every two-dimensional variable not configured yet.
// Then reading one embedding's matrix and metadata.

#include "core/projector/metadata_table.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace lantern::core {

struct ProjectorRunDirectory {
    std::string run;
    std::filesystem::path directory;
};

struct ProjectorEmbeddingSource {
    std::string run;
    std::string name; // the tensor name, or the tensor file's name
    std::filesystem::path tensorPath; // a TSV or raw float32 file; empty for a checkpoint
    std::filesystem::path checkpointPrefix; // with checkpointVariable, when tensorPath is empty
    std::string checkpointVariable;
    std::filesystem::path metadataPath; // empty when none
    std::filesystem::path spritePath;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> spriteTile;
    std::vector<std::uint32_t> shape; // [rows, columns] when the config or checkpoint says
};

struct ProjectorDiscovery {
    std::vector<ProjectorEmbeddingSource> embeddings; // in run order, then config order
    std::vector<std::string> problems; // unreadable configs, paths outside their folder…
};

// `runs` are the loaded runs; `logdirs` are the roots, each seen as run "." (or "NAME/."
// when `logdirs[i].first`, the logdir's name, is not empty). A folder is searched once, for
// the first run that names it, roots first; a checkpoint variable added because no config
// names it is listed once, for the first run that finds it.
ProjectorDiscovery discoverProjectorEmbeddings(std::span<const ProjectorRunDirectory> runs,
    std::span<const std::pair<std::string, std::filesystem::path>> logdirs);

struct LoadedEmbedding {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<float> values; // row-major
    MetadataTable metadata; // empty when there is none or it does not fit the points
    std::string error; // why no matrix was read
    std::string warning; // why the metadata was left out
};

LoadedEmbedding loadEmbedding(const ProjectorEmbeddingSource& source);

} // namespace lantern::core
