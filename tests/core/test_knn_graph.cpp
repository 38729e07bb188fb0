// The kNN graph of a whole embedding: every row's neighbours must be exactly those that
// nearestNeighbours() lists for it one query at a time, by both metrics, at sizes that span
// several tiles and tasks; k larger than the data, duplicates and cancellation.

#include "core/analysis/knn_graph.h"
#include "tests/support/sanitizers.h"
#include "tests/support/stage_reports.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>

using namespace lantern::core;
using lantern::test::fullOrSanitized;

namespace {

std::vector<float> randomValues(std::size_t rows, std::size_t columns, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> normal;
    std::vector<float> values(rows * columns);
    for (float& value : values)
        value = normal(random);
    return values;
}

// Compares every row of the graph with nearestNeighbours() for that row.
void compareWithSingleQueries(const std::vector<float>& values, std::size_t rows,
    std::size_t columns, std::size_t k, DistanceMetric metric)
{
    const KnnGraph graph = nearestNeighbourGraph(values, rows, columns, k, metric);
    QCOMPARE(graph.rows, rows);
    QCOMPARE(graph.k, std::min(k, rows - 1));
    QCOMPARE(graph.indices.size(), rows * graph.k);
    QCOMPARE(graph.distances.size(), rows * graph.k);
    for (std::size_t row = 0; row < rows; ++row) {
        const auto expected = nearestNeighbours(values, rows, columns, row, k, metric);
        QCOMPARE(expected.size(), graph.k);
        for (std::size_t n = 0; n < graph.k; ++n) {
            if (graph.indices[row * graph.k + n] != expected[n].index)
                QFAIL(qPrintable(QStringLiteral("row %1 neighbour %2: %3, expected %4")
                                     .arg(row)
                                     .arg(n)
                                     .arg(graph.indices[row * graph.k + n])
                                     .arg(expected[n].index)));
            const double distance = graph.distances[row * graph.k + n];
            QVERIFY(std::abs(distance - expected[n].distance)
                <= 1e-6 * std::max(1.0, expected[n].distance));
        }
    }
}

} // namespace

class TestKnnGraph : public QObject {
    Q_OBJECT
private slots:
    void euclideanMatchesSingleQueries()
    {
        // 1,500 rows: two reference tiles and more query tasks than cores.
        const auto values = randomValues(1500, 13, 1);
        compareWithSingleQueries(values, 1500, 13, 15, DistanceMetric::Euclidean);
    }

    void cosineMatchesSingleQueries()
    {
        auto values = randomValues(1200, 9, 2);
        // A zero row is at cosine distance 1 from everything, and everything from it.
        std::fill_n(values.begin() + 9 * 100, 9, 0.0f);
        compareWithSingleQueries(values, 1200, 9, 12, DistanceMetric::Cosine);
    }

    void kLargerThanTheDataKeepsEveryOtherRow()
    {
        const auto values = randomValues(20, 4, 3);
        for (const auto metric : {DistanceMetric::Euclidean, DistanceMetric::Cosine})
            compareWithSingleQueries(values, 20, 4, 50, metric);
        const KnnGraph one = nearestNeighbourGraph(values, 1, 4, 5, DistanceMetric::Euclidean);
        QCOMPARE(one.rows, std::size_t(1));
        QCOMPARE(one.k, std::size_t(0));
        QVERIFY(one.indices.empty());
    }

    void duplicatesAreTiedByIndex()
    {
        // Rows 0, 3 and 5 are the same point: each finds the other two first, lower index first.
        std::vector<float> values {1, 2, 7, 7, -3, 0, 1, 2, 9, 9, 1, 2};
        const KnnGraph graph = nearestNeighbourGraph(values, 6, 2, 2, DistanceMetric::Euclidean);
        QCOMPARE(graph.indices[0], 3u);
        QCOMPARE(graph.indices[1], 5u);
        QCOMPARE(graph.distances[0], 0.0f);
        QCOMPARE(graph.indices[5 * 2], 0u);
        QCOMPARE(graph.indices[5 * 2 + 1], 3u);
    }

    void shortValuesGiveAnEmptyGraph()
    {
        const std::vector<float> values(10);
        QCOMPARE(
            nearestNeighbourGraph(values, 6, 2, 3, DistanceMetric::Euclidean).rows, std::size_t(0));
    }

