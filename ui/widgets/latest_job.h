#pragma once
// Runs one kind of job off the GUI thread where only the latest request matters: a newer
// request supersedes older ones, and only the latest job's result is delivered, on the thread
// that owns the LatestJob. At most one job runs at a time; requests made meanwhile replace
// each other and only the last starts when the running one ends, so dragging a slider across
// a thousand steps computes a few results, not a thousand.
//
// A running job sees through its JobControl that it was superseded (and may stop early), and
// may report progress; progress of a superseded job is never delivered either (its result may
// be, to a separate handler, for a cache). Jobs must use only what they captured by value:
// when the LatestJob goes away, nothing more is delivered, and a running job is waited for or
// left to finish on its own (its result then dropped).
//
// Callbacks run on the owner's thread from its event loop (or from waitForLatest), never from
// inside run() or the destructor, so they may safely use the object that owns the LatestJob. They
// must not destroy the LatestJob itself (use deleteLater on its owner instead).

#include <QObject>
#include <QThreadPool>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace lantern::ui {

namespace latest_job_detail {
struct SharedState;
} // namespace latest_job_detail

// Tells, on the owners' thread, that some LatestJob was asked for work, cancelled or delivered:
// whoever reports whether views are still computing (a Dashboard) looks again then, rather
// than watching every event.
class JobActivity : public QObject {
    Q_OBJECT
public:
    static JobActivity& instance();

signals:
    void changed();
};

// What a running job can ask: whether it is still wanted, and to post something to the owner.
class JobToken {
public:
    JobToken(std::shared_ptr<latest_job_detail::SharedState> state, std::uint64_t generation);

    // True once a newer request (or cancel, or the LatestJob's end) superseded this job.
    bool isCancelled() const;
    // Runs `onOwnerThread` on the owner's thread if this job is still the latest then.
    void post(std::function<void()> onOwnerThread) const;
    std::uint64_t generation() const { return m_generation; }

private:
    std::shared_ptr<latest_job_detail::SharedState> m_state;
    std::uint64_t m_generation = 0;
};

// The untyped machinery: generations, the pending request, the running job.
class LatestJobRunner {
public:
    // What to do with a running job when the LatestJob is destroyed.
    enum class OnDestroy {
        Detach, // let it finish on its own; its result is dropped (the owner goes at once)
        Wait, // block until it returns (jobs that check isCancelled() return early)
    };

    LatestJobRunner(QThreadPool* pool, OnDestroy onDestroy);
    ~LatestJobRunner();
    LatestJobRunner(const LatestJobRunner&) = delete;
    LatestJobRunner& operator=(const LatestJobRunner&) = delete;

    // True from a request until its result is delivered (or it is cancelled).
    bool isBusy() const { return m_wanted; }
    // True while a job runs on a worker thread (the latest or a superseded one).
    bool isRunning() const { return m_running; }
    // Supersedes every request: nothing is delivered until the next one.
    void cancel();
    // Blocks until the latest request's result is delivered (here, before it returns), for a
    // caller that needs it now (an export). The job still runs on the pool, once; a superseded
    // job running ahead of it is waited for too. Results asked for by the handlers it calls
    // are not waited for.
    void waitForLatest();

protected:
    // Runs on a worker thread; returns what to run on the owner's thread with the result,
    // told whether the job is still the latest there.
    using Work = std::function<std::function<void(bool latest)>(const JobToken&)>;
    void submit(Work work);

private:
    void start(Work work);
    // Takes the result a worker left, if it is still there (waitForLatest may have taken it).
    void collect();
    void finished(std::uint64_t generation, std::function<void(bool latest)> deliver);

    std::shared_ptr<latest_job_detail::SharedState> m_state;
    QThreadPool* m_pool = nullptr;
    OnDestroy m_onDestroy = OnDestroy::Detach;
    std::uint64_t m_latest = 0;
    std::optional<Work> m_pending;
    bool m_running = false;
    bool m_wanted = false;
};

// Handed to a job: cancellation and progress of type Progress.
template <typename Progress> class JobControl {
public:
    JobControl(const JobToken& token, const std::function<void(Progress)>* onProgress)
        : m_token(token)
        , m_onProgress(onProgress)
    {
    }
    bool isCancelled() const { return m_token.isCancelled(); }
    // Delivers `progress` on the owner's thread unless the job is superseded by then. Report a
    // few times a second at most: each report is an event on the owner's queue.
    void report(Progress progress) const
    {
        m_token.post([handler = m_onProgress, progress = std::move(progress)]() mutable {
            if (*handler)
                (*handler)(std::move(progress));
        });
    }

private:
    JobToken m_token;
    // Owned by the LatestJob, which outlives every delivery to its thread.
    const std::function<void(Progress)>* m_onProgress;
};

template <typename Result, typename Progress = std::monostate>
class LatestJob : public LatestJobRunner {
public:
    using Control = JobControl<Progress>;

    // `onResult` gets the latest job's result on this thread. Jobs run on `pool` (Qt's global
    // pool when null).
    explicit LatestJob(std::function<void(Result)> onResult, QThreadPool* pool = nullptr,
        OnDestroy onDestroy = OnDestroy::Detach)
        : LatestJobRunner(pool, onDestroy)
        , m_onResult(std::move(onResult))
    {
    }

    void setProgressHandler(std::function<void(Progress)> onProgress)
    {
        m_onProgress = std::move(onProgress);
    }
    // Gets, on this thread, the results of jobs that were superseded while they ran, for
    // whatever can still use them (a cache); without it they are dropped.
    void setSupersededHandler(std::function<void(Result)> onSuperseded)
    {
        m_onSuperseded = std::move(onSuperseded);
    }

    // Requests `job`, a callable taking `const Control&` or nothing and returning a Result.
    // Earlier requests are superseded.
    template <typename Job> void run(Job job)
    {
        // The handlers are only called on the owner's thread, where deliveries stop when the
        // LatestJob goes: the worker copies their addresses and never touches them.
        submit([onResult = &m_onResult, onSuperseded = &m_onSuperseded, onProgress = &m_onProgress,
                   job = std::move(job)](const JobToken& token) mutable {
            std::optional<Result> result;
            if constexpr (std::is_invocable_v<Job&, const Control&>) {
                result.emplace(job(Control(token, onProgress)));
            } else {
                (void)onProgress; // captured for the other branch; clang counts per instance
                result.emplace(job());
            }
            return std::function<void(bool)>(
                [onResult, onSuperseded, result = std::move(result)](bool latest) mutable {
                    if (latest)
                        (*onResult)(std::move(*result));
                    else if (*onSuperseded)
                        (*onSuperseded)(std::move(*result));
                });
        });
    }

private:
    std::function<void(Result)> m_onResult;
    std::function<void(Result)> m_onSuperseded;
    std::function<void(Progress)> m_onProgress;
};

} // namespace lantern::ui
