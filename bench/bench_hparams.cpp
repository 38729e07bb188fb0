// The HParams tab's association on the GUI thread, for a large sweep: 1,000 sessions, each with
// train and validation runs of two scalar tags over 200 steps (3,000 runs). Building the table
// with a declared experiment and with one synthesized from the sessions, beside two baselines:
// taking the loader's snapshot (every reload does) and visiting every run's every tag and its
// last point, the least any association across runs has to read.

#include "core/analysis/hparams_table.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <string>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

constexpr int kSessions = 1000;
constexpr int kSteps = 200;

struct Sweep {
    fs::path root;
    std::unique_ptr<LogdirLoader> loader;
};

Sweep& sweep(bool declared)
{
    static Sweep sweeps[2];
    Sweep& sweep = sweeps[declared];
    if (sweep.loader)
        return sweep;
    sweep.root = fs::temp_directory_path() / ("lantern-bench-hparams-" + std::to_string(declared));
    fs::remove_all(sweep.root);
    if (declared) {
        HParamsExperiment experiment;
        for (const char* name : {"lr", "units", "optimizer"})
            experiment.hparams.emplace_back().name = name;
        for (const char* group : {"train", "validation"})
            for (const char* tag : {"epoch_loss", "epoch_accuracy"}) {
                MetricInfo& metric = experiment.metrics.emplace_back();
                metric.group = group;
                metric.tag = tag;
            }
        EventFileWriter(sweep.root).addHParamsExperiment(experiment, 1);
    }
    for (int session = 0; session < kSessions; ++session) {
        const fs::path run = sweep.root / ("run-" + std::to_string(session));
        SessionStartInfo start;
        start.hparams = {{"lr", 1e-4 * (1 + session % 10)}, {"units", double(16 << (session % 3))},
            {"optimizer", std::string(session % 2 ? "adam" : "sgd")}};
        EventFileWriter(run).addHParamsSessionStart(start, 1);
        for (const char* group : {"train", "validation"}) {
            EventFileWriter writer(run / group);
            for (int step = 0; step < kSteps; ++step) {
                writer.addScalar("epoch_loss", step, 1.0f / float(step + 1), 2.0 + step);
                writer.addScalar("epoch_accuracy", step, 1.0f - 1.0f / float(step + 2), 2.0 + step);
            }
        }
    }
    sweep.loader = std::make_unique<LogdirLoader>(std::vector<LogdirSpec> {{"", sweep.root}});
    sweep.loader->reload();
    return sweep;
}

void BM_TakeSnapshot(benchmark::State& state)
{
    LogdirLoader& loader = *sweep(true).loader;
    for (auto _ : state)
        benchmark::DoNotOptimize(loader.snapshot());
}
BENCHMARK(BM_TakeSnapshot)->Unit(benchmark::kMillisecond)->Repetitions(5);

void BM_VisitEveryTag(benchmark::State& state)
{
    const auto snapshot = sweep(true).loader->snapshot();
    for (auto _ : state) {
        double sum = 0;
        for (const auto& run : snapshot->runs)
            for (const TagSnapshot& tag : run->tags)
                if (!tag.scalars.empty())
                    sum += tag.scalars[tag.scalars.size() - 1].value;
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_VisitEveryTag)->Unit(benchmark::kMillisecond)->Repetitions(5);

void BM_BuildTableDeclared(benchmark::State& state)
{
    const auto snapshot = sweep(true).loader->snapshot();
    for (auto _ : state)
        benchmark::DoNotOptimize(buildHParamsTable(*snapshot));
}
BENCHMARK(BM_BuildTableDeclared)->Unit(benchmark::kMillisecond)->Repetitions(5);

void BM_BuildTableSynthesized(benchmark::State& state)
{
    const auto snapshot = sweep(false).loader->snapshot();
    for (auto _ : state)
        benchmark::DoNotOptimize(buildHParamsTable(*snapshot));
}
BENCHMARK(BM_BuildTableSynthesized)->Unit(benchmark::kMillisecond)->Repetitions(5);

} // namespace

BENCHMARK_MAIN();