    void approximateGraphFindsMostNeighbours()
    {
        // 4,000 points in 12-D (2,000 under the sanitizers): the approximate graph must find
        // most of the exact neighbours, give their distances exactly, order them, and be the
        // same for a seed.
        const std::size_t rows = fullOrSanitized<std::size_t>(4000, 2000);
        const auto values = randomValues(rows, 12, 5);
        for (const auto metric : {DistanceMetric::Euclidean, DistanceMetric::Cosine}) {
            const KnnGraph exact = exactNeighbourGraph(values, rows, 12, 30, metric);
            const KnnGraph approximate = approximateNeighbourGraph(values, rows, 12, 30, metric);
            QCOMPARE(approximate.rows, rows);
            QCOMPARE(approximate.k, std::size_t(30));
            std::size_t found = 0;
            for (std::size_t row = 0; row < rows; ++row) {
                const auto first = exact.indices.begin() + std::ptrdiff_t(row * 30);
                for (std::size_t n = 0; n < 30; ++n) {
                    const std::uint32_t index = approximate.indices[row * 30 + n];
                    QVERIFY(index != row);
                    found += std::find(first, first + 30, index) != first + 30;
                    if (row % 500 == 0) { // the distances, checked on some rows
                        const auto direct
                            = nearestNeighbours(values, rows, 12, row, rows - 1, metric);
                        const auto it = std::find_if(direct.begin(), direct.end(),
                            [&](const Neighbour& neighbour) { return neighbour.index == index; });
                        QVERIFY(std::abs(approximate.distances[row * 30 + n] - it->distance)
                            <= 1e-6 * std::max(1.0, it->distance));
                    }
                    if (n > 0)
                        QVERIFY(approximate.distances[row * 30 + n - 1]
                            <= approximate.distances[row * 30 + n]);
                }
            }
            const double recall = double(found) / (double(rows) * 30);
            qInfo("recall %.3f", recall);
            QVERIFY(recall > 0.9);
            const KnnGraph again = approximateNeighbourGraph(values, rows, 12, 30, metric);
            QCOMPARE(again.indices, approximate.indices);
        }
    }

    void bothGraphsAdvanceTheProgressToTheEnd()
    {
        const auto values = randomValues(3000, 10, 6);
        for (const bool exact : {true, false}) {
            lantern::test::StageReports reports;
            StageProgress progress(reports.callback());
            progress.begin("Finding neighbours");
            const KnnGraph graph = exact ? exactNeighbourGraph(values, 3000, 10, 15,
                                       DistanceMetric::Euclidean, {}, &progress)
                                         : approximateNeighbourGraph(values, 3000, 10, 15,
                                             DistanceMetric::Euclidean, {}, 1, &progress);
            QCOMPARE(graph.rows, std::size_t(3000));
            // Every unit the graph announced was done: 100% before the caller finishes.
            QVERIFY2(reports.problem().empty(), reports.problem().c_str());
            QVERIFY(reports.count() > 10);
        }
    }

    void cancellationEmptiesTheResultAndIsPolledOften()
    {
        const auto values = randomValues(3000, 20, 4);
        std::atomic<int> polls {0};
        const auto cancelAfterTen = [&] { return ++polls > 10; };
        const KnnGraph graph = nearestNeighbourGraph(
            values, 3000, 20, 10, DistanceMetric::Euclidean, cancelAfterTen);
        QCOMPARE(graph.rows, std::size_t(0));
        QVERIFY(graph.indices.empty());
        QVERIFY(polls > 10);

        // Not cancelled: polled at least once per tile of work, and the graph is whole.
        polls = 0;
        const KnnGraph whole = nearestNeighbourGraph(
            values, 3000, 20, 10, DistanceMetric::Euclidean, [&] { return ++polls < 0; });
        QCOMPARE(whole.rows, std::size_t(3000));
        QVERIFY(polls >= 3000 / 64 * 3);

        polls = 0;
        QCOMPARE(approximateNeighbourGraph(
                     values, 3000, 20, 10, DistanceMetric::Euclidean, cancelAfterTen)
                     .rows,
            std::size_t(0));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestKnnGraph)
#include "test_knn_graph.moc"
