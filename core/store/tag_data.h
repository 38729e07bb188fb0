#pragma once
// Everything stored for one series of one run: a tag and a kind. Values are kept in step order
// so that TensorBoard's rule can drop what a later point with a lower or equal step replaces.

#include "core/store/entry_series.h"
#include "core/store/scalar_series.h"
#include "core/store/tag_entries.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lantern::core {

struct TagData {
    ValueKind kind = ValueKind::Tensor;
    SharedTagMetadata metadata = noTagMetadata();
    ScalarSeries scalars;
    EntrySeries<HistogramEntry> histograms;
    EntrySeries<BlobEntry> blobs; // images, audio, run metadata, Keras model
    EntrySeries<TensorEntry> tensors; // text, PR curves, hparams, other tensors

    std::size_t size() const
    {
        return scalars.size() + histograms.size() + blobs.size() + tensors.size();
    }
    std::uint64_t generation() const
    {
        return std::max({scalars.generation(), histograms.generation(), blobs.generation(),
            tensors.generation()});
    }
    // The newest step stored, or the lowest int64 when empty.
    std::int64_t lastStep() const { return m_lastStep; }
    void noteStep(std::int64_t step) { m_lastStep = step; }

    // Drops every value with step >= `step`; returns how many.
    std::size_t removeFromStep(std::int64_t step)
    {
        const std::size_t removed = scalars.removeFromStep(step) + histograms.removeFromStep(step)
            + blobs.removeFromStep(step) + tensors.removeFromStep(step);
        if (removed > 0 || m_lastStep >= step)
            m_lastStep = step - 1;
        return removed;
    }

private:
    std::int64_t m_lastStep = std::numeric_limits<std::int64_t>::min();
};

// A run's series in tag order. TensorBoard keys data by (tag, plugin), so a tag written as two
// kinds (a histogram, later a scalar) has one entry per kind, in the order the kinds appeared.
class TagMap : public std::multimap<std::string, TagData, std::less<>> {
public:
    using multimap::find;
    // The series of the tag's first kind; throws std::out_of_range when there is none.
    const TagData& at(std::string_view tag) const
    {
        const auto it = lower_bound(tag);
        if (it == end() || it->first != tag)
            throw std::out_of_range("no tag " + std::string(tag));
        return it->second;
    }
    // The tag's series of `kind`, or nullptr.
    const TagData* find(std::string_view tag, ValueKind kind) const
    {
        for (auto [it, last] = equal_range(tag); it != last; ++it)
            if (it->second.kind == kind)
                return &it->second;
        return nullptr;
    }
};

} // namespace lantern::core
