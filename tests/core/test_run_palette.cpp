// Run colours: the CIEDE2000 difference against published reference pairs, the palette's first
// 50 colours pairwise far apart, and the choice of a run's colour (stable by name, never a
// colour another run shows while a free one remains).

#include "core/analysis/color_difference.h"
#include "core/analysis/run_palette.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <set>
#include <string>

using namespace lantern::core;

class TestRunPalette : public QObject {
    Q_OBJECT
private slots:
    // Pairs and differences from Sharma, Wu and Dalal's test data for CIEDE2000.
    void ciede2000MatchesReferencePairs()
    {
        struct Pair {
            Lab first, second;
            double expected;
        };
        const Pair pairs[] = {
            {{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425},
            {{50, 0, 0}, {50, -1, 2}, 2.3669},
            {{50, 2.5, 0}, {73, 25, -18}, 27.1492},
            {{50, 2.5, 0}, {61, -5, 29}, 22.8977},
            {{50, 2.5, 0}, {56, -27, -3}, 31.9030},
            {{50, 2.5, 0}, {58, 24, 15}, 19.4535},
        };
        for (const Pair& pair : pairs) {
            QVERIFY(std::abs(ciede2000(pair.first, pair.second) - pair.expected) < 1e-4);
            QVERIFY(std::abs(ciede2000(pair.second, pair.first) - pair.expected) < 1e-4);
        }
        QCOMPARE(ciede2000(labOf({10, 200, 30}), labOf({10, 200, 30})), 0.0);
    }

    void labOfKnownColours()
    {
        const Lab white = labOf({255, 255, 255});
        QVERIFY(std::abs(white.l - 100) < 0.01 && std::abs(white.a) < 0.01);
        const Lab red = labOf({255, 0, 0}); // sRGB red: L* 53.24, a* 80.09, b* 67.20
        QVERIFY(std::abs(red.l - 53.24) < 0.02);
        QVERIFY(std::abs(red.a - 80.09) < 0.05);
        QVERIFY(std::abs(red.b - 67.20) < 0.05);
    }

    // 50 runs side by side: no two of their colours closer than a difference of 9 (about nine
    // times what one notices side by side); the first 20, one tier, keep 15 apart.
    void firstFiftyColoursArePairwiseDistinct()
    {
        const auto minimumDifference = [](std::size_t count) {
            double smallest = 1e9;
            for (std::size_t i = 0; i < count; ++i)
                for (std::size_t j = 0; j < i; ++j)
                    smallest = std::min(
                        smallest, ciede2000(labOf(paletteColor(i)), labOf(paletteColor(j))));
            return smallest;
        };
        QVERIFY2(minimumDifference(kPaletteHues) >= 15,
            qPrintable(QString::number(minimumDifference(kPaletteHues))));
        QVERIFY2(minimumDifference(50) >= 9, qPrintable(QString::number(minimumDifference(50))));
        QVERIFY(minimumDifference(kPaletteSize) >= 9);
        QCOMPARE(paletteColor(kPaletteSize), paletteColor(0));
    }

    void choiceIsStableAndAvoidsTakenColours()
    {
        const std::uint32_t hash = runNameHash("train");
        QCOMPARE(hash, runNameHash("train"));
        QVERIFY(hash != runNameHash("eval"));
        std::vector<bool> used(kPaletteSize, false);
        const std::size_t first = choosePaletteIndex(hash, used);
        QCOMPARE(first, std::size_t(hash % kPaletteHues)); // its own hue, in the first tier
        used[first] = true;
        QCOMPARE(choosePaletteIndex(hash, used), (first + 1) % kPaletteHues);
        // The first tier taken: the darker tier, from the run's own hue.
        std::fill(used.begin(), used.begin() + kPaletteHues, true);
        QCOMPARE(choosePaletteIndex(hash, used), kPaletteHues + first);
        // 60 runs in turn take 60 different colours.
        std::vector<bool> taken(kPaletteSize, false);
        std::set<std::size_t> chosen;
        for (int run = 0; run < int(kPaletteSize); ++run) {
            const std::size_t index
                = choosePaletteIndex(runNameHash("run" + std::to_string(run)), taken);
            taken[index] = true;
            chosen.insert(index);
        }
        QCOMPARE(chosen.size(), kPaletteSize);
        QCOMPARE(choosePaletteIndex(hash, taken), std::size_t(hash % kPaletteSize)); // all taken
    }
};

LANTERN_TEST_GUILESS_MAIN(TestRunPalette)
#include "test_run_palette.moc"
