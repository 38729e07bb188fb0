// loadEmbedding and what it shares with inspect's summary: reading a source's matrix,
// metadata (fitted to the points) and bookmarks, and wording what does not fit.

#include "core/checkpoint/checkpoint_tensor.h"
#include "core/io/cancellation_poll.h"
#include "core/io/file_access.h"
#include "core/io/path_text.h"
#include "core/projector/embedding_tensor.h"
#include "core/projector/projector_discovery.h"

#include <algorithm>

namespace lantern::core {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCancelled = "cancelled";
constexpr std::uintmax_t kLoadPieceBytes = std::uintmax_t(16) << 20;

std::string byteCount(std::uintmax_t bytes)
{
    return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB"
                               : std::to_string(bytes) + " bytes";
}

void addWarning(LoadedEmbedding& loaded, const std::string& warning)
{
    if (warning.empty())
        return;
    loaded.warning += (loaded.warning.empty() ? "" : "\n") + warning;
}

// A warning about `source` found while loading it, whole like its discovery problems.
void addWarning(
    LoadedEmbedding& loaded, const ProjectorEmbeddingSource& source, const std::string& warning)
{
    if (!warning.empty())
        addWarning(loaded, describeEmbedding(source) + ": " + warning);
}

// Reads the matrix from the TSV/raw file or the checkpoint; false (and loaded.error) if not.
bool loadMatrix(const ProjectorEmbeddingSource& source, LoadedEmbedding& loaded,
    const std::function<bool()>& cancelled)
{
    if (!source.tensorPath.empty()) {
        const auto bytes
            = readProjectorFile(source.tensorPath, loaded.error, kMaxProjectorFileBytes, cancelled);
        if (!bytes)
            return false;
        EmbeddingTensor tensor = parseEmbeddingTensor(*bytes, source.shape, cancelled);
        if (tensor.error == kCancelled) {
            loaded.error = kCancelled;
            return false;
        }
        if (!tensor.error.empty()) {
            loaded.error = pathText(source.tensorPath) + ": " + tensor.error;
            return false;
        }
        loaded.rows = tensor.rows;
        loaded.columns = tensor.columns;
        loaded.values = std::move(tensor.values);
        return true;
    }
    const CheckpointIndex index = readCheckpointIndex(source.checkpointPrefix);
    const CheckpointVariable* variable = index.find(source.checkpointVariable);
    if (!variable) {
        loaded.error = pathText(source.checkpointPrefix) + ": no variable \""
            + source.checkpointVariable + "\"" + (index.error.empty() ? "" : ": " + index.error);
        return false;
    }
    CheckpointMatrix matrix
        = readCheckpointMatrix(source.checkpointPrefix, index, *variable, cancelled);
    if (matrix.error == kCancelled) {
        loaded.error = kCancelled;
        return false;
    }
    if (!matrix.error.empty()) {
        loaded.error = "checkpoint " + pathText(source.checkpointPrefix) + ": " + matrix.error;
        // (discovery words a shard problem the same way, so loadEmbedding says it once)
        return false;
    }
    loaded.rows = matrix.rows;
    loaded.columns = matrix.columns;
    loaded.values = std::move(matrix.values);
    return true;
}

// Reads the metadata and fits it to the points: rows past them are dropped, missing ones empty.
// False when cancelled.
bool loadMetadata(const ProjectorEmbeddingSource& source, LoadedEmbedding& loaded,
    const std::function<bool()>& cancelled)
{
    std::string error;
    const auto text
        = readProjectorFile(source.metadataPath, error, kMaxProjectorFileBytes, cancelled);
    if (error == kCancelled)
        return false;
    if (!text) {
        addWarning(loaded, source, "metadata: " + error);
        return true;
    }
    MetadataTable metadata = parseMetadataTsv(*text);
    loaded.metadataFileRows = metadata.rows.size();
    addWarning(loaded, source, metadataFitProblem(source, metadata, loaded.rows));
    metadata.rows.resize(loaded.rows);
    loaded.metadata = std::move(metadata);
    return true;
}

} // namespace

