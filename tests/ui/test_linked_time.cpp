// Linked time across tabs, as the window builds them (createDashboards): with "Link steps" on,
// a step selected on a Scalars card moves every Images card's slider to that step and outlines
// that step in every Histograms plot; unlinked, the other tabs stay where they are.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/dashboard_registry.h"
#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/dashboards/images/image_card.h"
#include "ui/dashboards/images/images_dashboard.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/step_data_table.h"
#include "ui/widgets/step_strip.h"

#include <QCheckBox>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr double kStart = 1.7e9;

// One run, steps 0, 10, …, 90 of a scalar, a histogram and an image.
void writeRun(const fs::path& directory)
{
    core::EventFileWriter writer(directory);
    const std::vector<std::uint8_t> pixels(4 * 4 * 3, 128);
    const core::EncodedImage image {4, 4, 3, core::encodePng(4, 4, 3, pixels)};
    for (int i = 0; i < 10; ++i) {
        const int step = i * 10;
        writer.addScalar("loss", step, float(1.0 / (1 + i)), kStart + i);
        const core::HistogramBucket buckets[] = {{0, 1, double(i + 1)}, {1, 2, 5}};
        writer.addHistogramBuckets("weights", step, buckets, kStart + i);
        writer.addImage("samples", step, std::span(&image, 1), core::SummaryStyle::Tf2, kStart + i);
    }
}

template <typename T> T* find(const std::vector<ui::Dashboard*>& dashboards)
{
    for (ui::Dashboard* dashboard : dashboards)
        if (auto* found = dynamic_cast<T*>(dashboard))
            return found;
    return nullptr;
}

void clickStep(ui::ScalarCard* card, std::int64_t step)
{
    ui::StepStrip* strip = card->stepStrip();
    QTest::mouseClick(strip, Qt::LeftButton, {},
        QPoint(int(std::round(strip->pixelAt(double(step)))), strip->height() / 2));
}

// The window's Scalars, Images and Histograms tabs on `snapshot`, as createDashboards makes
// them, shown in `window` with Scalars on top (they overlap in this bare window).
struct Tabs {
    ui::RunListModel runs; // outlives the dashboards, which the window deletes
    QWidget window;
    ui::ScalarsDashboard* scalars = nullptr;
    ui::ImagesDashboard* images = nullptr;
    ui::HistogramsDashboard* histograms = nullptr;
};

void show(Tabs& tabs, const std::shared_ptr<const core::LogdirSnapshot>& snapshot, QSize size)
{
    tabs.runs.setSnapshot(snapshot);
    tabs.window.resize(size);
    const std::vector<ui::Dashboard*> dashboards
        = ui::createDashboards({&tabs.runs, nullptr}, &tabs.window);
    tabs.scalars = find<ui::ScalarsDashboard>(dashboards);
    tabs.images = find<ui::ImagesDashboard>(dashboards);
    tabs.histograms = find<ui::HistogramsDashboard>(dashboards);
    QVERIFY(tabs.scalars && tabs.images && tabs.histograms);
    for (ui::SeriesDashboard* dashboard : {static_cast<ui::SeriesDashboard*>(tabs.scalars),
             static_cast<ui::SeriesDashboard*>(tabs.images),
             static_cast<ui::SeriesDashboard*>(tabs.histograms)}) {
        dashboard->resize(size);
        dashboard->setSnapshot(snapshot);
    }
    tabs.window.show();
    tabs.scalars->raise(); // Scalars is clicked
    QVERIFY(QTest::qWaitForWindowExposed(&tabs.window));
}

} // namespace

