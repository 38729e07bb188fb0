// The Histograms and Distributions tabs fed from a real load: TF1 and TF2 histograms written
// with EventFileWriter, loaded by core::LogdirLoader, shown as a card per tag and run, switched
// between modes, hovered at known positions, and grabbed to PNGs; filtered by tag, limited to a
// step range that follows a growing run, exported from the card menus, and summarised off the
// GUI thread.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/distributions/distributions_dashboard.h"
#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/histogram_series_plot.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/step_range_bar.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
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

std::string readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
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

// Run "long": `count` steps of "weights/long" from step `first`, eight buckets each, written
// as a new event file (as a live run adds one).
void writeLongRun(const fs::path& root, int first, int count)
{
    core::EventFileWriter writer(root / "long");
    for (int step = first; step < first + count; ++step) {
        std::vector<core::HistogramBucket> buckets;
        for (int b = 0; b < 8; ++b)
            buckets.push_back({b * 0.5, (b + 1) * 0.5, double((step + b) % 7 + 1)});
        writer.addHistogramBuckets("weights/long", step, buckets, kStart + step);
    }
}

// Run "restart": "weights/restart" at steps 0..10, then (a restarted process, a new event file)
// at steps 5..15. Each histogram is one bucket [v, v + 1) of 10 values, v = step in the first
// file and 100 + step in the second; wall times grow as written.
void writeRestart(const fs::path& root)
{
    for (const int segment : {0, 1}) {
        core::EventFileWriter writer(root / "restart");
        for (int step = segment ? 5 : 0; step <= (segment ? 15 : 10); ++step) {
            const double v = 100 * segment + step;
            const core::HistogramBucket bucket[] = {{v, v + 1, 10}};
            writer.addHistogramBuckets("weights/restart", step, bucket, kStart + v);
        }
    }
}

// Where a rebinned row of the restart run has its mass: v + 0.5 within a bin's width.
double restartValueOf(const core::RebinnedHistograms& r, std::size_t row)
{
    double mass = 0, moment = 0;
    for (std::size_t bin = 0; bin < r.binCount; ++bin) {
        mass += r.row(row)[bin];
        moment += r.row(row)[bin] * (r.binLeft(bin) + 0.5 * r.binWidth());
    }
    return moment / mass;
}

// A log directory written by `write`, loaded once, with a runs model on what was loaded.
struct LoadedLogdir {
    explicit LoadedLogdir(
        const std::function<void(const fs::path&)>& write, core::LoadOptions options = {})
        : loader({{"", root}}, options)
    {
        write(root);
        loader.reload();
        runs.setSnapshot(loader.snapshot());
    }
    QTemporaryDir temp;
    fs::path root = ui::pathFromQString(temp.path());
    core::LogdirLoader loader;
    ui::RunListModel runs;
};

// Shows both tabs at 900 × 700; false if either never appears.
bool showBoth(QWidget& histograms, QWidget& distributions)
{
    for (QWidget* dashboard : {&histograms, &distributions}) {
        dashboard->resize(900, 700);
        dashboard->show();
        if (!QTest::qWaitForWindowExposed(dashboard))
            return false;
    }
    return true;
}

// Types `value` into a spin box and presses Enter, as a user sets a bound.
void typeInto(QSpinBox* box, int value)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Return);
}

// The step shown at the newest end: hover at the bottom baseline of an offset-mode plot.
QString newestHover(ui::HistogramPlot* plot)
{
    plot->hoverAt(QPointF(10 + (plot->width() - 62) * 0.5, plot->height() - 22 - 0.5));
    return plot->hoverText();
}

} // namespace

