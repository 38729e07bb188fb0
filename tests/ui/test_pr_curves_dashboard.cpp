// The PR Curves tab fed from a real load: PR curves written with EventFileWriter for two runs
// at different steps, shown as a card per tag with a curve per checked run in its colour, a
// step slider over every stored step (moved with the keyboard, following new steps live),
// the curve points and the hover text at known points, and the card menu's PNG, SVG and CSV;
// torch.utils.tensorboard's and tensorboardX's curves from the corpus.

#include "core/export/csv_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/pr_curves/pr_curve_card.h"
#include "ui/dashboards/pr_curves/pr_curve_plot.h"
#include "ui/dashboards/pr_curves/pr_curves_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"

#include "event.pb.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr double kStart = 1.7e9;

// Counts at thresholds 0, .25, .5, .75, 1: the last two predict nothing positive.
const core::PrCurveCounts kFair {
    {4, 3, 1, 0, 0}, {6, 2, 0, 0, 0}, {0, 4, 6, 6, 6}, {0, 1, 3, 4, 4}};
// A perfect classifier: every threshold above 0 separates the classes.
const core::PrCurveCounts kPerfect {
    {5, 5, 5, 5, 5}, {5, 0, 0, 0, 0}, {0, 5, 5, 5, 5}, {0, 0, 0, 0, 0}};

// Run "good": "pr/cat" at steps 0 (fair), 10 (fair) and 20 (perfect), "pr/dog" at 5. Run
// "bad": "pr/cat" at steps 10 (perfect) and 30 (fair).
void writeLogdir(const fs::path& root)
{
    {
        core::EventFileWriter writer(root / "good");
        writer.addPrCurve("pr/cat", 0, kFair, kStart);
        writer.addPrCurve("pr/dog", 5, kFair, kStart + 5);
        writer.addPrCurve("pr/cat", 10, kFair, kStart + 10);
        writer.addPrCurve("pr/cat", 20, kPerfect, kStart + 20);
    }
    core::EventFileWriter writer(root / "bad");
    writer.addPrCurve("pr/cat", 10, kPerfect, kStart + 10);
    writer.addPrCurve("pr/cat", 30, kFair, kStart + 30);
}

struct Loaded {
    Loaded()
    {
        writeLogdir(root);
        reload();
        dashboard.resize(1000, 800);
        dashboard.show();
    }
    void reload()
    {
        loader.reload();
        runs.setSnapshot(loader.snapshot());
        dashboard.setSnapshot(loader.snapshot());
    }
    QTemporaryDir temp;
    fs::path root = ui::pathFromQString(temp.path());
    core::LogdirLoader loader {{{"", root}}};
    ui::RunListModel runs;
    ui::PrCurvesDashboard dashboard {&runs};
};

// "run@step" per drawn curve.
QStringList drawn(const ui::PrCurveCard* card)
{
    QStringList curves;
    for (const ui::PrCurvePlot::Curve& curve : card->plot()->curves())
        curves.append(curve.run + QLatin1Char('@') + QString::number(curve.step));
    return curves;
}

// Hovers the plot with the mouse at (recall, precision).
QString hoverWithMouse(ui::PrCurvePlot* plot, double recall, double precision)
{
    QTest::mouseMove(plot, plot->positionOf(recall, precision).toPoint());
    return plot->hoverText();
}

std::string readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

} // namespace

class TestPrCurvesDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A reload that grows one run's series of a tag hands curves to that tag's card alone;
    // hidden, the tab does nothing until it is shown.
    void aReloadTouchesOnlyTheChangedCards()
    {
        const test::WriteValue write
            = [](core::EventFileWriter& writer, const std::string& tag, std::int64_t step) {
                  writer.addPrCurve(tag, step, kFair, kStart + double(step));
              };
        ui::RunListModel runs;
        ui::PrCurvesDashboard dashboard(&runs);
        const auto cards = [&dashboard] {
            test::CardUpdates updates;
            for (const char* tag : {"x/one", "x/two"})
                if (ui::PrCurveCard* card = dashboard.card(tag))
                    updates[tag] = {card, card->seriesUpdates()};
            return updates;
        };
        const QString failure
            = test::checkScopedReload(dashboard, runs, write, cards, QStringLiteral("x/one"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(dashboard.card("x/one")->steps(), (std::vector<std::int64_t> {0, 1, 2, 3}));
        // At the newest step, a's new curve and b's last one.
        const auto& curves = dashboard.card("x/one")->plot()->curves();
        QCOMPARE(curves.size(), std::size_t(2));
        QCOMPARE(curves[0].step, std::int64_t(3));
        QCOMPARE(curves[1].step, std::int64_t(2));
        QCOMPARE(dashboard.card("x/two")->steps(), (std::vector<std::int64_t> {0, 1, 2}));
    }

    void aCardPerTagACurvePerCheckedRun()
    {
        Loaded loaded;
        ui::CardGrid* grid = loaded.dashboard.grid();
        QCOMPARE(grid->cardTitles(), (QStringList {"pr/cat", "pr/dog"}));
        ui::PrCurveCard* cat = loaded.dashboard.card("pr/cat");
        QVERIFY(cat);
        QCOMPARE(cat->steps(), (std::vector<std::int64_t> {0, 10, 20, 30}));
        // The newest step; each run shows its latest value at or before it, in its colour.
        QCOMPARE(cat->step(), std::int64_t(30));
        QCOMPARE(drawn(cat), (QStringList {"bad@30", "good@20"}));
        QCOMPARE(cat->plot()->curves()[0].color, loaded.runs.color("bad"));
        QCOMPARE(cat->plot()->curves()[1].color, loaded.runs.color("good"));
        QCOMPARE(cat->findChild<QLabel*>(QStringLiteral("stepLabel"))->text(),
            QStringLiteral("step 30"));

        loaded.runs.setChecked(QStringLiteral("bad"), false);
        QCOMPARE(cat->steps(), (std::vector<std::int64_t> {0, 10, 20}));
        QCOMPARE(drawn(cat), (QStringList {"good@20"}));
        loaded.dashboard.tagFilter()->setText(QStringLiteral("dog"));
        QCOMPARE(grid->cardTitles(), (QStringList {"pr/dog"}));
        loaded.runs.setChecked(QStringLiteral("good"), false);
        QVERIFY(grid->cardTitles().isEmpty());
    }

    void hostileShapesNeitherCrashNorShow()
    {
        // The 339-byte crash: [6, 3074457345618258603] holding two values wrapped 6·N to 2 and
        // the card read past them. Now it is skipped; a broadcast ([6, 3], one value) shows.
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        {
            core::EventFileWriter writer(root / "run");
            writer.addPrCurve("pr/cat", 0, kFair, kStart);
            pb::Event hostile;
            hostile.set_step(1);
            hostile.set_wall_time(kStart + 1);
            pb::Summary::Value* value = hostile.mutable_summary()->add_value();
            value->set_tag("pr/cat");
            pb::TensorProto* tensor = value->mutable_tensor();
            tensor->set_dtype(pb::DT_FLOAT);
            tensor->mutable_tensor_shape()->add_dim()->set_size(6);
            tensor->mutable_tensor_shape()->add_dim()->set_size(3074457345618258603);
            tensor->add_float_val(1);
            tensor->add_float_val(2);
            writer.writeEvent(hostile);
            pb::Event broadcast = hostile;
            broadcast.set_step(2);
            pb::TensorProto* splat
                = broadcast.mutable_summary()->mutable_value(0)->mutable_tensor();
            splat->mutable_tensor_shape()->mutable_dim(1)->set_size(3);
            splat->clear_float_val();
            splat->add_float_val(0.5f);
            writer.writeEvent(broadcast);
        }
        core::LogdirLoader loader {{{"", root}}};
        loader.reload();
        ui::RunListModel runs;
        ui::PrCurvesDashboard dashboard {&runs};
        runs.setSnapshot(loader.snapshot());
        dashboard.setSnapshot(loader.snapshot());
        dashboard.resize(800, 600);
        dashboard.show();
        QVERIFY(!dashboard.grab().isNull()); // painted
        ui::PrCurveCard* cat = dashboard.card("pr/cat");
        QVERIFY(cat);
        QCOMPARE(cat->steps(), (std::vector<std::int64_t> {0, 2}));
        QCOMPARE(cat->plot()->curves().size(), std::size_t(1));
        const auto& points = cat->plot()->curves()[0].points;
        QCOMPARE(points.size(), std::size_t(3));
        QCOMPARE(points[1].precision, 0.5);
        QCOMPARE(points[1].threshold, 0.5);
    }

    void sliderChoosesTheStepAndPointsAreTheStoredOnes()
    {
        Loaded loaded;
        ui::PrCurveCard* cat = loaded.dashboard.card("pr/cat");
        QSlider* slider = cat->slider();
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Home);
        QCOMPARE(cat->step(), std::int64_t(0));
        QCOMPARE(drawn(cat), (QStringList {"good@0"})); // "bad" has nothing that early
        QTest::keyClick(slider, Qt::Key_Right);
        QCOMPARE(cat->step(), std::int64_t(10));
        QCOMPARE(drawn(cat), (QStringList {"bad@10", "good@10"}));
        QCOMPARE(cat->findChild<QLabel*>(QStringLiteral("stepLabel"))->text(),
            QStringLiteral("step 10"));

        // good@10: the fair counts, the two thresholds without positives trimmed.
        const std::vector<core::PrCurvePoint> expected = {
            {0.0, double(float(0.4)), 1.0, 4, 6, 0, 0},
            {0.25, double(float(0.6)), double(float(0.75)), 3, 2, 4, 1},
            {0.5, 1.0, double(float(0.25)), 1, 0, 6, 3},
        };
        QCOMPARE(cat->plot()->curves()[1].points, expected);
        QCOMPARE(cat->plot()->curves()[0].points.size(), std::size_t(5)); // perfect: all kept

        // The mouse over a point: its threshold, precision, recall and counts.
        ui::PrCurvePlot* plot = cat->plot();
        QCOMPARE(hoverWithMouse(plot, 0.75, 0.6),
            QStringLiteral("good · step 10\nthreshold 0.250\nprecision 0.600\nrecall 0.750\n"
                           "TP 3 · FP 2 · TN 4 · FN 1"));
        QCOMPARE(plot->hovered(), (std::optional<ui::PrCurvePlot::Hovered>({1, 1})));
        QCOMPARE(hoverWithMouse(plot, 1.0, 0.98),
            QStringLiteral("bad · step 10\nthreshold 0.250\nprecision 1.000\nrecall 1.000\n"
                           "TP 5 · FP 0 · TN 5 · FN 0"));
        QVERIFY(!plot->grab().isNull());
        QTest::keyClick(slider, Qt::Key_End);
        QCOMPARE(cat->step(), std::int64_t(30));
        QVERIFY(plot->hoverText().isEmpty()); // another step: the old point is gone
    }

    void newStepsFollowedOnlyFromTheNewest()
    {
        Loaded loaded;
        ui::PrCurveCard* cat = loaded.dashboard.card("pr/cat");
        {
            core::EventFileWriter writer(loaded.root / "bad");
            writer.addPrCurve("pr/cat", 40, kPerfect, kStart + 40);
        }
        loaded.reload();
        QCOMPARE(loaded.dashboard.card("pr/cat"), cat);
        QCOMPARE(cat->step(), std::int64_t(40)); // was at the newest: follows
        QCOMPARE(drawn(cat), (QStringList {"bad@40", "good@20"}));

        cat->slider()->setValue(1); // step 10, chosen
        {
            core::EventFileWriter writer(loaded.root / "good");
            writer.addPrCurve("pr/cat", 50, kPerfect, kStart + 50);
        }
        loaded.reload();
        QCOMPARE(cat->steps(), (std::vector<std::int64_t> {0, 10, 20, 30, 40, 50}));
        QCOMPARE(cat->step(), std::int64_t(10)); // stays where the user put it
    }

    void cardMenuExportsImagesAndTheShownCurves()
    {
        Loaded loaded;
        QTemporaryDir out;
        QStringList asked;
        loaded.dashboard.setExportPathChooser(
            [&](const QString&, const QString& stem, const QString& suffix) {
                asked.append(stem + suffix);
                return out.filePath(stem + suffix);
            });
        QWidget* card = loaded.dashboard.grid()->card("pr/cat", QString());
        QCOMPARE(test::chooseFromCardMenu(card, QStringLiteral("Save as PNG…")),
            (QStringList {"Save as PNG…", "Save as SVG…", "Save shown curves as CSV…"}));
        const QImage png(out.filePath(QStringLiteral("pr_cat.png")));
        QCOMPARE(png.size(), card->size());
        test::chooseFromCardMenu(card, QStringLiteral("Save as SVG…"));
        const std::string svg = readAll(out.filePath(QStringLiteral("pr_cat.svg")));
        QVERIFY(svg.find("<svg") != std::string::npos);
        QVERIFY(svg.find("Precision") != std::string::npos);

        test::chooseFromCardMenu(card, QStringLiteral("Save shown curves as CSV…"));
        QCOMPARE(asked, (QStringList {"pr_cat.png", "pr_cat.svg", "pr_cat.csv"}));
        const auto rows = test::parseCsv(readAll(out.filePath(QStringLiteral("pr_cat.csv"))));
        // bad@30 (fair: 3 points) then good@20 (perfect: 5 points).
        QCOMPARE(rows.size(), std::size_t(1 + 3 + 5));
        QCOMPARE(rows[0].size(), std::size_t(11));
        QCOMPARE(rows[2],
            (std::vector<std::string> {"bad", "pr/cat", "30", "1700000030", "0.25",
                core::shortestNumber(double(float(0.6))), "0.75", "3", "2", "4", "1"}));
        QCOMPARE(rows[8][0], std::string("good"));
        QCOMPARE(rows[8][4], std::string("1"));
    }

    void torchAndTensorboardXCurves()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        for (const char* name :
            {"c04_torch_pr_curves", "d01_tensorboardx_tutorial_mixed_with_torch"}) {
            ui::MainWindow window;
            window.resize(1400, 900);
            window.show();
            QVERIFY(test::openLogdirAndWait(window, *corpus / name));
            QVERIFY(window.showTab(QStringLiteral("pr_curves")));
            auto* dashboard = window.findChild<ui::PrCurvesDashboard*>(QStringLiteral("pr_curves"));
            if (QLatin1String(name).startsWith(QLatin1String("c04"))) {
                // Four files, each the same evaluation at step 0: one step, the last value.
                ui::PrCurveCard* card = dashboard->card(QStringLiteral("person class"));
                QVERIFY(card);
                QCOMPARE(card->steps(), (std::vector<std::int64_t> {0}));
                QVERIFY(!card->slider()->isEnabled());
                QCOMPARE(drawn(card), (QStringList {"runs@0"}));
                QCOMPARE(card->plot()->curves()[0].points.size(), std::size_t(126));
                card->plot()->hoverAt(card->plot()->positionOf(1.0, 55.0 / 56));
                QCOMPARE(card->plot()->hoverText(),
                    QStringLiteral("runs · step 0\nthreshold 0.992\nprecision 0.982\n"
                                   "recall 1.000\nTP 55 · FP 1 · TN 238 · FN 0"));
            } else {
                QCOMPARE(
                    dashboard->grid()->cardTitles(), (QStringList {"Ankle Boot", "T-shirt/top"}));
                ui::PrCurveCard* card = dashboard->card(QStringLiteral("Ankle Boot"));
                const core::PrCurvePoint& point = card->plot()->curves()[0].points[60];
                card->plot()->hoverAt(card->plot()->positionOf(point.recall, point.precision));
                QCOMPARE(card->plot()->hoverText(),
                    QStringLiteral("runs/fashion_mnist_experiment_1 · step 0\nthreshold 0.476\n"
                                   "precision 0.997\nrecall 0.997\n"
                                   "TP 1010 · FP 3 · TN 8984 · FN 3"));
            }
        }
    }
};

LANTERN_TEST_MAIN(TestPrCurvesDashboard)
#include "test_pr_curves_dashboard.moc"
