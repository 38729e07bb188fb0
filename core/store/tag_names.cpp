#include "core/store/tag_names.h"

#include <cstring>

namespace lantern::core {
namespace {

// Big enough that a block's allocation overhead is nothing per name, small enough that a run
// of a few tags does not hold much unused.
constexpr std::size_t kFirstBlockSize = 256;
constexpr std::size_t kMaxBlockSize = 64 * 1024;

} // namespace

std::size_t TagNames::hashOf(std::string_view name)
{
    // FNV-1a: tag names are short, and their common prefixes differ only at the end.
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const char c : name)
        hash = (hash ^ std::uint8_t(c)) * 0x100000001b3ull;
    return std::size_t(hash ^ (hash >> 29));
}

std::uint32_t TagNames::find(std::string_view name) const
{
    if (m_slots.empty())
        return kNone;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = hashOf(name) & mask;; at = (at + 1) & mask) {
        const std::uint32_t slot = m_slots[at];
        if (slot == 0)
            return kNone;
        if ((*this)[slot - 1] == name)
            return slot - 1;
    }
}

std::uint32_t TagNames::intern(std::string_view name)
{
    if (const std::uint32_t id = find(name); id != kNone)
        return id;
    if (4 * (m_names.size() + 1) > 3 * m_slots.size())
        growSlots();
    const auto id = std::uint32_t(m_names.size());
    m_names.push_back(store(name));
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = hashOf(name) & mask;
    while (m_slots[at] != 0)
        at = (at + 1) & mask;
    m_slots[at] = id + 1;
    return id;
}

const char* TagNames::store(std::string_view name)
{
    char length[10];
    std::size_t lengthBytes = 0;
    for (std::size_t rest = name.size();; rest >>= 7) {
        length[lengthBytes++] = char(rest < 0x80 ? rest : (rest & 0x7f) | 0x80);
        if (rest < 0x80)
            break;
    }
    const std::size_t size = lengthBytes + name.size();
    if (m_blocks.empty() || m_blockSize - m_blockUsed < size) {
        // Each block twice the last, up to kMaxBlockSize; a longer name gets a block its size.
        m_blockSize = std::max(
            size, m_blocks.empty() ? kFirstBlockSize : std::min(2 * m_blockSize, kMaxBlockSize));
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(m_blockSize));
        m_blockUsed = 0;
    }
    char* bytes = m_blocks.back().get() + m_blockUsed;
    std::memcpy(bytes, length, lengthBytes);
    if (!name.empty())
        std::memcpy(bytes + lengthBytes, name.data(), name.size());
    m_blockUsed += size;
    return bytes;
}

void TagNames::growSlots()
{
    std::vector<std::uint32_t> slots(m_slots.empty() ? 16 : 2 * m_slots.size(), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t id = 0; id < m_names.size(); ++id) {
        std::size_t at = hashOf((*this)[id]) & mask;
        while (slots[at] != 0)
            at = (at + 1) & mask;
        slots[at] = id + 1;
    }
    m_slots = std::move(slots);
}

} // namespace lantern::core
