// UMAP on generated Gaussian clusters: the layout keeps the clusters (neighbours in 2-D and
// 3-D share their label) and the neighbourhoods (trustworthiness), far above what a random or
// collapsed layout reaches; its parts (membership curve, fuzzy union, spectral start) on cases
// with known answers; bad input; iterate()/finished() and cancellation.

#include "core/analysis/knn_graph.h"
#include "core/analysis/umap.h"
#include "core/analysis/umap_curve.h"
#include "core/analysis/umap_fuzzy_set.h"
#include "core/analysis/umap_pieces.h"
#include "core/analysis/umap_spectral.h"
#include "tests/support/layout_quality.h"
#include "tests/support/sanitizers.h"
#include "tests/support/stage_reports.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <random>

using namespace lantern::core;
using namespace lantern::test;

namespace {

// Gaussian clusters: centres uniform in [−10, 10]^columns, points at standard deviation
// `spread` around them, rows in cluster order. Normal draws by Box–Muller on the raw 64-bit
// engine output, which the standard fixes, so every platform gets the same points.
struct Clusters {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<float> values;
    std::vector<int> labels;
};

Clusters gaussianClusters(std::size_t clusters, std::size_t perCluster, std::size_t columns,
    double spread, std::uint64_t seed)
{
    std::mt19937_64 engine(seed);
    auto uniform = [&] { return (double(engine() >> 11) + 0.5) * 0x1.0p-53; };
    auto normal = [&] {
        return std::sqrt(-2 * std::log(uniform())) * std::cos(2 * std::numbers::pi * uniform());
    };
    Clusters data {clusters * perCluster, columns, {}, {}};
    for (std::size_t c = 0; c < clusters; ++c) {
        std::vector<double> centre(columns);
        for (double& x : centre)
            x = -10 + 20 * uniform();
        for (std::size_t p = 0; p < perCluster; ++p) {
            for (std::size_t d = 0; d < columns; ++d)
                data.values.push_back(float(centre[d] + spread * normal()));
            data.labels.push_back(int(c));
        }
    }
    return data;
}

// How far apart the clusters lie in the layout compared with their size: the smallest distance
// between two cluster centres over the largest root-mean-square radius of a cluster. UMAP's
// negative sampling pushes the clusters apart; attraction alone lets them merge.
double clusterSeparation(std::span<const float> layout, std::size_t dimensions,
    std::span<const int> labels, int clusters)
{
    const auto groups = std::size_t(clusters);
    std::vector<std::vector<double>> centre(groups, std::vector<double>(dimensions));
    std::vector<double> count(groups);
    for (std::size_t r = 0; r < labels.size(); ++r) {
        count[std::size_t(labels[r])] += 1;
        for (std::size_t d = 0; d < dimensions; ++d)
            centre[std::size_t(labels[r])][d] += layout[r * dimensions + d];
    }
    for (int c = 0; c < clusters; ++c)
        for (double& x : centre[std::size_t(c)])
            x /= count[std::size_t(c)];
    std::vector<double> squaredRadius(groups);
    for (std::size_t r = 0; r < labels.size(); ++r)
        for (std::size_t d = 0; d < dimensions; ++d) {
            const double off = layout[r * dimensions + d] - centre[std::size_t(labels[r])][d];
            squaredRadius[std::size_t(labels[r])] += off * off / count[std::size_t(labels[r])];
        }
    double closest = HUGE_VAL;
    for (int a = 0; a < clusters; ++a)
        for (int b = a + 1; b < clusters; ++b) {
            double sum = 0;
            for (std::size_t d = 0; d < dimensions; ++d) {
                const double off = centre[std::size_t(a)][d] - centre[std::size_t(b)][d];
                sum += off * off;
            }
            closest = std::min(closest, std::sqrt(sum));
        }
    return closest / std::sqrt(*std::max_element(squaredRadius.begin(), squaredRadius.end()));
}

bool allFinite(std::span<const float> values)
{
    return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

UmapLayout runToTheEnd(const Clusters& data, const UmapOptions& options)
{
    UmapLayout layout = UmapLayout::prepare(data.values, data.rows, data.columns, options);
    while (layout.ok() && !layout.finished())
        layout.iterate(25);
    return layout;
}

} // namespace

class TestUmap : public QObject {
    Q_OBJECT
private slots:
    void curveMatchesTheReferenceParameters()
    {
        // The reference implementation's defaults (min_dist 0.1, spread 1) give a ≈ 1.577 and
        // b ≈ 0.895; min_dist 0 tightens the curve (b ≈ 0.79 lower, a ≈ 1.93 higher).
        const UmapCurve curve = fitUmapCurve(0.1);
        QVERIFY2(std::abs(curve.a - 1.577) < 0.01, std::to_string(curve.a).c_str());
        QVERIFY2(std::abs(curve.b - 0.895) < 0.01, std::to_string(curve.b).c_str());
        const UmapCurve tight = fitUmapCurve(0.0);
        QVERIFY(tight.a > curve.a);
        QVERIFY(tight.b < curve.b);
    }

