// The Scalars tab's custom scalars section: a layout our writer puts in the logs (as
// TensorBoard's custom_scalar summary does) shown at the top as a group per category, multiline
// charts with a line per (run, tag) their expressions match, margin charts with their bounds
// drawn as a band, a closed category collapsed, what is wrong with a layout listed, and a
// chart's own axes (log or linear y, its x axis) remembered for it in later sessions.

#include "core/events/custom_scalars_layout.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/line_plot.h"
#include "ui/widgets/run_list_model.h"

#include "event.pb.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

// Accuracy rises by 0.1 over the run from `base`, its bounds 0.05 either side.
void writeRun(const fs::path& directory, double base, const core::CustomScalarsLayout& layout)
{
    core::EventFileWriter writer(directory);
    writer.addCustomScalarsLayout(layout, 1.7e9);
    for (int step = 0; step <= 50; ++step) {
        const double wall = 1.7e9 + step;
        const double acc = base + 0.1 * step / 50.0;
        writer.addScalar("loss/train", step, float(1.0 / (1 + step)), wall);
        writer.addScalar("loss/eval", step, float(1.2 / (1 + step)), wall);
        writer.addScalar("acc", step, float(acc), wall);
        writer.addScalar("acc/lower", step, float(acc - 0.05), wall);
        writer.addScalar("acc/upper", step, float(acc + 0.05), wall);
    }
}

core::CustomScalarsLayout layout()
{
    core::CustomScalarsLayout layout;
    layout.categories.push_back(
        {"Losses", {{"All losses", {"loss/"}, {}}, {"", {"loss/("}, {}}}, false});
    layout.categories.push_back({"Bounds",
        {{"Accuracy band", {},
            {{"acc", "acc/lower", "acc/upper"}, {"acc", "acc/lower", "acc/missing"}}}},
        false});
    layout.categories.push_back({"Hidden", {{"Accuracy", {"acc$"}, {}}}, true});
    return layout;
}

struct Shown {
    QTemporaryDir temp;
    ui::RunListModel runs;
    std::unique_ptr<ui::ScalarsDashboard> dashboard;
};

void show(Shown& shown)
{
    const fs::path root = ui::pathFromQString(shown.temp.path());
    writeRun(root / "eval", 0.7, layout());
    writeRun(root / "train", 0.2, layout());
    {
        // A run whose layout is garbage.
        core::EventFileWriter writer(root / "broken");
        pb::Event event;
        pb::Summary::Value* value = event.mutable_summary()->add_value();
        value->set_tag("custom_scalars__config__");
        value->mutable_metadata()->mutable_plugin_data()->set_plugin_name("custom_scalars");
        value->mutable_tensor()->set_dtype(pb::DT_STRING);
        value->mutable_tensor()->mutable_tensor_shape();
        value->mutable_tensor()->add_string_val(std::string("\x12\xff\x01 not a layout", 16));
        writer.writeEvent(event);
    }
    core::LogdirLoader loader({{"", root}});
    loader.reload();
    shown.runs.setSnapshot(loader.snapshot());
    shown.dashboard = std::make_unique<ui::ScalarsDashboard>(&shown.runs);
    shown.dashboard->resize(1000, 1400);
    shown.dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(shown.dashboard.get()));
    shown.dashboard->setSnapshot(loader.snapshot());
}

ui::ScalarCard* layoutChart(const ui::ScalarsDashboard& dashboard, const QString& title)
{
    for (ui::ScalarCard* card : dashboard.layoutCharts())
        if (card->title() == title)
            return card;
    return nullptr;
}

QStringList seriesNames(const ui::LinePlot* plot)
{
    QStringList names;
    for (std::size_t i = 0; i < plot->seriesCount(); ++i)
        names.append(plot->series(i).name);
    std::sort(names.begin(), names.end());
    return names;
}

// The pixel row of value `y` on a linear axis.
int rowOf(const ui::LinePlot* plot, double y)
{
    const QRectF area = plot->plotArea();
    const ui::LinePlot::Range range = plot->yRange();
    return int(std::round(area.bottom() - range.fractionOf(y) * area.height()));
}

int distance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue());
}

} // namespace

class TestScalarsLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void sectionShowsTheLayoutAtTheTop()
    {
        Shown shown;
        show(shown);
        const ui::ScalarsDashboard& dashboard = *shown.dashboard;
        const QStringList groups = dashboard.groupNames();
        QVERIFY(groups.size() > 3);
        QCOMPARE(groups.mid(0, 3), (QStringList {"Losses", "Bounds", "Hidden"}));
        QCOMPARE(dashboard.tagsInGroup("Losses"), (QStringList {"All losses", "loss/("}));
        QVERIFY(!dashboard.isGroupExpanded("Hidden")); // closed in the layout
        QVERIFY(dashboard.isGroupExpanded("Losses"));

        // A line per (run, tag) that "loss/" matches from the tag's start.
        const ui::ScalarCard* losses = layoutChart(dashboard, "All losses");
        QVERIFY(losses);
        QCOMPARE(seriesNames(losses->plot()),
            (QStringList {"eval · loss/eval", "eval · loss/train", "train · loss/eval",
                "train · loss/train"}));
        QCOMPARE(seriesNames(layoutChart(dashboard, "Accuracy")->plot()),
            (QStringList {"eval · acc", "train · acc"}));
        QVERIFY(layoutChart(dashboard, "loss/(")->isNoDataNoteShown());

        // The margin chart: per run, its bounds as a band (lower then upper) and the value.
        const ui::LinePlot* band = layoutChart(dashboard, "Accuracy band")->plot();
        QCOMPARE(band->seriesCount(), std::size_t(6));
        using Role = ui::LinePlot::Series::Role;
        for (std::size_t i = 0; i < 6; i += 3) {
            QCOMPARE(band->series(i).role, Role::BandLower);
            QVERIFY(band->series(i).name.endsWith(" · acc/lower"));
            QCOMPARE(band->series(i + 1).role, Role::BandUpper);
            QCOMPARE(band->series(i + 2).role, Role::Line);
            QVERIFY(band->series(i + 2).name.endsWith(" · acc"));
        }

        // What is wrong is said, each with where.
        const QLabel* problems = dashboard.layoutProblems();
        QVERIFY(!problems->isHidden());
        const QString text = problems->text();
        QVERIFY2(text.contains("'loss/(' is not a valid regular expression"), qPrintable(text));
        QVERIFY(text.contains("chart 'Accuracy band': no run holds scalar tag 'acc/missing'"));
        QVERIFY(text.contains("broken: the custom scalars layout"));
    }

    void layoutChartsKeepTheirOwnAxes()
    {
        {
            Shown shown;
            show(shown);
            ui::ScalarCard* losses = layoutChart(*shown.dashboard, "All losses");
            QVERIFY(losses);
            // As a user picks them from the chart's menu.
            QVERIFY(losses->action("Y axis"));
            for (QAction* action : losses->action("Y axis")->menu()->actions())
                if (action->text() == "Log")
                    action->trigger();
            for (QAction* action : losses->action("X axis")->menu()->actions())
                if (action->text() == "Wall")
                    action->trigger();
            QVERIFY(losses->plot()->options().logY);
            QCOMPARE(losses->plot()->options().xAxis, ui::XAxisMode::WallTime);
            QVERIFY(losses->plot()->xRange().lo >= 1.7e9);
        }
        { // A new session: the chart comes back with its own axes, the others with none.
            Shown shown;
            show(shown);
            ui::ScalarCard* losses = layoutChart(*shown.dashboard, "All losses");
            QCOMPARE(losses->logScaleOverride(), std::optional(true));
            QCOMPARE(losses->xAxisOverride(), std::optional(ui::XAxisMode::WallTime));
            QVERIFY(losses->plot()->options().logY);
            QCOMPARE(losses->plot()->options().xAxis, ui::XAxisMode::WallTime);
            for (const char* other : {"Accuracy band", "Accuracy"}) {
                const ui::ScalarCard* card = layoutChart(*shown.dashboard, other);
                QVERIFY(!card->logScaleOverride() && !card->xAxisOverride());
                QVERIFY(!card->plot()->options().logY);
            }
            QVERIFY(!shown.dashboard->card("loss/train")->logScaleOverride());
            QApplication::processEvents();
            shown.dashboard->grab().save(QDir::temp().filePath("lantern_layout_own_axes.png"));
            losses->setLogScaleOverride(std::nullopt);
            losses->setXAxisOverride(std::nullopt);
        }
        Shown shown;
        show(shown);
        QVERIFY(!layoutChart(*shown.dashboard, "All losses")->logScaleOverride());
        QVERIFY(!layoutChart(*shown.dashboard, "All losses")->xAxisOverride());
    }

    void marginBoundsAreDrawnAsABand()
    {
        Shown shown;
        show(shown);
        ui::ScalarCard* card = layoutChart(*shown.dashboard, "Accuracy band");
        QVERIFY(card);
        ui::LinePlot* plot = card->plot();
        plot->setBackgroundRendering(false);
        QApplication::processEvents();
        const QImage image = plot->grab().toImage();
        const QRectF area = plot->plotArea();
        const int x = int(std::round(area.center().x())); // about step 25
        const QColor background = plot->palette().color(QPalette::Base);
        const auto tinted = [&](const QString& run) {
            const QColor color = shown.runs.color(run);
            return QColor::fromRgbF(float(0.2 * color.redF() + 0.8 * background.redF()),
                float(0.2 * color.greenF() + 0.8 * background.greenF()),
                float(0.2 * color.blueF() + 0.8 * background.blueF()));
        };
        // Inside each run's band, between its value (0.25 or 0.75 at step 25) and upper bound,
        // the run's colour faintly; between the two bands, no band.
        const QColor insideTrain = image.pixelColor(x, rowOf(plot, 0.275));
        const QColor insideEval = image.pixelColor(x, rowOf(plot, 0.775));
        const QColor between = image.pixelColor(x, rowOf(plot, 0.52));
        QVERIFY2(distance(insideTrain, background) > 40, qPrintable(insideTrain.name()));
        QVERIFY2(distance(insideTrain, tinted("train")) < 30, qPrintable(insideTrain.name()));
        QVERIFY2(distance(insideEval, tinted("eval")) < 30, qPrintable(insideEval.name()));
        QVERIFY2(distance(between, tinted("train")) > 30 && distance(between, tinted("eval")) > 30,
            qPrintable(between.name()));
        image.save(QDir::temp().filePath("lantern_margin_band.png"));
    }
};

LANTERN_TEST_MAIN(TestScalarsLayout)
#include "test_scalars_layout.moc"
