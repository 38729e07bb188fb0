// lantern-bench-knn: the approximate kNN graph (random projection trees and neighbour descent)
// against the exact one (every pair compared) on the same points, in the same run: time of
// each, their ratio, and the approximate graph's recall (the share of the exact k nearest it
// finds). The points: 10 Gaussian clusters in 50-D as issue 19's benchmark makes them
// (centres uniform in [−10, 10], standard deviation 6). t-SNE asks for k = 3 × 30 = 90.
//
//   lantern-bench-knn [ROWS...]     (default: 20000 70000)

#include "core/analysis/knn_graph.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace lantern::core;

namespace {

std::vector<float> clusters(std::size_t rows, std::size_t columns)
{
    std::mt19937 random(0);
    std::uniform_real_distribution<double> uniform(-10, 10);
    std::normal_distribution<double> normal(0, 6);
    std::vector<double> centres(10 * columns);
    for (double& c : centres)
        c = uniform(random);
    std::vector<float> values(rows * columns);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c)
            values[r * columns + c] = float(centres[(r % 10) * columns + c] + normal(random));
    return values;
}

struct Seconds {
    double wall = 0;
    double cpu = 0; // every thread's: the machine is shared, and this varies less with its load
};

template <typename Run> Seconds secondsOf(const Run& run)
{
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    run();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
        double(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

double recall(const KnnGraph& exact, const KnnGraph& approximate)
{
    std::size_t found = 0;
    std::vector<char> isExact(exact.rows, 0);
    for (std::size_t i = 0; i < exact.rows; ++i) {
        for (std::size_t n = 0; n < exact.k; ++n)
            isExact[exact.indices[i * exact.k + n]] = 1;
        for (std::size_t n = 0; n < approximate.k; ++n)
            found += isExact[approximate.indices[i * approximate.k + n]];
        for (std::size_t n = 0; n < exact.k; ++n)
            isExact[exact.indices[i * exact.k + n]] = 0;
    }
    return double(found) / double(exact.rows * exact.k);
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::strtoul(argv[i], nullptr, 10));
    if (sizes.empty())
        sizes = {20000, 70000};
    constexpr std::size_t kColumns = 50, kNeighbours = 90;
    std::printf("%8s %18s %18s %14s %8s\n", "rows", "exact s (cpu)", "approximate s (cpu)",
        "ratio (cpu)", "recall");
    for (const std::size_t rows : sizes) {
        const auto values = clusters(rows, kColumns);
        KnnGraph exact, approximate;
        const Seconds exactSeconds = secondsOf([&] {
            exact = exactNeighbourGraph(
                values, rows, kColumns, kNeighbours, DistanceMetric::Euclidean);
        });
        const Seconds approximateSeconds = secondsOf([&] {
            approximate = approximateNeighbourGraph(
                values, rows, kColumns, kNeighbours, DistanceMetric::Euclidean);
        });
        std::printf("%8zu %9.2f (%6.2f) %9.2f (%6.2f) %6.3f (%5.3f) %8.4f\n", rows,
            exactSeconds.wall, exactSeconds.cpu, approximateSeconds.wall, approximateSeconds.cpu,
            approximateSeconds.wall / exactSeconds.wall, approximateSeconds.cpu / exactSeconds.cpu,
            recall(exact, approximate));
        std::fflush(stdout);
    }
    return 0;
}
