#pragma once
// An append-only series of entries (histograms, image references, text…) that readers can
// snapshot while the loader keeps appending. Entries live in blocks of up to kBlockSize that
// never reallocate, so a snapshot (the block list and a size) stays valid and unchanged; a
// series' first block starts small and grows by copying, and a removal copies the block it
// cuts instead of editing it, unless no snapshot holds that block.

#include "core/store/generation.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace lantern::core {

template <typename Entry> class EntrySnapshot {
public:
    using Block = std::vector<Entry>;
    static constexpr std::size_t kBlockSize = 256;

    EntrySnapshot() = default;
    EntrySnapshot(const EntrySnapshot& other)
        : m_view(other.m_view)
    {
        if (m_view)
            m_view->references.fetch_add(1, std::memory_order_relaxed);
    }
    EntrySnapshot(EntrySnapshot&& other) noexcept
        : m_view(std::exchange(other.m_view, nullptr))
    {
    }
    EntrySnapshot& operator=(EntrySnapshot other) noexcept
    {
        std::swap(m_view, other.m_view);
        return *this;
    }
    ~EntrySnapshot()
    {
        if (m_view && m_view->references.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete m_view;
    }

    std::size_t size() const { return m_view ? m_view->size : 0; }
    bool empty() const { return size() == 0; }
    std::uint64_t generation() const { return m_view ? m_view->generation : 0; }
    // How many times entries were removed; a later snapshot of the same series with as many
    // removals and at least as many entries extends this one.
    std::uint64_t removals() const { return m_view ? m_view->removals : 0; }
    const Entry& operator[](std::size_t index) const
    {
        return (*m_view->blocks[index / kBlockSize])[index % kBlockSize];
    }
    const Entry& back() const { return (*this)[size() - 1]; }
    // The lowest and highest step stored (0 when empty), and whether steps never decrease
    // along the series: they may, where every point is kept as written (--keep-orphaned-data).
    std::int64_t minStep() const { return m_view ? m_view->minStep : 0; }
    std::int64_t maxStep() const { return m_view ? m_view->maxStep : 0; }
    bool stepsSorted() const { return !m_view || m_view->stepsSorted; }

private:
    template <typename> friend class EntrySeries;
    // The series' state, which its snapshot copies.
    struct State {
        std::vector<std::shared_ptr<Block>> blocks;
        std::size_t size = 0;
        std::uint64_t generation = 0;
        std::uint64_t removals = 0;
        std::int64_t minStep = 0;
        std::int64_t maxStep = 0;
        bool stepsSorted = true;
    };
    struct View : State {
        explicit View(const State& state)
            : State(state)
        {
        }
        mutable std::atomic<std::uint32_t> references = 1; // the snapshots sharing it
    };
    // One word, counted in the View rather than beside a shared_ptr: a tag has one kind, so
    // three of the four series of each TagSnapshot are empty, and each costs its pointer.
    View* m_view = nullptr;
};

template <typename Entry> // Entry has a member `std::int64_t step`
class EntrySeries {
public:
    using Snapshot = EntrySnapshot<Entry>;
    using Block = typename Snapshot::Block;
    static constexpr std::size_t kBlockSize = Snapshot::kBlockSize;

    EntrySeries() = default;
    EntrySeries(const EntrySeries& other)
        : m_state(other.m_state ? std::make_unique<State>(*other.m_state) : nullptr)
    {
    }
    EntrySeries& operator=(const EntrySeries& other)
    {
        m_state = other.m_state ? std::make_unique<State>(*other.m_state) : nullptr;
        return *this;
    }
    EntrySeries(EntrySeries&&) noexcept = default;
    EntrySeries& operator=(EntrySeries&&) noexcept = default;

    std::size_t size() const { return m_state ? m_state->size : 0; }
    bool empty() const { return size() == 0; }
    std::uint64_t generation() const { return m_state ? m_state->generation : 0; }
    // The newest entry; only when !empty().
    const Entry& last() const { return at(size() - 1); }

    void append(Entry entry)
    {
        if (!m_state)
            m_state = std::make_unique<State>();
        State& state = *m_state;
        if (state.size % kBlockSize == 0) {
            // A series that filled a block will likely fill the next; a new one starts small,
            // so a run of many tags with a value or two each costs little per tag.
            state.blocks.push_back(std::make_shared<Block>());
            state.blocks.back()->reserve(state.blocks.size() > 1 ? kBlockSize : kFirstCapacity);
        } else if (state.blocks.back()->size() == state.blocks.back()->capacity()) {
            // Grown by copy: snapshots may still read the block they hold.
            const Block& full = *state.blocks.back();
            auto grown = std::make_shared<Block>();
            grown->reserve(std::min(kBlockSize, 2 * full.capacity()));
            grown->assign(full.begin(), full.end());
            state.blocks.back() = std::move(grown);
        }
        const std::int64_t step = entry.step;
        state.blocks.back()->push_back(std::move(entry));
        if (state.size == 0) {
            state.minStep = state.maxStep = step;
        } else {
            state.stepsSorted = state.stepsSorted && step >= at(state.size - 1).step;
            state.minStep = std::min(state.minStep, step);
            state.maxStep = std::max(state.maxStep, step);
        }
        ++state.size;
        state.generation = nextGeneration();
    }

    // Drops every entry with step >= `step` (the newest ones: steps are kept non-decreasing).
    // Costs O(removed), plus a copy of the cut block when a snapshot holds it.
    std::size_t removeFromStep(std::int64_t step)
    {
        std::size_t kept = size();
        while (kept > 0 && at(kept - 1).step >= step)
            --kept;
        const std::size_t removed = size() - kept;
        if (removed == 0)
            return 0;
        State& state = *m_state;
        state.blocks.resize((kept + kBlockSize - 1) / kBlockSize);
        if (kept % kBlockSize != 0 && unshared(state.blocks.back())) {
            // No snapshot reads this block: cut it in place (a series that repeats its steps
            // removes one entry per point, and copying the block each time would cost 256×).
            state.blocks.back()->resize(kept % kBlockSize);
        } else if (kept % kBlockSize != 0) {
            const Block& cut = *state.blocks.back();
            auto copy = std::make_shared<Block>();
            copy->reserve(cut.capacity());
            copy->assign(cut.begin(), cut.begin() + std::ptrdiff_t(kept % kBlockSize));
            state.blocks.back() = std::move(copy);
        }
        state.size = kept;
        // Sorted (the rule that removes keeps steps in order): the ends are the extremes.
        state.minStep = kept > 0 ? at(0).step : 0;
        state.maxStep = kept > 0 ? at(kept - 1).step : 0;
        state.generation = nextGeneration();
        ++state.removals;
        return removed;
    }

    Snapshot snapshot() const
    {
        Snapshot snapshot;
        if (m_state)
            snapshot.m_view = new typename Snapshot::View(*m_state);
        return snapshot;
    }

private:
    static constexpr std::size_t kFirstCapacity = 2;

    // Only the loader thread takes snapshots, so a block no snapshot holds stays unshared while
    // the loader edits it; the fence orders the edit after the last reader's release.
    static bool unshared(const std::shared_ptr<Block>& block)
    {
        if (block.use_count() != 1)
            return false;
        std::atomic_thread_fence(std::memory_order_acquire);
        return true;
    }

    // Allocated with the first entry: most tags hold one kind, and a run can hold 300,000 tags.
    // A snapshot holds a copy of it.
    using State = typename Snapshot::State;

    const Entry& at(std::size_t index) const
    {
        return (*m_state->blocks[index / kBlockSize])[index % kBlockSize];
    }

    std::unique_ptr<State> m_state;
};

} // namespace lantern::core
