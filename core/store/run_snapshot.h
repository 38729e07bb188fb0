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

// A run's tags in tag order, each held by a shared pointer: a snapshot of the run reuses every
// tag that did not change since its previous snapshot, so a live run of 300,000 tags that
// appends to a few costs a pointer per tag, not a copy of each (about 170 bytes).
class TagSnapshotList {
    using Pointers = std::vector<std::shared_ptr<const TagSnapshot>>;

public:
    // Walks the tags themselves, not their pointers.
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = TagSnapshot;
        using difference_type = std::ptrdiff_t;
        using pointer = const TagSnapshot*;
        using reference = const TagSnapshot&;

        const_iterator() = default;
        explicit const_iterator(Pointers::const_iterator at)
            : m_at(at)
        {
        }
        reference operator*() const { return **m_at; }
        pointer operator->() const { return m_at->get(); }
        reference operator[](difference_type n) const { return *m_at[n]; }
        const_iterator& operator++() { return ++m_at, *this; }
        const_iterator& operator--() { return --m_at, *this; }
        const_iterator operator++(int) { return const_iterator(m_at++); }
        const_iterator operator--(int) { return const_iterator(m_at--); }
        const_iterator& operator+=(difference_type n) { return m_at += n, *this; }
        const_iterator& operator-=(difference_type n) { return m_at -= n, *this; }
        friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
        friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
        friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b)
        {
            return a.m_at - b.m_at;
        }
        friend bool operator==(const const_iterator&, const const_iterator&) = default;
        friend auto operator<=>(const const_iterator&, const const_iterator&) = default;

    private:
        Pointers::const_iterator m_at;
    };
    using iterator = const_iterator;
    using value_type = TagSnapshot;

    std::size_t size() const { return m_tags.size(); }
    bool empty() const { return m_tags.empty(); }
    const_iterator begin() const { return const_iterator(m_tags.begin()); }
    const_iterator end() const { return const_iterator(m_tags.end()); }
    const TagSnapshot& operator[](std::size_t index) const { return *m_tags[index]; }
    const TagSnapshot& front() const { return *m_tags.front(); }
    const TagSnapshot& back() const { return *m_tags.back(); }
    // The shared pointer of tag `index` (the same object in two snapshots means unchanged).
    const std::shared_ptr<const TagSnapshot>& share(std::size_t index) const
    {
        return m_tags[index];
    }

private:
    friend std::shared_ptr<const RunSnapshot> snapshotOf(
        const RunData& run, const RunSnapshot* previous);
    Pointers m_tags;
};

struct RunSnapshot {
    std::string name;
    std::string logdirName;
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