class TestLinkedTime : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void histogramsAndImagesFollowTheScalarsStep()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeRun(root / "run");
        core::LogdirLoader loader({{"", root}});
        loader.reload();
        Tabs tabs;
        show(tabs, loader.snapshot(), {900, 700});
        if (QTest::currentTestFailed())
            return;
        ui::ScalarsDashboard* scalars = tabs.scalars;
        ui::ImagesDashboard* images = tabs.images;
        ui::HistogramsDashboard* histograms = tabs.histograms;

        ui::ImageCard* image = images->card("samples", "run");
        ui::HistogramPlot* histogram = histograms->plot("weights", "run");
        QVERIFY(image && histogram);
        QTRY_VERIFY(!histogram->isComputing());
        QCOMPARE(image->step(), 90); // the newest, as it opens
        QVERIFY(!histogram->highlightedRow());

        // Unlinked: the selection stays on its card.
        ui::ScalarCard* loss = scalars->card("loss");
        clickStep(loss, 30);
        QCOMPARE(loss->stepSelection(), std::optional(ui::StepSelection {30, 30}));
        QCOMPARE(image->step(), 90);
        QVERIFY(!histogram->highlightedRow());

        // Linked: the image slider moves to the step, the histogram outlines it.
        scalars->linkStepsBox()->setChecked(true);
        clickStep(loss, 40);
        QCOMPARE(image->step(), 40);
        QVERIFY(histogram->highlightedRow());
        QCOMPARE(histogram->stepAt(*histogram->highlightedRow()), 40);
        // A step between stored ones: the nearest.
        clickStep(loss, 71);
        QCOMPARE(image->step(), 70);
        QCOMPARE(histogram->stepAt(*histogram->highlightedRow()), 70);
        // Cleared: the histogram drops its outline; the image stays where it is.
        QTest::keyClick(loss->stepStrip(), Qt::Key_Escape);
        QVERIFY(!histogram->highlightedRow());
        QCOMPARE(image->step(), 70);
    }

    // A real Keras run (b01: epoch_loss and weight histograms every epoch, 200 epochs): a step
    // picked on the Scalars card is outlined in its histograms. Both tabs saved for a look.
    void linkedTimeOnCorpusB01()
    {
        const auto snapshot = test::loadCorpusLogdir("b01_tf2_keras_callback_and_custom_loop");
        if (!snapshot)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        Tabs tabs;
        show(tabs, snapshot, {1300, 900});
        if (QTest::currentTestFailed())
            return;
        ui::ScalarsDashboard* scalars = tabs.scalars;
        ui::HistogramsDashboard* histograms = tabs.histograms;
        QString train;
        for (const auto& run : snapshot->runs)
            if (run->find("dense/kernel_0"))
                train = QString::fromStdString(run->name);
        ui::HistogramPlot* kernel = histograms->plot("dense/kernel_0", train);
        ui::ScalarCard* loss = scalars->card("epoch_loss");
        QVERIFY(kernel && loss);
        QTRY_VERIFY(!kernel->isComputing());

        scalars->linkStepsBox()->setChecked(true);
        clickStep(loss, 100);
        const std::optional<ui::StepSelection> selected = loss->stepSelection();
        QVERIFY(selected && !selected->isRange());
        QVERIFY(std::abs(selected->lo - 100) <= 1); // a pixel is about a step wide
        QVERIFY(kernel->highlightedRow());
        QCOMPARE(kernel->stepAt(*kernel->highlightedRow()), selected->lo);
        ui::ScalarCard* accuracy = scalars->card("epoch_accuracy");
        QCOMPARE(accuracy->stepSelection(), selected);
        // The linked card grew to hold its table, as the clicked one did.
        QTRY_COMPARE(accuracy->height(), loss->height());
        // Its row grows with it once the layouts have run (the screenshot used to be taken
        // before, cards cut off at their old height): the card is whole and its table shows the
        // header and every run's row (b01 has two runs), not a sliver.
        QTRY_COMPARE(accuracy->visibleRegion().boundingRect().height(), accuracy->height());
        ui::StepDataTable* table = accuracy->stepTable();
        table->waitForRows();
        QCOMPARE(table->view()->model()->rowCount(), 2);
        QCOMPARE(table->visibleRegion().boundingRect().size(), table->size());
        QTableView* rows = table->view();
        QVERIFY(rows->viewport()->height() >= 2 * rows->rowHeight(0));
        QVERIFY(rows->rowViewportPosition(1) + rows->rowHeight(1) <= rows->viewport()->height());
        QVERIFY(scalars->grab().save(QDir::temp().filePath("lantern_b01_linked_scalars.png")));
        histograms->raise();
        QTRY_VERIFY(!kernel->isComputing());
        QVERIFY(
            histograms->grab().save(QDir::temp().filePath("lantern_b01_linked_histograms.png")));
    }
};

LANTERN_TEST_MAIN(TestLinkedTime)
#include "test_linked_time.moc"