class TestHistogramDashboards : public QObject {
    Q_OBJECT
private slots:
    // A reload that grows one series hands entries to that card alone, on both tabs; hidden,
    // a tab does nothing until it is shown.
    void aReloadTouchesOnlyTheChangedCards()
    {
        const test::WriteValue write = [](core::EventFileWriter& writer, const std::string& tag,
                                           std::int64_t step) {
            const double values[] = {double(step), double(step) + 1, 2.5};
            writer.addHistogram(tag, step, values, core::SummaryStyle::Tf2, kStart + double(step));
        };
        ui::RunListModel runs;
        ui::HistogramsDashboard histograms(&runs);
        ui::DistributionsDashboard distributions(&runs);
        for (ui::HistogramCardsDashboard* tab :
            std::initializer_list<ui::HistogramCardsDashboard*> {&histograms, &distributions}) {
            const auto cards = [tab] {
                return test::cardsPerTagAndRun<ui::HistogramSeriesPlot>(
                    [tab](const QString& tag, const QString& run) {
                        return tab->grid()->plot(tag, run);
                    },
                    &ui::HistogramSeriesPlot::entriesUpdates);
            };
            const QString failure
                = test::checkScopedReload(*tab, runs, write, cards, QStringLiteral("x/one|a"));
            QVERIFY2(failure.isEmpty(), qPrintable(tab->key() + ": " + failure));
            // The grown series' new step widened the step range.
            QTRY_VERIFY(!tab->isComputing());
            QCOMPARE(tab->grid()->plot("x/one", "a")->stepCount(), std::size_t(4));
            QCOMPARE(tab->stepRangeBar()->toBox()->maximum(), 3);
            QCOMPARE(tab->stepRangeBar()->toBox()->value(), 3);
        }
    }

    void cardsModesHoverAndGrab()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
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

    void tagFilterOnBothTabs()
    {
        LoadedLogdir logdir(writeLogdir);
        ui::HistogramsDashboard histograms(&logdir.runs);
        ui::DistributionsDashboard distributions(&logdir.runs);
        for (ui::HistogramCardsDashboard* dashboard :
            {static_cast<ui::HistogramCardsDashboard*>(&histograms),
                static_cast<ui::HistogramCardsDashboard*>(&distributions)}) {
            dashboard->resize(1000, 800);
            dashboard->show();
            dashboard->setSnapshot(logdir.loader.snapshot());
            QCOMPARE(dashboard->grid()->cardTitles().size(), 4);

            // Matched anywhere, ignoring case; the groups follow.
            QTest::keyClicks(dashboard->tagFilter(), QStringLiteral("DENSE"));
            QCOMPARE(dashboard->grid()->cardTitles(),
                (QStringList {"weights/dense · tf1", "weights/dense · tf2"}));
            QCOMPARE(dashboard->grid()->groupNames(), QStringList {"weights"});
            dashboard->tagFilter()->clear();
            QTest::keyClicks(dashboard->tagFilter(), QStringLiteral("^(known|act)"));
            QCOMPARE(dashboard->grid()->groupNames(), (QStringList {"activations", "known"}));

            // An invalid expression filters nothing and says why.
            dashboard->tagFilter()->setText(QStringLiteral("(weights"));
            QCOMPARE(dashboard->grid()->cardTitles().size(), 4);
            QVERIFY(!dashboard->tagFilter()->toolTip().isEmpty());

            // No match: no cards, and a message naming the filter.
            dashboard->tagFilter()->setText(QStringLiteral("gradients"));
            QVERIFY(dashboard->grid()->cardTitles().isEmpty());
            auto* empty = dashboard->grid()->findChild<QLabel*>(QStringLiteral("emptyMessage"));
            QVERIFY(empty && empty->isVisible());
            QVERIFY(empty->text().contains(QStringLiteral("gradients")));
            dashboard->tagFilter()->clear();
            QCOMPARE(dashboard->grid()->cardTitles().size(), 4);
            QVERIFY(!empty->isVisible());
        }
    }

