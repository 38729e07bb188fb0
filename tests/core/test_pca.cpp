// Principal components on cases worked out by hand: points on a line, on a plane with known
// spreads, and a wide matrix that takes the randomized path.

#include "core/analysis/pca.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace lantern::core;

class TestPca : public QObject {
    Q_OBJECT
private slots:
    void pointsOnALineHaveOneComponent()
    {
        // Points t·(1, 2, 2)/3 + (5, 5, 5) for t = -2..2: all variance along one direction,
        // and the first coordinate is ±t (the direction has unit length).
        std::vector<float> values;
        for (int t = -2; t <= 2; ++t)
            for (float d : {1.f, 2.f, 2.f})
                values.push_back(5.f + float(t) * d / 3.f);
        const PcaResult pca = principalComponents(values, 5, 3, 2);
        QCOMPARE(pca.components, std::size_t(2));
        QVERIFY(std::abs(pca.varianceRatio[0] - 1.0) < 1e-9);
        QVERIFY(std::abs(pca.varianceRatio[1]) < 1e-9);
        for (int t = -2; t <= 2; ++t) {
            QVERIFY(
                std::abs(std::abs(pca.coordinates[std::size_t(t + 2) * 2]) - std::abs(t)) < 1e-5);
            QVERIFY(std::abs(pca.coordinates[std::size_t(t + 2) * 2 + 1]) < 1e-5);
        }
        // The sign rule: the largest loading (y and z tie at 2/3) is positive, so the point
        // with t = 2 lies on the positive side.
        QVERIFY(pca.coordinates[4 * 2] > 0);
    }

    void planeSpreadsGiveVarianceRatios()
    {
        // The four points (±3, 0, 0) and (0, ±1, 0): variances 18/4 and 2/4 along x and y, so
        // PC1 explains 0.9 and PC2 0.1, and the third component nothing.
        const std::vector<float> values {3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0};
        const PcaResult pca = principalComponents(values, 4, 3, 3);
        QCOMPARE(pca.varianceRatio.size(), std::size_t(3));
        QVERIFY(std::abs(pca.varianceRatio[0] - 0.9) < 1e-9);
        QVERIFY(std::abs(pca.varianceRatio[1] - 0.1) < 1e-9);
        QVERIFY(std::abs(pca.varianceRatio[2]) < 1e-9);
        // Up to sign, PC1 is x and PC2 is y.
        QVERIFY(std::abs(std::abs(pca.coordinates[0 * 3 + 0]) - 3) < 1e-5);
        QVERIFY(std::abs(std::abs(pca.coordinates[2 * 3 + 1]) - 1) < 1e-5);
        QVERIFY(std::abs(pca.coordinates[2 * 3 + 0]) < 1e-5);
    }

    void componentsAreLimitedByRowsAndColumns()
    {
        const std::vector<float> values {1, 2, 3, 4};
        QCOMPARE(principalComponents(values, 2, 2, 10).components, std::size_t(2));
        QCOMPARE(principalComponents(values, 1, 4, 10).components, std::size_t(1));
        QCOMPARE(principalComponents({}, 0, 4, 10).components, std::size_t(0));
    }

    void sphereizeEqualisesLengths()
    {
        // (±3, 0) and (0, ±1) about the centre (10, 10): plain PCA explains 0.9 and 0.1;
        // sphereized, every point is at unit distance from the centroid, so the two axes
        // carry the same variance and every point sits at ±1 on one of them.
        const std::vector<float> values {13, 10, 7, 10, 10, 11, 10, 9};
        const PcaResult plain = principalComponents(values, 4, 2, 2);
        QVERIFY(std::abs(plain.varianceRatio[0] - 0.9) < 1e-9);
        PcaOptions options;
        options.sphereize = true;
        const PcaResult sphered = principalComponents(values, 4, 2, 2, options);
        QCOMPARE(sphered.rows, std::size_t(4));
        QVERIFY(std::abs(sphered.varianceRatio[0] - 0.5) < 1e-9);
        QVERIFY(std::abs(sphered.varianceRatio[1] - 0.5) < 1e-9);
        for (std::size_t r = 0; r < 4; ++r) {
            const double x = sphered.coordinates[r * 2], y = sphered.coordinates[r * 2 + 1];
            QVERIFY(std::abs(x * x + y * y - 1) < 1e-5);
        }
    }

