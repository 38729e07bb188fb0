// The Histograms and Distributions tabs fed from a real load: TF1 and TF2 histograms written
// with EventFileWriter, loaded by core::LogdirLoader, shown as a card per tag and run, switched
// between modes, hovered at known positions, and grabbed to PNGs.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_support.h"
#include "ui/dashboards/distributions/distributions_dashboard.h"
#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/run_list_model.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr double kStart = 1.7e9;

std::vector<double> normalSamples(std::mt19937& random, double mean, double sigma, int count)
{
    std::normal_distribution<double> normal(mean, sigma);
    std::vector<double> values(static_cast<std::size_t>(count));
    for (double& v : values)
        v = normal(random);
    return values;
}

// tf1: TF1 HistogramProto "weights/dense"; tf2: TF2 tensors "weights/dense" and
// "activations/relu", plus "known", five steps of buckets 10, 20, 10 over [0,1), [1,2), [2,3).
void writeLogdir(const fs::path& root)
{
    std::mt19937 random(3);
    {
        core::EventFileWriter writer(root / "tf1");
        for (int step = 0; step < 40; ++step)
            writer.addHistogram("weights/dense", step * 10,
                normalSamples(random, step * 0.05, 1 + step * 0.02, 500), core::SummaryStyle::Tf1,
                kStart + step * 60);
    }
    {
        core::EventFileWriter writer(root / "tf2");
        for (int step = 0; step < 40; ++step) {
            writer.addHistogram("weights/dense", step * 10,
                normalSamples(random, -step * 0.03, 1, 500), core::SummaryStyle::Tf2,
                kStart + step * 60);
            writer.addHistogram("activations/relu", step * 10,
                normalSamples(random, 0.5, 0.2 + step * 0.01, 300), core::SummaryStyle::Tf2,
                kStart + step * 60);
        }
        const core::HistogramBucket known[] = {{0, 1, 10}, {1, 2, 20}, {2, 3, 10}};
        for (int step = 0; step < 5; ++step)
            writer.addHistogramBuckets("known", step, known, kStart + step * 60);
    }
}

} // namespace

