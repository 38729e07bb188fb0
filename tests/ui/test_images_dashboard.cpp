// The Images tab fed from a real load: images written with EventFileWriter (TF1 and TF2, one
// or several per step), loaded by core::LogdirLoader and shown a card per tag and run. The
// slider is driven with the keyboard and every step's pixels are checked, both as decoded and
// as drawn; stale requests are dropped while dragging; damaged records, undecodable bytes and
// vanished files say so in the card; the tab follows a growing run, filters tags, follows the
// runs panel, enlarges, adjusts and exports; a run of 5,000 image steps makes one card; the
// real corpus images have their real sizes; the main window shows the tab only when it has
// something and waits for its images before a screenshot.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/loaded_tab.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/images/image_adjustment.h"
#include "ui/dashboards/images/image_card.h"
#include "ui/dashboards/images/image_source.h"
#include "ui/dashboards/images/image_view.h"
#include "ui/dashboards/images/image_viewer_dialog.h"
#include "ui/dashboards/images/images_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr double kStart = 1.7e9;
constexpr int kWidth = 8;
constexpr int kHeight = 6;

// Each step and sample has its own pair of colours: the left half of the image, the right.
QColor leftColor(int step, int sample)
{
    return QColor(
        (40 * step + 90 * sample) % 256, (200 + 25 * step) % 256, (60 + 50 * sample) % 256);
}
QColor rightColor(int step, int sample)
{
    const QColor left = leftColor(step, sample);
    return QColor(255 - left.red(), 255 - left.green(), 255 - left.blue());
}

core::EncodedImage stepImage(int step, int sample = 0)
{
    std::vector<std::uint8_t> pixels;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const QColor color
                = x < kWidth / 2 ? leftColor(step, sample) : rightColor(step, sample);
            pixels.insert(pixels.end(),
                {std::uint8_t(color.red()), std::uint8_t(color.green()),
                    std::uint8_t(color.blue())});
        }
    return {kWidth, kHeight, 3, core::encodePng(kWidth, kHeight, 3, pixels)};
}

// Steps first…last of `tag`, one image each, in a new event file of the run `directory`.
void writeSteps(const fs::path& directory, const std::string& tag, int first, int last)
{
    core::EventFileWriter writer(directory);
    for (int step = first; step <= last; ++step) {
        const core::EncodedImage image = stepImage(step);
        writer.addImage(tag, step, std::span(&image, 1));
    }
}

// "train": samples/digits (steps 0–5) and samples/grid (three images a step, steps 0–2), TF2;
// "eval": samples/digits at steps 0, 2, 4 and a TF1 "other", plus a scalar.
void writeImages(const fs::path& root)
{
    {
        core::EventFileWriter writer(root / "train");
        for (int step = 0; step <= 5; ++step) {
            const core::EncodedImage image = stepImage(step);
            writer.addImage("samples/digits", step, std::span(&image, 1), core::SummaryStyle::Tf2,
                kStart + step);
        }
        for (int step = 0; step <= 2; ++step) {
            const core::EncodedImage images[]
                = {stepImage(step, 0), stepImage(step, 1), stepImage(step, 2)};
            writer.addImage("samples/grid", step, images, core::SummaryStyle::Tf2, kStart + step);
        }
    }
    core::EventFileWriter writer(root / "eval");
    for (int step = 0; step <= 4; step += 2) {
        const core::EncodedImage image = stepImage(step);
        writer.addImage(
            "samples/digits", step, std::span(&image, 1), core::SummaryStyle::Tf2, kStart + step);
        writer.addImage("other", step, std::span(&image, 1), core::SummaryStyle::Tf1, kStart);
        writer.addScalar("loss", step, 0.5f, kStart + step);
    }
}

// The tab on a loaded log directory, shown, with the runs panel's model.
struct ImagesTab : test::LoadedTab<ui::ImagesDashboard> {
    explicit ImagesTab(const fs::path& logdir, core::LoadOptions options = {})
        : LoadedTab(logdir, {1150, 900}, options)
    {
    }
    // The card, scrolled into sight and done loading.
    ui::ImageCard* loadedCard(const QString& tag, const QString& run)
    {
        return waitForCard(
            tag, run, [](ui::ImageCard* card) { return !card->isLoading() && isShowing(card); });
    }
    static bool isShowing(ui::ImageCard* card)
    {
        return !card->view()->image().isNull() || !card->view()->message().isEmpty();
    }
};

