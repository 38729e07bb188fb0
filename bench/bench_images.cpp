// lantern-bench-images: does dragging an Images card's slider keep the window responsive?
//
// A run holds large images (1200 × 4800, like a grid of predictions); a "drag" moves the
// card's slider one value every 16 ms (60 Hz) across them. Each move is a tick of a precise
// timer, and how late the ticks fire is time the window could not react. Three cases in the
// same run: the idle window (the baseline), the Images tab (reads and decodes on workers,
// latest request wins), and the same drag decoding each image on the GUI thread, as a naive
// view would (the baseline). Each prints the median over repeats of its ticks' p50 and max
// lateness, and how long until the last value's image is shown.
//
// Usage: lantern-bench-images [--steps N] [--repeats N]

#include "core/load/blob_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "ui/dashboards/images/image_card.h"
#include "ui/dashboards/images/image_source.h"
#include "ui/dashboards/images/image_view.h"
#include "ui/dashboards/images/images_dashboard.h"
#include "ui/widgets/run_list_model.h"
#include "wait_until.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 1200;
constexpr int kHeight = 4800;
constexpr int kTickMs = 16;

// Smooth bands that move with the step, plus a little texture: compresses as real plots do.
core::EncodedImage bandedImage(int step)
{
    std::vector<std::uint8_t> pixels(std::size_t(kWidth) * kHeight * 3);
    std::size_t at = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const int band = (y / 40 + x / 300 + step) % 6;
            pixels[at++] = std::uint8_t(40 * band + (x * y % 7));
            pixels[at++] = std::uint8_t(255 - 30 * band);
            pixels[at++] = std::uint8_t((x + step * 13) % 256);
        }
    return {kWidth, kHeight, 3, core::encodePng(kWidth, kHeight, 3, pixels)};
}

struct DragResult {
    double p50 = 0;
    double max = 0;
    double settledMs = 0; // from the first move until the last value's image is shown
};

// Calls `move(i)` for i = 0 … moves − 1 on a 16 ms timer, then waits for `settled`.
DragResult drag(
    int moves, const std::function<void(int)>& move, const std::function<bool()>& settled)
{
    std::vector<double> late;
    QElapsedTimer clock;
    clock.start();
    qint64 previous = 0;
    int done = 0;
    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        if (done > 0)
            late.push_back(std::max<double>(0, double(now - previous - kTickMs)));
        previous = now;
        if (done == moves) {
            ticker.stop();
            loop.quit();
            return;
        }
        move(done++);
    });
    ticker.start(kTickMs);
    loop.exec();
    bench::waitUntil(settled, 600000);
    DragResult result;
    result.settledMs = double(clock.elapsed());
    std::sort(late.begin(), late.end());
    result.p50 = late[late.size() / 2];
    result.max = late.back();
    return result;
}

DragResult median(std::vector<DragResult> results)
{
    const auto pick = [&results](double DragResult::*field) {
        std::vector<double> values;
        for (const DragResult& r : results)
            values.push_back(r.*field);
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    return {pick(&DragResult::p50), pick(&DragResult::max), pick(&DragResult::settledMs)};
}

void printRow(const char* what, const DragResult& result)
{
    std::printf(
        "  %-30s %8.1f ms %8.1f ms %10.0f ms\n", what, result.p50, result.max, result.settledMs);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    int steps = 20, repeats = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--steps") == 0)
            steps = std::max(2, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--repeats") == 0)
            repeats = std::max(1, std::atoi(argv[i + 1]));
    }

    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    {
        core::EventFileWriter writer(root / "big");
        for (int step = 0; step < steps; ++step) {
            const core::EncodedImage image = bandedImage(step);
            writer.addImage("predictions", step, std::span(&image, 1));
        }
    }
    core::LogdirLoader loader({{"", root}});
    loader.reload();
    const auto snapshot = loader.snapshot();
    ui::RunListModel runs;
    runs.setSnapshot(snapshot);
    ui::ImagesDashboard dashboard(&runs);
    dashboard.resize(1200, 900);
    dashboard.show();
    dashboard.setSnapshot(snapshot);
    ui::ImageCard* card = dashboard.card(QStringLiteral("predictions"), QStringLiteral("big"));
    bench::waitUntil([card] { return !card->isLoading() && !card->view()->image().isNull(); }, 600000);

    std::printf("lantern-bench-images: %d values of %d×%d PNG, a slider move every %d ms\n", steps,
        kWidth, kHeight, kTickMs);
    std::printf("  %-30s %11s %11s %13s\n", "", "late p50", "late max", "settled");
    std::vector<DragResult> idle, tab, naive;
    const core::RunSnapshot& run = *snapshot->find("big");
    const core::TagSnapshot& tag = *run.find("predictions");
    ui::ImageView naiveView;
    naiveView.resize(400, 300);
    naiveView.show();
    for (int r = 0; r < repeats; ++r) {
        dashboard.source()->setCacheLimit(0); // every image read and decoded again
        dashboard.source()->setCacheLimit(qsizetype(128) << 20);
        idle.push_back(drag(
            steps, [](int) {}, [] { return true; }));
        // Forward then back, so the drag ends away from where it started.
        const auto valueAt = [steps](int i) { return i < steps ? i : 2 * steps - 1 - i; };
        tab.push_back(drag(
            2 * steps, [&](int i) { card->stepSlider()->setValue(valueAt(i)); },
            [&] { return !card->isLoading(); }));
        naive.push_back(drag(
            2 * steps,
            [&](int i) {
                const ui::ImageRequest request {
                    core::blobReference(run, tag, std::size_t(valueAt(i))), 0};
                const ui::DecodedImage decoded
                    = ui::decodeImage(request, core::readBlobs(request.reference));
                naiveView.setImage(decoded.image, decoded.preview);
                naiveView.repaint();
            },
            [] { return true; }));
    }
    const DragResult ours = median(tab), baseline = median(naive);
    printRow("idle window", median(idle));
    printRow("Images tab (workers)", ours);
    printRow("decoding on the GUI thread", baseline);
    std::printf("  worst stall: %.2fx of decoding on the GUI thread\n",
        baseline.max > 0 ? ours.max / baseline.max : 0.0);
    return 0;
}
