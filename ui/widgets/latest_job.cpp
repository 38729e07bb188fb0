#include "ui/widgets/latest_job.h"

#include <QCoreApplication>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace lantern::ui {
namespace latest_job_detail {

// What the owner and its running job share. The owner's thread changes `latest`; workers read
// it. Workers post to `context` under the mutex, and the owner clears it under the mutex before
// deleting it, so nothing is posted to a deleted object and events already posted die with it.
struct SharedState {
    // A job's result, left by its worker for the owner's thread.
    struct Finished {
        std::uint64_t generation = 0;
        std::function<void(bool)> deliver;
    };

    std::atomic<std::uint64_t> latest {0};
    std::mutex mutex;
    std::condition_variable idle; // a job returned
    QObject* context = nullptr; // null once the LatestJob is gone
    int active = 0; // jobs handed to the pool that have not returned
    // At most one: the next job starts only once the owner has taken this one's result.
    std::optional<Finished> finished;
};

} // namespace latest_job_detail

using latest_job_detail::SharedState;

namespace {

// Queues `onOwnerThread` to the owner's thread unless the owner is gone.
void postToOwner(SharedState& state, std::function<void()> onOwnerThread)
{
    const std::lock_guard lock(state.mutex);
    if (state.context)
        QMetaObject::invokeMethod(state.context, std::move(onOwnerThread), Qt::QueuedConnection);
}

} // namespace

JobActivity& JobActivity::instance()
{
    static JobActivity* const activity = [] {
        auto* created = new JobActivity; // lives until exit, as the pools do
        if (QCoreApplication::instance())
            created->moveToThread(QCoreApplication::instance()->thread());
        return created;
    }();
    return *activity;
}

JobToken::JobToken(std::shared_ptr<SharedState> state, std::uint64_t generation)
    : m_state(std::move(state))
    , m_generation(generation)
{
}

bool JobToken::isCancelled() const
{
    return m_state->latest.load(std::memory_order_relaxed) != m_generation;
}

void JobToken::post(std::function<void()> onOwnerThread) const
{
    // The check happens again on the owner's thread: the job may be superseded meanwhile.
    postToOwner(
        *m_state, [state = m_state, generation = m_generation, call = std::move(onOwnerThread)] {
            if (state->latest.load(std::memory_order_relaxed) == generation)
                call();
        });
}

LatestJobRunner::LatestJobRunner(QThreadPool* pool, OnDestroy onDestroy)
    : m_state(std::make_shared<SharedState>())
    , m_pool(pool ? pool : QThreadPool::globalInstance())
    , m_onDestroy(onDestroy)
{
    m_state->context = new QObject;
}

LatestJobRunner::~LatestJobRunner()
{
    QObject* context = nullptr;
    {
        std::unique_lock lock(m_state->mutex);
        m_state->latest.fetch_add(1); // the running job, if any, sees it is cancelled
        context = std::exchange(m_state->context, nullptr);
        if (m_onDestroy == OnDestroy::Wait)
            m_state->idle.wait(lock, [this] { return m_state->active == 0; });
    }
    delete context; // with it, whatever was posted and not yet delivered
}

void LatestJobRunner::cancel()
{
    m_state->latest.store(++m_latest);
    m_pending.reset();
    m_wanted = false;
    emit JobActivity::instance().changed();
}

void LatestJobRunner::submit(Work work)
{
    m_state->latest.store(++m_latest);
    m_wanted = true;
    if (m_running)
        m_pending = std::move(work); // started when the running one returns
    else
        start(std::move(work));
    emit JobActivity::instance().changed();
}

void LatestJobRunner::start(Work work)
{
    m_running = true;
    {
        const std::lock_guard lock(m_state->mutex);
        ++m_state->active;
    }
    m_pool->start([this, state = m_state, generation = m_latest, work = std::move(work)]() mutable {
        // Runs even when superseded since it was started (it may check isCancelled() first):
        // which jobs run then depends on the requests alone, not on when a thread was free.
        std::function<void(bool)> deliver = work(JobToken(state, generation));
        work = nullptr; // the job's captures go here, not on the owner's thread
        const std::lock_guard lock(state->mutex);
        state->finished = SharedState::Finished {generation, std::move(deliver)};
        // `this` is only used on the owner's thread, where it is alive while the context is.
        if (state->context)
            QMetaObject::invokeMethod(
                state->context, [this] { collect(); }, Qt::QueuedConnection);
        --state->active;
        state->idle.notify_all();
    });
}

void LatestJobRunner::collect()
{
    std::optional<SharedState::Finished> done;
    {
        const std::lock_guard lock(m_state->mutex);
        done.swap(m_state->finished);
    }
    if (done)
        finished(done->generation, std::move(done->deliver));
}

void LatestJobRunner::waitForLatest()
{
    // Each pass takes one job's result as its event would, which starts the next request.
    const std::uint64_t wanted = m_latest;
    while (m_wanted && m_running && m_latest == wanted) {
        std::optional<SharedState::Finished> done;
        {
            std::unique_lock lock(m_state->mutex);
            m_state->idle.wait(lock, [this] { return m_state->finished.has_value(); });
            done.swap(m_state->finished);
        }
        finished(done->generation, std::move(done->deliver));
    }
}

void LatestJobRunner::finished(std::uint64_t generation, std::function<void(bool)> deliver)
{
    m_running = false;
    if (m_pending) {
        Work next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
    if (generation != m_latest) {
        deliver(false);
        return;
    }
    m_wanted = false; // before delivering: the receiver may ask again at once
    deliver(true);
    emit JobActivity::instance().changed();
}

} // namespace lantern::ui