    void stepRangeFollowsLiveSteps()
    {
        LoadedLogdir logdir([](const fs::path& root) { writeLongRun(root, 0, 3000); });
        core::LogdirLoader& loader = logdir.loader;
        ui::HistogramsDashboard histograms(&logdir.runs);
        ui::DistributionsDashboard distributions(&logdir.runs);
        QVERIFY(showBoth(histograms, distributions));
        histograms.setSnapshot(loader.snapshot());
        distributions.setSnapshot(loader.snapshot());
        QTRY_VERIFY(!histograms.isComputing() && !distributions.isComputing());
        ui::HistogramPlot* ridges = histograms.plot("weights/long", "long");
        ui::DistributionPlot* bands = distributions.plot("weights/long", "long");
        QCOMPARE(ridges->stepCount(), 3000u);
        QCOMPARE(newestHover(ridges).section(QLatin1Char(':'), 0, 0), QStringLiteral("step 2999"));

        // Both bounds typed in: only steps 1000..2000 are drawn, the newest in front.
        ui::StepRangeBar* bar = histograms.stepRangeBar();
        QCOMPARE(bar->fromBox()->value(), 0);
        QCOMPARE(bar->toBox()->value(), 2999);
        typeInto(bar->fromBox(), 1000);
        typeInto(bar->toBox(), 2000);
        QCOMPARE(ridges->options().steps, (ui::StepRange {1000, 2000}));
        const std::vector<std::size_t> drawn = ridges->drawnSteps();
        QVERIFY(drawn.size() > 10 && drawn.size() < 1001); // decimated inside the range
        QCOMPARE(ridges->stepAt(drawn.front()), 1000);
        QCOMPARE(ridges->stepAt(drawn.back()), 2000);
        QCOMPARE(newestHover(ridges).section(QLatin1Char(':'), 0, 0), QStringLiteral("step 2000"));

        // The Distributions tab has its own range: hovering its right and left edges.
        ui::StepRangeBar* distributionBar = distributions.stepRangeBar();
        typeInto(distributionBar->fromBox(), 1000);
        const QRect d = bands->rect();
        bands->hoverAt(QPointF(d.width() - 12, d.height() / 2.0)); // the right edge
        QCOMPARE(bands->hoverText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("step 2999"));
        bands->hoverAt(QPointF(48, d.height() / 2.0)); // the left edge
        QCOMPARE(bands->hoverText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("step 1000"));

        // 500 more steps arrive: the upper bound the user typed stays, the untouched one
        // follows the newest step.
        writeLongRun(logdir.root, 3000, 500);
        loader.reload();
        histograms.setSnapshot(loader.snapshot());
        distributions.setSnapshot(loader.snapshot());
        QTRY_VERIFY(!histograms.isComputing() && !distributions.isComputing());
        QCOMPARE(ridges->stepCount(), 3500u);
        QCOMPARE(bar->toBox()->value(), 2000);
        QCOMPARE(bar->toBox()->maximum(), 3499);
        QCOMPARE(ridges->stepAt(ridges->drawnSteps().back()), 2000);
        QCOMPARE(distributionBar->fromBox()->value(), 1000);
        QCOMPARE(distributionBar->toBox()->value(), 3499);
        bands->hoverAt(QPointF(d.width() - 12, d.height() / 2.0)); // the right edge
        QCOMPARE(bands->hoverText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("step 3499"));

        // "All" lets go of both bounds; the range then follows new steps again.
        QTest::mouseClick(bar->allButton(), Qt::LeftButton);
        QCOMPARE(bar->fromBox()->value(), 0);
        QCOMPARE(bar->toBox()->value(), 3499);
        QCOMPARE(ridges->stepAt(ridges->drawnSteps().front()), 0);
        QCOMPARE(newestHover(ridges).section(QLatin1Char(':'), 0, 0), QStringLiteral("step 3499"));
    }

