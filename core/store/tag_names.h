#pragma once
// A run's tag names, each stored once and numbered in the order they first appeared. The run's
// series, its decoder and its snapshots all refer to these bytes: a run of 300,000 tags used to
// hold each name three times (a map key, a hash index key and every snapshot's copy) and a hash
// node of 48 bytes besides.
//
// Names live in blocks that never move or shrink while this object lives, so a string_view
// taken from it stays valid on any thread for as long as a shared_ptr to it is held, while the
// loader thread goes on adding names. Only the owning thread calls find() and intern().

#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>
#include <vector>

namespace lantern::core {

class TagNames {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // The name's number, or kNone. O(1): open addressing over the numbers.
    std::uint32_t find(std::string_view name) const;
    // The name's number, adding it when new.
    std::uint32_t intern(std::string_view name);
    std::string_view operator[](std::uint32_t id) const { return read(m_names[id]); }
    std::size_t size() const { return m_names.size(); }

private:
    const char* store(std::string_view name);
    // A stored name: its length (7 bits a byte, low bits first, the top bit set on every byte
    // but the last), then its bytes.
    static std::string_view read(const char* stored)
    {
        std::size_t length = 0;
        for (int shift = 0;; shift += 7) {
            const auto byte = std::uint8_t(*stored++);
            length |= std::size_t(byte & 0x7f) << shift;
            if (byte < 0x80)
                return {stored, length};
        }
    }
    void growSlots();
    static std::size_t hashOf(std::string_view name);

    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_blockUsed = 0; // bytes of the last block in use
    std::size_t m_blockSize = 0; // capacity of the last block
    // Where each name is stored, by number: a pointer, not a string_view, as the bytes carry
    // the length (8 bytes a name less). A deque grows without slack or copies.
    std::deque<const char*> m_names;
    // Open addressing with linear probing: a number + 1, or 0 for an empty slot. A power of
    // two in size, at most 3/4 full: 4 to 8 bytes a name instead of a 48-byte node and a bucket.
    std::vector<std::uint32_t> m_slots;
};

} // namespace lantern::core
