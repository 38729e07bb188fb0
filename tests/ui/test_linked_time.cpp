// Linked time across tabs, as the window builds them (createDashboards): with "Link steps" on,
// a step selected on a Scalars card moves every Images card's slider to that step and outlines
// that step in every Histograms plot; unlinked, the other tabs stay where they are.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_support.h"
#include "ui/dashboards/dashboard_registry.h"
#include "ui/dashboards/histograms/histograms_dashboard.h"
#include "ui/dashboards/images/image_card.h"
#include "ui/dashboards/images/images_dashboard.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/step_strip.h"

#include <QCheckBox>
#include <QSettings>
#include <QStandardPaths>
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
        const fs::path root = temp.path().toStdString();
        writeRun(root / "run");
        core::LogdirLoader loader({{"", root}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        ui::RunListModel runs;
        runs.setSnapshot(snapshot);
        QWidget window;
        window.resize(900, 700);
        const std::vector<ui::Dashboard*> dashboards
            = ui::createDashboards({&runs, nullptr}, &window);
        auto* scalars = find<ui::ScalarsDashboard>(dashboards);
        auto* images = find<ui::ImagesDashboard>(dashboards);
        auto* histograms = find<ui::HistogramsDashboard>(dashboards);
        QVERIFY(scalars && images && histograms);
        for (ui::SeriesDashboard* dashboard :
            {static_cast<ui::SeriesDashboard*>(scalars), static_cast<ui::SeriesDashboard*>(images),
                static_cast<ui::SeriesDashboard*>(histograms)}) {
            dashboard->resize(900, 700);
            dashboard->setSnapshot(snapshot);
        }
        window.show();
        scalars->raise(); // the dashboards overlap in this bare window: Scalars is clicked
        QVERIFY(QTest::qWaitForWindowExposed(&window));

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
};

QTEST_MAIN(TestLinkedTime)
#include "test_linked_time.moc"
