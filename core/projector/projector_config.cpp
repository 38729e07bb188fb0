#include "core/projector/projector_config.h"

#include "core/io/path_text.h"

#include "projector.pb.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

namespace lantern::core {

namespace fs = std::filesystem;

namespace {

// Keeps the first problem the parser reports, with its place.
class FirstError : public google::protobuf::io::ErrorCollector {
public:
    void AddError(int line, int column, const std::string& message) override
    {
        if (m_error.empty())
            m_error = "line " + std::to_string(line + 1) + ", column " + std::to_string(column + 1)
                + ": " + message;
    }
    const std::string& error() const { return m_error; }

private:
    std::string m_error;
};

// TensorBoard matches "name" and "name:0" alike; we keep the bare variable name.
std::string withoutOutputIndex(std::string name)
{
    if (name.size() > 2 && name.ends_with(":0"))
        name.resize(name.size() - 2);
    return name;
}

ProjectorEmbedding embeddingFrom(const pb::EmbeddingInfo& info)
{
    ProjectorEmbedding embedding;
    embedding.tensorName = withoutOutputIndex(info.tensor_name());
    embedding.tensorPath = info.tensor_path();
    embedding.metadataPath = info.metadata_path();
    embedding.bookmarksPath = info.bookmarks_path();
    embedding.tensorShape.assign(info.tensor_shape().begin(), info.tensor_shape().end());
    if (info.has_sprite()) {
        embedding.spritePath = info.sprite().image_path();
        if (info.sprite().single_image_dim_size() >= 2)
            embedding.spriteTile
                = {info.sprite().single_image_dim(0), info.sprite().single_image_dim(1)};
    }
    // TensorBoard names a tensor loaded from a file after the file when no name was given.
    if (embedding.tensorName.empty() && !embedding.tensorPath.empty())
        embedding.tensorName = pathText(pathFromText(embedding.tensorPath).filename());
    return embedding;
}

} // namespace

ProjectorConfigParse parseProjectorConfig(std::string_view text)
{
    // Text longer than an int cannot be a config; the parser's positions are ints anyway.
    if (text.size() > std::size_t(1) << 30)
        return {std::nullopt, "the file is too large for a projector config"};
    pb::ProjectorConfig proto;
    FirstError errors;
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    parser.AllowUnknownField(true);
    if (!parser.ParseFromString(std::string(text), &proto))
        return {std::nullopt,
            errors.error().empty() ? "not a text-format ProjectorConfig" : errors.error()};
    ProjectorConfig config;
    config.modelCheckpointPath = proto.model_checkpoint_path();
    for (const pb::EmbeddingInfo& info : proto.embeddings())
        config.embeddings.push_back(embeddingFrom(info));
    return {std::move(config), {}};
}

} // namespace lantern::core