    void fuzzyUnionIsSymmetricWithTheNearestFullyConnected()
    {
        const Clusters data = gaussianClusters(3, 30, 8, 1.0, 7);
        const KnnGraph knn = nearestNeighbourGraph(
            data.values, data.rows, data.columns, 10, DistanceMetric::Euclidean);
        const FuzzyGraph graph = fuzzySimplicialSet(knn);
        QCOMPARE(graph.rows, data.rows);
        std::map<std::pair<std::uint32_t, std::uint32_t>, float> edges;
        for (std::size_t e = 0; e < graph.heads.size(); ++e) {
            QVERIFY(graph.weights[e] > 0 && graph.weights[e] <= 1);
            QVERIFY(graph.heads[e] != graph.tails[e]);
            if (e > 0)
                QVERIFY(graph.heads[e - 1] <= graph.heads[e]);
            QVERIFY(
                edges.emplace(std::pair(graph.heads[e], graph.tails[e]), graph.weights[e]).second);
        }
        for (const auto& [edge, weight] : edges) {
            const auto back = edges.find({edge.second, edge.first});
            QVERIFY(back != edges.end());
            QCOMPARE(back->second, weight);
        }
        // Each point's nearest neighbour is at ρ: membership exactly 1, whatever σ is.
        for (std::size_t row = 0; row < data.rows; ++row)
            QCOMPARE(edges.at({std::uint32_t(row), knn.indices[row * knn.k]}), 1.f);
    }

    void spectralStartOfARingIsACircle()
    {
        // A ring of 100 points, each joined to its two neighbours: the Laplacian's first
        // non-trivial eigenvectors are cos and sin of the angle, so the start is a circle with
        // the points in ring order.
        constexpr std::uint32_t n = 100;
        FuzzyGraph ring {.rows = n, .heads = {}, .tails = {}, .weights = {}};
        for (std::uint32_t i = 0; i < n; ++i)
            for (const std::uint32_t j : {(i + n - 1) % n, (i + 1) % n}) {
                ring.heads.push_back(i);
                ring.tails.push_back(j);
                ring.weights.push_back(1);
            }
        const SpectralLayout layout = spectralLayout(ring, 2, 3);
        QVERIFY2(layout.problem.empty(), layout.problem.c_str());
        QCOMPARE(layout.coordinates.size(), std::size_t(2 * n));
        std::vector<double> radius(n), angle(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const double x = layout.coordinates[2 * i] - 5, y = layout.coordinates[2 * i + 1] - 5;
            radius[i] = std::hypot(x, y);
            angle[i] = std::atan2(y, x);
        }
        const auto [low, high] = std::minmax_element(radius.begin(), radius.end());
        QVERIFY2(*high / *low < 1.02, (std::to_string(*low) + " " + std::to_string(*high)).c_str());
        // Successive points turn the same way by about 2π/n.
        double turned = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            double step = angle[(i + 1) % n] - angle[i];
            step = std::remainder(step, 2 * std::numbers::pi);
            QVERIFY(std::abs(std::abs(step) - 2 * std::numbers::pi / n)
                < 0.2 * 2 * std::numbers::pi / n);
            turned += step;
        }
        QVERIFY(std::abs(std::abs(turned) - 2 * std::numbers::pi) < 1e-6);
    }