class TestHistogramDashboards : public QObject {
    Q_OBJECT
private slots:
    void cardsModesHoverAndGrab()
    {
        QTemporaryDir temp;
        const fs::path root = temp.path().toStdString();
        writeLogdir(root);
        core::LogdirLoader loader({{"", root}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        QCOMPARE(snapshot->runs.size(), 2u);

        ui::RunListModel runs;
        runs.setSnapshot(snapshot);
        ui::HistogramsDashboard histograms(&runs);
        histograms.resize(1000, 1000);
        histograms.show();
        QVERIFY(QTest::qWaitForWindowExposed(&histograms));
        histograms.setSnapshot(snapshot);
        QTRY_VERIFY(!histograms.isComputing()); // rebinning runs on a worker thread

        // A card per tag and run, grouped by prefix in natural order.
        QCOMPARE(
            histograms.grid()->groupNames(), (QStringList {"activations", "known", "weights"}));
        QCOMPARE(histograms.grid()->cardTitles(),
            (QStringList {"activations/relu · tf2", "known · tf2", "weights/dense · tf1",
                "weights/dense · tf2"}));
        QVERIFY(histograms.findChild<QWidget*>(ui::HistogramCardGrid::cardName("known", "tf2")));
        ui::HistogramPlot* tf1 = histograms.plot("weights/dense", "tf1");
        QVERIFY(tf1);
        QCOMPARE(tf1->stepCount(), 40u);
        QCOMPARE(tf1->rebinned().binCount, 30u);

        // Hover in offset mode near the bottom baseline: the newest step, the middle bin.
        ui::HistogramPlot* known = histograms.plot("known", "tf2");
        QVERIFY(known->isVisible());
        const QRect r = known->rect();
        const double areaWidth = r.width() - 10 - 52;
        known->hoverAt(QPointF(10 + areaWidth * 0.505, r.height() - 22 - 2));
        QCOMPARE(known->hoveredStep(), std::optional<std::size_t>(4));
        QCOMPARE(known->hoverText(), QStringLiteral("step 4: [1.5, 1.6) 2 of 40"));

        // Overlay mode reaches every plot; hovering picks the outline nearest the cursor.
        histograms.modeBox()->setCurrentIndex(1);
        QCOMPARE(tf1->options().mode, ui::HistogramMode::Overlay);
        QCOMPARE(known->options().mode, ui::HistogramMode::Overlay);
        QVERIFY(known->drawnSteps().size() == 5);
        histograms.axisBox()->setCurrentIndex(1);
        QCOMPARE(tf1->options().axis, ui::StepAxis::Relative);
        histograms.axisBox()->setCurrentIndex(0);
        QVERIFY(histograms.grab().save(QStringLiteral("/tmp/lantern_histograms_overlay.png")));
        histograms.modeBox()->setCurrentIndex(0);
        tf1->hoverAt(QPointF(10 + (tf1->width() - 62) * 0.5, tf1->height() / 2.0));
        QVERIFY(tf1->hoveredStep().has_value());
        QVERIFY(histograms.grab().save(QStringLiteral("/tmp/lantern_histograms_offset.png")));

        // Unchecking a run removes its cards.
        runs.setChecked("tf1", false);
        QCOMPARE(histograms.grid()->cardTitles().size(), 3);
        runs.setChecked("tf1", true);
        QCOMPARE(histograms.grid()->cardTitles().size(), 4);

        // Distributions: the same cards, nine values per step, hover text at the last step.
        ui::DistributionsDashboard distributions(&runs);
        distributions.resize(1000, 1000);
        distributions.show();
        QVERIFY(QTest::qWaitForWindowExposed(&distributions));
        distributions.setSnapshot(snapshot);
        QTRY_VERIFY(!distributions.isComputing());
        QCOMPARE(distributions.grid()->cardTitles(), histograms.grid()->cardTitles());
        ui::DistributionPlot* knownDistribution = distributions.plot("known", "tf2");
        QCOMPARE(knownDistribution->stepCount(), 5u);
        const auto& values = *knownDistribution->values()[0];
        QCOMPARE(values[4], 1.5);
        QCOMPARE(values[8], 3.0);
        const QRect d = knownDistribution->rect();
        knownDistribution->hoverAt(QPointF(d.width() - 12 - 1, d.height() / 2.0));
        QCOMPARE(knownDistribution->hoveredStep(), std::optional<std::size_t>(4));
        QCOMPARE(knownDistribution->hoverText(),
            QStringLiteral("step 4\nmax: 3\n93%: 2.733\n84%: 2.365\n69%: 1.883\nmedian: 1.5\n"
                           "31%: 1.117\n16%: 0.6348\n7%: 0.2672\nmin: 0"));
        distributions.plot("weights/dense", "tf1")
            ->hoverAt(QPointF(d.width() / 2.0, d.height() / 2.0));
        distributions.axisBox()->setCurrentIndex(2);
        QCOMPARE(knownDistribution->options().axis, ui::StepAxis::WallTime);
        distributions.axisBox()->setCurrentIndex(0);
        QVERIFY(distributions.grab().save(QStringLiteral("/tmp/lantern_distributions.png")));
    }

    void mainWindowShowsBothTabs()
    {
        QTemporaryDir temp;
        const fs::path root = temp.path().toStdString();
        writeLogdir(root);
        ui::MainWindow window;
        window.show();
        QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(finished.wait(20000));
        QVERIFY(window.showTab(QStringLiteral("histograms")));
        QVERIFY(window.showTab(QStringLiteral("distributions")));
        auto* dashboard = window.findChild<ui::HistogramsDashboard*>(QStringLiteral("histograms"));
        QVERIFY(dashboard);
        QCOMPARE(dashboard->grid()->cardTitles().size(), 4);
    }

    void corpusHistograms()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const fs::path directory = *corpus / "c10_mlagents_torch_text_histo";
        if (!fs::exists(directory))
            QSKIP("corpus log c10_mlagents_torch_text_histo is absent");
        core::LogdirLoader loader({{"", directory}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        ui::RunListModel runs;
        runs.setSnapshot(snapshot);
        ui::HistogramsDashboard histograms(&runs);
        histograms.resize(1000, 900);
        histograms.show();
        histograms.setSnapshot(snapshot);
        ui::DistributionsDashboard distributions(&runs);
        distributions.resize(1000, 900);
        distributions.show();
        distributions.setSnapshot(snapshot);
        QVERIFY(QTest::qWaitForWindowExposed(&distributions));
        QTRY_VERIFY(!histograms.isComputing() && !distributions.isComputing());
        const QStringList titles = histograms.grid()->cardTitles();
        QVERIFY(titles.contains(
            QStringLiteral("Environment/Cumulative Reward_hist · results/MoveToGoal2/MoveToGoal")));
        auto* plot = distributions.plot(QStringLiteral("Environment/Cumulative Reward_hist"),
            QStringLiteral("results/MoveToGoal2/MoveToGoal"));
        QVERIFY(plot);
        QCOMPARE(plot->stepCount(), 8u);
        for (const auto& values : plot->values())
            if (values)
                for (std::size_t k = 1; k < values->size(); ++k)
                    QVERIFY((*values)[k - 1] <= (*values)[k]);
        QVERIFY(histograms.grab().save(QStringLiteral("/tmp/lantern_histograms_corpus.png")));
        QVERIFY(distributions.grab().save(QStringLiteral("/tmp/lantern_distributions_corpus.png")));
    }
};

QTEST_MAIN(TestHistogramDashboards)
#include "test_histogram_dashboards.moc"
