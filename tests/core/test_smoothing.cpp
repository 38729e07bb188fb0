// TensorBoard's debiased EMA: values worked out by hand, non-finite values passing through, and
// smoothing resumed after an append equal to smoothing everything at once.

#include "core/analysis/smoothing.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

using namespace lantern::core;

class TestSmoothing : public QObject {
    Q_OBJECT
private slots:
    void handComputedWeight06()
    {
        // last: 0.4, 1.04, 1.824, 2.6944; debias 1 − 0.6^n: 0.4, 0.64, 0.784, 0.8704.
        const std::vector<double> values {1, 2, 3, 4};
        const std::vector<double> expected {1.0, 1.625, 1.824 / 0.784, 2.6944 / 0.8704};
        const std::vector<double> got = smooth(values, 0.6);
        QCOMPARE(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            QVERIFY2(std::abs(got[i] - expected[i]) <= 1e-12 * std::abs(expected[i]),
                qPrintable(QString("%1: %2 vs %3")
                               .arg(i)
                               .arg(got[i], 0, 'g', 17)
                               .arg(expected[i], 0, 'g', 17)));
        // The first smoothed value is the first value: debiasing removes the pull towards 0.
        QCOMPARE(smooth(std::vector<double> {-7.25}, 0.95)[0], -7.25);
    }

    void weightZeroIsTheIdentity()
    {
        const std::vector<double> values {3.5, -1, 0, 1e300, -0.0, 42};
        const std::vector<double> got = smooth(values, 0.0);
        for (std::size_t i = 0; i < values.size(); ++i)
            QCOMPARE(got[i], values[i]);
    }

    void nonFiniteValuesPassThrough()
    {
        const double inf = std::numeric_limits<double>::infinity();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> values {1, 2, nan, 3, inf, -inf, 4};
        const std::vector<double> got = smooth(values, 0.6);
        // The finite values smooth as if the others were not there (n counts finite values).
        const std::vector<double> finite = smooth(std::vector<double> {1, 2, 3, 4}, 0.6);
        QCOMPARE(got[0], finite[0]);
        QCOMPARE(got[1], finite[1]);
        QVERIFY(std::isnan(got[2]));
        QCOMPARE(got[3], finite[2]);
        QCOMPARE(got[4], inf);
        QCOMPARE(got[5], -inf);
        QCOMPARE(got[6], finite[3]);
        // Leading non-finite values do not start the count either.
        const std::vector<double> late = smooth(std::vector<double> {nan, nan, 5}, 0.9);
        QVERIFY(std::isnan(late[0]) && std::isnan(late[1]));
        QCOMPARE(late[2], 5.0);
    }

    void weightIsClamped()
    {
        // Beyond 0.999 TensorBoard's slider stops; w = 1 would divide by zero.
        const std::vector<double> values {1, 2, 3};
        QCOMPARE(smooth(values, 1.0), smooth(values, 0.999));
        QCOMPARE(smooth(values, -3.0), values);
        for (double v : smooth(values, 1.0))
            QVERIFY(std::isfinite(v));
    }

    void resumingEqualsOneShot()
    {
        std::mt19937_64 rng(1);
        std::vector<double> values(5000);
        std::normal_distribution<double> noise(0, 1);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = rng() % 50 == 0 ? std::nan("") : std::exp(-double(i) / 800) + noise(rng);
        for (double weight : {0.0, 0.3, 0.6, 0.9, 0.999}) {
            const std::vector<double> oneShot = smooth(values, weight);
            SmoothingState state;
            state.weight = weight;
            std::vector<double> resumed(values.size());
            // Appended in irregular pieces, as a loader would deliver them.
            for (std::size_t at = 0; at < values.size();) {
                const std::size_t n = std::min<std::size_t>(1 + rng() % 300, values.size() - at);
                smooth(std::span(values).subspan(at, n), state, std::span(resumed).subspan(at, n));
                at += n;
            }
            for (std::size_t i = 0; i < values.size(); ++i)
                QCOMPARE(std::bit_cast<std::uint64_t>(resumed[i]),
                    std::bit_cast<std::uint64_t>(oneShot[i]));
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestSmoothing)
#include "test_smoothing.moc"
