// LatestJob, the "latest request wins" worker: results arrive on the owner's thread, a
// superseded job sees it is cancelled and its result and progress never arrive, quick requests
// deliver only the newest result and never an older one after a newer, and destroying it while
// a job runs delivers nothing (waiting for the job, or leaving it to finish). WorkerPicture, a
// view's picture kept by version on top of it: the first picture at a size is drawn at once on
// the owner's thread, later ones on a worker asked once per version, and a stale picture is
// never taken. Jobs are held at semaphores so every ordering is forced, never left to timing.

#include "tests/support/test_main.h"
#include "ui/widgets/latest_job.h"
#include "ui/widgets/worker_picture.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace lantern::ui;

namespace {

// A generous bound on waiting for a worker, so that a bug fails the test instead of hanging it.
constexpr int kGuardMilliseconds = 60000;

// The latches a test's jobs wait at. Declared before the pool, so they outlive its jobs.
struct Latches {
    QSemaphore started; // a job is running
    QSemaphore gate; // lets a held job go on
    QSemaphore returned; // a job is about to return
};

// Where a job ran: 1 on a worker, -1 on the owner's thread (which waitForLatest must not use).
int onWorker()
{
    return QThread::currentThread() == QCoreApplication::instance()->thread() ? -1 : 1;
}

// A picture as the tests draw it: from what inputs, and where.
struct Sketch {
    int inputs = 0;
    bool onWorker = false;
};

// A view's side of a WorkerPicture: the pictures it took, and how often the worker's arrived.
// Pictures drawn from negative inputs stand for ones drawn for a size the view has left.
struct SketchView {
    explicit SketchView(Latches& latches)
        : picture(
            [&latches, this](int inputs) {
                ++draws;
                if (holdDraws) {
                    latches.started.release();
                    latches.gate.acquire();
                }
                return Sketch {inputs, onWorker() > 0};
            },
            [this](Sketch& sketch) {
                if (sketch.inputs < 0)
                    return false;
                taken.push_back(sketch.inputs);
                lastOnWorker = sketch.onWorker;
                return true;
            },
            [this] { ++arrivals; }, &pool)
    {
    }

    std::atomic<int> draws = 0;
    std::atomic<bool> holdDraws = false;
    std::vector<int> taken;
    bool lastOnWorker = false;
    int arrivals = 0;
    QThreadPool pool; // outlives the picture: waits for a job it left running
    WorkerPicture<int, Sketch> picture;
};

} // namespace

class TestLatestJob : public QObject {
    Q_OBJECT
private slots:
    void deliversTheResultOnTheOwnersThread()
    {
        QThreadPool pool;
        std::vector<QThread*> deliveredOn;
        LatestJob<QThread*> job(
            [&](QThread* ranOn) {
                QCOMPARE_NE(ranOn, QThread::currentThread());
                deliveredOn.push_back(QThread::currentThread());
            },
            &pool);
        job.run([] { return QThread::currentThread(); });
        QVERIFY(job.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        QCOMPARE(deliveredOn, std::vector<QThread*> {QThread::currentThread()});
    }

    void aSupersededJobSeesItIsCancelledAndIsNeverDelivered()
    {
        Latches latches;
        std::atomic<bool> firstSawCancelEarly = true;
        std::atomic<bool> firstSawCancel = false;
        QThreadPool pool;
        std::vector<int> delivered;
        LatestJob<int> job([&](int value) { delivered.push_back(value); }, &pool);
        job.run([&](const LatestJob<int>::Control& control) {
            firstSawCancelEarly = control.isCancelled(); // nothing newer was asked for yet
            latches.started.release();
            latches.gate.acquire();
            firstSawCancel = control.isCancelled();
            return 1;
        });
        latches.started.acquire();
        job.run([] { return 2; });
        latches.gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        QVERIFY(!firstSawCancelEarly);
        QVERIFY(firstSawCancel);
        QCOMPARE(delivered, std::vector<int> {2});
        QVERIFY(!job.isRunning());
    }

    // A cache may keep what a superseded job computed; the result handler still never sees it.
    void aSupersededResultGoesToItsOwnHandler()
    {
        Latches latches;
        QThreadPool pool;
        std::vector<int> delivered;
        std::vector<int> superseded;
        LatestJob<int> job([&](int value) { delivered.push_back(value); }, &pool);
        job.setSupersededHandler([&](int value) {
            QCOMPARE(QThread::currentThread(), QCoreApplication::instance()->thread());
            superseded.push_back(value);
        });
        job.run([&] {
            latches.started.release();
            latches.gate.acquire();
            return 1;
        });
        latches.started.acquire();
        job.run([] { return 2; });
        job.run([] { return 3; }); // replaces 2 before it starts: nothing to hand on
        latches.gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        QCOMPARE(superseded, std::vector<int> {1});
        QCOMPARE(delivered, std::vector<int> {3});
    }

    void manyQuickRequestsRunAndDeliverOnlyTheLatest()
    {
        Latches latches;
        std::atomic<int> ran = 0;
        QThreadPool pool;
        pool.setMaxThreadCount(4); // room for stale jobs to run at once, were they started
        std::vector<int> delivered;
        LatestJob<int> job([&](int value) { delivered.push_back(value); }, &pool);
        job.run([&] {
            ++ran;
            latches.started.release();
            latches.gate.acquire();
            return 0;
        });
        latches.started.acquire();
        for (int i = 1; i <= 100; ++i)
            job.run([&ran, i] {
                ++ran;
                return i;
            });
        latches.gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        QCOMPARE(delivered, std::vector<int> {100});
        QCOMPARE(ran.load(), 2); // the held one and the last; 99 were replaced while waiting
    }

    void anOlderResultNeverArrivesAfterANewerOne()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        std::vector<int> delivered;
        LatestJob<int> job([&](int value) { delivered.push_back(value); }, &pool);
        for (int i = 1; i <= 300; ++i) {
            job.run([i] { return i; });
            if (i % 7 == 0)
                QCoreApplication::processEvents(); // let some deliveries in between requests
        }
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        QVERIFY(!delivered.empty());
        QCOMPARE(delivered.back(), 300);
        for (std::size_t i = 1; i < delivered.size(); ++i)
            QVERIFY2(delivered[i - 1] < delivered[i], "an older result came after a newer one");
    }

