// `lantern-cli gen`: synthetic but realistic logs for tests, demos and benchmarks. Curves are
// noisy and decaying like real training; everything except the wall-clock base is determined
// by --seed (our own generator, since std's distributions differ between standard libraries).

#include "app/cli/commands.h"
#include "core/io/path_text.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <numbers>
#include <thread>

namespace lantern::cli {

using namespace lantern::core;

namespace {

// SplitMix64, with Box–Muller for normal deviates.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double normal()
    {
        const double u = 1.0 - uniform(); // (0, 1]
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
    }

private:
    std::uint64_t m_state;
};

struct GenOptions {
    std::filesystem::path directory;
    int runs = 1;
    int tags = 5;
    std::int64_t steps = 1000;
    bool histograms = false;
    bool images = false;
    double liveSeconds = 0;
    std::uint64_t seed = 1;
};

constexpr double kSecondsPerStep = 0.05;
constexpr const char* kGroups[] = {"loss", "metrics", "optim"};

// One scalar tag's curve: a loss decaying to a floor, a metric rising to a ceiling, or a
// learning rate decaying in stages, each with its own noise.
struct Curve {
    int shape = 0; // index into kGroups
    double start = 0, end = 0, timeConstant = 1000, noise = 0.01;

    double at(std::int64_t step, Random& random) const
    {
        const double progress = std::exp(-double(step) / timeConstant);
        switch (shape) {
        case 0: // loss: multiplicative noise, never below zero
            return (end + (start - end) * progress) * std::exp(noise * random.normal());
        case 1: // metric in [0, 1]
            return std::clamp(end - (end - start) * progress + noise * random.normal(), 0.0, 1.0);
        default: // learning rate: halves every timeConstant steps, no noise
            return start * std::pow(0.5, std::floor(double(step) / timeConstant));
        }
    }
};

struct GeneratedRun {
    std::unique_ptr<EventFileWriter> writer;
    Random random {0};
    std::vector<std::string> tags;
    std::vector<Curve> curves;
    bool tf1Style = true; // alternates between runs so both encodings are present
    std::uint64_t points = 0, histograms = 0, images = 0;
};

GeneratedRun makeRun(const GenOptions& options, int index)
{
    GeneratedRun run;
    char name[32];
    std::snprintf(name, sizeof name, "run_%03d", index);
    run.random = Random(options.seed * 0x100000001B3ull + std::uint64_t(index));
    run.writer = std::make_unique<EventFileWriter>(options.directory / name);
    run.tf1Style = index % 2 == 0;
    for (int t = 0; t < options.tags; ++t) {
        const int shape = t % 3;
        run.tags.push_back(std::string(kGroups[shape]) + "/tag_" + std::to_string(t));
        Curve curve;
        curve.shape = shape;
        curve.timeConstant = double(options.steps) * (0.1 + 0.4 * run.random.uniform()) + 10;
        switch (shape) {
        case 0:
            curve.start = 1.5 + 2.0 * run.random.uniform();
            curve.end = 0.02 + 0.2 * run.random.uniform();
            curve.noise = 0.02 + 0.08 * run.random.uniform();
            break;
        case 1:
            curve.start = 0.05 + 0.1 * run.random.uniform();
            curve.end = 0.7 + 0.29 * run.random.uniform();
            curve.noise = 0.005 + 0.02 * run.random.uniform();
            break;
        default:
            curve.start = std::pow(10.0, -4 + 2 * run.random.uniform());
            curve.timeConstant /= 2;
            break;
        }
        run.curves.push_back(curve);
    }
    return run;
}

// A 32×32 RGB picture that changes with the step: a gradient and a moving disc.
EncodedImage syntheticImage(std::int64_t step)
{
    constexpr int size = 32;
    std::vector<std::uint8_t> pixels(size * size * 3);
    const double angle = double(step) / 500.0;
    const double cx = 16 + 9 * std::cos(angle), cy = 16 + 9 * std::sin(angle);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            std::uint8_t* p = &pixels[std::size_t((y * size + x) * 3)];
            const bool inDisc = (x - cx) * (x - cx) + (y - cy) * (y - cy) < 25;
            p[0] = inDisc ? 250 : std::uint8_t(x * 8);
            p[1] = inDisc ? 200 : std::uint8_t(y * 8);
            p[2] = std::uint8_t((step / 10) % 256);
        }
    return {size, size, 3, encodePng(size, size, 3, pixels)};
}

