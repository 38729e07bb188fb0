// HParamsPluginData (TensorBoard's plugin_data.proto and api.proto, field numbers in
// FORMATS-PLUGINS.md §4). Values other than number, string and bool (null, struct, list) do
// not occur in the plugin's writers; they are kept as their JSON text rather than dropped.

#include "core/events/hparams_decoder.h"

#include "plugins.pb.h"

#include <charconv>
#include <google/protobuf/util/json_util.h>

namespace lantern::core {
namespace {

std::optional<HParamValue> valueOf(const google::protobuf::Value& value)
{
    switch (value.kind_case()) {
    case google::protobuf::Value::kNumberValue:
        return value.number_value();
    case google::protobuf::Value::kStringValue:
        return value.string_value();
    case google::protobuf::Value::kBoolValue:
        return value.bool_value();
    case google::protobuf::Value::kStructValue:
    case google::protobuf::Value::kListValue: {
        std::string json;
        if (!google::protobuf::util::MessageToJsonString(value, &json).ok())
            return std::nullopt;
        return json;
    }
    default:
        return std::nullopt; // null, or nothing set
    }
}

HParamType typeOf(pb::HParamInfo::Type type)
{
    switch (type) {
    case pb::HParamInfo::DATA_TYPE_STRING:
        return HParamType::String;
    case pb::HParamInfo::DATA_TYPE_BOOL:
        return HParamType::Bool;
    case pb::HParamInfo::DATA_TYPE_FLOAT64:
        return HParamType::Float64;
    default:
        return HParamType::Unset;
    }
}

DatasetType datasetTypeOf(pb::HParamsMetricInfo::DatasetType type)
{
    switch (type) {
    case pb::HParamsMetricInfo::DATASET_TRAINING:
        return DatasetType::Training;
    case pb::HParamsMetricInfo::DATASET_VALIDATION:
        return DatasetType::Validation;
    default:
        return DatasetType::Unknown;
    }
}

SessionEndStatus statusOf(pb::HParamsSessionEndInfo::Status status)
{
    switch (status) {
    case pb::HParamsSessionEndInfo::STATUS_SUCCESS:
        return SessionEndStatus::Success;
    case pb::HParamsSessionEndInfo::STATUS_FAILURE:
        return SessionEndStatus::Failure;
    case pb::HParamsSessionEndInfo::STATUS_RUNNING:
        return SessionEndStatus::Running;
    default:
        return SessionEndStatus::Unknown;
    }
}

HParamsExperiment experimentOf(const pb::HParamsExperiment& in)
{
    HParamsExperiment out;
    out.name = in.name();
    out.description = in.description();
    out.user = in.user();
    out.timeCreatedSecs = in.time_created_secs();
    for (const pb::HParamInfo& info : in.hparam_infos()) {
        HParamInfo& hparam = out.hparams.emplace_back();
        hparam.name = info.name();
        hparam.displayName = info.display_name();
        hparam.description = info.description();
        hparam.type = typeOf(info.type());
        if (info.has_domain_discrete())
            for (const google::protobuf::Value& value : info.domain_discrete().values())
                if (auto converted = valueOf(value))
                    hparam.discreteDomain.push_back(std::move(*converted));
        if (info.has_domain_interval())
            hparam.intervalDomain
                = std::pair(info.domain_interval().min_value(), info.domain_interval().max_value());
        hparam.differs = info.differs();
    }
    for (const pb::HParamsMetricInfo& info : in.metric_infos())
        out.metrics.push_back({info.name().group(), info.name().tag(), info.display_name(),
            info.description(), datasetTypeOf(info.dataset_type())});
    return out;
}

SessionStartInfo sessionStartOf(const pb::HParamsSessionStartInfo& in)
{
    SessionStartInfo out;
    for (const auto& [name, value] : in.hparams())
        if (auto converted = valueOf(value))
            out.hparams.emplace(name, std::move(*converted));
    out.modelUri = in.model_uri();
    out.monitorUrl = in.monitor_url();
    out.groupName = in.group_name();
    out.startTimeSecs = in.start_time_secs();
    return out;
}

} // namespace

void decodeHParamsContent(std::string_view content, RunHParams& run)
{
    pb::HParamsPluginData data;
    if (!data.ParseFromArray(content.data(), static_cast<int>(content.size()))) {
        run.errors.push_back("hparams plugin data is not a valid HParamsPluginData");
        return;
    }
    switch (data.data_case()) {
    case pb::HParamsPluginData::kExperiment:
        run.experiment = experimentOf(data.experiment());
        break;
    case pb::HParamsPluginData::kSessionStartInfo:
        run.sessionStart = sessionStartOf(data.session_start_info());
        break;
    case pb::HParamsPluginData::kSessionEndInfo:
        run.sessionEnd = SessionEndInfo {
            statusOf(data.session_end_info().status()), data.session_end_info().end_time_secs()};
        break;
    case pb::HParamsPluginData::DATA_NOT_SET:
        run.errors.push_back("hparams plugin data holds no experiment or session info");
        break;
    }
}

std::string hparamValueText(const HParamValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return *text;
    if (const auto* flag = std::get_if<bool>(&value))
        return *flag ? "true" : "false";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
    return std::string(buffer, result.ptr);
}

} // namespace lantern::core
