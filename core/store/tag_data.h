#pragma once
// Everything stored for one series of one run: a tag and a kind. Values are kept in step order
// so that TensorBoard's rule can drop what a later point with a lower or equal step replaces.
//
// A series holds one kind, so it holds one series slot, chosen by its kind: a run may hold
// 300,000 tags, and a scalar tag that also carried empty histogram, blob and tensor slots paid
// 24 bytes for them (and its snapshot 48).

#include "core/store/entry_series.h"
#include "core/store/scalar_series.h"
#include "core/store/tag_entries.h"

#include <cstdint>
#include <limits>
#include <variant>

namespace lantern::core {

// Which slot stores a kind's values.
enum class SeriesSlot : std::uint8_t {
    Scalars,
    Histograms,
    Blobs, // images, audio, run metadata, Keras model
    Tensors, // text, PR curves, hparams, other tensors
};

constexpr SeriesSlot seriesSlotOf(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Scalar:
        return SeriesSlot::Scalars;
    case ValueKind::Histogram:
        return SeriesSlot::Histograms;
    case ValueKind::Image:
    case ValueKind::Audio:
    case ValueKind::RunMetadata:
    case ValueKind::KerasModel:
        return SeriesSlot::Blobs;
    default:
        return SeriesSlot::Tensors;
    }
}

class TagData {
public:
    explicit TagData(ValueKind kind);

    const ValueKind kind;
    SharedTagMetadata metadata = noTagMetadata();

    // The slot of this series' kind; the others read as empty series. Writing needs the kind's
    // slot (the loader appends only what the kind stores).
    const ScalarSeries& scalars() const { return slot<ScalarSeries>(); }
    const EntrySeries<HistogramEntry>& histograms() const { return slot<Histograms>(); }
    const EntrySeries<BlobEntry>& blobs() const { return slot<Blobs>(); }
    const EntrySeries<TensorEntry>& tensors() const { return slot<Tensors>(); }
    ScalarSeries& scalars() { return std::get<ScalarSeries>(m_series); }
    EntrySeries<HistogramEntry>& histograms() { return std::get<Histograms>(m_series); }
    EntrySeries<BlobEntry>& blobs() { return std::get<Blobs>(m_series); }
    EntrySeries<TensorEntry>& tensors() { return std::get<Tensors>(m_series); }

    std::size_t size() const
    {
        return std::visit([](const auto& series) { return series.size(); }, m_series);
    }
    std::uint64_t generation() const
    {
        return std::visit([](const auto& series) { return series.generation(); }, m_series);
    }
    // The newest step stored, or the lowest int64 when empty. Where TensorBoard's rule applies
    // (every append goes through it), steps never decrease, so the newest is the last.
    std::int64_t lastStep() const;

    // Drops every value with step >= `step`; returns how many.
    std::size_t removeFromStep(std::int64_t step)
    {
        return std::visit([step](auto& series) { return series.removeFromStep(step); }, m_series);
    }

private:
    using Histograms = EntrySeries<HistogramEntry>;
    using Blobs = EntrySeries<BlobEntry>;
    using Tensors = EntrySeries<TensorEntry>;

    template <typename Series> const Series& slot() const
    {
        static const Series empty;
        const Series* held = std::get_if<Series>(&m_series);
        return held ? *held : empty;
    }

    std::variant<ScalarSeries, Histograms, Blobs, Tensors> m_series;
};

inline TagData::TagData(ValueKind valueKind)
    : kind(valueKind)
{
    switch (seriesSlotOf(valueKind)) {
    case SeriesSlot::Scalars:
        break; // the variant's default
    case SeriesSlot::Histograms:
        m_series.emplace<Histograms>();
        break;
    case SeriesSlot::Blobs:
        m_series.emplace<Blobs>();
        break;
    case SeriesSlot::Tensors:
        m_series.emplace<Tensors>();
        break;
    }
}

inline std::int64_t TagData::lastStep() const
{
    if (size() == 0)
        return std::numeric_limits<std::int64_t>::min();
    return std::visit([](const auto& series) { return series.last().step; }, m_series);
}

} // namespace lantern::core