    void progressArrivesOnTheOwnersThreadBeforeTheResult()
    {
        QThreadPool pool;
        std::vector<QString> log;
        LatestJob<int, int> job(
            [&](int value) { log.push_back(QStringLiteral("result %1").arg(value)); }, &pool);
        job.setProgressHandler([&](int step) {
            QCOMPARE(QThread::currentThread(), QCoreApplication::instance()->thread());
            log.push_back(QStringLiteral("step %1").arg(step));
        });
        job.run([](const LatestJob<int, int>::Control& control) {
            for (int step = 1; step <= 3; ++step)
                control.report(step);
            return 7;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        const std::vector<QString> expected {QStringLiteral("step 1"), QStringLiteral("step 2"),
            QStringLiteral("step 3"), QStringLiteral("result 7")};
        QCOMPARE(log, expected);
    }

    // What t-SNE does: iterate, report each iteration, stop between iterations when cancelled.
    void anIterativeJobStopsBetweenIterationsWhenCancelled()
    {
        Latches latches;
        std::atomic<bool> stoppedEarly = false;
        QThreadPool pool;
        std::vector<int> progress;
        bool resultArrived = false;
        LatestJob<int, int> job([&](int) { resultArrived = true; }, &pool);
        job.setProgressHandler([&](int iteration) { progress.push_back(iteration); });
        job.run([&](const LatestJob<int, int>::Control& control) {
            for (int iteration = 0;; ++iteration) {
                latches.gate.acquire(); // one iteration per release
                if (control.isCancelled()) {
                    stoppedEarly = true;
                    latches.returned.release();
                    return iteration;
                }
                control.report(iteration);
            }
        });
        for (int iteration = 0; iteration < 3; ++iteration) {
            latches.gate.release();
            QTRY_COMPARE_WITH_TIMEOUT(
                progress.size(), std::size_t(iteration + 1), kGuardMilliseconds);
        }
        job.cancel();
        QVERIFY(!job.isBusy());
        latches.gate.release();
        latches.returned.acquire();
        QTRY_VERIFY_WITH_TIMEOUT(!job.isRunning(), kGuardMilliseconds);
        QCoreApplication::processEvents();
        QVERIFY(stoppedEarly);
        QCOMPARE(progress, (std::vector<int> {0, 1, 2}));
        QVERIFY(!resultArrived);
    }

    void progressOfASupersededJobIsDropped()
    {
        Latches latches;
        QThreadPool pool;
        std::vector<int> progress;
        std::vector<int> delivered;
        LatestJob<int, int> job([&](int value) { delivered.push_back(value); }, &pool);
        job.setProgressHandler([&](int step) { progress.push_back(step); });
        job.run([&](const LatestJob<int, int>::Control& control) {
            control.report(1); // posted before the newer request, delivered after it: dropped
            latches.started.release();
            latches.gate.acquire();
            control.report(2);
            return 1;
        });
        latches.started.acquire();
        job.run([](const LatestJob<int, int>::Control& control) {
            control.report(20);
            return 2;
        });
        latches.gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(!job.isBusy(), kGuardMilliseconds);
        QCOMPARE(progress, std::vector<int> {20});
        QCOMPARE(delivered, std::vector<int> {2});
    }

    void destroyedWhileAJobRunsItDetachesAndDeliversNothing()
    {
        Latches latches;
        std::atomic<bool> sawCancel = false;
        bool delivered = false;
        bool progressed = false;
        QThreadPool pool;
        {
            LatestJob<std::vector<int>, int> job([&](std::vector<int>) { delivered = true; }, &pool,
                LatestJob<std::vector<int>, int>::OnDestroy::Detach);
            job.setProgressHandler([&](int) { progressed = true; });
            job.run([&](const LatestJob<std::vector<int>, int>::Control& control) {
                control.report(1); // posted, never delivered: the owner goes first
                latches.started.release();
                latches.gate.acquire();
                sawCancel = control.isCancelled();
                control.report(2);
                latches.returned.release();
                return std::vector<int>(1000, 1);
            });
            latches.started.acquire();
        } // the job is left running
        latches.gate.release();
        latches.returned.acquire();
        pool.waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(sawCancel);
        QVERIFY(!delivered);
        QVERIFY(!progressed);
    }

    void destroyedWhileAJobRunsItWaitsForTheJob()
    {
        Latches latches;
        std::atomic<bool> finished = false;
        bool delivered = false;
        QThreadPool pool;
        {
            LatestJob<int> job(
                [&](int) { delivered = true; }, &pool, LatestJob<int>::OnDestroy::Wait);
            job.run([&](const LatestJob<int>::Control& control) {
                latches.started.release();
                while (!control.isCancelled())
                    latches.gate.tryAcquire(1, 1); // an iteration of work
                finished = true;
                return 1;
            });
            latches.started.acquire();
        } // cancels the job and returns once it has
        QVERIFY(finished);
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
    }

    // Waiting for the latest result takes the worker's (the job runs once, on the pool) and
    // delivers it before returning; the event the worker posted then finds nothing to deliver.
    void waitingForTheLatestDeliversTheWorkersResultAtOnce()
    {
        Latches latches;
        QThreadPool pool;
        std::vector<int> delivered;
        LatestJob<int> job([&](int value) { delivered.push_back(value); }, &pool);
        std::atomic<int> ran = 0;
        job.run([&] {
            latches.started.release();
            latches.gate.acquire();
            ++ran;
            return onWorker();
        });
        latches.started.acquire();
        latches.gate.release(); // it may return before or while we wait
        job.waitForLatest();
        QCOMPARE(delivered, std::vector<int> {1});
        QVERIFY(!job.isBusy());
        QVERIFY(!job.isRunning());
        QCoreApplication::processEvents();
        QCOMPARE(delivered, std::vector<int> {1});
        QCOMPARE(ran.load(), 1);
        job.waitForLatest(); // nothing asked for: returns at once
        QCOMPARE(delivered, std::vector<int> {1});
    }

    // A request queued behind a superseded job: both run on the pool, once each, one at a
    // time; the superseded result goes to its handler first, then the latest is delivered.
    void waitingForTheLatestWaitsForASupersededJobAhead()
    {
        Latches latches;
        std::atomic<int> ran = 0;
        std::atomic<int> running = 0;
        std::atomic<bool> overlapped = false;
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        std::vector<int> delivered;
        std::vector<int> superseded;
        LatestJob<int> job([&](int value) { delivered.push_back(value); }, &pool);
        job.setSupersededHandler([&](int value) { superseded.push_back(value); });
        job.run([&] {
            ++ran;
            ++running;
            latches.started.release();
            latches.gate.acquire();
            --running;
            return 1;
        });
        latches.started.acquire();
        job.run([&] {
            ++ran;
            overlapped = overlapped || ++running > 1;
            --running;
            return 2 * onWorker();
        });
        latches.gate.release();
        job.waitForLatest();
        QCOMPARE(superseded, std::vector<int> {1});
        QCOMPARE(delivered, std::vector<int> {2});
        QVERIFY(!job.isBusy());
        QVERIFY(!overlapped);
        QCoreApplication::processEvents();
        QCOMPARE(delivered, std::vector<int> {2});
        QCOMPARE(ran.load(), 2);
    }

    void aRequestFromTheResultHandlerRunsNext()
    {
        QThreadPool pool;
        std::vector<int> delivered;
        std::unique_ptr<LatestJob<int>> job;
        job = std::make_unique<LatestJob<int>>(
            [&](int value) {
                delivered.push_back(value);
                if (value < 3)
                    job->run([value] { return value + 1; });
            },
            &pool);
        job->run([] { return 1; });
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), std::size_t(3), kGuardMilliseconds);
        QVERIFY(!job->isBusy());
        QCOMPARE(delivered, (std::vector<int> {1, 2, 3}));
    }

