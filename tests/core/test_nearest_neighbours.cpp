// Nearest neighbours by cosine distance: direction counts, length does not.

#include "core/analysis/nearest_neighbours.h"

#include <QTest>

using namespace lantern::core;

class TestNearestNeighbours : public QObject {
    Q_OBJECT
private slots:
    void orderedByAngleNotLength()
    {
        // Point 0 is (1, 0). Point 3 is (100, 1): far away but nearly the same direction.
        const std::vector<float> values {1, 0, 0, 1, -1, 0, 100, 1, 1, 1, 0, 0};
        const auto nearest = nearestByCosine(values, 6, 2, 0, 10);
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

    void countAndBadQueries()
    {
        const std::vector<float> values {1, 0, 0, 1, 1, 1};
        QCOMPARE(nearestByCosine(values, 3, 2, 1, 1).size(), std::size_t(1));
        QVERIFY(nearestByCosine(values, 3, 2, 3, 5).empty());
        QVERIFY(nearestByCosine(values, 4, 2, 0, 5).empty()); // too few values
    }
};

QTEST_GUILESS_MAIN(TestNearestNeighbours)
#include "test_nearest_neighbours.moc"
