#pragma once
// An append-only series of entries (histograms, image references, text…) that readers can
// snapshot while the loader keeps appending. Entries live in fixed-capacity blocks that never
// reallocate, so a snapshot (the block list and a size) stays valid and unchanged; a removal
// copies the block it cuts instead of editing it, unless no snapshot holds that block.

#include "core/store/generation.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace lantern::core {

template <typename Entry> class EntrySnapshot {
public:
    using Block = std::vector<Entry>;
    static constexpr std::size_t kBlockSize = 256;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::uint64_t generation() const { return m_generation; }
    const Entry& operator[](std::size_t index) const
    {
        return (*m_blocks[index / kBlockSize])[index % kBlockSize];
    }
    const Entry& back() const { return (*this)[m_size - 1]; }

private:
    template <typename> friend class EntrySeries;
    std::vector<std::shared_ptr<Block>> m_blocks;
    std::size_t m_size = 0;
    std::uint64_t m_generation = 0;
};

template <typename Entry> // Entry has a member `std::int64_t step`
class EntrySeries {
public:
    using Snapshot = EntrySnapshot<Entry>;
    using Block = typename Snapshot::Block;
    static constexpr std::size_t kBlockSize = Snapshot::kBlockSize;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::uint64_t generation() const { return m_generation; }

    void append(Entry entry)
    {
        if (m_size % kBlockSize == 0) {
            m_blocks.push_back(std::make_shared<Block>());
            m_blocks.back()->reserve(kBlockSize);
        }
        m_blocks.back()->push_back(std::move(entry));
        ++m_size;
        m_generation = nextGeneration();
    }

    // Drops every entry with step >= `step` (the newest ones: steps are kept non-decreasing).
    // Costs O(removed), plus a copy of the cut block when a snapshot holds it.
    std::size_t removeFromStep(std::int64_t step)
    {
        std::size_t kept = m_size;
        while (kept > 0 && at(kept - 1).step >= step)
            --kept;
        const std::size_t removed = m_size - kept;
        if (removed == 0)
            return 0;
        m_blocks.resize((kept + kBlockSize - 1) / kBlockSize);
        if (kept % kBlockSize != 0 && unshared(m_blocks.back())) {
            // No snapshot reads this block: cut it in place (a series that repeats its steps
            // removes one entry per point, and copying the block each time would cost 256×).
            m_blocks.back()->resize(kept % kBlockSize);
        } else if (kept % kBlockSize != 0) {
            const Block& cut = *m_blocks.back();
            auto copy = std::make_shared<Block>();
            copy->reserve(kBlockSize);
            copy->assign(cut.begin(), cut.begin() + std::ptrdiff_t(kept % kBlockSize));
            m_blocks.back() = std::move(copy);
        }
        m_size = kept;
        m_generation = nextGeneration();
        return removed;
    }

    Snapshot snapshot() const
    {
        Snapshot snapshot;
        snapshot.m_blocks = m_blocks;
        snapshot.m_size = m_size;
        snapshot.m_generation = m_generation;
        return snapshot;
    }

private:
    // Only the loader thread takes snapshots, so a block no snapshot holds stays unshared while
    // the loader edits it; the fence orders the edit after the last reader's release.
    static bool unshared(const std::shared_ptr<Block>& block)
    {
        if (block.use_count() != 1)
            return false;
        std::atomic_thread_fence(std::memory_order_acquire);
        return true;
    }
    const Entry& at(std::size_t index) const
    {
        return (*m_blocks[index / kBlockSize])[index % kBlockSize];
    }

    std::vector<std::shared_ptr<Block>> m_blocks;
    std::size_t m_size = 0;
    std::uint64_t m_generation = 0;
};

} // namespace lantern::core