std::optional<std::string> readProjectorFile(const fs::path& path, std::string& error,
    std::uintmax_t limit, const std::function<bool()>& cancelled)
{
    const FileStatus status = fileStatus(path);
    if (!status.error.empty()) {
        error = pathText(path) + ": " + status.error;
        return std::nullopt;
    }
    const std::uintmax_t size = status.size;
    if (size > limit) {
        error = pathText(path) + " is " + byteCount(size) + ", more than the " + byteCount(limit)
            + " read for it";
        return std::nullopt;
    }
    const std::unique_ptr<ByteSource> file = openByteSource(path, 0);
    std::string bytes;
    bytes.reserve(std::size_t(size));
    // In pieces, asking between them whether to go on; to the end, should the file have grown.
    std::string piece(std::size_t(std::min<std::uintmax_t>(size, kLoadPieceBytes)) + 1, '\0');
    CancellationPoll poll(cancelled, 1);
    while (file->error().empty()) {
        if (poll.now()) {
            error = kCancelled;
            return std::nullopt;
        }
        const std::size_t got = readUpTo(*file, piece.data(), piece.size());
        bytes.append(piece.data(), got);
        if (bytes.size() > limit) {
            error = pathText(path) + " grew past the " + byteCount(limit) + " read for it";
            return std::nullopt;
        }
        if (got < piece.size())
            break; // the end
    }
    if (!file->error().empty()) {
        error = pathText(path) + ": " + file->error();
        return std::nullopt;
    }
    return bytes;
}

std::string describeEmbedding(const ProjectorEmbeddingSource& source)
{
    std::string text = "run \"" + source.run + "\", embedding \"" + source.name + "\"";
    if (!source.configPath.empty())
        text += " (" + pathText(source.configPath) + ")";
    return text;
}

std::string metadataFitProblem(
    const ProjectorEmbeddingSource& source, const MetadataTable& metadata, std::size_t points)
{
    std::string problem;
    const std::string counts = pathText(source.metadataPath) + " holds "
        + std::to_string(metadata.rows.size()) + " metadata rows for " + std::to_string(points)
        + " points";
    if (metadata.rows.size() > points)
        problem = counts + ": the first " + std::to_string(points) + " are used";
    else if (metadata.rows.size() < points)
        problem = counts + ": points past row " + std::to_string(metadata.rows.size())
            + " have no metadata";
    if (metadata.overlongRows > 0)
        problem += (problem.empty() ? "" : "; ") + pathText(source.metadataPath) + ": "
            + std::to_string(metadata.overlongRows)
            + " rows have more cells than the header has columns; the extra cells are dropped";
    return problem;
}

std::string spriteTileProblem(const ProjectorEmbeddingSource& source, std::size_t rows)
{
    if (source.spritePath.empty() || !source.spriteTile)
        return {};
    const auto [tileWidth, tileHeight] = *source.spriteTile;
    const std::string tile = std::to_string(tileWidth) + "×" + std::to_string(tileHeight);
    if (tileWidth == 0 || tileHeight == 0)
        return "the sprite's single_image_dim " + tile + " is empty: no thumbnails";
    if (!source.spriteImageSize)
        return {};
    const auto [width, height] = *source.spriteImageSize;
    const std::string atlas = "the sprite " + pathText(source.spritePath) + " is "
        + std::to_string(width) + "×" + std::to_string(height);
    if (width < tileWidth || height < tileHeight)
        return atlas + ", smaller than one " + tile + " tile: no thumbnails";
    const std::uint64_t tiles = std::uint64_t(width / tileWidth) * (height / tileHeight);
    if (tiles < rows)
        return atlas + ": " + std::to_string(tiles) + " tiles of " + tile + " for "
            + std::to_string(rows) + " points; points past " + std::to_string(tiles)
            + " have no thumbnail";
    return {};
}

LoadedEmbedding loadEmbedding(
    const ProjectorEmbeddingSource& source, const std::function<bool()>& cancelled)
{
    LoadedEmbedding loaded;
    if (source.tensorPath.empty() && source.checkpointPrefix.empty()) {
        for (const std::string& problem : source.problems)
            loaded.error += (loaded.error.empty() ? "" : "\n") + problem;
        if (loaded.error.empty())
            loaded.error = describeEmbedding(source) + ": no tensor file or checkpoint variable";
        return loaded;
    }
    const bool read = loadMatrix(source, loaded, cancelled);
    if (loaded.error == kCancelled)
        return loaded;
    for (const std::string& problem : source.problems)
        if (loaded.error.empty() || !problem.ends_with(loaded.error)) // said once, as the error
            addWarning(loaded, problem);
    if (!read)
        return loaded;
    if (!source.metadataPath.empty() && !loadMetadata(source, loaded, cancelled)) {
        loaded = {};
        loaded.error = kCancelled;
        return loaded;
    }
    addWarning(loaded, source, spriteTileProblem(source, loaded.rows));
    if (!source.bookmarksPath.empty()) {
        std::string error;
        if (auto text = readProjectorFile(source.bookmarksPath, error, kMaxBookmarksBytes))
            loaded.bookmarksJson = std::move(*text);
        else
            addWarning(loaded, source, "bookmarks: " + error);
    }
    return loaded;
}

} // namespace lantern::core
