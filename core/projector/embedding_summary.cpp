#include "core/projector/embedding_summary.h"

#include "core/events/json_value.h"
#include "core/io/path_text.h"
#include "core/projector/embedding_tensor.h"

namespace lantern::core {

namespace fs = std::filesystem;

EmbeddingSummary summarizeEmbedding(const ProjectorEmbeddingSource& source)
{
    EmbeddingSummary summary;
    summary.problems = source.problems;
    const std::string subject = describeEmbedding(source) + ": ";
    if (!source.tensorPath.empty()) {
        const EmbeddingTensorShape shape
            = measureEmbeddingTensorFile(source.tensorPath, source.shape);
        summary.origin = shape.binary ? TensorOrigin::BinaryFile : TensorOrigin::TextFile;
        if (shape.error.empty()) {
            summary.rows = shape.rows;
            summary.columns = shape.columns;
        } else {
            summary.problems.push_back(subject + pathText(source.tensorPath) + ": " + shape.error);
        }
    } else if (!source.checkpointPrefix.empty()) {
        summary.origin = TensorOrigin::Checkpoint;
        if (!source.shape.empty()) {
            summary.rows = source.shape[0];
            summary.columns = source.shape.size() > 1 ? source.shape[1] : 1;
        }
    }

    if (!source.metadataPath.empty()) {
        // Metadata is small beside its tensor; a file past 1 GiB is not read here.
        std::string error;
        if (const auto text
            = readProjectorFile(source.metadataPath, error, std::uintmax_t(1) << 30)) {
            const MetadataTable metadata = parseMetadataTsv(*text);
            for (const MetadataColumn& column : metadata.columns)
                summary.metadataColumns.push_back(column.name);
            summary.metadataRows = metadata.rows.size();
            if (summary.rows > 0)
                if (std::string problem = metadataFitProblem(source, metadata, summary.rows);
                    !problem.empty())
                    summary.problems.push_back(subject + problem);
        } else {
            summary.problems.push_back(subject + "metadata: " + error);
        }
    }
    if (std::string problem = spriteTileProblem(source, summary.rows); !problem.empty())
        summary.problems.push_back(subject + problem);
    if (!source.bookmarksPath.empty()) {
        std::string error;
        if (const auto text = readProjectorFile(source.bookmarksPath, error, kMaxBookmarksBytes)) {
            const JsonParseResult json = parseJson(*text);
            if (json.error.empty() && json.value.isArray())
                summary.bookmarks = json.value.elements.size();
            else
                summary.problems.push_back(subject + "bookmarks " + pathText(source.bookmarksPath)
                    + " is not a JSON array"
                    + (json.error.empty() ? std::string() : ": " + json.error));
        } else {
            summary.problems.push_back(subject + "bookmarks: " + error);
        }
    }
    return summary;
}

} // namespace lantern::core
