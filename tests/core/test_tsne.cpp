// t-SNE on Gaussian clusters of our own making (10 clusters × 100 points in 50-D, 50 points
// under the sanitizers; spread so that they overlap in distance and PCA mixes them): the layout
// must keep each point among its own cluster and keep the original neighbourhoods (floors a
// broken gradient or affinity cannot reach, and PCA does not), the cost must fall, a seed must
// give the same layout every time, and bad input must be refused or handled with a note.

#include "core/analysis/pca.h"
#include "core/analysis/tsne.h"
#include "core/analysis/tsne_affinities.h"
#include "tests/support/layout_quality.h"
#include "tests/support/sanitizers.h"
#include "tests/support/stage_reports.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <random>

using namespace lantern::core;
using lantern::test::fullOrSanitized;
using lantern::test::neighbourLabelAgreement;
using lantern::test::trustworthiness;

namespace {

struct Clusters {
    std::size_t rows = 0, columns = 0;
    std::vector<float> values;
    std::vector<int> labels;
};

// Like sklearn's make_blobs: centres uniform in [−10, 10]^columns, points normal around them
// with standard deviation `spread`, clusters interleaved in row order.
Clusters gaussianClusters(
    std::size_t clusters, std::size_t perCluster, std::size_t columns, double spread, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> uniform(-10, 10);
    std::normal_distribution<double> normal(0, spread);
    std::vector<double> centres(clusters * columns);
    for (double& c : centres)
        c = uniform(random);
    Clusters out;
    out.rows = clusters * perCluster;
    out.columns = columns;
    for (std::size_t r = 0; r < out.rows; ++r) {
        const std::size_t cluster = r % clusters;
        out.labels.push_back(int(cluster));
        for (std::size_t c = 0; c < columns; ++c)
            out.values.push_back(float(centres[cluster * columns + c] + normal(random)));
    }
    return out;
}

const Clusters& testClusters()
{
    static const Clusters clusters
        = gaussianClusters(10, fullOrSanitized<std::size_t>(100, 50), 50, 6.0, 7);
    return clusters;
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT
private slots:
    void clustersStayTogetherIn2d() { checkClusters(2); }
    void clustersStayTogetherIn3d() { checkClusters(3); }

    void divergenceFalls()
    {
        const Clusters& data = testClusters();
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        QVERIFY2(layout.ok(), layout.error().c_str());
        const double start = layout.klDivergence();
        layout.iterate(250); // the end of early exaggeration
        const double exaggerated = layout.klDivergence();
        layout.iterate(250);
        const double middle = layout.klDivergence();
        layout.iterate(500);
        const double end = layout.klDivergence();
        qInfo("KL: %.3f at 0, %.3f at 250, %.3f at 500, %.3f at 1000", start, exaggerated, middle,
            end);
        QCOMPARE(layout.iteration(), std::size_t(1000));
        QVERIFY(exaggerated < start);
        QVERIFY(middle < exaggerated);
        QVERIFY(end < middle);
        QVERIFY(end < 0.5 * start);
    }

    // The app refreshes the divergence between iterations: switching away must not wait for it.
    void divergenceCanBeCancelled()
    {
        const Clusters& data = testClusters();
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        QVERIFY2(layout.ok(), layout.error().c_str());
        layout.iterate(10);
        int asked = 0;
        const auto cancelled = [&asked] { return ++asked > 0; };
        QVERIFY(std::isnan(layout.klDivergence(cancelled)));
        QVERIFY(asked > 0);
        const double whole = layout.klDivergence();
        QVERIFY(std::isfinite(whole) && whole > 0);
        // Once computed for this iteration it is kept: a cancelled caller gets it too.
        QCOMPARE(layout.klDivergence(cancelled), whole);
    }

    void aSeedGivesTheSameLayout()
    {
        const Clusters& data = testClusters();
        TsneOptions options;
        options.seed = 42;
        const auto run = [&] {
            TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
            layout.iterate(300);
            return std::vector<float>(layout.coordinates().begin(), layout.coordinates().end());
        };
        const auto first = run();
        QCOMPARE(run(), first);
        options.seed = 43;
        QVERIFY(run() != first);
    }

    void iteratingInPiecesIsIteratingOnce()
    {
        // The UI runs ten steps at a time: that must be the same as all at once.
        const Clusters& data = testClusters();
        TsneLayout whole = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        TsneLayout pieces = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        whole.iterate(270);
        for (int n = 0; n < 27; ++n)
            pieces.iterate(10);
        QCOMPARE(pieces.iteration(), std::size_t(270));
        QVERIFY(std::equal(whole.coordinates().begin(), whole.coordinates().end(),
            pieces.coordinates().begin(), pieces.coordinates().end()));
    }

    void bandwidthReachesThePerplexity()
    {
        // 90 neighbours at spread-out distances, in units large and small: each row's
        // distribution must have the asked perplexity (e to its entropy in nats).
        for (const float unit : {1e-3f, 1.0f, 1e3f}) {
            std::vector<float> distances;
            for (int j = 0; j < 90; ++j)
                distances.push_back(unit * (1 + 0.1f * float(j) + 0.002f * float(j * j)));
            for (const double perplexity : {2.0, 30.0, 60.0}) {
                std::vector<double> p(90);
                conditionalAffinities(distances, perplexity, p);
                double sum = 0, entropy = 0;
                for (const double v : p) {
                    sum += v;
                    entropy -= v > 0 ? v * std::log(v) : 0;
                }
                QVERIFY(std::abs(sum - 1) < 1e-9);
                QVERIFY2(std::abs(std::exp(entropy) - perplexity) < 1e-3 * perplexity,
                    qPrintable(QString::number(std::exp(entropy))));
                QVERIFY(p[0] > p[89]); // nearer is likelier
            }
        }
    }

    void automaticLearningRate()
    {
        const Clusters& data = testClusters();
        QCOMPARE(TsneLayout::prepare(data.values, data.rows, data.columns, {}).learningRate(),
            200.0); // the number of points / 12 is less
        TsneOptions options;
        options.learningRate = 50;
        QCOMPARE(TsneLayout::prepare(data.values, data.rows, data.columns, options).learningRate(),
            50.0);
    }

    void nonFiniteValuesNameTheirRow()
    {
        const Clusters& data = testClusters();
        std::vector<float> values = data.values;
        values[57 * 50 + 3] = NAN;
        TsneLayout layout = TsneLayout::prepare(values, data.rows, 50, {});
        QVERIFY(!layout.ok());
        QVERIFY2(layout.error().find("row 58 ") != std::string::npos, layout.error().c_str());
        QVERIFY(layout.error().find("column 4") != std::string::npos);
        values[57 * 50 + 3] = 0;
        values[(data.rows - 1) * 50] = -INFINITY;
        layout = TsneLayout::prepare(values, data.rows, 50, {});
        const std::string last = "row " + std::to_string(data.rows) + " ";
        QVERIFY2(layout.error().find(last) != std::string::npos, layout.error().c_str());
        layout.iterate(5); // does nothing, and does not crash
        QCOMPARE(layout.iteration(), std::size_t(0));
    }

    void duplicatesAndConstantColumnsAreFine()
    {
        // 300 points of which each appears three times, and every other column constant.
        Clusters data = gaussianClusters(3, 100, 8, 1.0, 3);
        for (std::size_t r = 0; r < data.rows; ++r)
            for (std::size_t c = 0; c < data.columns; ++c) {
                if (c % 2 == 1)
                    data.values[r * data.columns + c] = 5;
                data.values[r * data.columns + c] = data.values[(r / 3 * 3) * data.columns + c];
            }
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        QVERIFY2(layout.ok(), layout.error().c_str());
        layout.iterate(300);
        for (const float v : layout.coordinates())
            QVERIFY(std::isfinite(v));
        QVERIFY(std::isfinite(layout.klDivergence()));

        // Every point the same: nothing to separate, but no NaN either.
        const std::vector<float> same(40 * 3, 1.5f);
        TsneLayout flat = TsneLayout::prepare(same, 40, 3, {});
        QVERIFY(flat.ok());
        flat.iterate(50);
        for (const float v : flat.coordinates())
            QVERIFY(std::isfinite(v));
    }

    void fewPointsClampThePerplexity()
    {
        const Clusters data = gaussianClusters(2, 10, 5, 1.0, 4);
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        QVERIFY(layout.ok());
        QCOMPARE(layout.perplexity(), 19.0 / 3);
        QCOMPARE(layout.notes().size(), std::size_t(1));
        QVERIFY2(
            layout.notes()[0].find("20 points") != std::string::npos, layout.notes()[0].c_str());
        // The automatic rate's floor of 200 is a large step for 20 points (the layout swings out
        // to thousands during exaggeration and needs ~1,000 steps to settle); a set rate of 20
        // separates the two clusters well within 500.
        TsneOptions smallStep;
        smallStep.learningRate = 20;
        layout = TsneLayout::prepare(data.values, data.rows, data.columns, smallStep);
        layout.iterate(500);
        QCOMPARE(neighbourLabelAgreement(layout.coordinates(), 20, 2, data.labels, 5), 1.0);

        TsneOptions options;
        options.perplexity = 500;
        const Clusters& big = testClusters();
        layout = TsneLayout::prepare(big.values, big.rows, big.columns, options);
        QCOMPARE(layout.perplexity(), 100.0);
        QVERIFY(layout.notes()[0].find("outside 2–100") != std::string::npos);
    }

    void onePointAndNone()
    {
        const std::vector<float> one {1, 2, 3};
        TsneLayout layout = TsneLayout::prepare(one, 1, 3, {});
        QVERIFY(layout.ok());
        layout.iterate(10);
        QCOMPARE(layout.coordinates().size(), std::size_t(2));
        QCOMPARE(layout.coordinates()[0], 0.0f);
        QCOMPARE(layout.iteration(), std::size_t(10));
        layout = TsneLayout::prepare({}, 0, 3, {});
        QVERIFY(!layout.ok());
        QVERIFY(!layout.error().empty());
    }

    void widerInputIsReducedByPca()
    {
        Clusters data = gaussianClusters(4, 50, 120, 3.0, 5);
        TsneOptions options;
        options.dimensions = 3;
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
        QVERIFY(layout.ok());
        QCOMPARE(layout.dimensions(), std::size_t(3));
        QCOMPARE(layout.coordinates().size(), std::size_t(200 * 3));
        QVERIFY(std::any_of(layout.notes().begin(), layout.notes().end(),
            [](const std::string& note) { return note.find("120 to 50") != std::string::npos; }));
    }

    void preparationReportsItsStagesInOrder()
    {
        Clusters data = gaussianClusters(4, 100, 60, 3.0, 5);
        lantern::test::StageReports reports;
        TsneOptions options;
        options.progress = reports.callback();
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
        QVERIFY(layout.ok());
        QCOMPARE(reports.stages(),
            (std::vector<std::string> {
                "Reducing to 50 dimensions (PCA)", "Finding neighbours", "Computing affinities"}));
        QVERIFY2(reports.problem().empty(), reports.problem().c_str());
        QVERIFY(reports.count() > 6); // more than a start and an end per stage
    }

    void cancellation()
    {
        const Clusters& data = testClusters();
        TsneLayout layout
            = TsneLayout::prepare(data.values, data.rows, data.columns, {}, [] { return true; });
        QVERIFY(!layout.ok());
        QCOMPARE(layout.error(), std::string("cancelled"));

        // Cancelled part-way through the kNN graph or the affinities.
        std::atomic<int> polls {0};
        layout = TsneLayout::prepare(
            data.values, data.rows, data.columns, {}, [&] { return ++polls > 3; });
        QCOMPARE(layout.error(), std::string("cancelled"));

        layout = TsneLayout::prepare(data.values, data.rows, data.columns, {});
        polls = 0;
        layout.iterate(1000, [&] { return ++polls > 20; });
        QVERIFY(layout.iteration() < 20);
        QVERIFY(layout.ok()); // a paused layout goes on where it stopped
        layout.iterate(5);
        for (const float v : layout.coordinates())
            QVERIFY(std::isfinite(v));
    }

    // Above 100,000 points the neighbours come from the forest, whose trees take a while each:
    // cancelled a tenth of the way through finding neighbours, preparation stops there (no
    // report comes from far past that point, none from a later stage). Fewer columns under the
    // sanitizers: the forest is chosen by the number of points alone.
    void cancellingALargeInputStopsWithinTheStage()
    {
        const Clusters data
            = gaussianClusters(10, 12'000, fullOrSanitized<std::size_t>(50, 10), 6.0, 9);
        std::atomic<bool> cancel {false};
        double furthest = 0;
        std::vector<std::string> stages;
        TsneOptions options;
        options.progress = [&](std::string_view stage, double done) {
            if (stages.empty() || stages.back() != stage)
                stages.emplace_back(stage);
            furthest = std::max(furthest, done);
            if (stage == "Finding neighbours" && done >= 0.1)
                cancel = true;
        };
        const TsneLayout layout = TsneLayout::prepare(
            data.values, data.rows, data.columns, options, [&] { return cancel.load(); });
        QCOMPARE(layout.error(), std::string("cancelled"));
        QCOMPARE(stages, std::vector<std::string> {"Finding neighbours"});
        QVERIFY2(furthest < 0.3, qPrintable(QString::number(furthest)));
    }

    void supervisionPullsLabelsApart()
    {
        // Two clusters mixed together: without labels t-SNE cannot tell them apart; with full
        // supervision by label it must.
        Clusters data = gaussianClusters(2, 100, 10, 3.0, 6);
        for (std::size_t r = 0; r < data.rows; ++r)
            for (std::size_t c = 0; c < data.columns; ++c)
                data.values[r * data.columns + c]
                    = data.values[(r / 2 * 2) * data.columns + c] + float(r % 2) * 0.01f * float(c);
        const std::vector<std::int32_t> labels(data.labels.begin(), data.labels.end());
        TsneOptions options;
        options.labels = labels;
        options.supervision = 1;
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
        layout.iterate(500);
        const double supervised
            = neighbourLabelAgreement(layout.coordinates(), data.rows, 2, data.labels, 10);
        options.supervision = 0;
        layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
        layout.iterate(500);
        const double unsupervised
            = neighbourLabelAgreement(layout.coordinates(), data.rows, 2, data.labels, 10);
        qInfo("label agreement: %.3f supervised, %.3f not", supervised, unsupervised);
        options.supervision = 1;
        options.labels = std::span(labels).first(100);
        layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
        QCOMPARE(layout.notes().size(), std::size_t(1));
        QVERIFY(
            layout.notes()[0].find("label for every point (200), not 100") != std::string::npos);
        QVERIFY(supervised > 0.9);
        QVERIFY(unsupervised < 0.7);
    }

private:
    void checkClusters(std::size_t dimensions)
    {
        const Clusters& data = testClusters();
        TsneOptions options;
        options.dimensions = dimensions;
        TsneLayout layout = TsneLayout::prepare(data.values, data.rows, data.columns, options);
        QVERIFY2(layout.ok(), layout.error().c_str());
        QVERIFY(layout.notes().empty());
        layout.iterate(1000);
        QCOMPARE(layout.coordinates().size(), data.rows * dimensions);
        const double agreement
            = neighbourLabelAgreement(layout.coordinates(), data.rows, dimensions, data.labels, 10);
        const double trust = trustworthiness(
            data.values, data.columns, layout.coordinates(), dimensions, data.rows, 10);
        // For contrast: PCA to the same dimensions.
        const PcaResult pca = principalComponents(data.values, data.rows, data.columns, dimensions);
        const double pcaAgreement
            = neighbourLabelAgreement(pca.coordinates, data.rows, dimensions, data.labels, 10);
        const double pcaTrust = trustworthiness(
            data.values, data.columns, pca.coordinates, dimensions, data.rows, 10);
        qInfo("%zu-D: label agreement %.4f (PCA %.4f), trustworthiness %.4f (PCA %.4f)", dimensions,
            agreement, pcaAgreement, trust, pcaTrust);
        QVERIFY(agreement > 0.97);
        QVERIFY(trust > 0.90);
        QVERIFY(agreement > pcaAgreement + 0.1);
        QVERIFY(trust > pcaTrust + 0.02);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestTsne)
#include "test_tsne.moc"
