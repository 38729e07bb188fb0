#pragma once
// Collects a layout's preparation progress (StageProgress reports) for tests: the stages in
// the order they came, and whether each went from 0 to 1 without going back.

#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lantern::test {

class StageReports {
public:
    auto callback()
    {
        return [this](std::string_view stage, double fraction) {
            const std::lock_guard lock(m_mutex);
            m_reports.emplace_back(std::string(stage), fraction);
        };
    }

    // The stages, each named once, in the order they began.
    std::vector<std::string> stages() const
    {
        std::vector<std::string> names;
        for (const auto& [stage, fraction] : m_reports)
            if (names.empty() || names.back() != stage)
                names.push_back(stage);
        return names;
    }

    // Empty when every stage began at 0, ended at 1 and never went back; else what did not.
    std::string problem() const
    {
        for (std::size_t i = 0; i < m_reports.size(); ++i) {
            const auto& [stage, fraction] = m_reports[i];
            const bool first = i == 0 || m_reports[i - 1].first != stage;
            const bool last = i + 1 == m_reports.size() || m_reports[i + 1].first != stage;
            if (first && fraction != 0)
                return stage + " began at " + std::to_string(fraction);
            if (!first && fraction < m_reports[i - 1].second)
                return stage + " went back to " + std::to_string(fraction);
            if (last && fraction != 1)
                return stage + " ended at " + std::to_string(fraction);
        }
        return {};
    }

    std::size_t count() const { return m_reports.size(); }

private:
    mutable std::mutex m_mutex;
    std::vector<std::pair<std::string, double>> m_reports;
};

} // namespace lantern::test
