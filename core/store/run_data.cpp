#include "core/store/run_data.h"

namespace lantern::core {

void RunData::add(const DecodedEvent& event)
{
    ++eventCount;
    switch (event.kind) {
    case EventKind::FileVersion:
        fileVersion = event.fileVersion;
        break;
    case EventKind::GraphDef:
        ++graphCount;
        break;
    case EventKind::MetaGraphDef:
        ++metaGraphCount;
        break;
    case EventKind::TaggedRunMetadata:
        ++runMetadataCount;
        break;
    case EventKind::Summary:
        for (const SummaryItem& item : event.items) {
            TagInfo& info = tags[item.tag];
            if (info.valueCount == 0) {
                info.kind = item.kind;
                info.pluginName = item.pluginName;
            }
            ++info.valueCount;
            info.blobCount += item.blobCount;
            if (item.kind == ValueKind::Scalar) {
                ScalarSeries& series = scalars[item.tag];
                series.type = item.scalarType;
                series.append({event.step, event.wallTime, item.scalar});
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
    for (const auto& [tag, info] : tags)
        if (info.kind == kind)
            count += info.valueCount;
    return count;
}

} // namespace lantern::core