    void theFirstPictureAtASizeIsDrawnHereAtOnce()
    {
        Latches latches;
        SketchView view(latches);
        QVERIFY(!view.picture.isCurrent());
        view.picture.refresh(false, [] { return 7; });
        QCOMPARE(view.taken, std::vector<int> {7});
        QVERIFY(!view.lastOnWorker);
        QVERIFY(view.picture.isCurrent());
        QVERIFY(!view.picture.isDrawing());
        QCOMPARE(view.picture.drawnHere(), 1);
        QCOMPARE(view.arrivals, 0); // the paint that asked shows it
        view.picture.refresh(false, [] { return 8; }); // current: nothing to draw
        QCOMPARE(view.draws.load(), 1);
    }

    void laterPicturesAreDrawnOnTheWorkerAskedOncePerVersion()
    {
        Latches latches;
        SketchView view(latches);
        view.picture.refresh(false, [] { return 1; });
        view.picture.invalidate();
        view.picture.refresh(true, [] { return 2; });
        view.picture.refresh(true, [] { return 3; }); // the same version: asked already
        QVERIFY(view.picture.isDrawing());
        QVERIFY(!view.picture.isCurrent()); // the last picture stands in meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(!view.picture.isDrawing(), kGuardMilliseconds);
        QCOMPARE(view.taken, (std::vector<int> {1, 2}));
        QVERIFY(view.lastOnWorker);
        QCOMPARE(view.arrivals, 1);
        QCOMPARE(view.draws.load(), 2);
        QCOMPARE(view.picture.drawnHere(), 1);
        QVERIFY(view.picture.isCurrent());
    }

