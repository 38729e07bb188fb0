#include "core/checkpoint/checkpoint_index.h"

#include "checkpoint.pb.h"

#include <algorithm>
#include <fstream>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <leveldb/env.h>
#include <leveldb/iterator.h>
#include <leveldb/options.h>
#include <leveldb/table.h>
#include <memory>
#include <new>
#include <sstream>

namespace lantern::core {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxIndexBytes = std::uint64_t(1) << 30;

// LevelDB reads a table through this interface; ours serves bytes already in memory.
class MemoryFile : public leveldb::RandomAccessFile {
public:
    explicit MemoryFile(std::string_view bytes)
        : m_bytes(bytes)
    {
    }

    leveldb::Status Read(std::uint64_t offset, std::size_t n, leveldb::Slice* result,
        char* /*scratch*/) const override
    {
        if (offset > m_bytes.size())
            return leveldb::Status::IOError("read past the end of the index");
        n = std::min<std::size_t>(n, m_bytes.size() - offset);
        *result = leveldb::Slice(m_bytes.data() + offset, n);
        return leveldb::Status::OK();
    }

private:
    std::string_view m_bytes;
};

// LevelDB allocates a block's claimed size before reading it, and the footer's two block
// handles are not covered by any checksum: check that they lie inside the file first, so a
// damaged footer cannot ask for an absurd allocation. (Every later handle sits in a block
// whose checksum LevelDB verifies.)
bool footerHandlesFit(std::string_view bytes)
{
    constexpr std::size_t kFooterBytes = 48;
    constexpr std::size_t kBlockTrailerBytes = 5; // compression type + masked CRC
    if (bytes.size() < kFooterBytes)
        return false;
    const std::uint64_t limit = bytes.size() - kFooterBytes;
    std::size_t at = bytes.size() - kFooterBytes;
    const auto varint = [&](std::uint64_t& value) {
        value = 0;
        for (int shift = 0; shift < 64 && at < bytes.size() - 8; shift += 7) {
            const auto byte = static_cast<unsigned char>(bytes[at++]);
            value |= std::uint64_t(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0)
                return true;
        }
        return false;
    };
    for (int handle = 0; handle < 2; ++handle) {
        std::uint64_t offset = 0, size = 0;
        if (!varint(offset) || !varint(size) || offset > limit || size > limit - offset
            || kBlockTrailerBytes > limit - offset - size)
            return false;
    }
    return true;
}

CheckpointIndex failure(std::string why)
{
    CheckpointIndex index;
    index.error = std::move(why);
    return index;
}

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

CheckpointIndex parseTable(std::string_view bytes);

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
    if (!footerHandlesFit(bytes))
        return failure("not a checkpoint index: its footer points outside the file");
    try {
        return parseTable(bytes);
    } catch (const std::bad_alloc&) {
        // A block handle with a valid checksum but an absurd size: crafted, not damaged.
        return failure("the checkpoint index asks for more memory than it could hold");
    }
}

namespace {

CheckpointIndex parseTable(std::string_view bytes)
{
    MemoryFile file(bytes);
    leveldb::Options options;
    options.paranoid_checks = true;
    leveldb::Table* opened = nullptr;
    const leveldb::Status status = leveldb::Table::Open(options, &file, bytes.size(), &opened);
    if (!status.ok())
        return failure("not a checkpoint index: " + status.ToString());
    const std::unique_ptr<leveldb::Table> table(opened);
    leveldb::ReadOptions read;
    read.verify_checksums = true;
    read.fill_cache = false;
    const std::unique_ptr<leveldb::Iterator> it(table->NewIterator(read));

    CheckpointIndex index;
    bool sawHeader = false;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        const std::string_view key(it->key().data(), it->key().size());
        const leveldb::Slice value = it->value();
        if (key.empty()) {
            pb::BundleHeaderProto header;
            if (!header.ParseFromArray(value.data(), int(value.size())))
                return failure("the checkpoint's header does not parse");
            index.numShards = std::max(1, header.num_shards());
            index.bigEndian = header.endianness() == pb::BundleHeaderProto::BIG;
            sawHeader = true;
            continue;
        }
        if (key.front() == '\0')
            continue; // one slice of a partitioned variable
        pb::BundleEntryProto entry;
        if (!entry.ParseFromArray(value.data(), int(value.size())))
            return failure("the entry for \"" + std::string(key) + "\" does not parse");
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
    }
    if (!it->status().ok())
        return failure("the checkpoint index is damaged: " + it->status().ToString());
    if (!sawHeader)
        return failure("the checkpoint index has no bundle header");
    return index;
}

} // namespace

CheckpointIndex readCheckpointIndex(const fs::path& prefix)
{
    fs::path path = prefix;
    path += ".index";
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    if (error)
        return failure("cannot read " + path.string() + ": " + error.message());
    if (size > kMaxIndexBytes)
        return failure(path.string() + " is larger than a checkpoint index can be");
    return parseCheckpointIndex(readAll(path));
}

namespace {

bool hasCheckpointIndex(const fs::path& prefix)
{
    fs::path index = prefix;
    index += ".index";
    std::error_code ignored;
    return fs::is_regular_file(index, ignored);
}

// The digits after the prefix's last '-' ("model.ckpt-1200" → 1200), the step a Saver or
// CheckpointManager numbers it by; -1 without one.
long long stepOf(const std::string& prefix)
{
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

std::optional<fs::path> newestCheckpointIndex(const fs::path& directory)
{
    std::optional<fs::path> best;
    long long bestStep = -1;
    fs::file_time_type bestTime;
    std::error_code error;
    std::size_t looked = 0;
    for (fs::directory_iterator it(directory, error), end; !error && it != end && looked < 100000;
         it.increment(error), ++looked) {
        const fs::path& path = it->path();
        if (path.extension() != ".index" || !it->is_regular_file(error))
            continue;
        const fs::path prefix = fs::path(path).replace_extension();
        const long long step = stepOf(prefix.filename().string());
        const fs::file_time_type time = it->last_write_time(error);
        const bool newer = !best || step > bestStep
            || (step == bestStep && (time > bestTime || (time == bestTime && prefix > *best)));
        if (newer) {
            best = prefix;
            bestStep = step;
            bestTime = time;
        }
    }
    return best;
}

std::optional<fs::path> checkpointNamedByStateFile(const fs::path& directory)
{
    pb::CheckpointState state;
    std::error_code error;
    const fs::path stateFile = directory / "checkpoint";
    if (fs::file_size(stateFile, error) > kMaxIndexBytes || error)
        return std::nullopt;
    QuietErrors quiet;
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&quiet);
    parser.AllowUnknownField(true);
    if (!parser.ParseFromString(readAll(stateFile), &state)
        || state.model_checkpoint_path().empty())
        return std::nullopt;
    std::string written = state.model_checkpoint_path();
    fs::path prefix = fs::path(written).is_absolute() ? fs::path(written) : directory / written;
    if (hasCheckpointIndex(prefix))
        return prefix;
    std::replace(written.begin(), written.end(), '\\', '/');
    prefix = directory / fs::path(written).filename();
    return hasCheckpointIndex(prefix) ? std::optional(prefix) : std::nullopt;
}

std::optional<fs::path> latestCheckpoint(const fs::path& directory)
{
    if (auto named = checkpointNamedByStateFile(directory))
        return named;
    return newestCheckpointIndex(directory);
}

} // namespace lantern::core
