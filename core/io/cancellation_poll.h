#pragma once
// Long operations in core (a reload, decoding and laying out a graph) take a `cancelled`
// callback from their caller and stop early once it returns true, so that work nobody wants
// any more ends soon instead of running to its end. A CancellationPoll asks the callback from
// inside a loop only every so many steps, which keeps asking cheap next to the work.

#include <cstddef>
#include <functional>

namespace lantern::core {

class CancellationPoll {
public:
    // `cancelled` may be empty (never cancelled); it must outlive the poll.
    CancellationPoll(const std::function<bool()>& cancelled, std::size_t every)
        : m_cancelled(cancelled)
        , m_every(every)
    {
    }

    // Counts one step of work and asks every `every` steps; true once cancelled.
    bool step()
    {
        if (++m_steps < m_every)
            return m_stopped;
        m_steps = 0;
        return now();
    }
    // Asks now (between phases of the work); true once cancelled.
    bool now()
    {
        m_stopped = m_stopped || (m_cancelled && m_cancelled());
        return m_stopped;
    }
    bool stopped() const { return m_stopped; }

private:
    const std::function<bool()>& m_cancelled;
    std::size_t m_every = 1;
    std::size_t m_steps = 0;
    bool m_stopped = false;
};

} // namespace lantern::core
