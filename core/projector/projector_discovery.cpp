#include "core/projector/projector_discovery.h"

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"
#include "core/checkpoint/checkpoint_v1.h"
#include "core/io/file_access.h"
#include "core/io/path_text.h"
#include "core/projector/image_header.h"
#include "core/projector/projector_config.h"
#include "core/projector/projector_paths.h"

#include <algorithm>
#include <map>
#include <set>

namespace lantern::core {
namespace fs = std::filesystem;
namespace {

constexpr const char* kConfigName = "projector_config.pbtxt";
constexpr const char* kAssetFolder = "plugins/org_tensorflow_tensorboard_projector";
constexpr std::uintmax_t kMaxConfigBytes = std::uintmax_t(64) << 20; // far above any real one

// True when `inner` is `outer` or lies below it (both absolute and normal, compared by parts).
bool isWithin(const fs::path& inner, const fs::path& outer)
{
    const auto end = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first;
    return end == outer.end() || (std::next(end) == outer.end() && end->empty());
}

void addProblem(ProjectorEmbeddingSource& source, std::string problem)
{
    source.problems.push_back(describeEmbedding(source) + ": " + std::move(problem));
}

fs::path withoutIndexSuffix(fs::path path)
{
    return path.replace_extension();
}

// Where a directory's checkpoint is, and, when none is found, where we looked.
struct CheckpointSearch {
    std::optional<fs::path> prefix;
    std::string notFound; // what was tried, for a problem message
};

// The latest checkpoint of each folder looked at so far: runs share their parent, which is
// listed once per discovery rather than once per run.
using LatestCheckpoints = std::map<fs::path, std::optional<fs::path>>;

// The checkpoint a config refers to: its model_checkpoint_path, searched for like any other
// path of the config (or, naming a folder, that folder's latest checkpoint); else (or when
// that names nothing here) the latest one in the config's folder, the run directory or the
// folder above it, by its `checkpoint` file or, without a usable one, the newest index
// (core/checkpoint/checkpoint_index.h).
CheckpointSearch findCheckpoint(LatestCheckpoints& latestIn, const ProjectorConfig& config,
    const fs::path& configDirectory, const fs::path& logDirectory, const fs::path& runDirectory)
{
    CheckpointSearch search;
    std::string tried;
    if (!config.modelCheckpointPath.empty()) {
        const ProjectorFileSearch named = findProjectorFile(
            configDirectory, logDirectory, config.modelCheckpointPath + ".index");
        if (named.found) {
            search.prefix = withoutIndexSuffix(*named.found);
            return search;
        }
        // A V1 checkpoint: the file itself, or a shard of the `NAME-?????-of-N` it names.
        std::string v1Shard = config.modelCheckpointPath;
        // "-?????-of-", its question marks escaped: "??-" is a trigraph to older compilers.
        if (const std::size_t at = v1Shard.rfind("-\?\?\?\?\?-of-"); at != std::string::npos)
            v1Shard.replace(at + 1, 5, "00000");
        if (const ProjectorFileSearch v1
            = findProjectorFile(configDirectory, logDirectory, v1Shard);
            v1.found && endsWithTableMagic(*v1.found)) {
            search.prefix = v1CheckpointOf(*v1.found);
            return search;
        }
        const fs::path written = pathFromText(config.modelCheckpointPath);
        const fs::path folder = written.is_absolute() ? onMachineOf(configDirectory, written)
                                                      : configDirectory / written;
        if (pathKind(folder) == PathKind::Directory) {
            search.prefix = latestCheckpoint(folder);
            if (search.prefix)
                return search;
        }
        tried = describeMissingFile("model_checkpoint_path", config.modelCheckpointPath, named)
            + "; then ";
    }
    std::vector<fs::path> folders {runDirectory};
    if (configDirectory != runDirectory)
        folders.insert(folders.begin(), configDirectory);
    // The folder above a run (TensorBoard looks there too), but not above the log directory:
    // the newest-index rule must not pick up a stranger's checkpoint beside the logdir.
    // Named as the user's path names it (symbolic links kept); the limit is checked on the
    // canonical path, as the log directory is.
    fs::path run = normalPath(runDirectory);
    if (!run.has_filename())
        run = run.parent_path(); // "logdir/." normalizes to "logdir/"
    const fs::path parent = run.parent_path();
    if (!logDirectory.empty() && isWithin(canonicalPath(parent), logDirectory))
        folders.push_back(parent);
    for (const fs::path& folder : folders) {
        auto known = latestIn.find(folder);
        if (known == latestIn.end())
            known = latestIn.emplace(folder, latestCheckpoint(folder)).first;
        if (known->second) {
            search.prefix = known->second;
            return search;
        }
    }
    tried += "no `checkpoint` file naming one and no *.index in";
    for (std::size_t i = 0; i < folders.size(); ++i)
        tried += (i ? ", " : " ") + pathText(folders[i]);
    search.notFound = tried;
    return search;
}

ProjectorEmbeddingSource sourceFor(const std::string& run, const std::string& name,
    const ProjectorEmbedding& embedding, const fs::path& configDirectory,
    const fs::path& configPath, const fs::path& logDirectory)
{
    ProjectorEmbeddingSource source;
    source.run = run;
    source.name = name;
    source.configPath = configPath;
    source.shape = embedding.tensorShape;
    source.spriteTile = embedding.spriteTile;
    const auto find = [&](const char* field, const std::string& written, fs::path& into) {
        if (written.empty())
            return;
        const ProjectorFileSearch search
            = findProjectorFile(configDirectory, logDirectory, written);
        if (search.found)
            into = *search.found;
        else
            addProblem(source, describeMissingFile(field, written, search));
    };
    find("metadata_path", embedding.metadataPath, source.metadataPath);
    find("sprite image_path", embedding.spritePath, source.spritePath);
    find("bookmarks_path", embedding.bookmarksPath, source.bookmarksPath);
    if (!source.spritePath.empty()) {
        const ImageHeader header = readImageHeader(source.spritePath);
        if (header.format == ImageFormat::Unknown)
            addProblem(source,
                "the sprite " + pathText(source.spritePath)
                    + " is not an image (no PNG, JPEG, GIF, BMP or WebP header)");
        else if (header.width && header.height)
            source.spriteImageSize = {*header.width, *header.height};
        if (source.spriteImageSize
            && std::max(source.spriteImageSize->first, source.spriteImageSize->second)
                > kMaxSpriteAtlasSide) {
            const std::string side = std::to_string(kMaxSpriteAtlasSide);
            addProblem(source,
                "the sprite " + pathText(source.spritePath) + " is "
                    + std::to_string(source.spriteImageSize->first) + "×"
                    + std::to_string(source.spriteImageSize->second) + " px, larger than the "
                    + side + "×" + side
                    + " px TensorBoard accepts: points are drawn without thumbnails");
            source.spritePath.clear(); // never decoded: the embedding loads without sprites
            source.spriteImageSize.reset();
        }
    }
    return source;
}

// Sets `source` to read `variable` of the checkpoint at `prefix`, noting what would stop it.
void useCheckpointVariable(ProjectorEmbeddingSource& source, const fs::path& prefix,
    const CheckpointIndex& index, const CheckpointVariable& variable)
{
    source.checkpointPrefix = prefix;
    source.checkpointVariable = variable.name;
    source.shape.assign(variable.shape.begin(), variable.shape.end());
    if (std::string problem = checkpointVariableProblem(prefix, index, variable); !problem.empty())
        addProblem(source, "checkpoint " + pathText(prefix) + ": " + problem);
}

// The variable a config's tensor_name means: the name itself, or a TF2 object checkpoint's key
// for it ("embedding" → "embedding/.ATTRIBUTES/VARIABLE_VALUE").
const CheckpointVariable* variableNamed(const CheckpointIndex& index, const std::string& name)
{
    if (const CheckpointVariable* variable = index.find(name))
        return variable;
    return index.find(name + "/.ATTRIBUTES/VARIABLE_VALUE");
}

std::string candidateNames(const CheckpointIndex& index)
{
    std::string names;
    int count = 0;
    for (const CheckpointVariable& variable : index.variables) {
        if (!variable.isEmbeddingCandidate())
            continue;
        if (++count > 5) {
            names += ", …";
            break;
        }
        names += (names.empty() ? "" : ", ") + variable.name;
    }
    return names.empty() ? "none" : names;
}

// Everything one directory's config (or, without one, its checkpoint) offers. `listed` holds
// the checkpoint variables earlier runs listed: a run without a config of its own finds its
// parent's checkpoint, and one copy of each of its variables is enough.
void discoverIn(const std::string& run, const fs::path& runDirectory, const fs::path& logDirectory,
    std::set<std::pair<fs::path, std::string>>& listed, LatestCheckpoints& latestIn,
    ProjectorDiscovery& found)
{
    fs::path configDirectory = runDirectory;
    if (pathKind(runDirectory / kAssetFolder / kConfigName) != PathKind::Missing)
        configDirectory = runDirectory / kAssetFolder;
    ProjectorConfig config;
    bool configRead = false;
    fs::path configPath = configDirectory / kConfigName;
    if (isRegularFile(configPath)) {
        // A config that cannot be read costs its embeddings, not the checkpoint's variables.
        std::string error;
        if (const auto text = readProjectorFile(configPath, error, kMaxConfigBytes); !text) {
            found.problems.push_back("run \"" + run + "\": " + error);
        } else if (auto parsed = parseProjectorConfig(*text); !parsed.config) {
            found.problems.push_back("run \"" + run + "\": " + pathText(configPath)
                + " is not a valid text-format projector config: " + parsed.error);
        } else {
            config = std::move(*parsed.config);
            configRead = true;
        }
    } else {
        configPath.clear();
    }

    // A config whose every tensor is a file (PyTorch's) needs no checkpoint.
    const bool needsCheckpoint = config.embeddings.empty()
        || std::any_of(config.embeddings.begin(), config.embeddings.end(),
            [](const ProjectorEmbedding& embedding) { return embedding.tensorPath.empty(); });
    CheckpointSearch checkpoint;
    if (!config.modelCheckpointPath.empty() || needsCheckpoint)
        checkpoint = findCheckpoint(latestIn, config, configDirectory, logDirectory, runDirectory);
    // Why there is no checkpoint to read, when one was looked for: said by each embedding that
    // names a variable, or else once for the run. A folder without a config stays silent, and so
    // does one whose config could not be read: that problem is said already.
    CheckpointIndex index;
    std::string checkpointProblem;
    if (checkpoint.prefix) {
        index = readCheckpointIndex(*checkpoint.prefix);
        if (!index.error.empty()) {
            checkpointProblem = "its checkpoint index "
                + pathText(checkpointIndexFile(*checkpoint.prefix))
                + " cannot be read: " + index.error;
            checkpoint.prefix.reset();
        }
    } else if (!checkpoint.notFound.empty() && configRead) {
        checkpointProblem = "no checkpoint found: " + checkpoint.notFound;
    }
    const bool namesVariables = std::any_of(config.embeddings.begin(), config.embeddings.end(),
        [](const ProjectorEmbedding& embedding) {
            return embedding.tensorPath.empty() && !embedding.tensorName.empty();
        });
    if (!checkpointProblem.empty() && !namesVariables)
        found.problems.push_back("run \"" + run + "\""
            + (configPath.empty() ? "" : " (" + pathText(configPath) + ")") + ": "
            + checkpointProblem);

    // With a checkpoint, an embedding naming no tensor is a template for the added ones.
    std::optional<ProjectorEmbedding> templateEmbedding;
    std::set<std::string> configured;
    const auto add = [&](ProjectorEmbeddingSource source) {
        found.problems.insert(found.problems.end(), source.problems.begin(), source.problems.end());
        found.embeddings.push_back(std::move(source));
    };
    for (const ProjectorEmbedding& embedding : config.embeddings) {
        if (embedding.tensorName.empty() && embedding.tensorPath.empty()) {
            if (checkpoint.prefix && !templateEmbedding)
                templateEmbedding = embedding;
            continue;
        }
        ProjectorEmbeddingSource source = sourceFor(
            run, embedding.tensorName, embedding, configDirectory, configPath, logDirectory);
        if (!embedding.tensorPath.empty()) {
            configured.insert(embedding.tensorName);
            const ProjectorFileSearch search
                = findProjectorFile(configDirectory, logDirectory, embedding.tensorPath);
            if (search.found)
                source.tensorPath = *search.found;
            else
                addProblem(
                    source, describeMissingFile("tensor_path", embedding.tensorPath, search));
        } else if (!checkpoint.prefix) {
            addProblem(source,
                "tensor_name \"" + embedding.tensorName
                    + "\" needs a checkpoint (there is no tensor_path): " + checkpointProblem);
        } else if (const CheckpointVariable* variable
            = variableNamed(index, embedding.tensorName)) {
            configured.insert(variable->name);
            listed.emplace(canonicalPath(*checkpoint.prefix), variable->name);
            useCheckpointVariable(source, *checkpoint.prefix, index, *variable);
        } else {
            addProblem(source,
                "tensor_name \"" + embedding.tensorName + "\" is not a variable of the checkpoint "
                    + checkpoint.prefix->string()
                    + " (its two-dimensional ones: " + candidateNames(index) + ")");
        }
        add(std::move(source));
    }
    if (!checkpoint.prefix)
        return;
    const ProjectorEmbedding base = templateEmbedding.value_or(ProjectorEmbedding());
    for (const CheckpointVariable& variable : index.variables) {
        if (!variable.isEmbeddingCandidate() || configured.contains(variable.name)
            || !listed.emplace(canonicalPath(*checkpoint.prefix), variable.name).second)
            continue;
        ProjectorEmbeddingSource source
            = sourceFor(run, variable.name, base, configDirectory, configPath, logDirectory);
        useCheckpointVariable(source, *checkpoint.prefix, index, variable);
        add(std::move(source));
    }
}

// The log directory holding `directory` (the longest root that contains it), or empty.
fs::path logDirectoryOf(const fs::path& directory, std::span<const fs::path> roots)
{
    fs::path best;
    for (const fs::path& root : roots)
        if (isWithin(directory, root)
            && std::distance(root.begin(), root.end()) > std::distance(best.begin(), best.end()))
            best = root;
    return best;
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

    std::vector<fs::path> roots;
    for (const auto& logdir : logdirs)
        roots.push_back(canonicalPath(logdir.second));

    ProjectorDiscovery found;
    std::set<fs::path> seen;
    std::set<std::pair<fs::path, std::string>> listed;
    LatestCheckpoints latestIn;
    for (const ProjectorRunDirectory& candidate : candidates) {
        const fs::path key = canonicalPath(candidate.directory);
        if (seen.insert(key).second)
            discoverIn(candidate.run, candidate.directory, logDirectoryOf(key, roots), listed,
                latestIn, found);
    }
    return found;
}

} // namespace lantern::core
