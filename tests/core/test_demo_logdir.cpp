// The built-in demo: really trained, one learning rate converging and one diverging, with
// every kind of data a first-time user should see.

#include "core/analysis/custom_chart_tags.h"
#include "core/demo/demo_audio.h"
#include "core/demo/demo_logdir.h"
#include "core/io/path_text.h"
#include "core/load/logdir_custom_scalars.h"
#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

double meanOf(const ScalarSnapshot& loss, std::size_t first, std::size_t count)
{
    double sum = 0;
    for (std::size_t i = first; i < first + count; ++i)
        sum += loss[i].value;
    return sum / double(count);
}

} // namespace

class TestDemoLogdir : public QObject {
    Q_OBJECT
private slots:
    void demoIsTrainedAndComplete()
    {
        QTemporaryDir temp;
        const fs::path directory = pathFromText(temp.path().toStdString()) / "demo";
        DemoOptions options;
        options.directory = directory;
        double lastProgress = 0;
        QVERIFY(!isDemoLogdirCurrent(directory));
        QCOMPARE(writeDemoLogdir(options, [&](double p) { lastProgress = p; }), std::string());
        QCOMPARE(lastProgress, 1.0);
        QVERIFY(isDemoLogdirCurrent(directory));

        LogdirLoader loader({{"", directory}});
        loader.reload();
        const auto runs = loader.runs();
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0]->name, std::string("lr_0.003"));
        QCOMPARE(runs[1]->name, std::string("lr_0.3"));
        for (const RunData* run : runs) {
            QCOMPARE(run->tags.at("loss").scalars().size(), std::size_t(options.steps));
            QCOMPARE(
                run->tags.at("global_step/sec").scalars().size(), std::size_t(options.steps / 10));
            QCOMPARE(
                run->tags.at("dense/kernel").histograms().size(), std::size_t(options.steps / 10));
            QCOMPARE(run->tags.at("dense_1/activations").kind, ValueKind::Histogram);
            QCOMPARE(run->tags.at("run_description").kind, ValueKind::Text);
            // Audio at each quarter: the loss as pitch, and two tones a value.
            QCOMPARE(run->tags.at("audio/loss_as_pitch").kind, ValueKind::Audio);
            QCOMPARE(
                run->tags.at("audio/loss_as_pitch").blobs().size(), std::size_t(kDemoAudioValues));
            QCOMPARE(run->tags.at("audio/tones").blobs().size(), std::size_t(kDemoAudioValues));
            QCOMPARE(run->tags.at("audio/tones").blobs().snapshot()[0].count, std::uint32_t(2));
            QVERIFY(run->graph.has_value());
            QVERIFY(run->diagnostics.empty());
        }
        // The small learning rate converges: the last twenty steps' loss is far below the first.
        const ScalarSnapshot good = runs[0]->tags.at("loss").scalars().snapshot();
        QVERIFY(meanOf(good, good.size() - 20, 20) < 0.5 * meanOf(good, 0, 20));
        // The large one does not: it ends far above where the small one ends, yet every loss
        // it logs is finite, so its curve can be drawn (clipping keeps it from overflowing).
        const ScalarSnapshot bad = runs[1]->tags.at("loss").scalars().snapshot();
        const double badEnd = meanOf(bad, bad.size() - 20, 20);
        QVERIFY(badEnd > 10 * meanOf(good, good.size() - 20, 20));
        for (std::size_t i = 0; i < bad.size(); ++i)
            QVERIFY(std::isfinite(bad[i].value));

        // A custom scalars layout whose charts find their tags: the Scalars tab's custom section.
        const CustomScalarsLayout layout = customScalarsLayout(*loader.snapshot());
        QVERIFY(layout.problems.empty());
        QCOMPARE(layout.categories.size(), std::size_t(1));
        QCOMPARE(layout.categories[0].charts.size(), std::size_t(2));
        std::vector<std::string> tags;
        for (const auto& [tag, data] : runs[0]->tags)
            if (data.kind == ValueKind::Scalar)
                tags.emplace_back(tag);
        for (const CustomChart& chart : layout.categories[0].charts)
            QVERIFY(chartTags(chart, tags).problems.empty());
        const ScalarSnapshot p25 = runs[0]->tags.at("batch_error/p25").scalars().snapshot();
        const ScalarSnapshot p75 = runs[0]->tags.at("batch_error/p75").scalars().snapshot();
        QCOMPARE(p25.size(), std::size_t(options.steps));
        for (std::size_t i = 0; i < p25.size(); ++i)
            QVERIFY(p25[i].value <= p75[i].value);

        QVERIFY(fs::exists(directory / "projector_config.pbtxt"));
        QVERIFY(fs::file_size(directory / "embedding.tsv") > 100000);
        QVERIFY(fs::exists(directory / "embedding_metadata.tsv"));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestDemoLogdir)
#include "test_demo_logdir.moc"
