#pragma once
// The k nearest candidates seen so far for one query point, as a bounded max-heap: the
// farthest kept is on top, so a candidate is rejected with one comparison. Ties are broken by
// index so that the result does not depend on the order candidates arrive in.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace lantern::core {

class NearestSet {
public:
    struct Entry {
        double distance;
        std::uint32_t index;
        bool operator<(const Entry& other) const
        {
            return distance != other.distance ? distance < other.distance : index < other.index;
        }
    };

    explicit NearestSet(std::size_t k = 0) { reset(k); }

    void reset(std::size_t k)
    {
        m_k = k;
        m_heap.clear();
        m_heap.reserve(k);
    }

    // The distance a candidate must beat (or tie with a lower index) to be kept; −∞ when
    // nothing is kept at all (k = 0).
    double bound() const
    {
        if (m_k == 0)
            return -std::numeric_limits<double>::infinity();
        return m_heap.size() < m_k ? std::numeric_limits<double>::infinity()
                                   : m_heap.front().distance;
    }

    void offer(double distance, std::uint32_t index)
    {
        const Entry entry {distance, index};
        if (m_heap.size() < m_k) {
            m_heap.push_back(entry);
            std::push_heap(m_heap.begin(), m_heap.end());
        } else if (m_k > 0 && entry < m_heap.front()) {
            std::pop_heap(m_heap.begin(), m_heap.end());
            m_heap.back() = entry;
            std::push_heap(m_heap.begin(), m_heap.end());
        }
    }

    // The kept entries, nearest first (the set is emptied).
    std::vector<Entry>& sorted()
    {
        std::sort_heap(m_heap.begin(), m_heap.end());
        return m_heap;
    }

private:
    std::size_t m_k = 0;
    std::vector<Entry> m_heap;
};

} // namespace lantern::core
