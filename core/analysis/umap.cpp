#include "core/analysis/umap.h"

#include "core/analysis/knn_graph.h"
#include "core/analysis/umap_fuzzy_set.h"
#include "core/analysis/umap_pieces.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace lantern::core {
namespace {

constexpr std::size_t kFewestNeighbours = 5;
constexpr std::size_t kMostNeighbours = 50;
constexpr std::size_t kNegativeSamples = 5;
constexpr double kSpread = 1;

std::string withCommas(std::size_t n)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// Where the first NaN or infinity is, counting rows and columns from 1 as a user reading the
// file would; {0, 0} when every value is finite.
std::pair<std::size_t, std::size_t> firstNonFiniteEntry(
    std::span<const float> values, std::size_t rows, std::size_t columns)
{
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c)
            if (!std::isfinite(values[r * columns + c]))
                return {r + 1, c + 1};
    return {0, 0};
}

// UMAP's random start: uniform in a 10-wide box, the scale the spectral start is given too.
std::vector<float> randomLayout(std::size_t rows, std::size_t dimensions, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<float> uniform(0, 10);
    std::vector<float> layout(rows * dimensions);
    for (float& value : layout)
        value = uniform(random);
    return layout;
}

std::size_t coincidentPoints(const KnnGraph& knn)
{
    std::size_t count = 0;
    for (std::size_t r = 0; r < knn.rows; ++r)
        count += knn.k > 0 && knn.distances[r * knn.k] == 0;
    return count;
}

} // namespace

std::size_t umapAutomaticEpochs(std::size_t rows)
{
    if (rows <= 2'500)
        return 500;
    if (rows <= 5'000)
        return 400;
    return rows <= 7'500 ? 300 : 200;
}

UmapLayout UmapLayout::prepare(std::span<const float> values, std::size_t rows, std::size_t columns,
    const UmapOptions& options, const std::function<bool()>& cancelled)
{
    UmapLayout layout;
    auto fail = [&layout](std::string why) {
        layout.m_error = std::move(why);
        layout.m_settings.totalEpochs = 0;
        layout.m_coordinates.clear();
        return std::move(layout);
    };
    auto& settings = layout.m_settings;
    settings.dimensions = options.dimensions == 3 ? 3 : 2;
    if (options.dimensions != 2 && options.dimensions != 3)
        layout.m_notes.push_back(
            std::to_string(options.dimensions) + " dimensions asked for: laid out in 2");
    settings.curve = fitUmapCurve(options.minDist, kSpread);
    settings.negativeSamples = kNegativeSamples;
    settings.seed = options.seed;
    settings.threads = std::max<std::size_t>(options.threads, 1);

    if (rows == 0)
        return fail("no points to lay out");
    if (columns == 0)
        return fail("the points have no values");
    if (values.size() / columns < rows)
        return fail("expected " + withCommas(rows) + " × " + withCommas(columns) + " values, got "
            + withCommas(values.size()));
    if (rows > std::size_t(UINT32_MAX))
        return fail("too many points (" + withCommas(rows) + ")");
    if (const auto [row, column] = firstNonFiniteEntry(values, rows, columns); row > 0)
        return fail("row " + std::to_string(row) + " has a NaN or infinite value (column "
            + std::to_string(column) + "; rows and columns counted from 1)");
    if (cancelled && cancelled())
        return fail("cancelled");

    if (rows == 1) {
        layout.m_notes.push_back("one point: placed at the origin");
        layout.m_coordinates.assign(settings.dimensions, 0.f);
        settings.totalEpochs = 0;
        return layout;
    }

    std::size_t neighbours = std::clamp(options.neighbours, kFewestNeighbours, kMostNeighbours);
    if (neighbours != options.neighbours)
        layout.m_notes.push_back("neighbours " + std::to_string(options.neighbours)
            + " is outside 5–50: used " + std::to_string(neighbours));
    if (neighbours > rows - 1) {
        neighbours = rows - 1;
        layout.m_notes.push_back("only " + withCommas(rows) + " points: neighbours lowered to "
            + std::to_string(neighbours));
    }
    settings.totalEpochs = options.epochs > 0 ? options.epochs : umapAutomaticEpochs(rows);

    StageProgress progress(options.progress);
    progress.begin("Finding neighbours");
    const KnnGraph knn = nearestNeighbourGraph(values.first(rows * columns), rows, columns,
        neighbours, options.metric, cancelled, &progress);
    if (knn.rows == 0 || (cancelled && cancelled()))
        return fail("cancelled");
    progress.finish();
    if (const std::size_t coincident = coincidentPoints(knn))
        layout.m_notes.push_back(withCommas(coincident)
            + " points coincide with another point; they are laid out close together");

    progress.begin("Building the fuzzy graph", 1);
    const FuzzyGraph graph = fuzzySimplicialSet(knn, cancelled);
    if (graph.rows == 0)
        return fail("cancelled");
    progress.finish();

    progress.begin("Finding the starting layout", 1);
    if (options.spectralInitialisation) {
        SpectralLayout spectral = piecewiseSpectralLayout(graph, values.first(rows * columns),
            columns, settings.dimensions, options.seed, cancelled);
        if (spectral.problem == "cancelled")
            return fail("cancelled");
        if (spectral.coordinates.empty())
            layout.m_notes.push_back("spectral start not possible (" + spectral.problem
                + "): started from random positions");
        layout.m_coordinates = std::move(spectral.coordinates);
    }
    if (layout.m_coordinates.empty())
        layout.m_coordinates = randomLayout(rows, settings.dimensions, options.seed);
    layout.m_schedule = scheduleEdges(graph, settings.totalEpochs, settings.negativeSamples);
    progress.finish();
    return layout;
}

void UmapLayout::iterate(std::size_t epochs, const std::function<bool()>& cancelled)
{
    if (!ok())
        return;
    for (std::size_t i = 0; i < epochs && !finished(); ++i) {
        if (cancelled && cancelled())
            return;
        if (!runUmapEpoch(m_schedule, m_coordinates, m_epoch, m_settings, cancelled))
            return;
        ++m_epoch;
    }
}

} // namespace lantern::core