// Everything a run logs at one step, `wallTime` being the step's start.
void writeStep(GeneratedRun& run, const GenOptions& options, std::int64_t step, double wallTime)
{
    // Each value gets its own microsecond-resolution time, as separate writer calls would.
    const auto stamp = [&](double offset) { return std::round((wallTime + offset) * 1e6) / 1e6; };
    for (std::size_t t = 0; t < run.tags.size(); ++t) {
        const double value = run.curves[t].at(step, run.random);
        run.writer->addScalar(
            run.tags[t], step, float(value), stamp(1e-4 * double(t) + 2e-3 * run.random.uniform()));
    }
    run.points += run.tags.size();
    const SummaryStyle style = run.tf1Style ? SummaryStyle::Tf1 : SummaryStyle::Tf2;
    if (options.histograms && step % 10 == 0) {
        // Weights that start wide and settle around a drifting mean.
        const double spread = 0.05 + 0.5 * std::exp(-double(step) / double(options.steps + 1));
        const double mean = 0.2 * std::sin(double(step) / 700.0);
        std::vector<double> values(500);
        for (double& value : values)
            value = mean + spread * run.random.normal();
        run.writer->addHistogram("weights/layer_0", step, values, style, stamp(0.01));
        ++run.histograms;
    }
    if (options.images && step % 100 == 0) {
        const EncodedImage image = syntheticImage(step);
        run.writer->addImage("samples/image", step, std::span(&image, 1), style, stamp(0.02));
        ++run.images;
    }
}

bool parseGenOptions(const std::vector<std::string>& arguments, GenOptions& options)
{
    bool haveDirectory = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        try {
            if (argument == "--runs" && hasValue)
                options.runs = std::stoi(arguments[++i]);
            else if (argument == "--tags" && hasValue)
                options.tags = std::stoi(arguments[++i]);
            else if (argument == "--steps" && hasValue)
                options.steps = std::stoll(arguments[++i]);
            else if (argument == "--live" && hasValue)
                options.liveSeconds = std::stod(arguments[++i]);
            else if (argument == "--seed" && hasValue)
                options.seed = std::stoull(arguments[++i]);
            else if (argument == "--histograms")
                options.histograms = true;
            else if (argument == "--images")
                options.images = true;
            else if (!argument.starts_with("--") && !haveDirectory) {
                options.directory = argument;
                haveDirectory = true;
            } else
                return false;
        } catch (const std::exception&) {
            return false;
        }
    }
    return haveDirectory && options.runs > 0 && options.runs <= 100000 && options.tags >= 0
        && options.steps >= 0 && options.liveSeconds >= 0;
}

} // namespace

int runGen(const std::vector<std::string>& arguments)
{
    GenOptions options;
    if (!parseGenOptions(arguments, options)) {
        std::cerr << "Usage: lantern-cli gen DIR [--runs R] [--tags T] [--steps S] [--histograms]"
                     " [--images] [--live SECONDS] [--seed N]\n";
        return 2;
    }
    const auto began = std::chrono::steady_clock::now();
    // The logged history ends now, so relative and wall-time axes look like a real run's.
    const double start
        = std::floor(EventFileWriter::now()) - double(options.steps) * kSecondsPerStep;

    std::vector<GeneratedRun> runs;
    for (int index = 0; index < options.runs; ++index) {
        runs.push_back(makeRun(options, index));
        GeneratedRun& run = runs.back();
        if (!run.writer->ok()) {
            std::cerr << "lantern-cli gen: cannot write " << pathText(run.writer->path()) << "\n";
            return 1;
        }
        for (std::int64_t step = 0; step < options.steps; ++step)
            writeStep(run, options, step, start + double(step) * kSecondsPerStep);
        run.writer->flush();
    }

    // Live mode: every run gains a step about ten times a second, flushed at once, so
    // watchers see whole records arrive.
    std::int64_t liveSteps = 0;
    if (options.liveSeconds > 0) {
        const auto until
            = std::chrono::steady_clock::now() + std::chrono::duration<double>(options.liveSeconds);
        auto next = std::chrono::steady_clock::now();
        while (std::chrono::steady_clock::now() < until) {
            const std::int64_t step = options.steps + liveSteps++;
            const double now = EventFileWriter::now();
            for (GeneratedRun& run : runs) {
                writeStep(run, options, step, now);
                run.writer->flush();
            }
            next += std::chrono::milliseconds(100);
            std::this_thread::sleep_until(next);
        }
    }

    std::uint64_t points = 0, histograms = 0, images = 0, bytes = 0;
    bool ok = true;
    for (GeneratedRun& run : runs) {
        ok = run.writer->flush() && ok;
        points += run.points;
        histograms += run.histograms;
        images += run.images;
        std::error_code error;
        bytes += std::filesystem::file_size(run.writer->path(), error);
    }
    const double seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::cout << "wrote " << runs.size() << " run(s) to " << pathText(options.directory) << ": "
              << points << " scalar points, " << histograms << " histograms, " << images
              << " images";
    if (liveSteps > 0)
        std::cout << " (" << liveSteps << " live steps)";
    std::cout << ", " << bytes << " bytes in " << seconds << " s\n";
    if (!ok) {
        std::cerr << "lantern-cli gen: writing failed\n";
        return 1;
    }
    return 0;
}

} // namespace lantern::cli
