#pragma once
// What `lantern-cli inspect` says about one embedding, found without holding its values: the
// shape from the checkpoint's index or from a pass over the tensor file, the metadata's columns
// and rows, the sprite, the number of bookmarks, and every problem, each message whole.

#include "core/projector/projector_discovery.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lantern::core {

enum class TensorOrigin { None, TextFile, BinaryFile, Checkpoint };

struct EmbeddingSummary {
    std::size_t rows = 0; // 0 × 0 when the tensor cannot be read (problems say why)
    std::size_t columns = 0;
    TensorOrigin origin = TensorOrigin::None;
    std::vector<std::string> metadataColumns;
    std::size_t metadataRows = 0; // data rows in the metadata file
    std::optional<std::size_t> bookmarks; // items of the bookmarks file's JSON array
    std::vector<std::string> problems;
};

EmbeddingSummary summarizeEmbedding(const ProjectorEmbeddingSource& source);

} // namespace lantern::core