    void spectralStartRefusesADisconnectedGraph()
    {
        FuzzyGraph pieces {.rows = 6,
            .heads = {0, 1, 2, 3, 4, 5},
            .tails = {1, 0, 3, 2, 5, 4},
            .weights = {1, 1, 1, 1, 1, 1}};
        QCOMPARE(graphPieces(pieces).count, std::size_t(3));
        const SpectralLayout layout = spectralLayout(pieces, 2, 1);
        QVERIFY(layout.coordinates.empty());
        QVERIFY(layout.problem.find("3 disconnected") != std::string::npos);
    }

    void piecesAreLaidOutApart()
    {
        // Two rings of 50 points far apart in 3-D, and a pair of points between them: three
        // pieces, each kept to its own part of the layout.
        constexpr std::uint32_t ring = 50;
        FuzzyGraph graph {.rows = 2 * ring + 2, .heads = {}, .tails = {}, .weights = {}};
        std::vector<float> values;
        for (std::uint32_t piece = 0; piece < 2; ++piece)
            for (std::uint32_t i = 0; i < ring; ++i) {
                const double angle = 2 * std::numbers::pi * i / ring;
                values.insert(values.end(),
                    {float(100 * piece + std::cos(angle)), float(std::sin(angle)), 0.f});
                for (const std::uint32_t j : {(i + ring - 1) % ring, (i + 1) % ring}) {
                    graph.heads.push_back(piece * ring + i);
                    graph.tails.push_back(piece * ring + j);
                    graph.weights.push_back(1);
                }
            }
        values.insert(values.end(), {50, 0, 0, 50, 1, 0});
        graph.heads.insert(graph.heads.end(), {2 * ring, 2 * ring + 1});
        graph.tails.insert(graph.tails.end(), {2 * ring + 1, 2 * ring});
        graph.weights.insert(graph.weights.end(), {1, 1});
        const GraphPieces pieces = graphPieces(graph);
        QCOMPARE(pieces.count, std::size_t(3));
        QCOMPARE(pieces.pieceOf[ring - 1], 0u);
        QCOMPARE(pieces.pieceOf[ring], 1u);
        QCOMPARE(pieces.pieceOf[2 * ring + 1], 2u);

        const SpectralLayout layout = piecewiseSpectralLayout(graph, values, 3, 2, 1);
        QVERIFY2(layout.problem.empty(), layout.problem.c_str());
        QCOMPARE(layout.coordinates.size(), std::size_t(2 * graph.rows));
        QVERIFY(allFinite(layout.coordinates));
        // Along the first axis (the pieces' principal direction) the pieces do not overlap,
        // in the order of their mean points: ring 0, the pair, ring 1 (or the mirror image).
        std::vector<std::pair<float, float>> extent(3, {HUGE_VALF, -HUGE_VALF});
        for (std::uint32_t r = 0; r < graph.rows; ++r) {
            auto& [low, high] = extent[pieces.pieceOf[r]];
            low = std::min(low, layout.coordinates[2 * r]);
            high = std::max(high, layout.coordinates[2 * r]);
        }
        std::sort(extent.begin(), extent.end());
        QVERIFY(extent[0].second < extent[1].first);
        QVERIFY(extent[1].second < extent[2].first);
    }

