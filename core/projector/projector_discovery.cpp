#include "core/projector/projector_discovery.h"

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"
#include "core/projector/embedding_tensor.h"
#include "core/projector/projector_config.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace lantern::core {
namespace fs = std::filesystem;
namespace {

constexpr const char* kConfigName = "projector_config.pbtxt";
constexpr const char* kAssetFolder = "plugins/org_tensorflow_tensorboard_projector";
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t(4) << 30; // 4 GiB

std::optional<std::string> readFile(const fs::path& path, std::string& error)
{
    std::error_code code;
    const auto size = fs::file_size(path, code);
    if (code) {
        error = path.string() + ": " + code.message();
        return std::nullopt;
    }
    if (size > kMaxFileBytes) {
        error = path.string() + ": larger than 4 GiB";
        return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    if (!file) {
        error = path.string() + ": could not be read";
        return std::nullopt;
    }
    return std::move(bytes).str();
}

// The checkpoint a config refers to: its model_checkpoint_path (relative to the config), or
// the latest one named by a `checkpoint` file in the run directory or the folder above it.
std::optional<fs::path> findCheckpoint(
    const ProjectorConfig& config, const fs::path& configDirectory, const fs::path& runDirectory)
{
    if (!config.modelCheckpointPath.empty()) {
        fs::path prefix(config.modelCheckpointPath);
        if (prefix.is_relative())
            prefix = configDirectory / prefix;
        std::error_code code;
        if (fs::exists(fs::path(prefix.string() + ".index"), code))
            return prefix;
        return std::nullopt;
    }
    if (auto latest = latestCheckpoint(runDirectory))
        return latest;
    return latestCheckpoint(runDirectory.parent_path());
}

std::optional<fs::path> resolved(const fs::path& configDirectory, const std::string& path,
    const std::string& what, std::vector<std::string>& problems)
{
    if (path.empty())
        return fs::path();
    auto result = resolveProjectorPath(configDirectory, path);
    if (!result)
        problems.push_back(what + " \"" + path + "\" leaves " + configDirectory.string());
    return result;
}

ProjectorEmbeddingSource sourceFor(const std::string& run, const ProjectorEmbedding& embedding,
    const fs::path& configDirectory, std::vector<std::string>& problems)
{
    ProjectorEmbeddingSource source;
    source.run = run;
    source.name = embedding.tensorName;
    source.shape = embedding.tensorShape;
    source.spriteTile = embedding.spriteTile;
    source.metadataPath = resolved(configDirectory, embedding.metadataPath, "metadata", problems)
                              .value_or(fs::path());
    source.spritePath
        = resolved(configDirectory, embedding.spritePath, "sprite", problems).value_or(fs::path());
    return source;
}

// Everything one directory's config (or, without one, its checkpoint) offers. `listed` holds
// the checkpoint variables earlier runs listed: a run without a config of its own finds its
// parent's checkpoint, and one copy of each of its variables is enough.
void discoverIn(const std::string& run, const fs::path& runDirectory,
    std::set<std::pair<fs::path, std::string>>& listed, ProjectorDiscovery& found)
{
    std::error_code code;
    fs::path configDirectory = runDirectory;
    if (fs::exists(runDirectory / kAssetFolder / kConfigName, code))
        configDirectory = runDirectory / kAssetFolder;
    ProjectorConfig config;
    const fs::path configPath = configDirectory / kConfigName;
    if (fs::exists(configPath, code)) {
        std::string error;
        const auto text = readFile(configPath, error);
        if (!text) {
            found.problems.push_back(error);
            return;
        }
        auto parsed = parseProjectorConfig(*text);
        if (!parsed.config) {
            found.problems.push_back(configPath.string() + ": " + parsed.error);
            return;
        }
        config = std::move(*parsed.config);
    }

    const bool hasTensorFiles = std::any_of(config.embeddings.begin(), config.embeddings.end(),
        [](const ProjectorEmbedding& embedding) { return !embedding.tensorPath.empty(); });
    std::optional<fs::path> checkpoint;
    if (!config.modelCheckpointPath.empty() || !hasTensorFiles)
        checkpoint = findCheckpoint(config, configDirectory, runDirectory);
    CheckpointIndex index;
    if (checkpoint) {
        index = readCheckpointIndex(*checkpoint);
        if (!index.error.empty()) {
            found.problems.push_back(checkpoint->string() + ".index: " + index.error);
            checkpoint.reset();
        }
    }

    // With a checkpoint, an embedding naming no tensor is a template for the added ones.
    std::optional<ProjectorEmbedding> templateEmbedding;
    std::set<std::string> configured;
    for (const ProjectorEmbedding& embedding : config.embeddings) {
        if (embedding.tensorName.empty() && embedding.tensorPath.empty()) {
            if (checkpoint && !templateEmbedding)
                templateEmbedding = embedding;
            continue;
        }
        configured.insert(embedding.tensorName);
        ProjectorEmbeddingSource source
            = sourceFor(run, embedding, configDirectory, found.problems);
        if (!embedding.tensorPath.empty()) {
            const auto tensorPath
                = resolved(configDirectory, embedding.tensorPath, "tensor", found.problems);
            if (!tensorPath)
                continue;
            source.tensorPath = *tensorPath;
        } else if (const CheckpointVariable* variable
            = checkpoint ? index.find(embedding.tensorName) : nullptr) {
            listed.emplace(fs::weakly_canonical(*checkpoint, code), variable->name);
            source.checkpointPrefix = *checkpoint;
            source.checkpointVariable = variable->name;
            source.shape.assign(variable->shape.begin(), variable->shape.end());
        } else {
            found.problems.push_back(run + ": embedding \"" + embedding.tensorName
                + "\" has no tensor file and is not in a readable checkpoint");
            continue;
        }
        found.embeddings.push_back(std::move(source));
    }
    if (!checkpoint)
        return;
    const ProjectorEmbedding base = templateEmbedding.value_or(ProjectorEmbedding());
    for (const CheckpointVariable& variable : index.variables) {
        if (!variable.isEmbeddingCandidate() || configured.contains(variable.name)
            || !listed.emplace(fs::weakly_canonical(*checkpoint, code), variable.name).second)
            continue;
        ProjectorEmbeddingSource source = sourceFor(run, base, configDirectory, found.problems);
        source.name = variable.name;
        source.checkpointPrefix = *checkpoint;
        source.checkpointVariable = variable.name;
        source.shape.assign(variable.shape.begin(), variable.shape.end());
        found.embeddings.push_back(std::move(source));
    }
}

} // namespace

ProjectorDiscovery discoverProjectorEmbeddings(std::span<const ProjectorRunDirectory> runs,
    std::span<const std::pair<std::string, fs::path>> logdirs)
{
    // Roots first: their configs describe the checkpoint their runs' folders also see.
    std::vector<ProjectorRunDirectory> candidates;
    for (const auto& [name, root] : logdirs)
        candidates.push_back({name.empty() ? std::string(".") : name + "/.", root});
    candidates.insert(candidates.end(), runs.begin(), runs.end());

    ProjectorDiscovery found;
    std::set<fs::path> seen;
    std::set<std::pair<fs::path, std::string>> listed;
    for (const ProjectorRunDirectory& candidate : candidates) {
        std::error_code code;
        fs::path key = fs::weakly_canonical(candidate.directory, code);
        if (code)
            key = candidate.directory.lexically_normal();
        if (seen.insert(key).second)
            discoverIn(candidate.run, candidate.directory, listed, found);
    }
    return found;
}

LoadedEmbedding loadEmbedding(const ProjectorEmbeddingSource& source)
{
    LoadedEmbedding loaded;
    if (!source.tensorPath.empty()) {
        const auto bytes = readFile(source.tensorPath, loaded.error);
        if (!bytes)
            return loaded;
        EmbeddingTensor tensor = parseEmbeddingTensor(*bytes, source.shape);
        if (!tensor.error.empty()) {
            loaded.error = source.tensorPath.string() + ": " + tensor.error;
            return loaded;
        }
        loaded.rows = tensor.rows;
        loaded.columns = tensor.columns;
        loaded.values = std::move(tensor.values);
    } else {
        const CheckpointIndex index = readCheckpointIndex(source.checkpointPrefix);
        const CheckpointVariable* variable = index.find(source.checkpointVariable);
        if (!variable) {
            loaded.error = source.checkpointPrefix.string() + ": no variable \""
                + source.checkpointVariable + "\""
                + (index.error.empty() ? "" : ": " + index.error);
            return loaded;
        }
        CheckpointMatrix matrix = readCheckpointMatrix(source.checkpointPrefix, index, *variable);
        if (!matrix.error.empty()) {
            loaded.error = source.checkpointVariable + ": " + matrix.error;
            return loaded;
        }
        loaded.rows = matrix.rows;
        loaded.columns = matrix.columns;
        loaded.values = std::move(matrix.values);
    }
    if (source.metadataPath.empty())
        return loaded;
    std::string error;
    const auto text = readFile(source.metadataPath, error);
    if (!text) {
        loaded.warning = error;
        return loaded;
    }
    MetadataTable metadata = parseMetadataTsv(*text);
    if (metadata.rows.size() != loaded.rows) {
        loaded.warning = source.metadataPath.string() + ": " + std::to_string(metadata.rows.size())
            + " metadata rows for " + std::to_string(loaded.rows) + " points";
        return loaded;
    }
    loaded.metadata = std::move(metadata);
    return loaded;
}

} // namespace lantern::core
