// Reading every image of a run back on demand (blob_reader.h), beside baselines measured in
// the same run:
// - GZIP file, one RecordFetcher for all reads (streams continue forward) vs. a fresh fetch
//   per image, which inflates from the file's start each time;
// - plain file, per-image fetch vs. reading the whole file once (the I/O floor).
// 200 images of 64×64 noise (≈12 KiB each as PNG, ≈2.5 MiB per file).

#include "core/io/record_fetcher.h"
#include "core/load/blob_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"

#include <benchmark/benchmark.h>
#include <fstream>
#include <random>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    std::shared_ptr<const LogdirSnapshot> snapshot;
    fs::path file;
};

const Fixture& fixture(RecordCompression compression)
{
    static std::map<RecordCompression, Fixture> fixtures;
    Fixture& fixture = fixtures[compression];
    if (fixture.snapshot)
        return fixture;
    const fs::path root = fs::temp_directory_path()
        / ("lantern-bench-blobs-" + std::to_string(::getpid()) + "-"
            + std::to_string(int(compression)));
    {
        EventFileWriterOptions options;
        options.compression = compression;
        EventFileWriter writer(root / "run", options);
        std::mt19937 random(7);
        std::vector<std::uint8_t> pixels(64 * 64 * 3);
        for (int step = 0; step < 200; ++step) {
            for (std::uint8_t& pixel : pixels)
                pixel = std::uint8_t(random());
            const EncodedImage image {64, 64, 3, encodePng(64, 64, 3, pixels)};
            writer.addImage("frames", step, std::span(&image, 1));
            writer.addScalar("loss", step, 1.0f / float(step + 1));
        }
        fixture.file = writer.path();
    }
    LogdirLoader loader({{"", root}});
    loader.reload();
    fixture.snapshot = loader.snapshot();
    return fixture;
}

void readAll(benchmark::State& state, RecordCompression compression, bool shareFetcher)
{
    const Fixture& data = fixture(compression);
    const RunSnapshot& run = *data.snapshot->runs.at(0);
    const TagSnapshot& tag = *run.find("frames");
    std::size_t bytes = 0;
    for (auto _ : state) {
        RecordFetcher fetcher;
        for (std::size_t i = 0; i < tag.blobs.size(); ++i) {
            const DecodedBlobs blobs
                = readBlobs(blobReference(run, tag, i), shareFetcher ? &fetcher : nullptr);
            if (!blobs.ok())
                state.SkipWithError(blobs.error.c_str());
            bytes += blobs.images.at(0).encoded.size();
        }
    }
    state.counters["images/s"] = benchmark::Counter(
        double(tag.blobs.size()) * double(state.iterations()), benchmark::Counter::kIsRate);
    benchmark::DoNotOptimize(bytes);
}

void BM_GzipOneFetcher(benchmark::State& state)
{
    readAll(state, RecordCompression::Gzip, true);
}
void BM_GzipFetchEach_Baseline(benchmark::State& state)
{
    readAll(state, RecordCompression::Gzip, false);
}
void BM_PlainFetchEach(benchmark::State& state)
{
    readAll(state, RecordCompression::None, false);
}
void BM_PlainReadWholeFile_Baseline(benchmark::State& state)
{
    const Fixture& data = fixture(RecordCompression::None);
    std::string bytes;
    for (auto _ : state) {
        std::ifstream in(data.file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
        benchmark::DoNotOptimize(bytes.data());
    }
}

} // namespace

BENCHMARK(BM_GzipOneFetcher)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GzipFetchEach_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlainFetchEach)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlainReadWholeFile_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