    void sphereizeLeavesAPointAtTheCentroidThere()
    {
        // The centre point has no direction: it stays at the origin, not NaN.
        const std::vector<float> values {3, 0, -3, 0, 0, 1, 0, -1, 0, 0};
        PcaOptions options;
        options.sphereize = true;
        const PcaResult pca = principalComponents(values, 5, 2, 2, options);
        QCOMPARE(pca.coordinates[4 * 2], 0.f);
        QCOMPARE(pca.coordinates[4 * 2 + 1], 0.f);
        QVERIFY(std::abs(pca.varianceRatio[0] - 0.5) < 1e-9);
    }

    void aSubsetHasItsOwnComponents()
    {
        // Rows 0–3 spread along x (±3) and y (±1); rows 4 and 5 lie far apart along z. All
        // rows: z dominates. Rows 0–3 alone: 0.9 along x, and z explains nothing.
        const std::vector<float> values {
            3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 100, 0, 0, -100};
        const PcaResult all = principalComponents(values, 6, 3, 3);
        QVERIFY(all.varianceRatio[0] > 0.99);
        QVERIFY(all.sourceRows.empty());
        const std::vector<std::size_t> subset {3, 0, 1, 2, 99}; // 99 is out of range
        PcaOptions options;
        options.rowsSubset = subset;
        const PcaResult isolated = principalComponents(values, 6, 3, 3, options);
        QCOMPARE(isolated.rows, std::size_t(4));
        QCOMPARE(isolated.sourceRows, (std::vector<std::size_t> {3, 0, 1, 2}));
        QCOMPARE(isolated.coordinates.size(), std::size_t(4 * 3));
        QVERIFY(std::abs(isolated.varianceRatio[0] - 0.9) < 1e-9);
        QVERIFY(std::abs(isolated.varianceRatio[1] - 0.1) < 1e-9);
        QVERIFY(std::abs(isolated.varianceRatio[2]) < 1e-9);
        // Coordinates follow the subset's order: its first point is row 3, (0, −1, 0).
        QVERIFY(std::abs(isolated.coordinates[0]) < 1e-5);
        QVERIFY(std::abs(std::abs(isolated.coordinates[1]) - 1) < 1e-5);
        QVERIFY(std::abs(std::abs(isolated.coordinates[1 * 3]) - 3) < 1e-5); // row 0
    }

    void wideMatrixMatchesKnownSpreads()
    {
        // 3000 columns take the randomized path. Rows are a·e1 + b·e2 + small noise with
        // a, b of standard deviations 10 and 5: ratios near 0.8 and 0.2.
        constexpr std::size_t kRows = 300, kColumns = 3000;
        std::mt19937 random(4);
        std::normal_distribution<float> normal;
        std::vector<float> values(kRows * kColumns);
        for (std::size_t r = 0; r < kRows; ++r) {
            for (std::size_t c = 0; c < kColumns; ++c)
                values[r * kColumns + c] = 0.001f * normal(random);
            values[r * kColumns + 7] += 10 * normal(random);
            values[r * kColumns + 2000] += 5 * normal(random);
        }
        const PcaResult pca = principalComponents(values, kRows, kColumns, 2);
        QCOMPARE(pca.components, std::size_t(2));
        const double first = pca.varianceRatio[0], second = pca.varianceRatio[1];
        QVERIFY2(
            std::abs(first + second - 1.0) < 1e-3, qPrintable(QString::number(first + second)));
        QVERIFY2(first > 0.7 && first < 0.9, qPrintable(QString::number(first)));
        // The noise aside, this is the PCA of columns 7 and 2000 alone, which the exact path
        // computes: the same coordinates up to sign.
        std::vector<float> twoColumns;
        for (std::size_t r = 0; r < kRows; ++r) {
            twoColumns.push_back(values[r * kColumns + 7]);
            twoColumns.push_back(values[r * kColumns + 2000]);
        }
        const PcaResult exact = principalComponents(twoColumns, kRows, 2, 2);
        for (std::size_t c = 0; c < 2; ++c) {
            const float sign = pca.coordinates[c] * exact.coordinates[c] < 0 ? -1.f : 1.f;
            for (std::size_t r = 0; r < kRows; ++r)
                QVERIFY2(std::abs(pca.coordinates[r * 2 + c] - sign * exact.coordinates[r * 2 + c])
                        < 0.01,
                    qPrintable(QStringLiteral("row %1 component %2").arg(r).arg(c)));
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestPca)
#include "test_pca.moc"
