#pragma once
// How far a layout's one-off preparation has got, told as a stage ("Finding neighbours") and
// the fraction of it done, so that a view can say more than "Preparing…" during the seconds
// (or minutes, on a million points) before the first frame. Work split over threads advances
// it from any of them; it passes a report on at each whole percent, so a caller sees at most
// about a hundred per stage, in order.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace lantern::core {

class StageProgress {
public:
    // Called with the stage and the fraction done, in [0, 1]; from whichever thread advanced
    // it, one call at a time.
    using Report = std::function<void(std::string_view stage, double fraction)>;

    explicit StageProgress(Report report = {})
        : m_report(std::move(report))
    {
    }

    // Starts `stage`, made of `units` units of work (reported at 0); more may be added before
    // any is done.
    void begin(std::string stage, std::size_t units = 0)
    {
        const std::lock_guard lock(m_mutex);
        m_stage = std::move(stage);
        m_units = units;
        m_done = 0;
        m_percent = 0;
        if (m_report)
            m_report(m_stage, 0.0);
    }

    // The stage has `units` units of work more than said so far.
    void addUnits(std::size_t units)
    {
        const std::lock_guard lock(m_mutex);
        m_units += units;
    }

    // `units` more of the stage are done.
    void advance(std::size_t units = 1)
    {
        if (!m_report)
            return;
        const std::lock_guard lock(m_mutex);
        m_done += units;
        const std::size_t percent
            = m_units == 0 ? 100 : std::min<std::size_t>(100, m_done * 100 / m_units);
        if (percent > m_percent) {
            m_percent = percent;
            m_report(m_stage, double(percent) / 100);
        }
    }

    // The stage is done (reported at 1 unless it was already).
    void finish()
    {
        const std::lock_guard lock(m_mutex);
        if (m_report && m_percent < 100) {
            m_percent = 100;
            m_report(m_stage, 1.0);
        }
    }

private:
    Report m_report;
    std::mutex m_mutex;
    std::string m_stage;
    std::size_t m_units = 0;
    std::size_t m_done = 0;
    std::size_t m_percent = 0;
};

} // namespace lantern::core
