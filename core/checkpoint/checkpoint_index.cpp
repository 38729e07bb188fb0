#include "core/checkpoint/checkpoint_index.h"

#include "core/checkpoint/checkpoint_v1.h"
#include "core/checkpoint/table_entries.h"
#include "core/io/file_access.h"
#include "core/io/path_text.h"

#include "checkpoint.pb.h"

#include <algorithm>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <map>

namespace lantern::core {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxIndexBytes = std::uint64_t(1) << 30;

CheckpointIndex failedIndex(std::string why)
{
    CheckpointIndex index;
    index.error = std::move(why);
    return index;
}

// The whole of a small file (its size checked by the caller); empty when it cannot be read.
std::string readAll(const fs::path& path, std::uint64_t size)
{
    std::string ignored;
    return readFileRange(path, 0, size, ignored).value_or(std::string());
}

// A `checkpoint` file that does not parse just means "no latest checkpoint"; say nothing.
class QuietErrors : public google::protobuf::io::ErrorCollector {
public:
    void AddError(int, int, const std::string&) override { }
};

} // namespace

bool isOptimizerSlotName(std::string_view name)
{
    // TF2 object checkpoints mark slots; Keras 2.11+ optimizers keep theirs under "optimizer/".
    if (name.find("/.OPTIMIZER_SLOT/") != std::string_view::npos || name.starts_with("optimizer/"))
        return true;
    // TF1 Keras keeps its optimizer's variables under "training/<Optimizer>/".
    if (name.starts_with("training/"))
        return true;
    // A TF1 slot is "<variable>/<optimizer name>", the name carrying "_1" for a second slot.
    const std::size_t slash = name.rfind('/');
    if (slash == std::string_view::npos)
        return false;
    std::string_view last = name.substr(slash + 1);
    if (const std::size_t underscore = last.rfind('_'); underscore != std::string_view::npos
        && underscore + 1 < last.size()
        && std::all_of(last.begin() + std::ptrdiff_t(underscore) + 1, last.end(),
            [](char c) { return c >= '0' && c <= '9'; }))
        last = last.substr(0, underscore);
    static constexpr std::string_view kSlots[] = {"Adam", "AdamW", "Adamax", "Nadam", "Momentum",
        "RMSProp", "Adagrad", "AdagradDA", "ProximalAdagrad", "Adadelta", "Ftrl", "Lamb", "LARS",
        "ExponentialMovingAverage", "accumulator", "gradient_accumulator"};
    return std::find(std::begin(kSlots), std::end(kSlots), last) != std::end(kSlots);
}

bool CheckpointVariable::isEmbeddingCandidate() const
{
    constexpr int kFloat = 1, kDouble = 2, kBfloat16 = 14, kHalf = 19;
    const bool floating
        = dtype == kFloat || dtype == kDouble || dtype == kBfloat16 || dtype == kHalf;
    return shape.size() == 2 && shape[0] > 0 && shape[1] > 0 && floating && !partitioned
        && !isOptimizerSlotName(name);
}

const CheckpointVariable* CheckpointIndex::find(std::string_view name) const
{
    for (const CheckpointVariable& variable : variables)
        if (variable.name == name)
            return &variable;
    return nullptr;
}

CheckpointIndex parseCheckpointIndex(std::string_view bytes)
{
    CheckpointIndex index;
    bool sawHeader = false;
    std::string error;
    const std::string tableError
        = forEachTableEntry(bytes, [&](std::string_view key, std::string_view value) {
              if (key.empty()) {
                  pb::BundleHeaderProto header;
                  if (!header.ParseFromArray(value.data(), int(value.size()))) {
                      error = "the checkpoint's header does not parse";
                      return false;
                  }
                  index.numShards = std::max(1, header.num_shards());
                  index.bigEndian = header.endianness() == pb::BundleHeaderProto::BIG;
                  sawHeader = true;
                  return true;
              }
              if (key.front() == '\0')
                  return true; // one slice of a partitioned variable
              pb::BundleEntryProto entry;
              if (!entry.ParseFromArray(value.data(), int(value.size()))) {
                  error = "the entry for \"" + std::string(key) + "\" does not parse";
                  return false;
              }
              CheckpointVariable variable;
              variable.name = std::string(key);
              variable.dtype = entry.dtype();
              for (const auto& dim : entry.shape().dim())
                  variable.shape.push_back(dim.size());
              variable.shard = entry.shard_id();
              variable.offset = std::uint64_t(std::max<std::int64_t>(0, entry.offset()));
              variable.size = std::uint64_t(std::max<std::int64_t>(0, entry.size()));
              variable.maskedCrc = entry.crc32c();
              variable.partitioned = entry.slices_size() > 0;
              index.variables.push_back(std::move(variable));
              return true;
          });
    if (!tableError.empty())
        return failedIndex("not a checkpoint index: " + tableError);
    if (!error.empty())
        return failedIndex(error);
    if (!sawHeader)
        return failedIndex("the checkpoint index has no bundle header");
    return index;
}

