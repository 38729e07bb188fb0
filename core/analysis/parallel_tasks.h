#pragma once
// Runs numbered tasks on every core: the analyses that work point by point (the kNN graph,
// t-SNE's affinities and gradient) split their points into tasks and call this. Each task is
// taken by whichever thread is free, so uneven tasks still keep both cores busy; results must
// depend only on the task number for the outcome to be the same whatever the thread count.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace lantern::core {

// The threads worth starting for `tasks` tasks: one per core, never more than the tasks.
inline std::size_t workerCount(std::size_t tasks)
{
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(cores, tasks));
}

// Calls run(task) once for every task in [0, tasks), on workerCount(tasks) threads (the
// calling thread is one of them), and returns when all are done.
template <typename Run> void runParallelTasks(std::size_t tasks, const Run& run)
{
    std::atomic<std::size_t> next {0};
    const auto work = [&] {
        for (std::size_t task = next++; task < tasks; task = next++)
            run(task);
    };
    const std::size_t threads = workerCount(tasks);
    std::vector<std::jthread> helpers;
    helpers.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
}

// A caller's cancellation question asked from several worker threads: the question is put by
// one thread at a time (the caller's function need not be thread-safe), and once it has been
// answered yes every thread sees that without asking again.
class SharedCancellation {
public:
    explicit SharedCancellation(std::function<bool()> cancelled)
        : m_cancelled(std::move(cancelled))
    {
    }

    bool operator()()
    {
        if (m_seen.load(std::memory_order_relaxed))
            return true;
        if (!m_cancelled)
            return false;
        const std::lock_guard lock(m_mutex);
        if (m_cancelled())
            m_seen = true;
        return m_seen;
    }

    bool seen() const { return m_seen; }

private:
    std::function<bool()> m_cancelled;
    std::mutex m_mutex;
    std::atomic<bool> m_seen {false};
};

} // namespace lantern::core
