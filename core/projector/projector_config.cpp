#include "core/projector/projector_config.h"

#include "projector.pb.h"

#include <algorithm>
#include <cstdlib>
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
        embedding.tensorName = fs::path(embedding.tensorPath).filename().string();
    return embedding;
}

bool isInside(const fs::path& path, const fs::path& directory)
{
    auto inner = path.begin();
    for (auto outer = directory.begin(); outer != directory.end(); ++outer, ++inner)
        if (outer->empty())
            continue; // a trailing separator
        else if (inner == path.end() || *inner != *outer)
            return false;
    return true;
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

namespace {

std::optional<fs::path> resolveAsWritten(const fs::path& configDirectory, std::string_view path)
{
    if (path.empty())
        return std::nullopt;
    fs::path candidate;
    if (path == "~" || path.starts_with("~/")) {
        const char* home = std::getenv("HOME");
        if (home == nullptr)
            return std::nullopt;
        candidate = fs::path(home) / std::string(path.substr(path.size() > 1 ? 2 : 1));
    } else {
        candidate = fs::path(std::string(path));
        if (candidate.is_relative())
            candidate = configDirectory / candidate;
    }
    std::error_code error;
    const fs::path real = fs::weakly_canonical(candidate, error);
    const fs::path base = fs::weakly_canonical(configDirectory, error);
    if (error || !isInside(real, base))
        return std::nullopt;
    return real;
}

} // namespace

std::optional<fs::path> resolveProjectorPath(const fs::path& configDirectory, std::string_view path)
{
    std::optional<fs::path> resolved = resolveAsWritten(configDirectory, path);
    // A config written on Windows ("00000/default\\tensors.tsv") read elsewhere: try '/' for
    // the backslashes when the path as written names nothing.
    std::error_code error;
    if (path.find('\\') != std::string_view::npos && (!resolved || !fs::exists(*resolved, error))) {
        std::string slashes(path);
        std::replace(slashes.begin(), slashes.end(), '\\', '/');
        if (auto converted = resolveAsWritten(configDirectory, slashes);
            converted && fs::exists(*converted, error))
            return converted;
    }
    return resolved;
}

} // namespace lantern::core
