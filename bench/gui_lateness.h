#pragma once
// How late a 5 ms timer on the GUI thread fires while something runs: a late tick is time the
// window could not react to the user. Shared by the benchmarks that watch the GUI thread.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <vector>

namespace lantern::bench {

constexpr int kLatenessTickMs = 5;

// How late the GUI thread's ticks came while `action` ran and until `done` turned true.
struct Lateness {
    double p99 = 0;
    double max = 0;
    double elapsedMs = 0;
};

inline Lateness measureLateness(
    const std::function<void()>& action, const std::function<bool()>& done)
{
    std::vector<double> late;
    QElapsedTimer clock;
    clock.start();
    qint64 previous = clock.elapsed();
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        late.push_back(std::max<double>(0, double(now - previous - kLatenessTickMs)));
        previous = now;
    });
    ticker.start(kLatenessTickMs);
    action();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    loop.exec();
    // Late ticks of the action itself count too: it ran on the GUI thread.
    Lateness result;
    result.elapsedMs = double(clock.elapsed());
    if (!late.empty()) {
        std::sort(late.begin(), late.end());
        result.p99 = late[std::min(late.size() - 1, late.size() * 99 / 100)];
        result.max = late.back();
    }
    return result;
}

} // namespace lantern::bench
