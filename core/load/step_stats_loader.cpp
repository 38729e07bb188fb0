#include "core/load/step_stats_loader.h"

#include "core/events/run_metadata_payload.h"
#include "core/io/record_fetcher.h"

#include "event.pb.h"
#include "run_metadata.pb.h"

namespace lantern::core {

LoadedStepStats loadStepStats(
    const GraphReference& reference, const std::function<bool()>& cancelled)
{
    LoadedStepStats out;
    if (reference.source != GraphSource::RunMetadata) {
        out.error = "only run metadata holds step statistics";
        return out;
    }
    const FetchedRecord record
        = fetchRecord(reference.file, reference.location.offset, reference.location.length);
    if (!record.ok()) {
        out.error = record.error;
        return out;
    }
    if (cancelled && cancelled()) {
        out.error = "cancelled";
        return out;
    }
    pb::Event event;
    if (!event.ParseFromArray(record.data.data(), static_cast<int>(record.data.size()))) {
        out.error = "the record is not a valid Event";
        return out;
    }
    const std::string* bytes = runMetadataPayload(event, reference, out.error);
    pb::RunMetadata metadata;
    if (bytes && !metadata.ParseFromString(*bytes))
        out.error = "the run metadata is not a valid RunMetadata";
    else if (bytes && metadata.step_stats().dev_stats_size() > 0)
        out.stats = std::shared_ptr<pb::StepStats>(metadata.release_step_stats());
    return out;
}

} // namespace lantern::core
