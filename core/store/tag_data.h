#pragma once
// Everything stored for one series of one run: a tag and a kind. Values are kept in step order
// so that TensorBoard's rule can drop what a later point with a lower or equal step replaces.

#include "core/store/entry_series.h"
#include "core/store/scalar_series.h"
#include "core/store/tag_entries.h"

#include <algorithm>
#include <cstdint>
#include <limits>

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

} // namespace lantern::core
