#include "core/analysis/umap_sgd.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace lantern::core {
namespace {

constexpr float kClip = 4;
constexpr std::size_t kEdgesBetweenPolls = 8192;
// Below this many edges a second thread costs more than it saves.
constexpr std::size_t kEdgesWorthAThread = 20000;

// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, well-mixed stream per epoch and half.
struct RandomStream {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound) by the multiply-shift reduction (Lemire 2019).
    std::uint32_t below(std::uint32_t bound)
    {
        return std::uint32_t(((next() >> 32) * std::uint64_t(bound)) >> 32);
    }
};

// Coordinates are shared between the threads without locks; relaxed atomic loads and stores
// make those races defined behaviour and cost nothing on common hardware.
float load(float* at)
{
    return std::atomic_ref<float>(*at).load(std::memory_order_relaxed);
}
void store(float* at, float value)
{
    std::atomic_ref<float>(*at).store(value, std::memory_order_relaxed);
}

float clipped(float g)
{
    return std::clamp(g, -kClip, kClip);
}

struct EpochPass {
    UmapEdgeSchedule& schedule;
    float* coordinates;
    std::uint32_t rows;
    std::size_t dimensions;
    float a, b, gammaTwoB, rate;
    float epoch; // the epoch being run, counting from 1 for the schedule
    std::size_t negativeSamples;

    // Pulls `head` towards `tail` (and `tail` towards `head`), then pushes `head` away from
    // `count` random points.
    void update(std::uint32_t head, std::uint32_t tail, std::size_t count, RandomStream& random)
    {
        float* h = coordinates + std::size_t(head) * dimensions;
        float* t = coordinates + std::size_t(tail) * dimensions;
        float here[3], diff[3];
        float d2 = 0;
        for (std::size_t d = 0; d < dimensions; ++d) {
            here[d] = load(h + d);
            diff[d] = here[d] - load(t + d);
            d2 += diff[d] * diff[d];
        }
        if (d2 > 0) {
            const float powB = std::pow(d2, b);
            const float coefficient = -2 * a * b * powB / d2 / (a * powB + 1);
            for (std::size_t d = 0; d < dimensions; ++d) {
                const float g = clipped(coefficient * diff[d]) * rate;
                here[d] += g;
                store(t + d, load(t + d) - g);
            }
        }
        for (std::size_t s = 0; s < count; ++s) {
            const std::uint32_t other = random.below(rows);
            if (other == head)
                continue;
            const float* o = coordinates + std::size_t(other) * dimensions;
            float away[3];
            float e2 = 0;
            for (std::size_t d = 0; d < dimensions; ++d) {
                away[d] = here[d] - load(const_cast<float*>(o + d));
                e2 += away[d] * away[d];
            }
            if (e2 <= 0)
                continue; // coincident points: no direction to push along
            const float coefficient = gammaTwoB / ((0.001f + e2) * (a * std::pow(e2, b) + 1));
            for (std::size_t d = 0; d < dimensions; ++d)
                here[d] += clipped(coefficient * away[d]) * rate;
        }
        for (std::size_t d = 0; d < dimensions; ++d)
            store(h + d, here[d]);
    }

    bool run(std::size_t begin, std::size_t end, RandomStream random,
        const std::function<bool()>& cancelled)
    {
        for (std::size_t e = begin; e < end; ++e) {
            if ((e - begin) % kEdgesBetweenPolls == 0 && cancelled && cancelled())
                return false;
            if (schedule.nextSample[e] > epoch)
                continue;
            const float perNegative = schedule.epochsPerSample[e] / float(negativeSamples);
            const auto negatives
                = std::size_t((epoch - schedule.nextNegativeSample[e]) / perNegative);
            update(schedule.heads[e], schedule.tails[e], negatives, random);
            update(schedule.tails[e], schedule.heads[e], negatives, random);
            schedule.nextSample[e] += schedule.epochsPerSample[e];
            schedule.nextNegativeSample[e] += float(negatives) * perNegative;
        }
        return true;
    }
};

} // namespace

UmapEdgeSchedule scheduleEdges(
    const FuzzyGraph& graph, std::size_t totalEpochs, std::size_t negativeSamples)
{
    UmapEdgeSchedule schedule;
    float heaviest = 0;
    for (const float w : graph.weights)
        heaviest = std::max(heaviest, w);
    if (heaviest <= 0 || totalEpochs == 0)
        return schedule;
    const float lightest = heaviest / float(totalEpochs);
    for (std::size_t e = 0; e < graph.heads.size(); ++e) {
        if (graph.heads[e] >= graph.tails[e] || graph.weights[e] < lightest)
            continue;
        const float perSample = heaviest / graph.weights[e];
        schedule.heads.push_back(graph.heads[e]);
        schedule.tails.push_back(graph.tails[e]);
        schedule.epochsPerSample.push_back(perSample);
        schedule.nextSample.push_back(perSample);
        schedule.nextNegativeSample.push_back(
            perSample / float(std::max<std::size_t>(negativeSamples, 1)));
    }
    return schedule;
}

bool runUmapEpoch(UmapEdgeSchedule& schedule, std::span<float> coordinates, std::size_t epoch,
    const UmapSgdSettings& settings, const std::function<bool()>& cancelled)
{
    const std::size_t dimensions = std::clamp<std::size_t>(settings.dimensions, 1, 3);
    const std::size_t rows = coordinates.size() / dimensions;
    const std::size_t edges = schedule.heads.size();
    if (rows == 0 || edges == 0 || settings.totalEpochs == 0)
        return true;
    const auto a = float(settings.curve.a), b = float(settings.curve.b);
    const double progress = double(epoch) / double(settings.totalEpochs);
    EpochPass pass {schedule, coordinates.data(), std::uint32_t(rows), dimensions, a, b,
        float(2 * settings.repulsion * settings.curve.b),
        float(settings.initialLearningRate * std::max(0.0, 1 - progress)), float(epoch + 1),
        std::max<std::size_t>(settings.negativeSamples, 1)};
    const std::size_t middle = edges / 2;
    auto streamFor = [&](std::uint64_t half) {
        RandomStream mix {settings.seed * 0x2545f4914f6cdd1dull + epoch * 2 + half};
        return RandomStream {mix.next()};
    };
    if (settings.threads <= 1 || edges < kEdgesWorthAThread)
        return pass.run(0, middle, streamFor(0), cancelled)
            && pass.run(middle, edges, streamFor(1), cancelled);
    // Only this thread asks `cancelled` (the caller's function need not be thread-safe); the
    // second thread follows a flag.
    std::atomic<bool> stop = false;
    const std::function<bool()> stopped = [&stop] { return stop.load(std::memory_order_relaxed); };
    bool secondDone = false;
    std::thread second([&] { secondDone = pass.run(middle, edges, streamFor(1), stopped); });
    const bool firstDone = pass.run(0, middle, streamFor(0), [&] {
        const bool asked = cancelled && cancelled();
        if (asked)
            stop = true;
        return asked;
    });
    second.join();
    return firstDone && secondDone;
}

} // namespace lantern::core
