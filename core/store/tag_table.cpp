#include "core/store/tag_table.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace lantern::core {

std::uint32_t TagTable::first(std::string_view tag) const
{
    const std::uint32_t name = m_names->find(tag);
    return name < m_firstOfName.size() ? m_firstOfName[name] : TagNames::kNone;
}

const TagData* TagTable::find(std::string_view tag, ValueKind kind) const
{
    for (std::uint32_t at = first(tag); at != TagNames::kNone; at = m_series[at].nextKind)
        if (m_series[at].data.kind == kind)
            return &m_series[at].data;
    return nullptr;
}

TagData* TagTable::find(std::string_view tag, ValueKind kind)
{
    return const_cast<TagData*>(std::as_const(*this).find(tag, kind));
}

const TagData& TagTable::at(std::string_view tag) const
{
    const std::uint32_t series = first(tag);
    if (series == TagNames::kNone)
        throw std::out_of_range("no tag " + std::string(tag));
    return m_series[series].data;
}

std::size_t TagTable::count(std::string_view tag) const
{
    std::size_t kinds = 0;
    for (std::uint32_t at = first(tag); at != TagNames::kNone; at = m_series[at].nextKind)
        ++kinds;
    return kinds;
}

TagTable::const_iterator TagTable::find(std::string_view tag) const
{
    const std::vector<std::uint32_t>& order = sorted();
    const auto it = std::lower_bound(
        order.begin(), order.end(), tag, [this](std::uint32_t series, std::string_view wanted) {
            return (*m_names)[m_series[series].name] < wanted;
        });
    if (it == order.end() || (*m_names)[m_series[*it].name] != tag)
        return end();
    return {this, &order, std::size_t(it - order.begin())};
}

TagData& TagTable::add(std::string_view tag, ValueKind kind)
{
    const std::uint32_t name = m_names->intern(tag);
    if (name >= m_firstOfName.size())
        m_firstOfName.resize(std::size_t(name) + 1, TagNames::kNone);
    const auto index = std::uint32_t(m_series.size());
    Series& series = m_series.emplace_back(Series {TagData(kind), name});
    std::uint32_t* link = &m_firstOfName[name];
    while (*link != TagNames::kNone)
        link = &m_series[*link].nextKind;
    *link = index;
    return series.data;
}

const std::vector<std::uint32_t>& TagTable::sorted() const
{
    const std::size_t known = m_sorted.size();
    if (known == m_series.size())
        return m_sorted;
    // By name, then in the order the series appeared (a tag's kinds as they came).
    const auto less = [this](std::uint32_t a, std::uint32_t b) {
        const std::string_view nameA = (*m_names)[m_series[a].name];
        const std::string_view nameB = (*m_names)[m_series[b].name];
        return nameA < nameB || (nameA == nameB && a < b);
    };
    m_sorted.reserve(m_series.size()); // exactly: a run of many tags gets no slack
    for (std::size_t series = known; series < m_series.size(); ++series)
        m_sorted.push_back(std::uint32_t(series));
    std::sort(m_sorted.begin() + std::ptrdiff_t(known), m_sorted.end(), less);
    std::inplace_merge(
        m_sorted.begin(), m_sorted.begin() + std::ptrdiff_t(known), m_sorted.end(), less);
    return m_sorted;
}

} // namespace lantern::core
