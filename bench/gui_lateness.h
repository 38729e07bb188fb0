#pragma once
// How late a 5 ms timer on the GUI thread fires while something runs: a late tick is time the
// window could not react to the user. Shared by the benchmarks that watch the GUI thread.
// Beside it, how much CPU time the GUI thread itself used between two ticks: on a loaded
// machine a tick can be late because other threads had the cores, and that figure tells our
// own work on the GUI thread from waiting for a core.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <time.h>
#include <tuple>
#include <utility>
#include <vector>

namespace lantern::bench {

constexpr int kLatenessTickMs = 5;

// How late the GUI thread's ticks came while `action` ran and until `done` turned true.
struct Lateness {
    double p99 = 0;
    double max = 0;
    double elapsedMs = 0;
    double busyP99 = 0; // the GUI thread's CPU time between two ticks, ms
    double busyMax = 0;
    double busyTotal = 0; // the GUI thread's CPU time over the whole step, ms
};

inline double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The 99th percentile and the largest of `values` (sorted here).
inline std::pair<double, double> p99AndMax(std::vector<double>& values)
{
    if (values.empty())
        return {0, 0};
    std::sort(values.begin(), values.end());
    return {values[std::min(values.size() - 1, values.size() * 99 / 100)], values.back()};
}

inline Lateness measureLateness(
    const std::function<void()>& action, const std::function<bool()>& done)
{
    std::vector<double> late, busy;
    QElapsedTimer clock;
    clock.start();
    qint64 previous = clock.elapsed();
    const double startCpu = threadCpuMs();
    double previousCpu = startCpu;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        late.push_back(std::max<double>(0, double(now - previous - kLatenessTickMs)));
        previous = now;
        const double cpu = threadCpuMs();
        busy.push_back(cpu - previousCpu);
        previousCpu = cpu;
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
    result.busyTotal = threadCpuMs() - startCpu;
    std::tie(result.p99, result.max) = p99AndMax(late);
    std::tie(result.busyP99, result.busyMax) = p99AndMax(busy);
    return result;
}

} // namespace lantern::bench