    void clustersStayTogether_data()
    {
        QTest::addColumn<std::size_t>("dimensions");
        QTest::addColumn<bool>("spectral");
        QTest::addColumn<std::uint64_t>("seed");
        QTest::newRow("2-D, spectral start") << std::size_t(2) << true << std::uint64_t(1);
        QTest::newRow("2-D, random start") << std::size_t(2) << false << std::uint64_t(1);
        QTest::newRow("3-D, spectral start") << std::size_t(3) << true << std::uint64_t(2);
    }
    void clustersStayTogether()
    {
        // 10 clusters × 100 points in 50-D (the full size under the sanitizers too: with 50
        // points a cluster the separation falls below its floor). The floors: a layout without
        // the optimiser's attraction scores about 0.1 and 0.5, one without its repulsion about
        // 0.996, 0.956 and a separation below 9.
        QFETCH(std::size_t, dimensions);
        QFETCH(bool, spectral);
        QFETCH(std::uint64_t, seed);
        const Clusters data = gaussianClusters(10, 100, 50, 6.0, seed);
        UmapOptions options;
        options.dimensions = dimensions;
        options.spectralInitialisation = spectral;
        const UmapLayout layout = runToTheEnd(data, options);
        QVERIFY2(layout.ok(), layout.error().c_str());
        for (const std::string& note : layout.notes())
            QVERIFY2(!spectral || note.find("spectral") == std::string::npos, note.c_str());
        QCOMPARE(layout.epoch(), std::size_t(500));
        QCOMPARE(layout.dimensions(), dimensions);
        const auto coordinates = layout.coordinates();
        QCOMPARE(coordinates.size(), data.rows * dimensions);
        QVERIFY(allFinite(coordinates));
        const double agreement
            = neighbourLabelAgreement(coordinates, data.rows, dimensions, data.labels, 10);
        const double trust
            = trustworthiness(data.values, data.columns, coordinates, dimensions, data.rows, 10);
        const double separation = clusterSeparation(coordinates, dimensions, data.labels, 10);
        qInfo("10-NN label agreement %.4f, trustworthiness@10 %.4f, separation %.2f", agreement,
            trust, separation);
        QVERIFY2(agreement > 0.97, std::to_string(agreement).c_str());
        QVERIFY2(trust > 0.955, std::to_string(trust).c_str());
        QVERIFY2(separation > 12, std::to_string(separation).c_str());
    }

    void oneThreadIsDeterministicPerSeed()
    {
        const Clusters data = gaussianClusters(4, 60, 10, 2.0, 3);
        UmapOptions options;
        options.threads = 1;
        options.epochs = 60;
        const UmapLayout first = runToTheEnd(data, options);
        const UmapLayout second = runToTheEnd(data, options);
        QVERIFY(std::ranges::equal(first.coordinates(), second.coordinates()));
        options.seed = 2;
        const UmapLayout other = runToTheEnd(data, options);
        QVERIFY(!std::ranges::equal(first.coordinates(), other.coordinates()));
    }

    void iterateRunsBatchesUntilFinished()
    {
        const Clusters data = gaussianClusters(3, 40, 6, 1.0, 4);
        UmapOptions options;
        options.epochs = 50;
        UmapLayout layout = UmapLayout::prepare(data.values, data.rows, data.columns, options);
        QVERIFY(layout.ok());
        QCOMPARE(layout.epoch(), std::size_t(0));
        QCOMPARE(layout.totalEpochs(), std::size_t(50));
        QVERIFY(!layout.finished());
        const std::vector<float> start(layout.coordinates().begin(), layout.coordinates().end());
        layout.iterate(10);
        QCOMPARE(layout.epoch(), std::size_t(10));
        QVERIFY(!layout.finished());
        QVERIFY(!std::ranges::equal(start, layout.coordinates()));
        layout.iterate(100); // stops at the end
        QCOMPARE(layout.epoch(), std::size_t(50));
        QVERIFY(layout.finished());
        const std::vector<float> end(layout.coordinates().begin(), layout.coordinates().end());
        layout.iterate(5);
        QCOMPARE(layout.epoch(), std::size_t(50));
        QVERIFY(std::ranges::equal(end, layout.coordinates()));

        // Automatic epochs: 500 for a small set.
        options.epochs = 0;
        QCOMPARE(UmapLayout::prepare(data.values, data.rows, data.columns, options).totalEpochs(),
            std::size_t(500));
    }