namespace {

bool hasCheckpointIndex(const fs::path& prefix)
{
    fs::path index = prefix;
    index += ".index";
    return isRegularFile(index);
}

// The digits after the prefix's last '-' ("model.ckpt-1200" → 1200, and a V1 pattern
// "model.ckpt-1200-?????-of-00001" too), the step a Saver or CheckpointManager numbers it by;
// -1 without one.
long long stepOf(std::string prefix)
{
    if (const fs::path path = pathFromText(prefix); v1CheckpointOf(path) != path)
        prefix.resize(prefix.size() - 15); // "-?????-of-NNNNN"
    const std::size_t dash = prefix.rfind('-');
    if (dash == std::string::npos || dash + 1 == prefix.size() || prefix.size() - dash > 19)
        return -1;
    long long step = 0;
    for (std::size_t i = dash + 1; i < prefix.size(); ++i) {
        if (prefix[i] < '0' || prefix[i] > '9')
            return -1;
        step = step * 10 + (prefix[i] - '0');
    }
    return step;
}

} // namespace

CheckpointIndex readCheckpointIndex(const fs::path& prefix)
{
    if (!hasCheckpointIndex(prefix) && !v1CheckpointFiles(prefix).empty())
        return readV1Checkpoint(prefix);
    fs::path path = prefix;
    path += ".index";
    const FileStatus status = fileStatus(path);
    if (!status.error.empty())
        return failedIndex("cannot read " + pathText(path) + ": " + status.error);
    if (status.size > kMaxIndexBytes)
        return failedIndex(pathText(path) + " is larger than a checkpoint index can be");
    std::string error;
    const std::optional<std::string> bytes = readFileRange(path, 0, status.size, error);
    if (!bytes)
        return failedIndex("cannot read " + error);
    return parseCheckpointIndex(*bytes);
}

bool checkpointExists(const fs::path& prefix)
{
    if (hasCheckpointIndex(prefix))
        return true;
    const std::vector<fs::path> files = v1CheckpointFiles(prefix);
    return !files.empty() && endsWithTableMagic(files.front());
}

fs::path checkpointIndexFile(const fs::path& prefix)
{
    if (hasCheckpointIndex(prefix))
        return fs::path(prefix) += ".index";
    const std::vector<fs::path> files = v1CheckpointFiles(prefix);
    return files.empty() ? fs::path(prefix) += ".index" : files.front();
}

std::optional<fs::path> newestCheckpointIndex(const fs::path& directory)
{
    // One pass lists the folder; V1 checkpoints are then told by their names and magic number.
    std::map<std::string, fs::file_time_type> files;
    for (const FolderEntry& entry : listFolder(directory, 100000))
        if (entry.regularFile)
            files.emplace(entry.name, entry.modified);

    std::optional<fs::path> best;
    long long bestStep = -1;
    fs::file_time_type bestTime;
    const auto consider = [&](const fs::path& prefix, fs::file_time_type time) {
        const long long step = stepOf(pathText(prefix.filename()));
        const bool newer = !best || step > bestStep
            || (step == bestStep && (time > bestTime || (time == bestTime && prefix > *best)));
        if (newer) {
            best = prefix;
            bestStep = step;
            bestTime = time;
        }
    };
    for (const auto& [name, time] : files) {
        const fs::path path = directory / pathFromText(name);
        if (path.extension() == ".index") {
            consider(fs::path(path).replace_extension(), time);
        } else if (const fs::path v1 = v1CheckpointOf(path);
                   v1 != path && name.find("-00000-of-") != std::string::npos) {
            if (endsWithTableMagic(path)) // shard 0 of a sharded V1 checkpoint
                consider(v1, time);
        } else if (path.extension() == ".meta") {
            // An unsharded V1 checkpoint: the table `NAME` beside `NAME.meta`, without an index.
            const std::string table = pathText(pathFromText(name).replace_extension());
            const auto found = files.find(table);
            if (found != files.end() && !files.contains(table + ".index")
                && endsWithTableMagic(directory / pathFromText(table)))
                consider(directory / pathFromText(table), found->second);
        }
    }
    return best;
}

std::optional<fs::path> checkpointNamedByStateFile(const fs::path& directory)
{
    pb::CheckpointState state;
    const fs::path stateFile = directory / "checkpoint";
    const FileStatus status = fileStatus(stateFile);
    if (!status.error.empty() || status.size > kMaxIndexBytes)
        return std::nullopt;
    QuietErrors quiet;
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&quiet);
    parser.AllowUnknownField(true);
    if (!parser.ParseFromString(readAll(stateFile, status.size), &state)
        || state.model_checkpoint_path().empty())
        return std::nullopt;
    std::string written = state.model_checkpoint_path();
    const fs::path named = pathFromText(written);
    fs::path prefix = named.is_absolute() ? onMachineOf(directory, named) : directory / named;
    if (checkpointExists(prefix))
        return prefix;
    std::replace(written.begin(), written.end(), '\\', '/');
    prefix = directory / pathFromText(written).filename();
    return checkpointExists(prefix) ? std::optional(prefix) : std::nullopt;
}

std::optional<fs::path> latestCheckpoint(const fs::path& directory)
{
    if (auto named = checkpointNamedByStateFile(directory))
        return named;
    return newestCheckpointIndex(directory);
}

} // namespace lantern::core
