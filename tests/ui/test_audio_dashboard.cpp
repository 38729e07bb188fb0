// The Audio tab fed from a real load (tests/support/audio_test_logdir.h): a card per tag and
// run; the step slider over every stored step, following the newest; the chooser of a value
// holding several clips; the label as markdown in a box as tall as its text (bounded),
// duration, rate and channels; the waveform zoomed by wheel, drag and double-click, its time
// ticks, and the spectrogram on a linear and a log frequency scale with labelled ticks; the
// clip saved as WAV byte for byte; bytes that are not WAV say "Cannot decode"; with no audio
// output device the controls say so and are disabled. Playback itself: test_audio_playback.

#include "core/load/logdir_loader.h"
#include "tests/support/audio_test_logdir.h"
#include "tests/support/loaded_tab.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/audio/audio_card.h"
#include "ui/dashboards/audio/audio_dashboard.h"
#include "ui/dashboards/audio/clip_player.h"
#include "ui/dashboards/audio/frequency_scale.h"
#include "ui/dashboards/audio/waveform_view.h"
#include "ui/main_window.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/safe_text_browser.h"

#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cmath>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

// The tab on a loaded log directory, shown, with the runs panel's model.
struct AudioTab : test::LoadedTab<ui::AudioDashboard> {
    explicit AudioTab(const fs::path& logdir)
        : LoadedTab(logdir, {1200, 900})
    {
    }
    // The card, scrolled into sight, its clip and picture done.
    ui::AudioCard* loadedCard(const QString& tag, const QString& run)
    {
        return waitForCard(tag, run, [](const ui::AudioCard* card) {
            return !card->loaded().key.isEmpty() && !card->isLoading();
        });
    }
};

// test::writeAudioLogdir's log directory, written into `temp`.
fs::path writtenLogdir(const QTemporaryDir& temp)
{
    const fs::path root = ui::pathFromQString(temp.path());
    test::writeAudioLogdir(root);
    return root;
}

// Adds `step` to train's speech/sine, in a new event file, as a run that goes on does.
void appendStep(const fs::path& root, int step)
{
    core::EventFileWriter writer(root / "train");
    const core::EncodedAudio clip = test::sineClip(step);
    writer.addAudio("speech/sine", step, std::span(&clip, 1));
}

// The largest magnitude among the card's decoded samples.
float peakOf(const ui::AudioCard* card)
{
    float peak = 0;
    for (const float sample : card->loaded().audio->samples)
        peak = std::max(peak, std::abs(sample));
    return peak;
}

// Waits until the card shows `step`'s clip: its samples' peak is that step's amplitude.
bool showsStep(AudioTab& tab, ui::AudioCard* card, int step)
{
    return QTest::qWaitFor(
        [&] {
            return tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("train")) == card
                && card->loaded().hasAudio() && std::abs(peakOf(card) - (step + 1) / 10.0f) < 1e-3f;
        },
        10000);
}

} // namespace

class TestAudioDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // No audio output, whatever this machine has: the tab must work without one. (The
        // playback test runs its own sound server.)
        qputenv("PULSE_SERVER", "unix:/nonexistent/lantern-test-no-sound");
    }

    void cardsPerTagAndRun()
    {
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        QCOMPARE(tab.dashboard.key(), QStringLiteral("audio"));
        ui::CardGrid* grid = tab.dashboard.grid();
        QCOMPARE(grid->groupNames(), (QStringList {"music", "other", "speech"}));
        QCOMPARE(grid->cardTitles(),
            (QStringList {"music/chord · train", "other/mp3 · eval", "speech/sine · eval",
                "speech/sine · train"}));
        QTest::keyClicks(tab.dashboard.tagFilter(), QStringLiteral("SINE"));
        QCOMPARE(grid->cardTitles(), (QStringList {"speech/sine · eval", "speech/sine · train"}));
        tab.runs.setChecked(QStringLiteral("eval"), false);
        QCOMPARE(grid->cardTitles(), (QStringList {"speech/sine · train"}));
    }

    void sliderShowsEveryStepAndFollowsTheNewest()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        test::writeAudioLogdir(root);
        AudioTab tab(root);
        ui::AudioCard* card
            = tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("train"));
        QVERIFY(card);
        QSlider* slider = card->stepSlider();
        QCOMPARE(slider->maximum(), 4);
        QCOMPARE(slider->value(), 4); // the newest
        QVERIFY(showsStep(tab, card, 4));
        QVERIFY(card->stepLabel()->text().startsWith(QStringLiteral("Step 4 ·")));
        QCOMPARE(
            card->detailsLabel()->text(), QStringLiteral("0.25 s · 8000 Hz · mono · 16-bit PCM"));
        // The label is markdown: rendered bold, without its asterisks.
        QCOMPARE(card->labelView()->toPlainText(), QStringLiteral("step 4"));
        QVERIFY(card->labelView()->isVisible());
        QVERIFY(card->labelView()->document()->toHtml().contains(QStringLiteral("font-weight")));

        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Home);
        QCOMPARE(card->step(), std::int64_t(0));
        QVERIFY(showsStep(tab, card, 0));
        QCOMPARE(card->labelView()->toPlainText(), QStringLiteral("step 0"));
        for (int step = 1; step <= 4; ++step) {
            QTest::keyClick(slider, Qt::Key_Right);
            QCOMPARE(card->step(), std::int64_t(step));
            QVERIFY2(showsStep(tab, card, step), qPrintable(QString::number(step)));
        }

        // At the newest: a new step is followed.
        appendStep(root, 5);
        tab.reload();
        QCOMPARE(slider->maximum(), 5);
        QCOMPARE(card->step(), std::int64_t(5));
        QVERIFY(showsStep(tab, card, 5));
        // Elsewhere: the chosen step stays chosen.
        slider->setValue(2);
        appendStep(root, 6);
        tab.reload();
        QCOMPARE(slider->maximum(), 6);
        QCOMPARE(card->step(), std::int64_t(2));
        QVERIFY(showsStep(tab, card, 2));
    }

    void chooserPicksAmongClipsOfAValue()
    {
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        ui::AudioCard* card
            = tab.loadedCard(QStringLiteral("music/chord"), QStringLiteral("train"));
        QVERIFY(card);
        QSpinBox* chooser = card->clipBox();
        QVERIFY(chooser->isVisible());
        QCOMPARE(chooser->maximum(), 3);
        QCOMPARE(chooser->text(), QStringLiteral("Clip 1 of 3"));
        QVERIFY(!card->stepSlider()->isVisible()); // one value: nothing to slide over
        for (int clip = 1; clip <= 3; ++clip) {
            chooser->setValue(clip);
            QTRY_VERIFY(!card->isLoading() && card->loaded().hasAudio()
                && card->loaded().audio->channels == clip);
            QCOMPARE(card->clip(), clip - 1);
            QCOMPARE(card->labelView()->toPlainText(), QStringLiteral("clip %1").arg(clip));
            // encodeWav rounds x · 32767 to the nearest integer.
            QCOMPARE(card->loaded().audio->samples[0],
                float(std::lround(0.25 * clip * 32767)) / 32768.0f);
        }
        QCOMPARE(card->detailsLabel()->text(),
            QStringLiteral("0.05 s · 8000 Hz · 3 channels · 16-bit PCM"));
        // A single-clip card has no chooser.
        ui::AudioCard* single
            = tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("eval"));
        QVERIFY(single && !single->clipBox()->isVisible());
    }

    void savesTheStoredBytes()
    {
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        ui::AudioCard* card = tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("eval"));
        QVERIFY(card && card->loaded().hasAudio());
        const QString direct = temp.filePath(QStringLiteral("direct.wav"));
        QVERIFY(tab.dashboard.exportClip(
            QStringLiteral("speech/sine"), QStringLiteral("eval"), direct));
        QVERIFY(test::readBytes(ui::pathFromQString(direct)) == test::sineClip(2).bytes);
        // Through the card's menu, as a user does.
        QString asked;
        tab.dashboard.setExportPathChooser(
            [&](const QString&, const QString& stem, const QString& suffix) {
                asked = stem + suffix;
                return temp.filePath(QStringLiteral("menu.wav"));
            });
        const QStringList entries = test::chooseFromCardMenu(
            tab.dashboard.grid()->card(QStringLiteral("speech/sine"), QStringLiteral("eval")),
            QStringLiteral("Save clip as WAV…"));
        QVERIFY(entries.contains(QStringLiteral("Save clip as WAV…")));
        QCOMPARE(asked, QStringLiteral("eval_speech_sine_step2_clip1.wav"));
        QVERIFY(test::readBytes(ui::pathFromQString(temp.filePath(QStringLiteral("menu.wav"))))
            == test::sineClip(2).bytes);
    }

    void otherEncodingsCannotBeDecoded()
    {
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        ui::AudioCard* card = tab.loadedCard(QStringLiteral("other/mp3"), QStringLiteral("eval"));
        QVERIFY(card);
        QVERIFY(!card->loaded().hasAudio());
        QVERIFY2(card->waveform()->message().startsWith(QStringLiteral("Cannot decode this clip")),
            qPrintable(card->waveform()->message()));
        QVERIFY(card->waveform()->message().contains(QStringLiteral("not a WAV file")));
        QCOMPARE(card->detailsLabel()->text(), QStringLiteral("Cannot decode"));
        QCOMPARE(card->labelView()->toPlainText(), QStringLiteral("not WAV")); // still shown
        QVERIFY(!card->playButton()->isEnabled());
        QVERIFY(!tab.dashboard.exportClip(QStringLiteral("other/mp3"), QStringLiteral("eval"),
            temp.filePath(QStringLiteral("x.wav"))));
    }

    void withoutAnOutputDeviceThePlayerSaysSo()
    {
        QVERIFY(!ui::ClipPlayer::hasOutputDevice());
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        ui::AudioCard* card
            = tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("train"));
        QVERIFY(card && card->loaded().hasAudio());
        QVERIFY(!card->playButton()->isEnabled());
        QCOMPARE(card->playerStatus()->text(),
            QStringLiteral("No audio output device: playback is not available."));
        QTest::mouseClick(card->playButton(), Qt::LeftButton);
        QVERIFY(!card->player()->isPlaying());
        // The rest works: the waveform is drawn.
        QVERIFY(!card->waveform()->picture().image.isNull());
    }

    void waveformZoomsAndDrawsTheEnvelope()
    {
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        ui::AudioCard* card
            = tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("train"));
        QVERIFY(card);
        ui::WaveformView* view = card->waveform();
        QCOMPARE(view->viewBegin(), 0.0);
        QCOMPARE(view->viewEnd(), 0.25);
        const QImage drawn = view->picture().image;
        QCOMPARE(drawn.size(), view->size() * view->devicePixelRatio());
        // Labelled time ticks along the bottom, each where its time is drawn; no frequencies.
        QVERIFY(view->frequencyTicks().empty());
        QVERIFY(view->timeTicks().size() >= 2);
        for (const ui::WaveformTick& tick : view->timeTicks()) {
            QVERIFY2(tick.label.endsWith(QStringLiteral(" s")), qPrintable(tick.label));
            QVERIFY(std::abs(tick.pixel - view->xAt(tick.label.chopped(2).toDouble())) < 0.5);
        }
        // Step 4's amplitude is 0.5: the envelope reaches half-way up the lane, no further.
        const int middle = drawn.height() / 2;
        const int half = drawn.height() / 2 - 1;
        const auto painted = [&drawn](int y) {
            for (int x = 0; x < drawn.width(); ++x)
                if (qAlpha(drawn.pixel(x, y)) > 200)
                    return true;
            return false;
        };
        QVERIFY(painted(middle - half / 2 + 2));
        QVERIFY(!painted(middle - half / 2 - 3));

        // Dragging across the middle half zooms to it.
        const int w = view->width();
        QTest::mousePress(view, Qt::LeftButton, {}, QPoint(w / 4, 20));
        QTest::mouseMove(view, QPoint(w / 2, 20));
        QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(3 * w / 4, 20));
        QVERIFY(std::abs(view->viewBegin() - 0.0625) < 0.001);
        QVERIFY(std::abs(view->viewEnd() - 0.1875) < 0.001);
        QTRY_VERIFY(!view->isComputing() && view->picture().beginSeconds == view->viewBegin());
        // The wheel zooms about the cursor: the time under it stays there.
        const double under = view->secondsAt(w / 3);
        QWheelEvent wheel(QPointF(w / 3, 20), view->mapToGlobal(QPointF(w / 3, 20)), {}, {0, 120},
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &wheel);
        QVERIFY(view->viewEnd() - view->viewBegin() < 0.125 / 1.2);
        QVERIFY(std::abs(view->secondsAt(w / 3) - under) < 1e-3);
        // A double-click shows the whole clip again.
        QTest::mouseDClick(view, Qt::LeftButton, {}, QPoint(w / 2, 20));
        QCOMPARE(view->viewBegin(), 0.0);
        QCOMPARE(view->viewEnd(), 0.25);
        // A click moves the playhead there (the player keeps the position while stopped).
        QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(w / 2, 20));
        QVERIFY(std::abs(view->playhead() - 0.125) < 0.01);
        QVERIFY(std::abs(card->player()->position() - 0.125) < 0.01);
    }

    // A reload where one series grew hands data only to that series' card, as in every card tab.
    void aReloadTouchesOnlyTheChangedCards()
    {
        const test::WriteValue write
            = [](core::EventFileWriter& writer, const std::string& tag, std::int64_t step) {
                  const core::EncodedAudio clip = test::sineClip(int(step));
                  writer.addAudio(
                      tag, step, std::span(&clip, 1), core::SummaryStyle::Tf2, 1.0 + double(step));
              };
        const QString failure
            = test::checkScopedReloadFollowsTheNewest<ui::AudioDashboard, ui::AudioCard>(write);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // The spectrogram on a linear and on a log frequency scale: the tone lies where its
    // frequency's labelled tick says, the ticks drawn up the left.
    void spectrogramShowsTheToneWhereItsTickSays()
    {
        QTemporaryDir temp;
        AudioTab tab(writtenLogdir(temp));
        ui::AudioCard* card
            = tab.loadedCard(QStringLiteral("speech/sine"), QStringLiteral("train"));
        QVERIFY(card);
        tab.dashboard.modeBox()->setCurrentIndex(1);
        ui::WaveformView* view = card->waveform();
        QCOMPARE(view->mode(), ui::WaveformMode::Spectrogram);
        QTRY_VERIFY(!view->isComputing() && view->picture().mode == ui::WaveformMode::Spectrogram);
        QImage image = view->picture().image;
        // 440 Hz of 0–4000 Hz: the loudest row lies 11 % of the way up, in mid-clip.
        const int x = image.width() / 2;
        const auto loudestRow = [&image, x] {
            int loudest = 0;
            for (int y = 0; y < image.height(); ++y)
                if (QColor(image.pixel(x, y)).lightness()
                    > QColor(image.pixel(x, loudest)).lightness())
                    loudest = y;
            return loudest;
        };
        const int loudest = loudestRow();
        const double fraction = 1.0 - double(loudest) / (image.height() - 1);
        QVERIFY2(std::abs(fraction - 440.0 / 4000.0) < 0.03, qPrintable(QString::number(fraction)));
        // Far from the tone (the top row, 4 kHz) it is dark.
        QVERIFY(QColor(image.pixel(x, 0)).lightness() < 60);
        QVERIFY2(QColor(image.pixel(x, loudest)).lightness() > 150,
            qPrintable(QColor(image.pixel(x, loudest)).name()));
        // Its ticks: kHz evenly up the view, each drawn as a mark at the left edge.
        const auto tickAt = [view](const QString& label) {
            for (const ui::WaveformTick& tick : view->frequencyTicks())
                if (tick.label == label)
                    return tick.pixel;
            return -1.0;
        };
        const double height = view->height();
        QVERIFY(std::abs(tickAt(QStringLiteral("1 kHz")) - 0.75 * height) < 0.5);
        QVERIFY(std::abs(tickAt(QStringLiteral("2 kHz")) - 0.5 * height) < 0.5);
        const QImage drawn = view->grab().toImage();
        const int y = int(std::lround(tickAt(QStringLiteral("2 kHz"))));
        const QColor ink = view->palette().color(QPalette::Text);
        QVERIFY(drawn.pixelColor(1, y) == ink || drawn.pixelColor(1, y - 1) == ink);

        // Log: 20 Hz to 4 kHz, each decade the same height; 440 Hz lies 58 % of the way up.
        tab.dashboard.modeBox()->setCurrentIndex(2);
        QTRY_VERIFY(
            !view->isComputing() && view->picture().mode == ui::WaveformMode::LogSpectrogram);
        const auto expected = [&](double hertz) {
            return (1 - std::log(hertz / 20) / std::log(4000.0 / 20)) * height;
        };
        const double hundred = tickAt(QStringLiteral("100 Hz"));
        const double thousand = tickAt(QStringLiteral("1 kHz"));
        QVERIFY(std::abs(hundred - expected(100)) < 0.5);
        QVERIFY(std::abs(thousand - expected(1000)) < 0.5);
        image = view->picture().image;
        const double loudestY = (loudestRow() + 0.5) * height / image.height();
        QVERIFY2(std::abs(loudestY - expected(440)) < 0.03 * height,
            qPrintable(QStringLiteral("%1 vs %2").arg(loudestY).arg(expected(440))));
        QVERIFY(loudestY > thousand && loudestY < hundred);
        // With LANTERN_SCREENSHOT_DIR set, the card is saved there to be looked at.
        if (const QString directory = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
            !directory.isEmpty())
            QVERIFY(card->grab().save(directory + QStringLiteral("/audio_log_spectrogram.png")));
    }

    // The label box is as tall as its text, up to a bound; beyond it, it scrolls.
    // A log scale's ticks thin out from 1-2-5 to 1-3 to the powers of ten as fewer fit.
    void logTicksThinOutStepByStep()
    {
        const ui::FrequencyScale scale {20, 8000, true};
        const auto valuesFor = [&](int target) { return scale.ticks(target).values; };
        QCOMPARE(valuesFor(8), (std::vector<double> {20, 50, 100, 200, 500, 1000, 2000, 5000}));
        QCOMPARE(valuesFor(5), (std::vector<double> {30, 100, 300, 1000, 3000}));
        QCOMPARE(valuesFor(3), (std::vector<double> {100, 1000}));
        const ui::AxisTicks ticks = scale.ticks(5);
        QCOMPARE(ticks.labels.front(), QStringLiteral("30 Hz"));
        QCOMPARE(ticks.labels.back(), QStringLiteral("3 kHz"));
    }

    void labelBoxFitsItsText()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        {
            core::EventFileWriter writer(root / "train");
            std::string many;
            for (int line = 0; line < 60; ++line)
                many += "line\n\n";
            const std::string labels[] = {"**short**", "first\n\nsecond\n\nthird", many};
            for (int step = 0; step < 3; ++step) {
                core::EncodedAudio clip = test::sineClip(step);
                clip.label = labels[step];
                writer.addAudio("notes", step, std::span(&clip, 1));
            }
        }
        AudioTab tab(root);
        ui::AudioCard* card = tab.loadedCard(QStringLiteral("notes"), QStringLiteral("train"));
        QVERIFY(card);
        ui::SafeTextBrowser* label = card->labelView();
        const auto heightAt = [&](int step) {
            card->stepSlider()->setValue(step);
            const bool shown = QTest::qWaitFor(
                [&] {
                    return card->step() == step && !card->isLoading() && card->loaded().hasAudio();
                },
                10000);
            QCoreApplication::processEvents();
            return shown ? label->height() : -1;
        };
        const int one = heightAt(0);
        QCOMPARE(label->toPlainText(), QStringLiteral("short"));
        QVERIFY(one > 0);
        QCOMPARE(label->verticalScrollBar()->maximum(), 0); // all of it in view
        const int three = heightAt(1);
        QVERIFY(label->toPlainText().startsWith(QStringLiteral("first")));
        QVERIFY2(three > 2 * one, qPrintable(QStringLiteral("%1 vs %2").arg(three).arg(one)));
        QVERIFY(three < ui::AudioCard::kTallestLabel);
        QCOMPARE(label->verticalScrollBar()->maximum(), 0);
        const int many = heightAt(2);
        QCOMPARE(many, ui::AudioCard::kTallestLabel);
        QVERIFY(label->verticalScrollBar()->maximum() > 0); // the rest scrolls
        QCOMPARE(heightAt(0), one); // and back
    }

    // The window shows the tab only when audio exists; its cards read through the window's
    // DataReader, and a screenshot waits until the shown clips are decoded and drawn.
    void mainWindowShowsTheTabOnlyWithAudio()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        test::writeAudioLogdir(root / "with");
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
        QVERIFY(!window.showTab(QStringLiteral("audio")));

        const std::uint64_t readsBefore = window.loader()->reader()->readsDone();
        window.openLogdirs({ui::qStringFromPath(root / "with")});
        QVERIFY(loaded.wait(10000));
        QVERIFY(window.showTab(QStringLiteral("audio")));
        auto* audio = window.findChild<ui::AudioDashboard*>(QStringLiteral("audio"));
        QVERIFY(audio);
        QCOMPARE(audio->grid()->cardTitles().size(), 4);
        ui::AudioCard* card = audio->card(QStringLiteral("music/chord"), QStringLiteral("train"));
        QTRY_VERIFY(card->isLoading() || card->loaded().hasAudio());
        QTRY_VERIFY(!window.isComputing());
        QVERIFY(card->loaded().hasAudio());
        QVERIFY(!card->waveform()->picture().image.isNull());
        QVERIFY(window.loader()->reader()->readsDone() > readsBefore);
    }
};

LANTERN_TEST_MAIN(TestAudioDashboard)
#include "test_audio_dashboard.moc"
