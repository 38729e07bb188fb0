// lantern-bench-projector: the projector's costs on a 100,000 × 200 embedding (the most points
// TensorBoard's frontend asks for), each the median of its repeats beside a baseline measured
// in the same run: one plain pass summing every value of the matrix.
//
// pca: top-10 principal components (covariance + SelfAdjointEigenSolver, 200 columns).
// pca-wide: top 10 of a 5,000 × 3,000 matrix (the randomized path) against its own sum pass.
// neighbours: the 100 nearest points (TensorBoard's default) of one point by cosine distance.
// load-tsv: reading that embedding from a tensors.tsv as PyTorch writes it (text, %.6g).
// paint: the scatter plot of 100,000 points in 20 colours into a 1200 × 800 image.
// search: the metadata search (RE2) against std::regex, the engine it replaced, searching the
// same cells in the same run: "a*c" (quadratic for std::regex) on 1,000-byte cells and
// "a*a*a*c" (quartic) on 60-byte ones, then RE2 alone on 10,000 cells of 1,000 bytes, where
// std::regex would take hours.
//
// Usage: lantern-bench-projector [--reps N]

#include "core/analysis/nearest_neighbours.h"
#include "core/analysis/pca.h"
#include "core/projector/metadata_search.h"
#include "core/projector/projector_discovery.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"

#include <QApplication>
#include <QImage>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <regex>
#include <vector>

using namespace lantern;

namespace {

double medianMs(int reps, const std::function<void()>& body)
{
    body(); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        const auto start = std::chrono::steady_clock::now();
        body();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

std::vector<float> randomMatrix(std::size_t rows, std::size_t columns)
{
    std::mt19937 random(1);
    std::normal_distribution<float> normal;
    std::vector<float> values(rows * columns);
    for (float& value : values)
        value = normal(random);
    return values;
}

double sumPass(const std::vector<float>& values)
{
    double sum = 0;
    for (float value : values)
        sum += value;
    return sum;
}

void report(const char* name, double ms, double baselineMs)
{
    std::printf("%-11s %9.1f ms   baseline (sum pass) %7.2f ms   ratio %7.1f×\n", name, ms,
        baselineMs, ms / baselineMs);
}

// A tensors.tsv of `values` in a fresh temporary folder, as add_embedding writes one.
std::filesystem::path writeTensorsTsv(
    const std::vector<float>& values, std::size_t columns, const std::filesystem::path& folder)
{
    std::filesystem::create_directories(folder);
    const std::filesystem::path path = folder / "tensors.tsv";
    std::FILE* file = std::fopen(path.c_str(), "w");
    for (std::size_t i = 0; i < values.size(); ++i)
        std::fprintf(file, (i + 1) % columns == 0 ? "%.6g\n" : "%.6g\t", double(values[i]));
    std::fclose(file);
    return path;
}

// A metadata column of `rows` cells of `length` a's: none matches a pattern ending in "c", the
// worst case for a backtracking engine.
core::MetadataTable cellsOfA(std::size_t rows, std::size_t length)
{
    std::string text = "label\tx\n";
    for (std::size_t row = 0; row < rows; ++row)
        text += std::string(length, 'a') + "\t1\n";
    return core::parseMetadataTsv(text);
}

// The search as it was before RE2: std::regex (ECMAScript, case-insensitive) on every cell.
std::size_t stdRegexMatches(const core::MetadataTable& table, const std::string& pattern)
{
    const std::regex expression(
        pattern, std::regex_constants::ECMAScript | std::regex_constants::icase);
    std::size_t matches = 0;
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const std::string_view cell = table.cell(row, 0);
        matches += std::regex_search(cell.begin(), cell.end(), expression) ? 1 : 0;
    }
    return matches;
}

void reportSearch(const char* pattern, std::size_t rows, std::size_t length, int reps)
{
    const core::MetadataTable table = cellsOfA(rows, length);
    volatile std::size_t sink = 0;
    const double re2 = medianMs(reps, [&] {
        sink = sink
            + core::searchMetadata(table, 0, pattern, core::MetadataMatch::RegularExpression)
                  .rows.size();
    });
    const double before = medianMs(reps, [&] { sink = sink + stdRegexMatches(table, pattern); });
    std::printf("search %-8s %5zu × %4zu B: RE2 %8.3f ms   std::regex %9.1f ms   ratio %7.0f×\n",
        pattern, rows, length, re2, before, before / re2);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int reps = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--reps") == 0)
            reps = std::max(1, std::atoi(argv[i + 1]));

    constexpr std::size_t kRows = 100'000, kColumns = 200;
    const std::vector<float> values = randomMatrix(kRows, kColumns);
    volatile double sink = 0;
    const double baseline = medianMs(reps, [&] { sink = sink + sumPass(values); });

    const std::filesystem::path folder = std::filesystem::temp_directory_path()
        / ("lantern-bench-projector-"
            + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    core::ProjectorEmbeddingSource source;
    source.name = "bench";
    source.tensorPath = writeTensorsTsv(values, kColumns, folder);
    report("load-tsv",
        medianMs(reps, [&] { sink = sink + double(core::loadEmbedding(source).values.size()); }),
        baseline);
    std::filesystem::remove_all(folder);

    core::PcaResult pca;
    report("pca",
        medianMs(reps, [&] { pca = core::principalComponents(values, kRows, kColumns, 10); }),
        baseline);
    std::size_t query = 0;
    report("neighbours",
        medianMs(reps,
            [&] {
                sink = sink
                    + double(core::nearestNeighbours(
                        values, kRows, kColumns, query++, 100, core::DistanceMetric::Cosine)
                                 .size());
            }),
        baseline);

    ui::EmbeddingScatterPlot plot;
    plot.resize(1200, 800);
    std::vector<QVector3D> points;
    std::vector<QRgb> colors;
    for (std::size_t row = 0; row < kRows; ++row) {
        points.emplace_back(pca.coordinates[row * 10], pca.coordinates[row * 10 + 1], 0.f);
        colors.push_back(qRgb(int(row % 20) * 12, 80, 160));
    }
    plot.setPoints(std::move(points), 2);
    plot.setColors(std::move(colors));
    QImage image(plot.size(), QImage::Format_ARGB32_Premultiplied);
    report("paint", medianMs(reps, [&] { plot.render(&image); }), baseline);

    constexpr std::size_t kWideRows = 5'000, kWideColumns = 3'000;
    const std::vector<float> wide = randomMatrix(kWideRows, kWideColumns);
    const double wideBaseline = medianMs(reps, [&] { sink = sink + sumPass(wide); });
    report("pca-wide",
        medianMs(reps,
            [&] {
                sink = sink
                    + core::principalComponents(wide, kWideRows, kWideColumns, 10).varianceRatio[0];
            }),
        wideBaseline);

    // Each std::regex run is about a second: fewer repeats than the rest.
    const int searchReps = std::max(1, reps / 2);
    reportSearch("a*c", 8, 1000, searchReps);
    reportSearch("a*a*a*c", 8, 60, searchReps);
    const core::MetadataTable many = cellsOfA(10'000, 1000);
    report("search-re2",
        medianMs(reps,
            [&] {
                sink = sink
                    + double(core::searchMetadata(
                        many, 0, "a*a*a*c", core::MetadataMatch::RegularExpression)
                                 .rows.size());
            }),
        baseline);
    return 0;
}
