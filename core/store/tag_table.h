#pragma once
// A run's series, one per (tag, kind), found in O(1) by name and kind, and read in tag order.
// TensorBoard keys data by (tag, plugin), so a tag written as two kinds (a histogram, later a
// scalar) has one series per kind, in the order the kinds appeared.
//
// Flat, because a run may hold 300,000 tags: the series sit in a deque (they never move), each
// name once in the run's TagNames, a name's number leads to its first series and each series to
// the same name's next kind. The tag order is a vector of series numbers, sorted when read after
// new tags came. A one-point scalar tag costs about 160 bytes besides its point (measured by
// test_tag_memory), where a multimap node, a second copy of its name and a hash node cost 300.

#include "core/store/tag_data.h"
#include "core/store/tag_names.h"

#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

namespace lantern::core {

class TagTable {
    struct Series {
        TagData data;
        std::uint32_t name = 0; // in m_names
        std::uint32_t nextKind = TagNames::kNone; // the same name's next series
    };

public:
    // What iterating yields: `for (const auto& [tag, data] : run.tags)`.
    struct Entry {
        std::string_view first; // the tag
        const TagData& second;
    };

    class const_iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Entry;
        using difference_type = std::ptrdiff_t;
        using reference = Entry;
        struct pointer {
            Entry entry;
            const Entry* operator->() const { return &entry; }
        };

        const_iterator() = default;
        Entry operator*() const { return m_table->entryAt((*m_order)[m_at]); }
        pointer operator->() const { return {**this}; }
        const_iterator& operator++() { return ++m_at, *this; }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++m_at;
            return before;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b)
        {
            return a.m_at == b.m_at;
        }

    private:
        friend class TagTable;
        const_iterator(
            const TagTable* table, const std::vector<std::uint32_t>* order, std::size_t at)
            : m_table(table)
            , m_order(order)
            , m_at(at)
        {
        }
        const TagTable* m_table = nullptr;
        const std::vector<std::uint32_t>* m_order = nullptr;
        std::size_t m_at = 0;
    };
    using iterator = const_iterator;

    // `names` may be shared with the run's decoder; snapshots keep it alive for their names.
    explicit TagTable(std::shared_ptr<TagNames> names = std::make_shared<TagNames>())
        : m_names(std::move(names))
    {
    }

    std::size_t size() const { return m_series.size(); }
    bool empty() const { return m_series.empty(); }
    // In tag order, a tag's kinds in the order they appeared. O(k log k + n) after k new tags.
    const_iterator begin() const { return {this, &sorted(), 0}; }
    const_iterator end() const { return {this, &sorted(), m_series.size()}; }

    // The tag's first kind, or end(). O(log n).
    const_iterator find(std::string_view tag) const;
    // The series of the tag's first kind; throws std::out_of_range when there is none. O(1).
    const TagData& at(std::string_view tag) const;
    bool contains(std::string_view tag) const { return first(tag) != TagNames::kNone; }
    // How many kinds the tag was written as.
    std::size_t count(std::string_view tag) const;
    // The tag's series of `kind`, or nullptr. O(1).
    const TagData* find(std::string_view tag, ValueKind kind) const;
    TagData* find(std::string_view tag, ValueKind kind);

    // Adds the series (tag, kind), which must not exist yet.
    TagData& add(std::string_view tag, ValueKind kind);

    const std::shared_ptr<TagNames>& names() const { return m_names; }

    // Series by number, in the order they appeared: new series only extend it.
    const TagData& series(std::uint32_t index) const { return m_series[index].data; }
    std::string_view nameOf(std::uint32_t index) const { return (*m_names)[m_series[index].name]; }
    // The series numbers in tag order.
    const std::vector<std::uint32_t>& order() const { return sorted(); }

private:
    Entry entryAt(std::uint32_t series) const
    {
        return {(*m_names)[m_series[series].name], m_series[series].data};
    }
    std::uint32_t first(std::string_view tag) const;
    const std::vector<std::uint32_t>& sorted() const;

    std::shared_ptr<TagNames> m_names;
    std::deque<Series> m_series; // in the order they appeared
    std::vector<std::uint32_t> m_firstOfName; // name number -> its first series, or kNone
    // Series numbers in tag order; the series from m_sorted.size() on are not in it yet.
    mutable std::vector<std::uint32_t> m_sorted;
};

} // namespace lantern::core