    void aStalePictureIsNeverTaken()
    {
        Latches latches;
        SketchView view(latches);
        view.picture.refresh(false, [] { return 1; });
        view.holdDraws = true;
        view.picture.invalidate();
        view.picture.refresh(true, [] { return 2; });
        latches.started.acquire(); // 2 is being drawn
        view.picture.invalidate();
        view.picture.refresh(true, [] { return 3; });
        latches.gate.release(2);
        QTRY_VERIFY_WITH_TIMEOUT(!view.picture.isDrawing(), kGuardMilliseconds);
        QCOMPARE(view.taken, (std::vector<int> {1, 3}));
        QVERIFY(view.picture.isCurrent());
        QVERIFY(latches.started.tryAcquire()); // 3 was held too

        // Drawing here supersedes the worker: its picture, older, is dropped when it ends.
        view.picture.invalidate();
        view.picture.refresh(true, [] { return 4; });
        latches.started.acquire();
        view.picture.invalidate();
        view.holdDraws = false;
        view.picture.refresh(false, [] { return 5; });
        latches.gate.release();
        view.pool.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(view.taken, (std::vector<int> {1, 3, 5}));
        QCOMPARE(view.arrivals, 1);
        QVERIFY(view.picture.isCurrent());
    }

    void aPictureBehindTheVersionOrRefusedIsAskedForAgain()
    {
        Latches latches;
        SketchView view(latches);
        view.picture.refresh(false, [] { return 1; });
        view.picture.invalidate();
        view.picture.refresh(true, [] { return 2; });
        view.picture.invalidate(); // changed again while 2 is drawn, not yet painted
        QTRY_VERIFY_WITH_TIMEOUT(!view.picture.isDrawing(), kGuardMilliseconds);
        QCOMPARE(view.taken, (std::vector<int> {1, 2})); // the latest asked for: shown meanwhile
        QVERIFY(!view.picture.isCurrent());
        view.picture.finish([] { return 3; });
        QCOMPARE(view.taken, (std::vector<int> {1, 2, 3}));
        QVERIFY(view.picture.isCurrent());

        view.picture.invalidate();
        view.picture.finish([] { return -4; }); // drawn for a size the view has left
        QCOMPARE(view.taken, (std::vector<int> {1, 2, 3}));
        QVERIFY(!view.picture.isCurrent());
        view.picture.refresh(false, [] { return 5; });
        QCOMPARE(view.taken, (std::vector<int> {1, 2, 3, 5}));
        QVERIFY(view.picture.isCurrent());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestLatestJob)
#include "test_latest_job.moc"
