// The ingestion targets of issue 3, each beside a baseline measured in the same run:
// - full load of W1 (50 runs × 5 tags × 4,000 steps = 1,000,000 scalar points, written by our
//   EventFileWriter) vs. reading the same bytes and verifying every record's CRC32C;
// - reload of an unchanged 1,000-run logdir vs. just walking its directories.

#include "core/io/crc32c.h"
#include "core/io/little_endian.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"

#include <benchmark/benchmark.h>
#include <cmath>
#include <cstdio>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const char* name)
{
    return fs::temp_directory_path() / ("lantern-bench-" + std::to_string(::getpid()) + "-" + name);
}

const fs::path& w1()
{
    static const fs::path directory = [] {
        const fs::path root = scratch("W1");
        for (int run = 0; run < 50; ++run) {
            EventFileWriter writer(root / ("run_" + std::to_string(run)));
            double wall = 1.7e9;
            for (int step = 0; step < 4000; ++step) {
                wall += 0.05 + 1e-6 * (step % 97);
                for (int tag = 0; tag < 5; ++tag)
                    writer.addScalar("loss/tag_" + std::to_string(tag), step,
                        float(std::exp(-step / 1000.0) + 0.01 * std::sin(step * (tag + 1))), wall);
            }
        }
        return root;
    }();
    return directory;
}

const fs::path& manyRuns()
{
    static const fs::path directory = [] {
        const fs::path root = scratch("1000runs");
        for (int run = 0; run < 1000; ++run) {
            EventFileWriter writer(root / ("run_" + std::to_string(run)));
            for (int step = 0; step < 10; ++step)
                writer.addScalar("loss", step, float(step), 1.7e9 + step);
        }
        return root;
    }();
    return directory;
}

// Read every file and walk its records verifying both checksums: the floor for any loader.
std::size_t readAndVerify(const fs::path& root)
{
    std::size_t records = 0;
    std::string bytes;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file())
            continue;
        bytes.resize(entry.file_size());
        std::FILE* file = std::fopen(entry.path().c_str(), "rb");
        bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file));
        std::fclose(file);
        for (std::size_t at = 0; at + 12 <= bytes.size();) {
            const std::uint64_t length = loadLittleEndian64(bytes.data() + at);
            if (maskCrc(crc32c(bytes.data() + at, 8)) != loadLittleEndian32(bytes.data() + at + 8)
                || at + 16 + length > bytes.size())
                break;
            const char* data = bytes.data() + at + 12;
            benchmark::DoNotOptimize(
                maskCrc(crc32c(data, length)) == loadLittleEndian32(data + length));
            at += 16 + length;
            ++records;
        }
    }
    return records;
}

void w1Baseline(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(readAndVerify(w1()));
}

void w1FullLoad(benchmark::State& state)
{
    std::size_t residentBytes = 0, points = 0;
    for (auto _ : state) {
        LogdirLoader loader({{"", w1()}});
        loader.reload();
        state.PauseTiming();
        residentBytes = points = 0;
        for (const RunData* run : loader.runs())
            for (const auto& [tag, data] : run->tags) {
                residentBytes += data.scalars().residentBytes();
                points += data.scalars().size();
            }
        state.ResumeTiming();
    }
    state.counters["points"] = double(points);
    state.counters["bytes/point"] = double(residentBytes) / double(points);
}

void manyRunsWalkBaseline(benchmark::State& state)
{
    for (auto _ : state) {
        std::size_t files = 0;
        for (const auto& entry : fs::recursive_directory_iterator(manyRuns()))
            files += entry.is_regular_file();
        benchmark::DoNotOptimize(files);
    }
}

void manyRunsUnchangedReload(benchmark::State& state)
{
    LogdirLoader loader({{"", manyRuns()}});
    loader.reload();
    for (auto _ : state)
        benchmark::DoNotOptimize(loader.reload().records);
}

} // namespace

BENCHMARK(w1Baseline)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(w1FullLoad)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(manyRunsWalkBaseline)->Unit(benchmark::kMillisecond);
BENCHMARK(manyRunsUnchangedReload)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ignored;
    fs::remove_all(scratch("W1"), ignored);
    fs::remove_all(scratch("1000runs"), ignored);
}
