// waitUntil: lets the GUI thread handle its events until a condition holds, without polling.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>

namespace lantern::bench {

// Processes events until `done` holds or `limitMs` passes; the milliseconds it took. It blocks
// for events instead of polling: a polling GUI thread would take one of the two cores the
// workers being measured run on. The timer wakes the wait so `done` is looked at every 5 ms
// even when nothing else happens.
inline qint64 waitUntil(const std::function<bool()>& done, qint64 limitMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(5);
    while (!done() && timer.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return timer.elapsed();
}

} // namespace lantern::bench