    void restartKeptAsWrittenReadsByStep()
    {
        // Kept as written, the restart's steps go back (0..10, then 5..15). Both tabs show
        // all 22 values in step order, a repeated step's values as written (the older behind,
        // the newer in front), as TensorBoard's step axis places them; the range and "follow
        // newest" use the highest step, not the last written. TensorBoard's rule keeps 16.
        for (const bool keepEvery : {true, false}) {
            LoadedLogdir logdir(writeRestart, core::LoadOptions {.keepOrphanedData = keepEvery});
            ui::HistogramsDashboard histograms(&logdir.runs);
            ui::DistributionsDashboard distributions(&logdir.runs);
            QVERIFY(showBoth(histograms, distributions));
            histograms.setSnapshot(logdir.loader.snapshot());
            distributions.setSnapshot(logdir.loader.snapshot());
            QTRY_VERIFY(!histograms.isComputing() && !distributions.isComputing());
            ui::HistogramPlot* ridges = histograms.plot("weights/restart", "restart");
            ui::DistributionPlot* bands = distributions.plot("weights/restart", "restart");
            QVERIFY(ridges && bands);

            // Every value, in step order; values from the first file, then the second.
            std::vector<std::pair<std::int64_t, double>> expected;
            for (int step = 0; step <= 15; ++step) {
                if (step <= 10 && (keepEvery || step < 5))
                    expected.emplace_back(step, step);
                if (step >= 5)
                    expected.emplace_back(step, 100 + step);
            }
            QCOMPARE(ridges->stepCount(), expected.size());
            QCOMPARE(bands->stepCount(), expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(ridges->stepAt(i), expected[i].first);
                QCOMPARE(bands->stepAt(i), expected[i].first);
                QVERIFY(std::abs(restartValueOf(ridges->rebinned(), i) - (expected[i].second + 0.5))
                    <= ridges->rebinned().binWidth());
                const double median = (*bands->values()[i])[4];
                QVERIFY(median >= expected[i].second && median <= expected[i].second + 1);
            }
            // Drawn back to front: every value has its ridge, the newest step in front.
            std::vector<std::size_t> all(expected.size());
            std::iota(all.begin(), all.end(), std::size_t(0));
            QCOMPARE(ridges->drawnSteps(), all);
            QCOMPARE(
                newestHover(ridges).section(QLatin1Char(':'), 0, 0), QStringLiteral("step 15"));
            QCOMPARE(histograms.stepRangeBar()->fromBox()->value(), 0);
            QCOMPARE(histograms.stepRangeBar()->toBox()->value(), 15);
            const QRect d = bands->rect();
            bands->hoverAt(QPointF(d.width() - 12, d.height() / 2.0)); // the right edge
            QCOMPARE(
                bands->hoverText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("step 15"));

            // A range inside the repeated steps holds both values of each.
            typeInto(histograms.stepRangeBar()->fromBox(), 6);
            typeInto(histograms.stepRangeBar()->toBox(), 9);
            const auto [first, last] = ridges->visibleSteps();
            QCOMPARE(last - first, std::size_t(keepEvery ? 8 : 4));
            QCOMPARE(ridges->stepAt(first), 6);
            QCOMPARE(ridges->stepAt(last - 1), 9);
            QCOMPARE(ridges->drawnSteps().size(), last - first);

            // On the wall-time axis the values stand in the order written: ridges stack and
            // bands run by time, from the first file's step 0 to the second's step 15.
            QTest::mouseClick(histograms.stepRangeBar()->allButton(), Qt::LeftButton);
            histograms.axisBox()->setCurrentIndex(2);
            distributions.axisBox()->setCurrentIndex(2);
            const std::vector<std::size_t> byTime = ridges->drawnSteps();
            QCOMPARE(byTime.size(), expected.size());
            for (std::size_t i = 0; i + 1 < byTime.size(); ++i)
                QVERIFY(restartValueOf(ridges->rebinned(), byTime[i])
                    <= restartValueOf(ridges->rebinned(), byTime[i + 1]));
            QCOMPARE(
                newestHover(ridges).section(QLatin1Char(':'), 0, 0), QStringLiteral("step 15"));
            bands->hoverAt(QPointF(d.width() - 12, d.height() / 2.0));
            QCOMPARE(
                bands->hoverText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("step 15"));
            bands->hoverAt(QPointF(48, d.height() / 2.0)); // the left edge
            QCOMPARE(bands->hoverText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("step 0"));
            if (keepEvery) {
                QVERIFY(
                    histograms.grab().save(QStringLiteral("/tmp/lantern_restart_histograms.png")));
                QVERIFY(distributions.grab().save(
                    QStringLiteral("/tmp/lantern_restart_distributions.png")));
            }
        }
    }

