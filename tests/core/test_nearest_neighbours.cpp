// Nearest neighbours in the embedding's own space: by cosine distance direction counts and
// length does not; by euclidean distance both do.

#include "core/analysis/nearest_neighbours.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace lantern::core;

class TestNearestNeighbours : public QObject {
    Q_OBJECT
private slots:
    void cosineOrdersByAngleNotLength()
    {
        // Point 0 is (1, 0). Point 3 is (100, 1): far away but nearly the same direction.
        const std::vector<float> values {1, 0, 0, 1, -1, 0, 100, 1, 1, 1, 0, 0};
        const auto nearest = nearestNeighbours(values, 6, 2, 0, 10, DistanceMetric::Cosine);
        QCOMPARE(nearest.size(), std::size_t(5)); // everything but the query
        QCOMPARE(nearest[0].index, std::size_t(3));
        QCOMPARE(nearest[1].index, std::size_t(4)); // 45°
        QVERIFY(std::abs(nearest[1].distance - (1 - std::sqrt(0.5))) < 1e-9);
        // (0, 1) at 90° and the zero vector both at distance 1: ties by index.
        QCOMPARE(nearest[2].index, std::size_t(1));
        QCOMPARE(nearest[3].index, std::size_t(5));
        QCOMPARE(nearest[3].distance, 1.0);
        QCOMPARE(nearest[4].index, std::size_t(2)); // opposite
        QVERIFY(std::abs(nearest[4].distance - 2) < 1e-12);
    }

    void euclideanOrdersByDistance()
    {
        // The same points: now (100, 1) is the farthest, and the origin the nearest.
        const std::vector<float> values {1, 0, 0, 1, -1, 0, 100, 1, 1, 1, 0, 0};
        const auto nearest = nearestNeighbours(values, 6, 2, 0, 10, DistanceMetric::Euclidean);
        QCOMPARE(nearest.size(), std::size_t(5));
        // (1, 1) and the origin are both at 1: ties by index.
        QCOMPARE(nearest[0].index, std::size_t(4));
        QCOMPARE(nearest[0].distance, 1.0);
        QCOMPARE(nearest[1].index, std::size_t(5));
        QCOMPARE(nearest[1].distance, 1.0);
        QCOMPARE(nearest[2].index, std::size_t(1)); // (0, 1) at √2
        QVERIFY(std::abs(nearest[2].distance - std::sqrt(2.0)) < 1e-12);
        QCOMPARE(nearest[3].index, std::size_t(2)); // (−1, 0) at 2
        QCOMPARE(nearest[3].distance, 2.0);
        QCOMPARE(nearest[4].index, std::size_t(3)); // (100, 1) at √(99² + 1)
        QVERIFY(std::abs(nearest[4].distance - std::sqrt(99.0 * 99 + 1)) < 1e-9);
    }

    void manyColumnsMatchAPlainSum()
    {
        // More columns than one four-wide step, and a remainder: points on a line at 0..9 in
        // every one of 7 dimensions; the nearest to point 4 are 3 and 5, then 2 and 6, ...
        constexpr std::size_t kRows = 10, kColumns = 7;
        std::vector<float> values;
        for (std::size_t r = 0; r < kRows; ++r)
            for (std::size_t c = 0; c < kColumns; ++c)
                values.push_back(float(r));
        const auto nearest
            = nearestNeighbours(values, kRows, kColumns, 4, 4, DistanceMetric::Euclidean);
        QCOMPARE(nearest.size(), std::size_t(4));
        const std::size_t expected[] {3, 5, 2, 6};
        for (std::size_t i = 0; i < 4; ++i)
            QCOMPARE(nearest[i].index, expected[i]);
        QVERIFY(std::abs(nearest[0].distance - std::sqrt(7.0)) < 1e-12);
        QVERIFY(std::abs(nearest[2].distance - 2 * std::sqrt(7.0)) < 1e-12);
    }

    void countIsClampedAndKeepsTheNearest()
    {
        // 1,000 points on a line: asking for 3 gives the same 3 as the head of asking for all.
        std::vector<float> values;
        for (int r = 0; r < 1000; ++r)
            values.push_back(float((r * 7919) % 1000)); // a permutation of 0..999
        const auto all = nearestNeighbours(values, 1000, 1, 0, 5000, DistanceMetric::Euclidean);
        QCOMPARE(all.size(), std::size_t(999));
        const auto three = nearestNeighbours(values, 1000, 1, 0, 3, DistanceMetric::Euclidean);
        QCOMPARE(three.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i)
            QCOMPARE(three[i].index, all[i].index);
        for (std::size_t i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].distance <= all[i].distance);
    }

    void notANumberSortsLast()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const std::vector<float> values {0, 0, nan, 0, 3, 0, 1, 0};
        const auto nearest = nearestNeighbours(values, 4, 2, 0, 3, DistanceMetric::Euclidean);
        QCOMPARE(nearest.size(), std::size_t(3));
        QCOMPARE(nearest[0].index, std::size_t(3));
        QCOMPARE(nearest[1].index, std::size_t(2));
        QCOMPARE(nearest[2].index, std::size_t(1));
    }

    void countAndBadQueries()
    {
        const std::vector<float> values {1, 0, 0, 1, 1, 1};
        for (const auto metric : {DistanceMetric::Cosine, DistanceMetric::Euclidean}) {
            QCOMPARE(nearestNeighbours(values, 3, 2, 1, 1, metric).size(), std::size_t(1));
            QVERIFY(nearestNeighbours(values, 3, 2, 1, 0, metric).empty());
            QVERIFY(nearestNeighbours(values, 3, 2, 3, 5, metric).empty());
            QVERIFY(nearestNeighbours(values, 4, 2, 0, 5, metric).empty()); // too few values
            QVERIFY(nearestNeighbours(values, 1, 2, 0, 5, metric).empty()); // nobody else
            QVERIFY(nearestNeighbours(values, 3, 0, 0, 5, metric).empty());
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestNearestNeighbours)
#include "test_nearest_neighbours.moc"
