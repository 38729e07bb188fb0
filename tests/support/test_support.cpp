#include "tests/support/test_support.h"

#include "core/io/record_writer.h"
#include "core/store/run_data.h"

#include "event.pb.h"

#include <bit>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <zlib.h>

namespace lantern::test {

std::optional<std::filesystem::path> corpusDirectory()
{
    std::filesystem::path directory = LANTERN_CORPUS_DIR;
    if (const char* overridden = std::getenv("LANTERN_CORPUS"))
        directory = overridden;
    std::error_code error;
    if (std::filesystem::is_regular_file(directory / "MANIFEST.tsv", error))
        return directory;
    return std::nullopt;
}

QString corpusMissingMessage()
{
    return QStringLiteral("real-log corpus not found (../shared/corpus or $LANTERN_CORPUS); "
                          "skipping corpus checks");
}

std::string fileVersionEvent(double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_file_version("brain.Event:2");
    return event.SerializeAsString();
}

std::string scalarEvent(const std::string& tag, long long step, float value, double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_step(step);
    auto* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(tag);
    summaryValue->set_simple_value(value);
    return event.SerializeAsString();
}

void appendRecords(const std::filesystem::path& path, const std::vector<std::string>& records)
{
    std::filesystem::create_directories(path.parent_path());
    core::RecordWriter writer(path);
    for (const std::string& record : records)
        writer.write(record);
    writer.flush();
}

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes, bool append)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc))
        .write(bytes.data(), std::streamsize(bytes.size()));
}

std::string compress(const std::string& data, int windowBits)
{
    z_stream z {};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::vector<std::int64_t> scalarSteps(const core::RunData& run, const std::string& tag)
{
    std::vector<std::int64_t> steps;
    if (const auto it = run.tags.find(tag); it != run.tags.end())
        it->second.scalars.snapshot().forEach(
            [&](const core::ScalarPoint& p) { steps.push_back(p.step); });
    return steps;
}

std::uint64_t bitsOf(double value)
{
    return std::bit_cast<std::uint64_t>(value);
}

bool sameBits(const core::ScalarPoint& a, const core::ScalarPoint& b)
{
    return a.step == b.step && bitsOf(a.wallTime) == bitsOf(b.wallTime)
        && bitsOf(a.value) == bitsOf(b.value);
}

std::vector<std::int64_t> stepRange(std::int64_t first, std::int64_t last)
{
    std::vector<std::int64_t> steps;
    for (std::int64_t step = first; step <= last; ++step)
        steps.push_back(step);
    return steps;
}

} // namespace lantern::test
