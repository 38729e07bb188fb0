// The Scalars dashboard fed from a real load: a logdir written with the test writer, loaded
// by core::LogdirLoader, shown as cards per tag in natural-order groups, filtered, updated in
// place, and drawn.

#include "core/analysis/smoothing.h"
#include "core/load/logdir_loader.h"
#include "core/load/snapshot_change.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/tag_order.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

void writeRun(const fs::path& directory, int steps, double scale, int firstStep = 0)
{
    std::vector<std::string> records;
    if (firstStep == 0)
        records.push_back(test::fileVersionEvent());
    for (int step = firstStep; step < firstStep + steps; ++step) {
        const double t = step / 10.0;
        records.push_back(test::scalarEvent("loss", step,
            float(scale * std::exp(-t) + 0.05 * std::sin(3 * t)), 1.7e9 + 30.0 * step));
        records.push_back(test::scalarEvent(
            "acc/top1", step, float(1 - scale * std::exp(-t) / 2), 1.7e9 + 30.0 * step));
        records.push_back(test::scalarEvent(
            "acc/top2", step, float(1 - scale * std::exp(-t) / 3), 1.7e9 + 30.0 * step));
        records.push_back(test::scalarEvent(
            "acc/top10", step, float(1 - scale * std::exp(-t) / 5), 1.7e9 + 30.0 * step));
        records.push_back(
            test::scalarEvent("Loss/val", step, float(scale / (1 + t)), 1.7e9 + 30.0 * step));
    }
    test::appendRecords(directory / "events.out.tfevents.1.host", records);
}

} // namespace

class TestScalarsDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Pins and custom charts live in QSettings: start from none, away from the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void showsCardsPerTagInNaturalGroups()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeRun(root / "train", 100, 1.0);
        writeRun(root / "eval", 60, 1.4);
        // An extra tag only in eval.
        test::appendRecords(root / "eval" / "events.out.tfevents.1.host",
            {test::scalarEvent("lr", 0, 0.1f, 1.7e9),
                test::scalarEvent("lr", 50, 0.01f, 1.7e9 + 1500)});

        core::LogdirLoader loader({{"", root}});
        loader.reload();
        auto snapshot = loader.snapshot();
        QCOMPARE(snapshot->runs.size(), 2u);

        ui::RunListModel runs;
        runs.setSnapshot(snapshot);
        ui::ScalarsDashboard dashboard(&runs);
        dashboard.resize(1000, 1400);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.setSnapshot(snapshot);

        QCOMPARE(dashboard.groupNames(), (QStringList {"acc", "Loss", "loss", "lr"}));
        QCOMPARE(dashboard.tagsInGroup("acc"), (QStringList {"acc/top1", "acc/top2", "acc/top10"}));
        QCOMPARE(dashboard.cardTags().size(), 6);
        QVERIFY(dashboard.findChild<QWidget*>(QStringLiteral("card:acc/top10")));
        QVERIFY(dashboard.findChild<QWidget*>(QStringLiteral("group:acc")));

        ui::LinePlot* loss = dashboard.plot("loss");
        QCOMPARE(loss->seriesCount(), 2u);
        QCOMPARE(loss->series(0).name, QStringLiteral("eval"));
        QCOMPARE(loss->series(0).color, runs.color("eval"));
        QCOMPARE(dashboard.plot("lr")->seriesCount(), 1u);
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {0, 99}));

        // The smoothing slider drives every plot exactly as core::smooth says.
        QCOMPARE(loss->options().smoothing, 0.6);
        dashboard.smoothingSlider()->setValue(900);
        const core::TagSnapshot* trainLoss = snapshot->find("train")->find("loss");
        std::vector<double> values;
        trainLoss->scalars.forEach([&](const core::ScalarPoint& p) { values.push_back(p.value); });
        const std::vector<double> expected = core::smooth(values, 0.9);
        const std::vector<QPointF> drawn = loss->drawnPoints(1, true);
        QCOMPARE(drawn.size(), expected.size());
        for (std::size_t i = 0; i < drawn.size(); ++i)
            QCOMPARE(drawn[i].y(), expected[i]);

        // The other controls reach every card.
        dashboard.xAxisBox()->setCurrentIndex(1);
        QCOMPARE(dashboard.plot("acc/top1")->options().xAxis, ui::XAxisMode::Relative);
        QCOMPARE(loss->xRange().hi, 99 * 30 / 3600.0);
        dashboard.xAxisBox()->setCurrentIndex(0);
        dashboard.logScaleBox()->setChecked(true);
        QVERIFY(dashboard.plot("lr")->options().logY);
        dashboard.logScaleBox()->setChecked(false);
        dashboard.ignoreOutliersBox()->setChecked(true);
        QVERIFY(loss->options().ignoreOutliers);
        dashboard.ignoreOutliersBox()->setChecked(false);
        dashboard.smoothingSlider()->setValue(600);

        // Collapse a group, and keep it collapsed across updates.
        dashboard.setGroupExpanded("acc", false);
        QVERIFY(!dashboard.findChild<QWidget*>(QStringLiteral("card:acc/top1"))->isVisible());
        dashboard.setGroupExpanded("acc", true);

        QTest::qWait(50);
        const QString png = QDir::temp().filePath(QStringLiteral("lantern_scalars_dashboard.png"));
        QVERIFY(dashboard.grab().save(png));
        qInfo("dashboard drawn to %s", qPrintable(png));

        QVERIFY(dashboard.exportPng("loss", QDir::temp().filePath("lantern_card_loss.png")));
        const QString csv = QDir::temp().filePath(QStringLiteral("lantern_card_lr.csv"));
        QVERIFY(dashboard.exportCsv("lr", csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        // float32 values as the shortest text of the float, as lantern-cli writes them.
        QCOMPARE(QString::fromUtf8(file.readAll()),
            QStringLiteral("run,tag,step,wall_time,value\n"
                           "eval,lr,0,1700000000,0.1\n"
                           "eval,lr,50,1700001500,0.01\n"));
    }

    void filterUncheckAndLiveUpdates()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeRun(root / "train", 30, 1.0);
        writeRun(root / "eval", 30, 1.4);
        core::LogdirLoader loader({{"", root}});
        loader.reload();
        auto snapshot = loader.snapshot();
        ui::RunListModel runs;
        runs.setSnapshot(snapshot);
        ui::ScalarsDashboard dashboard(&runs);
        dashboard.resize(900, 700);
        dashboard.show();
        dashboard.setSnapshot(snapshot);
        QCOMPARE(dashboard.cardTags().size(), 5);

        QTest::keyClicks(dashboard.tagFilter(), QStringLiteral("^acc/top1"));
        QCOMPARE(dashboard.cardTags(), (QStringList {"acc/top1", "acc/top10"}));
        QCOMPARE(dashboard.groupNames(), (QStringList {"acc"}));
        dashboard.tagFilter()->setText(QStringLiteral("LOSS"));
        QCOMPARE(dashboard.cardTags(), (QStringList {"Loss/val", "loss"}));
        dashboard.tagFilter()->setText(QStringLiteral("(")); // invalid: filters nothing
        QCOMPARE(dashboard.cardTags().size(), 5);
        dashboard.tagFilter()->setText(QStringLiteral("nothing-matches"));
        QVERIFY(dashboard.cardTags().isEmpty());
        QVERIFY(dashboard.findChild<QWidget*>(QStringLiteral("scalarsEmptyMessage"))->isVisible());
        dashboard.tagFilter()->clear();
        QCOMPARE(dashboard.cardTags().size(), 5);

        // Unchecking a run removes its series from every card.
        ui::LinePlot* loss = dashboard.plot("loss");
        runs.setChecked("eval", false);
        QCOMPARE(loss->seriesCount(), 1u);
        QCOMPARE(loss->series(0).name, QStringLiteral("train"));
        runs.setChecked("train", false);
        QVERIFY(dashboard.cardTags().isEmpty());
        runs.setAllChecked(true);
        // Cards of a tag no checked run has were removed; checking again brings new ones.
        loss = dashboard.plot("loss");
        QCOMPARE(loss->seriesCount(), 2u);

        // A live update: the same cards (same widgets), the zoom kept, only train changed.
        loss->zoomTo({5, 10});
        const std::uint64_t evalGeneration = loss->series(0).data.generation();
        writeRun(root / "train", 10, 1.0, 30);
        loader.reload();
        auto next = loader.snapshot();
        QCOMPARE(next->runs[0], snapshot->runs[0]); // eval unchanged, shared
        runs.setSnapshot(next);
        dashboard.setSnapshot(next);
        QCOMPARE(dashboard.plot("loss"), loss);
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {5, 10}));
        QCOMPARE(loss->series(0).data.generation(), evalGeneration);
        QCOMPARE(loss->series(1).data.size(), 40u);
        loss->resetZoom();
        // Steps 0..39, and the headroom of a plot whose runs grow while it is shown.
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {0, 40}));
    }

    // A change notice that names one grown tag touches only that tag's card (and the custom
    // chart that shows it): the other cards are not handed their lines again. A first load
    // builds every card, and runs that come build every card again.
    void aReloadTouchesOnlyTheCardsOfChangedTags()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        for (const char* run : {"train", "eval"})
            writeRun(root / run, 30, 1.0);
        core::LogdirLoader loader({{"", root}});
        ui::RunListModel runs;
        ui::ScalarsDashboard dashboard(&runs);
        ui::ScalarCard* lossChart = dashboard.addCustomChart({"loss", "lr"});
        ui::ScalarCard* accChart = dashboard.addCustomChart({"acc/top1"});
        // Loads what the files hold now and offers it, with what changed since `before`.
        const auto offerReload = [&](const ui::LogdirSnapshotPtr& before) {
            loader.reload();
            const auto now = loader.snapshot();
            runs.setSnapshot(now);
            auto change = std::make_shared<const core::SnapshotChange>(
                before ? core::describeChange(*before, *now) : core::SnapshotChange {});
            dashboard.offer({now, change}, true);
            return std::pair(now, change);
        };
        const auto updates = [&] {
            std::map<QString, int> counts;
            for (const QString& tag : dashboard.allTags())
                counts[tag] = dashboard.plot(tag)->seriesUpdates();
            counts["chart: loss"] = lossChart->plot()->seriesUpdates();
            counts["chart: acc"] = accChart->plot()->seriesUpdates();
            return counts;
        };

        const auto [first, everything] = offerReload(nullptr);
        QCOMPARE(dashboard.cardTags().size(), 7); // five tags, two charts
        std::map<QString, int> expected = updates();
        for (const auto& [tag, count] : expected)
            QVERIFY2(count >= 1, qPrintable(tag));

        test::appendRecords(root / "train" / "events.out.tfevents.1.host",
            {test::scalarEvent("loss", 30, 0.1f, 1.7e9 + 900)});
        const auto [grown, oneTag] = offerReload(first);
        QCOMPARE(oneTag->series.size(), std::size_t(1));
        ++expected["loss"];
        ++expected["chart: loss"];
        QCOMPARE(updates(), expected);
        QCOMPARE(dashboard.plot("loss")->series(1).data.size(), std::size_t(31));

        writeRun(root / "test", 5, 2.0); // a new run: every card again
        const auto [more, newRun] = offerReload(grown);
        QVERIFY(newRun->runSetChanged);
        for (const auto& [tag, count] : updates())
            QVERIFY2(count > expected[tag], qPrintable(tag));
        QCOMPARE(dashboard.plot("acc/top1")->seriesCount(), 3u);
        dashboard.removeCustomChart(lossChart);
        dashboard.removeCustomChart(accChart);
    }

    void naturalOrder()
    {
        QVERIFY(ui::naturalLess("a2", "a10"));
        QVERIFY(!ui::naturalLess("a10", "a2"));
        QVERIFY(ui::naturalLess("layer9/w", "layer10/w"));
        QVERIFY(ui::naturalLess("x007", "x8"));
        QVERIFY(ui::naturalLess("abc", "ABD"));
        QVERIFY(ui::naturalLess("a", "a1"));
        QVERIFY(!ui::naturalLess("a", "a"));
        QCOMPARE(ui::groupOf("a/b/c"), QStringLiteral("a"));
        QCOMPARE(ui::groupOf("plain"), QStringLiteral("plain"));
    }
};

LANTERN_TEST_MAIN(TestScalarsDashboard)
#include "test_scalars_dashboard.moc"
