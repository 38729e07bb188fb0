// The projector's custom projection: axes from the means of what two searches find, each
// point's coordinate its signed distance along the axis from the midpoint, the match counts
// reported, and an invalid regular expression, an empty query, no match or coinciding means
// said plainly (that axis flat).

#include "core/projector/custom_projection.h"
#include "tests/support/test_main.h"

#include <QTest>

using namespace lantern::core;

namespace {

// Four points in 3-D labelled a, b, c, d, and one "ab" between a and b.
const std::vector<float> kValues = {
    0, 0, 0, // a
    4, 0, 0, // b
    0, 2, 0, // c
    0, -2, 6, // d
    2, 0, 0, // ab
};

MetadataTable labels()
{
    return parseMetadataTsv("a\nb\nc\nd\nab\n");
}

std::array<CustomQuery, 4> queries(
    const char* left, const char* right, const char* down, const char* up, bool regex = true)
{
    const auto how = regex ? MetadataMatch::RegularExpression : MetadataMatch::Substring;
    return {CustomQuery {left, how}, CustomQuery {right, how}, CustomQuery {down, how},
        CustomQuery {up, how}};
}

} // namespace

class TestCustomProjection : public QObject {
    Q_OBJECT
private slots:
    void coordinatesAlongTheMeansOfTheMatches()
    {
        const MetadataTable table = labels();
        const auto projection
            = customProjection(kValues, 5, 3, table, 0, queries("^a$", "^b$", "^d$", "^c$"));
        QVERIFY2(projection.axes[0].problem.empty(), projection.axes[0].problem.c_str());
        QVERIFY2(projection.axes[1].problem.empty(), projection.axes[1].problem.c_str());
        QCOMPARE(projection.axes[0].matches, (std::array<std::size_t, 2> {1, 1}));
        QCOMPARE(projection.axes[1].matches, (std::array<std::size_t, 2> {1, 1}));
        const auto& xy = projection.coordinates;
        QCOMPARE(xy.size(), std::size_t(10));
        // x runs from a (0,0,0) to b (4,0,0): midpoint 2, so a is at −2, b at +2, ab at 0.
        QCOMPARE(xy[0], -2.f);
        QCOMPARE(xy[2], 2.f);
        QCOMPARE(xy[8], 0.f);
        // y runs from d (0,−2,6) up to c (0,2,0): a direction of length √52 through (0,0,3).
        const float length = std::sqrt(52.f);
        QVERIFY(std::abs(xy[5] - length / 2) < 1e-5f); // c
        QVERIFY(std::abs(xy[7] + length / 2) < 1e-5f); // d
        QVERIFY(std::abs(xy[1] - 18 / length) < 1e-5f); // a: (0,0,−3)·(0,4,−6)/√52
    }

    void plainSearchesAverageEveryMatch()
    {
        const MetadataTable table = labels();
        // "a" matches a and ab (means (1,0,0)); "b" matches b and ab (mean (3,0,0)).
        const auto projection
            = customProjection(kValues, 5, 3, table, 0, queries("a", "b", "d", "c", false));
        QCOMPARE(projection.axes[0].matches, (std::array<std::size_t, 2> {2, 2}));
        QCOMPARE(projection.coordinates[0], -2.f); // a, from the midpoint 2
        QCOMPARE(projection.coordinates[8], 0.f); // ab
    }

    void onlyTheAskedPointsInTheirOrder()
    {
        const MetadataTable table = labels();
        const std::vector<std::size_t> points = {4, 1};
        const auto projection = customProjection(
            kValues, 5, 3, table, 0, queries("^a$", "^b$", "^d$", "^c$"), points);
        QCOMPARE(projection.coordinates.size(), std::size_t(4));
        QCOMPARE(projection.coordinates[0], 0.f); // ab
        QCOMPARE(projection.coordinates[2], 2.f); // b
        QCOMPARE(projection.axes[0].matches, (std::array<std::size_t, 2> {1, 1}));
    }

    void problemsAreSaidAndTheAxisIsFlat()
    {
        const MetadataTable table = labels();
        auto projection
            = customProjection(kValues, 5, 3, table, 0, queries("(", "^b$", "^d$", "nothing"));
        QVERIFY(projection.axes[0].problem.starts_with("x left: "));
        QVERIFY(
            projection.axes[1].problem.find("no point matches \"nothing\"") != std::string::npos);
        QCOMPARE(projection.axes[1].matches, (std::array<std::size_t, 2> {1, 0}));
        for (const float value : projection.coordinates)
            QCOMPARE(value, 0.f);

        projection = customProjection(kValues, 5, 3, table, 0, queries("", "^b$", "^a$", "^a$"));
        QVERIFY(projection.axes[0].problem.find("type what to search for") != std::string::npos);
        QVERIFY(projection.axes[1].problem.find("same mean") != std::string::npos);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestCustomProjection)
#include "test_custom_projection.moc"