    void automaticEpochsFallWithTheSetsSize()
    {
        QCOMPARE(umapAutomaticEpochs(2), std::size_t(500));
        QCOMPARE(umapAutomaticEpochs(1'797), std::size_t(500)); // digits
        QCOMPARE(umapAutomaticEpochs(2'500), std::size_t(500));
        QCOMPARE(umapAutomaticEpochs(2'501), std::size_t(400));
        QCOMPARE(umapAutomaticEpochs(5'001), std::size_t(300));
        QCOMPARE(umapAutomaticEpochs(7'501), std::size_t(200));
        QCOMPARE(umapAutomaticEpochs(1'000'000), std::size_t(200));

        // The benchmark's 10,000 clusters get umap-js's 200 epochs when none are asked for.
        const Clusters data = gaussianClusters(10, 1'000, 2, 6.0, 5);
        UmapOptions options;
        options.neighbours = 5; // the least work before the epochs
        options.spectralInitialisation = false;
        const UmapLayout layout
            = UmapLayout::prepare(data.values, data.rows, data.columns, options);
        QVERIFY2(layout.ok(), layout.error().c_str());
        QCOMPARE(layout.totalEpochs(), std::size_t(200));
    }

    void preparationReportsItsStagesInOrder()
    {
        std::mt19937 random(3);
        std::normal_distribution<float> normal(0, 1);
        std::vector<float> values(600 * 8);
        for (float& value : values)
            value = normal(random);
        lantern::test::StageReports reports;
        UmapOptions options;
        options.progress = reports.callback();
        const UmapLayout layout = UmapLayout::prepare(values, 600, 8, options);
        QVERIFY2(layout.ok(), layout.error().c_str());
        QCOMPARE(reports.stages(),
            (std::vector<std::string> {
                "Finding neighbours", "Building the fuzzy graph", "Finding the starting layout"}));
        QVERIFY2(reports.problem().empty(), reports.problem().c_str());
    }

    void cancellationStopsPrepareAndIterate()
    {
        const Clusters data = gaussianClusters(4, 100, 20, 2.0, 5);
        const UmapLayout refused
            = UmapLayout::prepare(data.values, data.rows, data.columns, {}, [] { return true; });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error(), std::string("cancelled"));
        QVERIFY(refused.coordinates().empty());

        // Cancelled after every number of polls up to where prepare() no longer asks (every 7th;
        // every 17th under the sanitizers): each either finishes or reports "cancelled", never
        // anything else.
        for (int allowed = 1; allowed < 400; allowed += fullOrSanitized(7, 17)) {
            int polls = 0;
            const UmapLayout layout = UmapLayout::prepare(
                data.values, data.rows, data.columns, {}, [&] { return ++polls > allowed; });
            QVERIFY(layout.ok() || layout.error() == "cancelled");
            if (layout.ok())
                QCOMPARE(layout.coordinates().size(), data.rows * 2);
        }

        UmapOptions options;
        options.epochs = 40;
        options.threads = 1;
        UmapLayout layout = UmapLayout::prepare(data.values, data.rows, data.columns, options);
        QVERIFY(layout.ok());
        layout.iterate(5, [] { return true; });
        QCOMPARE(layout.epoch(), std::size_t(0));
        // Cut short inside an epoch: that epoch is not counted, and the next call finishes it.
        int polls = 0;
        layout.iterate(40, [&] { return ++polls > 3; });
        QVERIFY(layout.epoch() < 40);
        layout.iterate(40);
        QVERIFY(layout.finished());
        QVERIFY(allFinite(layout.coordinates()));
    }

    void nonFiniteValuesAreRejectedNamingTheRow()
    {
        Clusters data = gaussianClusters(2, 10, 4, 1.0, 6);
        data.values[6 * 4 + 2] = std::numeric_limits<float>::quiet_NaN();
        UmapLayout layout = UmapLayout::prepare(data.values, data.rows, data.columns, {});
        QVERIFY(!layout.ok());
        QVERIFY2(layout.error().find("row 7 has a NaN or infinite value (column 3;")
                != std::string::npos,
            layout.error().c_str());
        QVERIFY(layout.finished()); // nothing to run
        layout.iterate(10);
        QCOMPARE(layout.epoch(), std::size_t(0));

        data.values[6 * 4 + 2] = 0;
        data.values[19 * 4] = -std::numeric_limits<float>::infinity();
        const UmapLayout infinite = UmapLayout::prepare(data.values, data.rows, data.columns, {});
        QVERIFY(!infinite.ok());
        QVERIFY2(infinite.error().find("row 20 has a NaN or infinite value (column 1;")
                != std::string::npos,
            infinite.error().c_str());
    }

    void emptyShortAndSinglePointInputs()
    {
        QVERIFY(!UmapLayout::prepare({}, 0, 5, {}).ok());
        const std::vector<float> three {1, 2, 3};
        const UmapLayout shortValues = UmapLayout::prepare(three, 2, 2, {});
        QVERIFY(!shortValues.ok());
        QVERIFY(shortValues.error().find("expected") != std::string::npos);

        UmapLayout one = UmapLayout::prepare(three, 1, 3, {});
        QVERIFY2(one.ok(), one.error().c_str());
        QVERIFY(one.finished());
        one.iterate(10);
        QCOMPARE(one.coordinates().size(), std::size_t(2));
        QCOMPARE(one.coordinates()[0], 0.f);
        QVERIFY(!one.notes().empty());
    }

    void fewerPointsThanNeighboursAreClamped()
    {
        const Clusters data = gaussianClusters(2, 4, 5, 1.0, 8);
        UmapOptions options;
        options.neighbours = 15;
        const UmapLayout layout = runToTheEnd(data, options);
        QVERIFY2(layout.ok(), layout.error().c_str());
        QVERIFY(layout.finished());
        QVERIFY(allFinite(layout.coordinates()));
        QCOMPARE(layout.coordinates().size(), std::size_t(16));
        bool said = false;
        for (const std::string& note : layout.notes())
            said |= note.find("lowered to 7") != std::string::npos;
        QVERIFY(said);

        // Two points, and an out-of-range request, are clamped too.
        options.neighbours = 200;
        const std::vector<float> two {0, 0, 1, 1};
        const UmapLayout pair = runToTheEnd({2, 2, two, {0, 1}}, options);
        QVERIFY2(pair.ok(), pair.error().c_str());
        QVERIFY(allFinite(pair.coordinates()));
        QVERIFY(pair.notes().size() >= 2);
    }

    void duplicatesAndConstantColumnsLayOut()
    {
        // Every point three times over, and ten columns that never change.
        const Clusters base = gaussianClusters(5, 40, 10, 1.0, 9);
        Clusters data {base.rows * 3, 20, {}, {}};
        for (int copy = 0; copy < 3; ++copy)
            for (std::size_t r = 0; r < base.rows; ++r) {
                for (std::size_t c = 0; c < 10; ++c)
                    data.values.push_back(base.values[r * 10 + c]);
                for (std::size_t c = 0; c < 10; ++c)
                    data.values.push_back(42.f);
                data.labels.push_back(base.labels[r]);
            }
        UmapOptions options;
        options.epochs = 200;
        const UmapLayout layout = runToTheEnd(data, options);
        QVERIFY2(layout.ok(), layout.error().c_str());
        QVERIFY(allFinite(layout.coordinates()));
        QVERIFY(!layout.notes().empty()); // the coincident points are mentioned
        const double agreement
            = neighbourLabelAgreement(layout.coordinates(), data.rows, 2, data.labels, 10);
        QVERIFY2(agreement > 0.95, std::to_string(agreement).c_str());

        // All points the same: nothing to separate, but nothing breaks either.
        const std::vector<float> same(60 * 4, 1.5f);
        const UmapLayout flat = runToTheEnd({60, 4, same, std::vector<int>(60, 0)}, options);
        QVERIFY2(flat.ok(), flat.error().c_str());
        QVERIFY(allFinite(flat.coordinates()));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestUmap)
#include "test_umap.moc"
