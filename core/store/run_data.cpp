// Storing decoded events with TensorBoard's rule per series: a point at step s removes the
// points kept so far with step >= s. Lantern used to purge every tag after SessionLog START
// and a tag only when its step went strictly backwards; TensorBoard's default loader does
// neither (it ignores SessionLog and lets a repeated step replace the older value).

#include "core/store/run_data.h"

#include "core/events/event_decoder.h"
#include "core/io/path_text.h"

namespace lantern::core {
namespace {

// A series whose values came in several types (float32, then float64) is shown and exported as
// float64, which holds each of them exactly; the first type alone would round the others.
void appendScalar(TagData& data, const ScalarPoint& point, ScalarType type)
{
    if (data.scalars().empty())
        data.scalars().type = type;
    else if (data.scalars().type != type)
        data.scalars().type = ScalarType::Float64;
    data.scalars().append(point);
}

} // namespace

TagData& RunData::tagFor(std::string_view tag, ValueKind kind, const SharedTagMetadata* metadata)
{
    if (TagData* found = tags.find(tag, kind))
        return *found;
    // A new tag, or one written as another kind than before: TensorBoard keys series by
    // (tag, plugin), so each kind of a tag is a series of its own.
    TagData& added = tags.add(tag, kind);
    if (metadata)
        added.metadata = *metadata;
    return added;
}

void RunData::reportHidden(
    std::string_view tag, const TagData& data, std::size_t removed, const RecordLocation& where)
{
    auto [it, isNew] = m_hidden.try_emplace(&data);
    HiddenPoints& hidden = it->second;
    if (isNew) {
        hidden.diagnostic = diagnostics.size();
        diagnostics.push_back({pathText(files.at(where.file)), where.offset, 0, {}});
    }
    hidden.count += removed;
    // One diagnostic per series, its count kept current: where the rule first applied.
    diagnostics[hidden.diagnostic].reason = std::to_string(hidden.count) + " point(s) of "
        + std::string(valueKindName(data.kind)) + " tag '" + std::string(tag)
        + "' hidden: a later point had the same or a lower step, and TensorBoard keeps only the "
          "newest (--keep-orphaned-data keeps every point)";
}

void RunData::replaceFromStep(
    std::string_view tag, TagData& data, std::int64_t step, const RecordLocation& where)
{
    if (keepOrphanedData || step > data.lastStep())
        return;
    const std::size_t removed = data.removeFromStep(step);
    if (removed > 0)
        reportHidden(tag, data, removed, where);
}

void RunData::addScalar(std::string_view tag, std::int64_t step, double wallTime, double value,
    ScalarType type, const RecordLocation& where)
{
    TagData& data = tagFor(tag, ValueKind::Scalar, nullptr);
    replaceFromStep(tag, data, step, where);
    appendScalar(data, {step, wallTime, value}, type);
}

void RunData::add(
    const DecodedEvent& event, const RecordLocation& where, const EventDecoder& decoder)
{
    ++eventCount;
    switch (event.kind) {
    case EventKind::FileVersion:
        fileVersion = event.fileVersion;
        break;
    case EventKind::GraphDef:
        ++graphCount;
        graph = GraphLocation {where, false}; // the latest graph wins
        break;
    case EventKind::MetaGraphDef:
        ++metaGraphCount;
        if (!graph || graph->isMetaGraph)
            graph = GraphLocation {where, true};
        break;
    case EventKind::TaggedRunMetadata: {
        ++runMetadataCount;
        TagData& data = tagFor(event.runMetadataTag, ValueKind::RunMetadata, nullptr);
        replaceFromStep(event.runMetadataTag, data, event.step, where);
        data.blobs().append({event.step, event.wallTime, where, 1});
        break;
    }
    case EventKind::Summary:
        for (const SummaryItem& item : event.items) {
            TagData& data = tagFor(item.tag, item.kind, decoder.metadataOf(item.tag));
            replaceFromStep(item.tag, data, event.step, where);
            switch (seriesSlotOf(item.kind)) { // the slot the series holds
            case SeriesSlot::Scalars:
                appendScalar(data, {event.step, event.wallTime, item.scalar}, item.scalarType);
                break;
            case SeriesSlot::Histograms:
                data.histograms().append({event.step, event.wallTime, item.histogram});
                break;
            case SeriesSlot::Blobs:
                data.blobs().append({event.step, event.wallTime, where,
                    item.kind == ValueKind::Image || item.kind == ValueKind::Audio ? item.blobCount
                                                                                   : 1u,
                    item.valueIndex});
                break;
            case SeriesSlot::Tensors:
                data.tensors().append(
                    {event.step, event.wallTime, item.shape, item.numbers, item.strings});
                break;
            }
        }
        break;
    default:
        break;
    }
}

std::uint64_t RunData::countOf(ValueKind kind) const
{
    std::uint64_t count = 0;
    for (const auto& [tag, data] : tags)
        if (data.kind == kind)
            count += data.size();
    return count;
}

} // namespace lantern::core
