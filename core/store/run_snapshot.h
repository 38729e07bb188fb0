#pragma once
// Immutable views of loaded runs, handed to readers on other threads. Taking one costs little:
// series snapshots share their storage with the live series, which only ever appends, and a
// run's snapshot shares each tag that did not change with the run's previous snapshot.

#include "core/events/hparams.h"
#include "core/store/graph_reference.h"
#include "core/store/run_data.h"

#include <compare>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct TagSnapshot {
    // The run's own copy of the name (TagNames), kept alive by every RunSnapshot of the run:
    // valid while a snapshot of the run is.
    std::string_view tag;
    ValueKind kind = ValueKind::Tensor;
    SharedTagMetadata metadata = noTagMetadata();
    ScalarSnapshot scalars;
    EntrySnapshot<HistogramEntry> histograms;
    EntrySnapshot<BlobEntry> blobs;
    EntrySnapshot<TensorEntry> tensors;
    std::uint64_t generation = 0;
    std::size_t size() const
    {
        return scalars.size() + histograms.size() + blobs.size() + tensors.size();
    }
};

struct RunSnapshot;
// `previous`, an earlier snapshot of the same RunData (or null), lends the tags that did not
// change since.
std::shared_ptr<const RunSnapshot> snapshotOf(
    const RunData& run, const RunSnapshot* previous = nullptr);

// A run's tags in tag order. The tags sit in pages of kPageSize, by the order their series
// appeared in the run (which new series only extend), and a snapshot of the run reuses every
// page whose tags did not change since its previous snapshot: a live run of 300,000 tags that
// appends to a few costs a pointer per page and the few pages it changed, and no tag costs an
// allocation of its own (a shared pointer and its control block were 40 bytes a tag).
class TagSnapshotList {
public:
    static constexpr std::size_t kPageSize = 64;
    using Page = std::vector<TagSnapshot>;

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = TagSnapshot;
        using difference_type = std::ptrdiff_t;
        using pointer = const TagSnapshot*;
        using reference = const TagSnapshot&;

        const_iterator() = default;
        const_iterator(const TagSnapshotList* list, std::size_t at)
            : m_list(list)
            , m_at(difference_type(at))
        {
        }
        reference operator*() const { return (*m_list)[std::size_t(m_at)]; }
        pointer operator->() const { return &**this; }
        reference operator[](difference_type n) const { return (*m_list)[std::size_t(m_at + n)]; }
        const_iterator& operator++() { return ++m_at, *this; }
        const_iterator& operator--() { return --m_at, *this; }
        const_iterator operator++(int) { return {m_list, std::size_t(m_at++)}; }
        const_iterator operator--(int) { return {m_list, std::size_t(m_at--)}; }
        const_iterator& operator+=(difference_type n) { return m_at += n, *this; }
        const_iterator& operator-=(difference_type n) { return m_at -= n, *this; }
        friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
        friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
        friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b)
        {
            return a.m_at - b.m_at;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b)
        {
            return a.m_at == b.m_at;
        }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b)
        {
            return a.m_at <=> b.m_at;
        }

    private:
        const TagSnapshotList* m_list = nullptr;
        difference_type m_at = 0;
    };
    using iterator = const_iterator;
    using value_type = TagSnapshot;

    std::size_t size() const { return m_order ? m_order->size() : 0; }
    bool empty() const { return size() == 0; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }
    const TagSnapshot& operator[](std::size_t index) const { return series((*m_order)[index]); }
    const TagSnapshot& front() const { return (*this)[0]; }
    const TagSnapshot& back() const { return (*this)[size() - 1]; }
    // The object of tag `index`: the same object in two snapshots means unchanged (a changed
    // tag is always a new object; an unchanged one is too when its page was copied).
    const TagSnapshot* share(std::size_t index) const { return &(*this)[index]; }

    // The snapshots of `table`'s series, with the pages of `old` (an earlier list of the same
    // table, or null) whose series did not change since.
    static TagSnapshotList of(const TagTable& table, const TagSnapshotList* old);

private:
    const TagSnapshot& series(std::uint32_t index) const
    {
        return (*m_pages[index / kPageSize])[index % kPageSize];
    }

    std::vector<std::shared_ptr<const Page>> m_pages; // series in the order they appeared
    std::shared_ptr<const std::vector<std::uint32_t>> m_order; // series numbers in tag order
};

struct RunSnapshot {
    std::string name;
    std::string logdirName;
    std::filesystem::path logdirPath;
    std::filesystem::path directory;
    std::string fileVersion;
    std::vector<std::filesystem::path> files;
    std::shared_ptr<const TagNames> tagNames; // the bytes of every TagSnapshot::tag
    TagSnapshotList tags; // sorted by tag; a tag's kinds in the order they appeared
    std::optional<GraphLocation> graph;
    std::vector<Diagnostic> diagnostics;
    std::uint64_t eventCount = 0;
    std::uint64_t generation = 0;
    std::uint64_t incarnation = 0; // RunData::incarnation
    RunHParams hparams; // decoded from the hparams plugin's tag metadata

    // The series of the tag's first kind, or of `kind` (a tag written as two kinds has two).
    const TagSnapshot* find(std::string_view tag) const;
    const TagSnapshot* find(std::string_view tag, ValueKind kind) const;
    // The graph to show first: the op graph (graph_def, else meta_graph_def), else the Keras
    // model, else the latest run-metadata graph. Decode it with loadGraph (graph_loader.h).
    std::optional<GraphReference> graphReference() const;
    // Every graph the run holds: the op graph, the Keras model (its first value, as
    // TensorBoard reads it) and the latest value of each run-metadata tag.
    std::vector<GraphReference> graphReferences() const;
    std::uint64_t countOf(ValueKind kind) const;
    std::uint64_t scalarPoints() const { return countOf(ValueKind::Scalar); }
};

} // namespace lantern::core
