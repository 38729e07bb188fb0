// Storing decoded events, with TensorBoard's purge of orphaned data: after a SessionLog START
// (file version >= 2) every tag drops its points at or after the restart step, and a tag whose
// step goes backwards drops its points at or after the new step. Each purge is reported.

#include "core/store/run_data.h"

#include "core/events/event_decoder.h"

#include <charconv>

namespace lantern::core {
namespace {

double versionNumber(std::string_view fileVersion)
{
    // "brain.Event:2" → 2
    const std::size_t colon = fileVersion.rfind(':');
    double number = 0;
    if (colon != std::string_view::npos)
        std::from_chars(
            fileVersion.data() + colon + 1, fileVersion.data() + fileVersion.size(), number);
    return number;
}

} // namespace

TagData& RunData::tagFor(std::string_view tag, ValueKind kind, const TagMetadata* metadata)
{
    if (const auto found = m_tagIndex.find(tag); found != m_tagIndex.end())
        return *found->second;
    const auto it = tags.emplace(std::string(tag), TagData {}).first;
    it->second.kind = kind;
    if (metadata)
        it->second.metadata = *metadata;
    m_tagIndex.emplace(it->first, &it->second); // map keys never move
    return it->second;
}

void RunData::reportPurge(
    std::size_t removed, std::int64_t step, std::string_view what, const RecordLocation& where)
{
    if (removed == 0)
        return;
    diagnostics.push_back({files.at(where.file).string(), where.offset, 0,
        "dropped " + std::to_string(removed) + " orphaned value(s) with step >= "
            + std::to_string(step) + ": " + std::string(what)});
}

void RunData::purgeIfStepWentBack(
    std::string_view tag, TagData& data, std::int64_t step, const RecordLocation& where)
{
    if (step >= data.lastStep() || data.size() == 0) {
        data.noteStep(std::max(step, data.lastStep()));
        return;
    }
    const std::size_t removed = data.removeFromStep(step);
    data.noteStep(step);
    reportPurge(removed, step,
        "the step of tag '" + std::string(tag) + "' went backwards (restart)", where);
}

void RunData::purgeAllFromStep(std::int64_t step, const RecordLocation& where)
{
    std::size_t removed = 0;
    for (auto& [tag, data] : tags)
        removed += data.removeFromStep(step);
    reportPurge(removed, step, "the writer restarted (SessionLog START)", where);
}

void RunData::addScalar(std::string_view tag, std::int64_t step, double wallTime, double value,
    ScalarType type, const RecordLocation& where)
{
    TagData& data = tagFor(tag, ValueKind::Scalar, nullptr);
    purgeIfStepWentBack(tag, data, step, where);
    if (data.scalars.empty())
        data.scalars.type = type;
    data.scalars.append({step, wallTime, value});
}

void RunData::add(
    const DecodedEvent& event, const RecordLocation& where, const EventDecoder& decoder)
{
    ++eventCount;
    switch (event.kind) {
    case EventKind::FileVersion:
        fileVersion = event.fileVersion;
        m_fileVersionNumber = versionNumber(fileVersion);
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
        purgeIfStepWentBack(event.runMetadataTag, data, event.step, where);
        data.blobs.append({event.step, event.wallTime, where, 1});
        break;
    }
    case EventKind::SessionLog:
        if (event.sessionStatus == SessionStatus::Start && m_fileVersionNumber >= 2)
            purgeAllFromStep(event.step, where);
        break;
    case EventKind::Summary:
        for (const SummaryItem& item : event.items) {
            TagData& data = tagFor(item.tag, item.kind, decoder.metadataOf(item.tag));
            purgeIfStepWentBack(item.tag, data, event.step, where);
            switch (item.kind) {
            case ValueKind::Scalar:
                if (data.scalars.empty())
                    data.scalars.type = item.scalarType;
                data.scalars.append({event.step, event.wallTime, item.scalar});
                break;
            case ValueKind::Histogram:
                data.histograms.append({event.step, event.wallTime, item.histogram});
                break;
            case ValueKind::Image:
            case ValueKind::Audio:
            case ValueKind::RunMetadata:
            case ValueKind::KerasModel:
                data.blobs.append({event.step, event.wallTime, where,
                    item.kind == ValueKind::Image || item.kind == ValueKind::Audio ? item.blobCount
                                                                                   : 1u,
                    item.valueIndex});
                break;
            default:
                data.tensors.append(
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