    void cardMenusExportImagesAndEveryStep()
    {
        LoadedLogdir logdir([](const fs::path& root) { writeLongRun(root, 0, 3000); });
        const auto snapshot = logdir.loader.snapshot();
        ui::HistogramsDashboard histograms(&logdir.runs);
        ui::DistributionsDashboard distributions(&logdir.runs);
        QTemporaryDir out;
        QStringList asked;
        const auto answer
            = [&asked, &out](const QString&, const QString& stem, const QString& suffix) {
                  asked.append(stem + suffix);
                  return out.filePath(stem + suffix);
              };
        histograms.setExportPathChooser(answer);
        distributions.setExportPathChooser(answer);
        for (ui::HistogramCardsDashboard* dashboard :
            {static_cast<ui::HistogramCardsDashboard*>(&histograms),
                static_cast<ui::HistogramCardsDashboard*>(&distributions)}) {
            dashboard->resize(900, 700);
            dashboard->show();
            QVERIFY(QTest::qWaitForWindowExposed(dashboard));
            dashboard->setSnapshot(snapshot);
            QTRY_VERIFY(!dashboard->isComputing());
            typeInto(dashboard->stepRangeBar()->toBox(), 500); // exports still hold every step
        }
        const auto* stored = snapshot->runs.front()->find("weights/long");
        QVERIFY(stored);
        const core::EntrySnapshot<core::HistogramEntry> entries = stored->histograms;
        QCOMPARE(entries.size(), 3000u);

        // Histograms: PNG, SVG and every bucket of every step.
        QWidget* card = histograms.grid()->card("weights/long", "long");
        QVERIFY(card);
        QCOMPARE(test::chooseFromCardMenu(card, QStringLiteral("Save as PNG…")),
            (QStringList {"Save as PNG…", "Save as SVG…", "Save buckets as CSV…"}));
        const QImage png(out.filePath(QStringLiteral("long_weights_long.png")));
        QCOMPARE(png.size(), card->size());
        QCOMPARE(png.pixelColor(card->width() / 2, card->height() - 40).isValid(), true);
        QVERIFY(png.pixelColor(png.width() / 2, png.height() - 60) != png.pixelColor(2, 2));
        test::chooseFromCardMenu(card, QStringLiteral("Save as SVG…"));
        QFile svg(out.filePath(QStringLiteral("long_weights_long.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("weights/long")); // the card's title, as text
        test::chooseFromCardMenu(card, QStringLiteral("Save buckets as CSV…"));
        QCOMPARE(asked,
            (QStringList {
                "long_weights_long.png", "long_weights_long.svg", "long_weights_long.csv"}));
        std::string problem = test::compareBucketsCsv(
            readAll(out.filePath(QStringLiteral("long_weights_long.csv"))),
            {{"long", "weights/long", &entries}});
        QVERIFY2(problem.empty(), problem.c_str());

        // Distributions: the nine values of every step, as compressHistogram gives them.
        QWidget* distributionCard = distributions.grid()->card("weights/long", "long");
        QCOMPARE(
            test::chooseFromCardMenu(distributionCard, QStringLiteral("Save percentiles as CSV…")),
            (QStringList {"Save as PNG…", "Save as SVG…", "Save percentiles as CSV…"}));
        problem = test::compareDistributionCsv(
            readAll(out.filePath(QStringLiteral("long_weights_long.csv"))),
            {{"long", "weights/long", &entries}});
        QVERIFY2(problem.empty(), problem.c_str());

        // A right click on the card opens the same menu.
        emit distributionCard->customContextMenuRequested(QPoint(20, 20));
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->actions().last()->text(), QStringLiteral("Save percentiles as CSV…"));
        menu->close();
    }

    void summariesRunOffTheGuiThread()
    {
        core::EntrySeries<core::HistogramEntry> series;
        auto grow = [&series](int count) {
            for (int i = 0; i < count; ++i) {
                const auto step = std::int64_t(series.size());
                series.append({step, kStart + double(step),
                    {{0, 1, double(step % 5)}, {1, 2, 3}, {2, 3, double(step % 3)}}});
            }
            return series.snapshot();
        };
        const auto first = grow(1000), second = grow(1000), third = grow(1000);

        ui::HistogramPlot plot;
        plot.resize(600, 300);
        QSignalSpy updated(&plot, &ui::HistogramSeriesPlot::summaryUpdated);
        plot.setEntries(first, Qt::blue);
        // Nothing was rebinned on this thread; the plot says it is computing.
        QVERIFY(plot.isComputing());
        QCOMPARE(plot.stepCount(), 0u);
        QVERIFY(!plot.grab().isNull());
        // A newer series before the first summary arrives: only the newest is ever shown.
        plot.setEntries(second, Qt::blue);
        QVERIFY(updated.wait(10000));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(plot.stepCount(), 2000u);
        QCOMPARE(plot.rebinned().stepCount, 2000u);
        QVERIFY(!plot.isComputing());
        QTest::qWait(50);
        QCOMPARE(updated.count(), 1);

        // While the next one is computed, the previous summary stays on screen.
        plot.setEntries(third, Qt::blue);
        QVERIFY(plot.isComputing());
        QCOMPARE(plot.stepCount(), 2000u);
        QVERIFY(updated.wait(10000));
        QCOMPARE(plot.stepCount(), 3000u);
        // The same series again starts nothing.
        plot.setEntries(third, Qt::red);
        QVERIFY(!plot.isComputing());
        // Back to what is shown while another summary runs: that one is dropped on arrival.
        const int shown = int(updated.count());
        plot.setEntries(second, Qt::red);
        QVERIFY(plot.isComputing());
        plot.setEntries(third, Qt::red);
        QVERIFY(!plot.isComputing());
        QTest::qWait(100);
        QCOMPARE(int(updated.count()), shown);
        QCOMPARE(plot.stepCount(), 3000u);
    }

    void divergedWeightsAreDrawn()
    {
        // The demo's diverged run writes one bucket from -DBL_MAX to DBL_MAX per step. Its
        // width overflowed, leaving NaN and infinite coordinates that the rasterizer spent
        // minutes on, and infinite percentiles.
        constexpr double kMax = std::numeric_limits<double>::max();
        core::EntrySeries<core::HistogramEntry> series;
        for (std::int64_t step = 0; step < 10; ++step)
            series.append({step, kStart + double(step), {{-kMax, kMax, 32000}}});
        ui::HistogramPlot ridges;
        ui::DistributionPlot bands;
        for (ui::HistogramSeriesPlot* plot : {static_cast<ui::HistogramSeriesPlot*>(&ridges),
                 static_cast<ui::HistogramSeriesPlot*>(&bands)}) {
            plot->resize(600, 300);
            plot->setEntries(series.snapshot(), QColor(0x3366cc));
            QTRY_VERIFY(!plot->isComputing());
        }
        const QImage image = ridges.grab().toImage();
        // The newest ridge is a flat block across the whole width, in the run's darkest shade.
        const QColor front = image.pixelColor(image.width() / 2, image.height() - 22 - 10);
        QVERIFY(front != image.pixelColor(2, 2));
        QCOMPARE(front, image.pixelColor(60, image.height() - 22 - 10));
        ridges.hoverAt(QPointF(10 + (600 - 62) * 0.5 + 1, 300 - 22 - 0.5));
        QCOMPARE(ridges.hoverText(), QStringLiteral("step 9: [0, 1.2e+307) 1067 of 32000"));

        bands.hoverAt(QPointF(600 - 12, 150));
        QVERIFY(!bands.grab().isNull());
        QCOMPARE(bands.hoverText().section(QLatin1Char('\n'), 5, 5), QStringLiteral("median: 0"));
        QCOMPARE(
            bands.hoverText().section(QLatin1Char('\n'), 1, 1), QStringLiteral("max: 1.8e+308"));
    }

    void mainWindowShowsBothTabs()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
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
        // The window counts as busy until every card has its summary.
        QTRY_VERIFY(!window.isComputing());
        for (auto* tab : window.findChildren<ui::HistogramCardsDashboard*>())
            tab->grid()->forEachPlot(
                [](ui::HistogramSeriesPlot* plot) { QVERIFY(plot->stepCount() > 0); });
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

LANTERN_TEST_MAIN(TestHistogramDashboards)
#include "test_histogram_dashboards.moc"
