#pragma once
// Finding the projector's embeddings in loaded log directories, the way TensorBoard's plugin
// does: a projector_config.pbtxt in each run directory, in its
// plugins/org_tensorflow_tensorboard_projector/ folder (which wins), or at a logdir's root
// (run "."); tensors come from a TSV/raw file or from a variable of the latest checkpoint (V2,
// or V1 from before 2017), and a readable checkpoint adds every two-dimensional variable not
// configured yet. Paths a config names are searched for as core/projector/projector_paths.h
// says; a checkpoint that is not where the config or the `checkpoint` file says is replaced by
// the newest one beside it.
// Whatever cannot be found is a problem naming the run, the embedding, the config field and
// every place tried, and everything else is still offered.
// Then reading one embedding's matrix, metadata and bookmarks.

#include "core/projector/metadata_table.h"

#include <cstdint>
#include <filesystem>
#include <functional>
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
    std::filesystem::path spritePath; // empty when none, or an atlas past kMaxSpriteAtlasSide
    std::optional<std::pair<std::uint32_t, std::uint32_t>> spriteTile;
    std::vector<std::uint32_t> shape; // [rows, columns] when the config or checkpoint says
    std::filesystem::path bookmarksPath; // empty when none
    std::filesystem::path configPath; // the config naming it; empty when a checkpoint offers it
    // The sprite atlas's width and height as its header says (PNG, JPEG, GIF, BMP), if it does.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> spriteImageSize;
    // What is wrong with this embedding's files, each message whole (run, embedding, config
    // field, what was tried): a path that names nothing, a missing shard, a sprite that is not
    // an image… Its tensor may still load (loadEmbedding reports these as warnings), or not
    // (then tensorPath and checkpointPrefix are both empty, and they are its error).
    std::vector<std::string> problems;
};

struct ProjectorDiscovery {
    std::vector<ProjectorEmbeddingSource> embeddings; // in run order, then config order
    // Every problem found, for a Diagnostics list: unreadable configs and checkpoints, and a copy
    // of each embedding's own problems.
    std::vector<std::string> problems;
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
    // One row per point when there is metadata: a file with more rows gives its first ones, one
    // with fewer leaves the last points' rows empty (a warning says so). Empty when none.
    MetadataTable metadata;
    std::size_t metadataFileRows = 0; // data rows the metadata file holds, before fitting
    std::string bookmarksJson; // the bookmarks file's text, unparsed; empty when none or too large
    std::string error; // why no matrix was read
    std::string warning; // what else went wrong (the source's problems, metadata, sprite,
                         // bookmarks), one message a line
};

inline constexpr std::uintmax_t kMaxProjectorFileBytes = std::uintmax_t(4) << 30; // 4 GiB
inline constexpr std::uintmax_t kMaxBookmarksBytes = std::uintmax_t(16) << 20; // 16 MiB

// Reads the tensor (and metadata and bookmarks) asking `cancelled` as it goes, between pieces
// of the files and of the parsing: once it says yes, it stops soon with no values and the error
// "cancelled".
LoadedEmbedding loadEmbedding(
    const ProjectorEmbeddingSource& source, const std::function<bool()>& cancelled = {});

// The whole of the file at `path` when it is at most `limit` bytes; else nullopt and `error`
// says why, naming the file. Read in pieces, asking `cancelled` between them: once it says yes,
// nullopt with the error "cancelled".
std::optional<std::string> readProjectorFile(const std::filesystem::path& path, std::string& error,
    std::uintmax_t limit, const std::function<bool()>& cancelled = {});

// "run \"R\", embedding \"E\" (CONFIG)": how a problem names its embedding.
std::string describeEmbedding(const ProjectorEmbeddingSource& source);

// What does not fit between `metadata` (from source.metadataPath) and `points` rows; empty when
// all fits.
std::string metadataFitProblem(
    const ProjectorEmbeddingSource& source, const MetadataTable& metadata, std::size_t points);

// Why the sprite atlas cannot give each of `rows` points a tile (too few tiles, tiles larger
// than the atlas or of size 0); empty when it can, or when its size is not known here.
std::string spriteTileProblem(const ProjectorEmbeddingSource& source, std::size_t rows);

} // namespace lantern::core