// Empty when the card shows `step`'s `sample`: the decoded pixels, and the pixels drawn.
QString checkShows(ui::ImageCard* card, int step, int sample = 0)
{
    const QImage image = card->view()->image();
    if (image.size() != QSize(kWidth, kHeight))
        return QStringLiteral("no %1×%2 image shown: %3")
            .arg(kWidth)
            .arg(kHeight)
            .arg(card->view()->message());
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            if (image.pixelColor(x, y)
                != (x < kWidth / 2 ? leftColor(step, sample) : rightColor(step, sample)))
                return QStringLiteral("pixel (%1, %2) is not step %3's").arg(x).arg(y).arg(step);
    const QImage drawn = card->view()->grab().toImage();
    const QRect area = card->view()->imageRect();
    const QPoint left(area.left() + area.width() / 4, area.center().y());
    const QPoint right(area.left() + area.width() * 3 / 4, area.center().y());
    if (drawn.pixelColor(left) != leftColor(step, sample)
        || drawn.pixelColor(right) != rightColor(step, sample))
        return QStringLiteral("the drawn image is not step %1's").arg(step);
    return {};
}

} // namespace

class TestImagesDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cardsPerTagAndRunFollowFilterAndRuns()
    {
        QTemporaryDir temp;
        writeImages(ui::pathFromQString(temp.path()));
        ImagesTab tab(ui::pathFromQString(temp.path()));
        ui::CardGrid* grid = tab.dashboard.grid();
        QCOMPARE(grid->groupNames(), (QStringList {"other", "samples"}));
        QCOMPARE(grid->cardTitles(),
            (QStringList {"other · eval", "samples/digits · eval", "samples/digits · train",
                "samples/grid · train"}));

        QTest::keyClicks(tab.dashboard.tagFilter(), QStringLiteral("DIGITS"));
        QCOMPARE(
            grid->cardTitles(), (QStringList {"samples/digits · eval", "samples/digits · train"}));
        QVERIFY(!tab.dashboard.card("samples/grid", "train"));
        QTest::keyClicks(tab.dashboard.tagFilter(), QStringLiteral("(")); // invalid: no filter
        QCOMPARE(grid->cardTitles().size(), 4);
        tab.dashboard.tagFilter()->setText(QStringLiteral("nothing"));
        QVERIFY(grid->cardTitles().isEmpty());
        auto* empty = grid->findChild<QLabel*>(QStringLiteral("emptyMessage"));
        QVERIFY(empty->isVisible() && empty->text().contains(QStringLiteral("nothing")));
        tab.dashboard.tagFilter()->clear();

        // Unchecking a run removes its cards; checking it brings them back.
        tab.runs.setChecked(QStringLiteral("eval"), false);
        QCOMPARE(
            grid->cardTitles(), (QStringList {"samples/digits · train", "samples/grid · train"}));
        tab.runs.setChecked(QStringLiteral("eval"), true);
        QCOMPARE(grid->cardTitles().size(), 4);
    }

    // A reload that grows one series hands values to that card alone; hidden, the tab does
    // nothing until it is shown.
    void aReloadTouchesOnlyTheChangedCards()
    {
        const test::WriteValue write = [](core::EventFileWriter& writer, const std::string& tag,
                                           std::int64_t step) {
            const core::EncodedImage image = stepImage(int(step));
            writer.addImage(tag, step, {&image, 1}, core::SummaryStyle::Tf2, 1.0 + double(step));
        };
        const QString failure
            = test::checkScopedReloadFollowsTheNewest<ui::ImagesDashboard, ui::ImageCard>(write);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void sliderShowsEveryStep()
    {
        QTemporaryDir temp;
        writeImages(ui::pathFromQString(temp.path()));
        ImagesTab tab(ui::pathFromQString(temp.path()));
        ui::ImageCard* card = tab.loadedCard("samples/digits", "train");
        QVERIFY(card);
        QSlider* slider = card->stepSlider();
        QCOMPARE(slider->maximum(), 5);
        QCOMPARE(slider->value(), 5); // the newest first
        QCOMPARE(checkShows(card, 5), QString());
        QVERIFY(!card->sampleBox()->isVisible()); // one image a step

        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Home);
        for (int step = 0; step <= 5; ++step) {
            QTRY_COMPARE(checkShows(card, step), QString());
            QVERIFY(card->stepLabel()->text().startsWith(QStringLiteral("Step %1 ·").arg(step)));
            QCOMPARE(card->isLoading(), false);
            QTest::keyClick(slider, Qt::Key_Right);
        }

        // The eval run's card has its own steps: 0, 2, 4.
        ui::ImageCard* eval = tab.loadedCard("samples/digits", "eval");
        QVERIFY(eval);
        QCOMPARE(eval->stepSlider()->maximum(), 2);
        QCOMPARE(eval->step(), std::int64_t(4));
        QCOMPARE(checkShows(eval, 4), QString());
        ui::ImageCard* tf1 = tab.loadedCard("other", "eval");
        QVERIFY(tf1);
        QCOMPARE(checkShows(tf1, 4), QString());
    }

    void everyImageOfAValue()
    {
        QTemporaryDir temp;
        writeImages(ui::pathFromQString(temp.path()));
        ImagesTab tab(ui::pathFromQString(temp.path()));
        ui::ImageCard* card = tab.loadedCard("samples/grid", "train");
        QVERIFY(card);
        QSpinBox* sample = card->sampleBox();
        QVERIFY(sample->isVisible());
        QCOMPARE(sample->maximum(), 3);
        QCOMPARE(checkShows(card, 2, 0), QString());
        sample->setFocus();
        QTest::keyClick(sample, Qt::Key_Up);
        QTRY_COMPARE(checkShows(card, 2, 1), QString());
        QTest::keyClick(sample, Qt::Key_Up);
        QTRY_COMPARE(checkShows(card, 2, 2), QString());
        // Another step keeps the chosen sample.
        card->stepSlider()->setFocus();
        QTest::keyClick(card->stepSlider(), Qt::Key_Left);
        QTRY_COMPARE(checkShows(card, 1, 2), QString());
    }

    void restartKeptAsWrittenReadsByStep()
    {
        // A restarted run: steps 0..10, then a new file at steps 5..15 with other pictures
        // (sample 1's colours). Kept as written, the slider holds all 22 values in step order,
        // a repeated step's values side by side as written, and starts at the highest step;
        // TensorBoard's rule keeps 16.
        QTemporaryDir temp;
        const fs::path run = ui::pathFromQString(temp.path()) / "run";
        const auto writeSegment = [&run](int first, int last, int sample) {
            core::EventFileWriter writer(run);
            for (int step = first; step <= last; ++step) {
                const core::EncodedImage image = stepImage(step, sample);
                writer.addImage("restart", step, std::span(&image, 1), core::SummaryStyle::Tf2,
                    kStart + 100 * sample + step);
            }
        };
        writeSegment(0, 10, 0);
        writeSegment(5, 15, 1);
        for (const bool keepEvery : {false, true}) { // the second writes more
            ImagesTab tab(ui::pathFromQString(temp.path()),
                core::LoadOptions {.keepOrphanedData = keepEvery});
            ui::ImageCard* card = tab.loadedCard("restart", "run");
            QVERIFY(card);
            std::vector<std::pair<int, int>> expected; // (step, picture) per position
            for (int step = 0; step <= 15; ++step) {
                if (step <= 10 && (keepEvery || step < 5))
                    expected.emplace_back(step, 0);
                if (step >= 5)
                    expected.emplace_back(step, 1);
            }
            QSlider* slider = card->stepSlider();
            QCOMPARE(slider->maximum(), int(expected.size()) - 1);
            QCOMPARE(slider->value(), slider->maximum());
            QCOMPARE(card->step(), std::int64_t(15));
            slider->setFocus();
            QTest::keyClick(slider, Qt::Key_Home);
            for (std::size_t at = 0; at < expected.size(); ++at) {
                const auto [step, picture] = expected[at];
                QCOMPARE(card->position(), int(at));
                QCOMPARE(card->step(), std::int64_t(step));
                QTRY_COMPARE(checkShows(card, step, picture), QString());
                const bool repeated = keepEvery && step >= 5 && step <= 10;
                const QString label = repeated
                    ? QStringLiteral("Step %1 (%2 of 2) ·").arg(step).arg(picture + 1)
                    : QStringLiteral("Step %1 ·").arg(step);
                QVERIFY2(card->stepLabel()->text().startsWith(label),
                    qPrintable(card->stepLabel()->text()));
                QTest::keyClick(slider, Qt::Key_Right);
            }
            if (!keepEvery)
                continue;

            // A third file writes step 3 again. The slider, at the end, stays at the highest
            // step; one put on a value keeps that value, now one position further on.
            ui::ImageCard* followed = card;
            slider->setValue(6); // step 5, the second file's
            QCOMPARE(card->step(), std::int64_t(5));
            writeSegment(3, 3, 2);
            tab.reload();
            QCOMPARE(followed->stepSlider()->maximum(), 22);
            QCOMPARE(followed->position(), 7);
            QTRY_COMPARE(checkShows(followed, 5, 1), QString());
            followed->stepSlider()->setValue(4); // step 3, the third file's
            QTRY_COMPARE(checkShows(followed, 3, 2), QString());
            QVERIFY(followed->stepLabel()->text().startsWith(QStringLiteral("Step 3 (2 of 2) ·")));
            followed->stepSlider()->setValue(22);
            writeSegment(4, 4, 2);
            tab.reload();
            QCOMPARE(followed->position(), 23);
            QCOMPARE(followed->step(), std::int64_t(15));
            followed->stepSlider()->setValue(8); // past the two new values: step 5, second
            QTRY_COMPARE(checkShows(followed, 5, 1), QString());
            QVERIFY(followed->stepLabel()->text().startsWith(QStringLiteral("Step 5 (2 of 2) ·")));
            QVERIFY(tab.dashboard.grab().save(QStringLiteral("/tmp/lantern_restart_images.png")));
        }
    }

    void draggingDecodesOnlyTheLatest()
    {
        QTemporaryDir temp;
        writeSteps(ui::pathFromQString(temp.path()) / "run", "drag", 0, 49);
        ImagesTab tab(ui::pathFromQString(temp.path()));
        ui::ImageCard* card = tab.loadedCard("drag", "run");
        QVERIFY(card);
        QCOMPARE(tab.dashboard.source()->cachedImages(), qsizetype(1));
        // A drag across 30 steps, faster than any decode: the one started first and the
        // last asked for are decoded, nothing between; the last is what shows.
        for (int value = 0; value < 30; ++value)
            card->stepSlider()->setValue(value);
        QVERIFY(card->isLoading());
        QTRY_VERIFY(!card->isLoading());
        QCOMPARE(checkShows(card, 29), QString());
        QCOMPARE(tab.dashboard.source()->cachedImages(), qsizetype(3));
        // Back to a step seen before: from the cache, at once.
        card->stepSlider()->setValue(0);
        QVERIFY(!card->isLoading());
        QCOMPARE(checkShows(card, 0), QString());
    }

    void damagedUndecodableAndMissingSayWhy()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeSteps(root / "run", "pictures", 0, 2);
        {
            core::EventFileWriter writer(root / "run");
            const core::EncodedImage garbage {4, 4, 3, "these bytes are not an image"};
            writer.addImage("pictures", 3, std::span(&garbage, 1));
        }
        ImagesTab tab(root);
        ui::ImageCard* card = tab.loadedCard("pictures", "run");
        QVERIFY(card);
        QVERIFY2(card->view()->message().contains(QStringLiteral("could not be decoded")),
            qPrintable(card->view()->message()));
        QVERIFY(card->view()->image().isNull());

        // Flip a byte inside step 0's record: its checksum fails.
        const core::RunSnapshot& run = *tab.loader.snapshot()->find("run");
        const core::BlobEntry& first = run.find("pictures")->blobs[0];
        const fs::path file = run.files[first.location.file];
        std::string bytes = test::readBytes(file);
        bytes[first.location.offset + 12 + first.location.length / 2] ^= 0x40;
        test::writeBytes(file, bytes);
        card->stepSlider()->setValue(0);
        QTRY_VERIFY(card->view()->message().contains(QStringLiteral("checksum")));
        QVERIFY(card->view()->message().contains(ui::qStringFromPath(file)));
        card->stepSlider()->setValue(1); // an intact record shows again
        QTRY_COMPARE(checkShows(card, 1), QString());

        fs::remove(file);
        card->stepSlider()->setValue(2);
        QTRY_VERIFY2(card->view()->message().contains(QStringLiteral("cannot read")),
            qPrintable(card->view()->message()));
    }

    void followsAGrowingRun()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        // Each batch is a new file in the run, as a restarted writer makes.
        writeSteps(root / "live", "live", 0, 2);
        ImagesTab tab(root);
        ui::ImageCard* card = tab.loadedCard("live", "live");
        QVERIFY(card);
        QCOMPARE(checkShows(card, 2), QString());

        writeSteps(root / "live", "live", 3, 5); // at the newest: follows the newest
        tab.reload();
        QCOMPARE(tab.dashboard.card("live", "live"), card);
        QCOMPARE(card->stepSlider()->maximum(), 5);
        QCOMPARE(card->stepSlider()->value(), 5);
        QTRY_COMPARE(checkShows(card, 5), QString());

        card->stepSlider()->setValue(1); // elsewhere: stays there
        writeSteps(root / "live", "live", 6, 7);
        tab.reload();
        QCOMPARE(card->stepSlider()->maximum(), 7);
        QCOMPARE(card->stepSlider()->value(), 1);
        QTRY_COMPARE(checkShows(card, 1), QString());
    }

    void displayOptionsEnlargeAndExport()
    {
        QTemporaryDir temp;
        writeImages(ui::pathFromQString(temp.path()));
        ImagesTab tab(ui::pathFromQString(temp.path()));
        ui::ImageCard* card = tab.loadedCard("samples/digits", "train");
        QVERIFY(card);
        ui::ImageView* view = card->view();
        QVERIFY(view->width() > 10 * kWidth); // fitted to the card: enlarged

        QTest::mouseClick(tab.dashboard.actualSizeBox(), Qt::LeftButton);
        QVERIFY(tab.dashboard.options().actualSize);
        QCOMPARE(view->imageRect().size(), QSize(kWidth, kHeight));
        QCOMPARE(view->height(), kHeight);
        QCOMPARE(checkShows(card, 5), QString());
        QTest::mouseClick(tab.dashboard.actualSizeBox(), Qt::LeftButton);
        QTRY_VERIFY(view->width() > 10 * kWidth);

        // Card size: wider cards, fewer columns.
        tab.dashboard.cardSizeSlider()->setValue(600);
        QCOMPARE(tab.dashboard.grid()->cardMinWidth(), 600);
        QTRY_VERIFY(view->width() > 500);

        // Brightness halves every channel when drawn; the stored image is untouched.
        tab.dashboard.brightnessSlider()->setValue(50);
        const QImage drawn = view->grab().toImage();
        const QColor left = leftColor(5, 0);
        const QPoint at(view->imageRect().left() + 2, view->imageRect().center().y());
        const QColor halved = drawn.pixelColor(at);
        QCOMPARE(halved, ui::adjustImage(view->image(), 0.5, 1.0).pixelColor(0, 0));
        QVERIFY(std::abs(halved.red() - left.red() / 2) <= 1
            && std::abs(halved.green() - left.green() / 2) <= 1);
        QCOMPARE(view->image().pixelColor(0, 0), left);

        // Export: the image as shown, at its actual size.
        const QString path = temp.filePath(QStringLiteral("export.png"));
        tab.dashboard.setExportPathChooser(
            [path](const QString&, const QString&, const QString&) { return path; });
        QCOMPARE(test::chooseFromCardMenu(tab.dashboard.grid()->card("samples/digits", "train"),
                     QStringLiteral("Save image as PNG…")),
            (QStringList {"Enlarge", "Save image as PNG…"}));
        const QImage exported(path);
        QCOMPARE(exported.size(), QSize(kWidth, kHeight));
        QCOMPARE(exported.pixelColor(0, 0), drawn.pixelColor(at));
        QTest::mouseClick(tab.dashboard.findChild<QToolButton*>(QStringLiteral("resetAdjustments")),
            Qt::LeftButton);
        QCOMPARE(tab.dashboard.options().brightness, 1.0);

        // A click enlarges the image, at its actual size.
        QTest::mouseClick(view, Qt::LeftButton, {}, view->imageRect().center());
        auto* dialog
            = tab.dashboard.findChild<ui::ImageViewerDialog*>(QStringLiteral("imageViewer"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->imageLabel()->pixmap().size(), QSize(kWidth, kHeight));
        dialog->zoomBox()->setCurrentIndex(dialog->zoomBox()->findData(4.0));
        QCOMPARE(dialog->imageLabel()->pixmap().size(), QSize(4 * kWidth, 4 * kHeight));
        QCOMPARE(dialog->imageLabel()->pixmap().toImage().pixelColor(4 * kWidth - 1, 0),
            rightColor(5, 0));
        QCOMPARE(dialog->image().pixelColor(kWidth - 1, 0), rightColor(5, 0));
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("step 5")));
        dialog->close();
    }

    // A huge image gets a reduced preview when it is decoded, on the worker, and a fitted view
    // draws from it; small images need none.
    void hugeImagesArePreviewedOffTheGuiThread()
    {
        QImage huge(1200, 4800, QImage::Format_RGB32);
        huge.fill(Qt::red);
        for (int y = huge.height() / 2; y < huge.height(); ++y)
            for (int x = 0; x < huge.width(); ++x)
                huge.setPixel(x, y, qRgb(0, 0, 255));
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(huge.save(&buffer, "PNG"));
        core::DecodedBlobs blobs;
        blobs.images.push_back({png.toStdString(), 1200, 4800, 3, "png"});
        const ui::DecodedImage decoded = ui::decodeImage({}, blobs);
        QVERIFY(decoded.error.isEmpty());
        QCOMPARE(decoded.image.size(), huge.size());
        QCOMPARE(decoded.preview.size(), QSize(256, 1024));
        QCOMPARE(decoded.preview.pixelColor(128, 100), QColor(Qt::red));
        QCOMPARE(decoded.preview.pixelColor(128, 900), QColor(Qt::blue));

        ui::ImageView view;
        view.setImage(decoded.image, decoded.preview);
        view.resize(400, 300);
        const QImage fitted = view.grab().toImage();
        const QRect shown = view.imageRect();
        QVERIFY(shown.height() > 100 && shown.height() < decoded.preview.height());
        QCOMPARE(fitted.pixelColor(shown.center().x(), shown.top() + 20), QColor(Qt::red));
        QCOMPARE(fitted.pixelColor(shown.center().x(), shown.bottom() - 20), QColor(Qt::blue));
        // Drawn from the preview, the view matches the preview reduced again.
        const QImage expected
            = decoded.preview.scaled(shown.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QCOMPARE(fitted.copy(shown).convertToFormat(QImage::Format_RGB32),
            expected.convertToFormat(QImage::Format_RGB32));

        QImage small(64, 48, QImage::Format_RGB32);
        small.fill(Qt::green);
        QByteArray smallPng;
        QBuffer smallBuffer(&smallPng);
        QVERIFY(small.save(&smallBuffer, "PNG"));
        blobs.images.front() = {smallPng.toStdString(), 64, 48, 3, "png"};
        QVERIFY(ui::decodeImage({}, blobs).preview.isNull());
    }

    void brightnessAndContrastAsCssFilters()
    {
        QImage image(2, 1, QImage::Format_RGB32);
        image.setPixelColor(0, 0, QColor(204, 102, 0));
        image.setPixelColor(1, 0, QColor(255, 255, 255));
        QCOMPARE(ui::adjustImage(image, 1.0, 1.0), image);
        const QImage brighter = ui::adjustImage(image, 0.5, 1.0);
        QCOMPARE(brighter.pixelColor(0, 0), QColor(102, 51, 0));
        // Contrast scales the distance from mid-grey, after brightness: 0.4 → 0.2 at ×3.
        const QImage both = ui::adjustImage(image, 0.5, 3.0);
        QCOMPARE(both.pixelColor(0, 0).red(), 51);
        QCOMPARE(both.pixelColor(0, 0).blue(), 0); // clamped
        QCOMPARE(ui::adjustImage(image, 1.0, 0.0).pixelColor(1, 0), QColor(128, 128, 128));
    }

    void thousandsOfStepsMakeOneCard()
    {
        QTemporaryDir temp;
        writeSteps(ui::pathFromQString(temp.path()) / "long", "frames", 0, 4999);
        ImagesTab tab(ui::pathFromQString(temp.path()));
        QCOMPARE(tab.dashboard.grid()->cardTitles().size(), 1);
        QVERIFY(tab.dashboard.findChildren<QWidget*>().size() < 60);
        ui::ImageCard* card = tab.loadedCard("frames", "long");
        QVERIFY(card);
        QCOMPARE(card->stepSlider()->maximum(), 4999); // every step, nothing sampled away
        QCOMPARE(checkShows(card, 4999), QString());
        card->stepSlider()->setValue(2500);
        QTRY_COMPARE(checkShows(card, 2500), QString());
    }

    void corpusImagesHaveTheirSizes()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const fs::path d04 = *corpus / "d04_tensorboardx_1x_2018_legacy";
        const fs::path d01 = *corpus / "d01_tensorboardx_tutorial_mixed_with_torch";
        if (!fs::exists(d04) || !fs::exists(d01))
            QSKIP("corpus cases d04 and d01 are absent");
        {
            ImagesTab tab(d04);
            const QString run = QStringLiteral("runs/May18_15-05-42_NIGSA774680");
            ui::ImageCard* image = tab.loadedCard(QStringLiteral("Image"), run);
            QVERIFY(image);
            // The sizes in the PNG headers (the corpus manifest lists them in another order).
            QCOMPARE(image->view()->image().size(), QSize(530, 266));
            ui::ImageCard* image2 = tab.loadedCard(QStringLiteral("Image2"), run);
            QVERIFY(image2);
            QCOMPARE(image2->view()->image().size(), QSize(432, 288));
            // At actual size, a card grows to hold its image.
            QTest::mouseClick(tab.dashboard.actualSizeBox(), Qt::LeftButton);
            QWidget* imageFrame = tab.dashboard.grid()->card(QStringLiteral("Image"), run);
            QTRY_VERIFY(image->view()->width() >= 530 && imageFrame->width() > 530);
            QCOMPARE(image->view()->imageRect().size(), QSize(530, 266));
            QTest::mouseClick(tab.dashboard.actualSizeBox(), Qt::LeftButton);
        }
        // Eleven values, all at step 1: TensorBoard's rule keeps the newest; kept as written,
        // each has its place on the slider.
        for (const bool keepEvery : {false, true}) {
            ImagesTab tab(d04, core::LoadOptions {.keepOrphanedData = keepEvery});
            ui::ImageCard* repeated = tab.loadedCard(QStringLiteral("Decision_Boundary"),
                QStringLiteral("runs/May18_15-22-16_NIGSA774680"));
            QVERIFY(repeated);
            QCOMPARE(repeated->stepSlider()->maximum(), keepEvery ? 10 : 0);
            QCOMPARE(repeated->step(), std::int64_t(1));
            QCOMPARE(repeated->view()->image().size(), QSize(288, 432));
        }
        ImagesTab tab(d01);
        const QString run = QStringLiteral("runs/fashion_mnist_experiment_1");
        ui::ImageCard* predictions = tab.loadedCard(QStringLiteral("predictions_vs._actuals"), run);
        QVERIFY(predictions);
        QCOMPARE(predictions->view()->image().size(), QSize(1200, 4800));
        ui::ImageCard* four = tab.loadedCard(QStringLiteral("four_fashion_mnist_images"), run);
        QVERIFY(four);
        QCOMPARE(four->view()->image().size(), QSize(122, 32));
    }

    void mainWindowShowsTheTabOnlyWithImages()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        writeImages(root / "with");
        {
            core::EventFileWriter writer(root / "without" / "run");
            writer.addScalar("loss", 1, 0.5f);
        }
        ui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({ui::qStringFromPath(root / "without")});
        QVERIFY(loaded.wait(10000));
        QVERIFY(!window.showTab(QStringLiteral("images")));

        window.openLogdirs({ui::qStringFromPath(root / "with")});
        QVERIFY(loaded.wait(10000));
        QVERIFY(window.showTab(QStringLiteral("images")));
        auto* images = window.findChild<ui::ImagesDashboard*>(QStringLiteral("images"));
        QVERIFY(images);
        QCOMPARE(images->grid()->cardTitles().size(), 4);
        // Once the tab is painted, its cards load; a screenshot waits while they do.
        QTRY_VERIFY(images->card("samples/digits", "train")->isLoading()
            || !images->card("samples/digits", "train")->view()->image().isNull());
        QTRY_VERIFY(!window.isComputing());
        ui::ImageCard* card = images->card("samples/digits", "train");
        QCOMPARE(checkShows(card, 5), QString());
        card->stepSlider()->setValue(3); // not decoded yet: the window is busy until it is
        QVERIFY(window.isComputing());
        QTRY_VERIFY(!window.isComputing());
        QCOMPARE(checkShows(card, 3), QString());
    }
};

LANTERN_TEST_MAIN(TestImagesDashboard)
#include "test_images_dashboard.moc"
