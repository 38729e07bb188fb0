// TF1 and TF2 summaries normalized into one model, following the rules in FORMATS.md:
// simple_value and rank-0 numeric tensors are scalars; HistogramProto and [k,3] tensors are
// histograms; plugin names decide images, audio, text, PR curves, hparams and graphs.

#include "core/events/event_decoder.h"

#include "core/analysis/pr_curve.h"
#include "core/events/histogram_conversion.h"
#include "core/events/tensor_values.h"
#include "core/events/wire_bounds.h"

#include "event.pb.h"

#include <algorithm>
#include <limits>

namespace lantern::core {
namespace {

ScalarType scalarTypeOf(int dtype)
{
    switch (dtype) {
    case pb::DT_DOUBLE:
        return ScalarType::Float64;
    case pb::DT_FLOAT:
    case pb::DT_HALF:
    case pb::DT_BFLOAT16:
        return ScalarType::Float32;
    default:
        return ScalarType::Integer;
    }
}

// Images and audio hold exactly the strings their shape declares: a count of clips is
// believed only when the strings are there.
std::string exactShapeError(const pb::TensorProto& tensor, std::size_t held)
{
    const auto count = tensorElementCount(tensor);
    if (count == held)
        return {};
    return "its shape " + shapeText(tensorShape(tensor))
        + (count ? " declares " + std::to_string(*count) + " element(s)"
                 : " declares a negative or overflowing number of elements")
        + " but it holds " + std::to_string(held);
}

// Fills `item` from a tensor value; returns why the value was rejected, or empty.
std::string normalizeTensor(const pb::TensorProto& tensor, SummaryItem& item)
{
    const std::string& plugin = item.pluginName;
    if (plugin == "scalars"
        || (plugin.empty() && tensor.dtype() != pb::DT_STRING
            && tensor.tensor_shape().dim_size() == 0)) {
        if (const auto value = tensorScalar(tensor)) {
            item.kind = ValueKind::Scalar;
            item.scalar = *value;
            item.scalarType = scalarTypeOf(tensor.dtype());
            return {};
        }
    }
    if (plugin == "histograms") {
        item.kind = ValueKind::Histogram;
        std::string error;
        item.histogram = histogramFromTensor(tensor, &error);
        return error;
    }
    if (plugin == "images") {
        // [2 + n] strings: width, height, then n encoded images.
        const int count = tensor.string_val_size();
        item.kind = ValueKind::Image;
        item.blobCount = count > 2 ? static_cast<std::uint32_t>(count - 2) : 0;
        return exactShapeError(tensor, std::size_t(count));
    }
    if (plugin == "audio") {
        // [k, 2] rows of (encoded, label), or [k] without labels.
        const auto shape = tensorShape(tensor);
        item.kind = ValueKind::Audio;
        const auto held = std::size_t(tensor.string_val_size());
        std::string error = exactShapeError(tensor, held);
        // The shape matches the strings, so its rows are no more than the strings (a [k, 0]
        // tensor holds none, whatever k).
        if (error.empty() && !shape.empty() && held > 0)
            item.blobCount = static_cast<std::uint32_t>(
                std::min<std::int64_t>(shape.front(), std::numeric_limits<std::uint32_t>::max()));
        return error;
    }
    if (plugin == "text" || (plugin.empty() && tensor.dtype() == pb::DT_STRING)) {
        item.kind = ValueKind::Text;
        item.strings = tensorStrings(tensor);
        item.shape = tensorShape(tensor);
        return tensorShapeError(tensor, item.strings.size());
    }
    if (plugin == "pr_curves") {
        item.kind = ValueKind::PrCurve;
        item.numbers = tensorNumbers(tensor);
        item.shape = tensorShape(tensor);
        if (std::string error = tensorShapeError(tensor, item.numbers.size()); !error.empty())
            return error;
        return prCurveShapeError(item.shape, item.numbers.size());
    }
    if (plugin == "hparams") {
        item.kind = ValueKind::HParams;
        return {};
    }
    if (plugin == "graph_keras_model") {
        item.kind = ValueKind::KerasModel; // the JSON is read again on demand (graph_loader.h)
        return {};
    }
    if (plugin.starts_with("graph_run_metadata")) {
        item.kind = ValueKind::RunMetadata;
        return {};
    }
    item.kind = ValueKind::Tensor;
    item.shape = tensorShape(tensor);
    if (tensor.dtype() == pb::DT_STRING)
        item.strings = tensorStrings(tensor);
    else
        item.numbers = tensorNumbers(tensor);
    return tensorShapeError(tensor, std::max(item.strings.size(), item.numbers.size()));
}

SessionStatus sessionStatusOf(const pb::SessionLog& log)
{
    switch (log.status()) {
    case pb::SessionLog::START:
        return SessionStatus::Start;
    case pb::SessionLog::STOP:
        return SessionStatus::Stop;
    case pb::SessionLog::CHECKPOINT:
        return SessionStatus::Checkpoint;
    default:
        return SessionStatus::Unspecified;
    }
}

} // namespace

std::string_view valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Scalar:
        return "scalars";
    case ValueKind::Histogram:
        return "histograms";
    case ValueKind::Image:
        return "images";
    case ValueKind::Audio:
        return "audio";
    case ValueKind::Text:
        return "text";
    case ValueKind::PrCurve:
        return "pr_curves";
    case ValueKind::HParams:
        return "hparams";
    case ValueKind::KerasModel:
        return "keras_model";
    case ValueKind::RunMetadata:
        return "run_metadata";
    case ValueKind::Tensor:
        return "tensors";
    }
    return "unknown";
}

const std::string& EventDecoder::pluginOf(std::string_view tag) const
{
    static const std::string none;
    const SharedTagMetadata* metadata = metadataOf(tag);
    return metadata ? (*metadata)->pluginName : none;
}

const SharedTagMetadata* EventDecoder::metadataOf(std::string_view tag) const
{
    const std::uint32_t name = m_names->find(tag);
    if (name >= m_metadataOfName.size() || m_metadataOfName[name] == 0)
        return nullptr;
    return &m_metadata[m_metadataOfName[name] - 1];
}

void EventDecoder::remember(const std::string& tag, TagMetadata metadata)
{
    const std::uint32_t name = m_names->intern(tag);
    if (name >= m_metadataOfName.size())
        m_metadataOfName.resize(std::size_t(name) + 1, 0);
    if (m_metadataOfName[name] != 0)
        return; // the first value's metadata counts
    constexpr std::size_t kRecent = 8;
    std::size_t at = m_metadata.size();
    for (std::size_t i = m_metadata.size(); i-- > 0 && m_metadata.size() - i <= kRecent;)
        if (*m_metadata[i] == metadata) {
            at = i;
            break;
        }
    if (at == m_metadata.size())
        m_metadata.push_back(std::make_shared<const TagMetadata>(std::move(metadata)));
    m_metadataOfName[name] = std::uint32_t(at + 1);
}

std::optional<DecodedEvent> EventDecoder::decode(std::string_view record)
{
    if (!lengthsFitTheirMessages(record, pb::Event::descriptor()))
        return std::nullopt; // libprotobuf would refuse it too, after reserving up to 50 MB
    pb::Event event;
    if (!event.ParseFromArray(record.data(), static_cast<int>(record.size())))
        return std::nullopt;
    return normalize(event);
}

DecodedEvent EventDecoder::normalize(const pb::Event& event)
{
    DecodedEvent out;
    out.wallTime = event.wall_time();
    out.step = event.step();
    switch (event.what_case()) {
    case pb::Event::kFileVersion:
        out.kind = EventKind::FileVersion;
        out.fileVersion = event.file_version();
        break;
    case pb::Event::kGraphDef:
        out.kind = EventKind::GraphDef;
        break;
    case pb::Event::kMetaGraphDef:
        out.kind = EventKind::MetaGraphDef;
        break;
    case pb::Event::kSessionLog:
        out.kind = EventKind::SessionLog;
        out.sessionStatus = sessionStatusOf(event.session_log());
        break;
    case pb::Event::kTaggedRunMetadata:
        out.kind = EventKind::TaggedRunMetadata;
        out.runMetadataTag = event.tagged_run_metadata().tag();
        break;
    case pb::Event::kLogMessage:
        out.kind = EventKind::LogMessage;
        break;
    case pb::Event::kSummary:
        out.kind = EventKind::Summary;
        for (int index = 0; index < event.summary().value_size(); ++index) {
            const pb::Summary::Value& value = event.summary().value(index);
            SummaryItem item;
            item.valueIndex = static_cast<std::uint32_t>(index);
            // TF <= 1.2 text summaries name themselves by node_name, not tag.
            item.tag = value.tag().empty() ? value.node_name() : value.tag();
            if (value.has_metadata() && !metadataOf(item.tag)) {
                const pb::SummaryMetadata& metadata = value.metadata();
                remember(item.tag,
                    {metadata.plugin_data().plugin_name(), metadata.plugin_data().content(),
                        metadata.display_name(), metadata.summary_description()});
            }
            item.pluginName = pluginOf(item.tag);
            switch (value.value_case()) {
            case pb::Summary::Value::kSimpleValue:
                item.kind = ValueKind::Scalar;
                item.scalar = value.simple_value();
                break;
            case pb::Summary::Value::kHisto:
                item.kind = ValueKind::Histogram;
                item.histogram = histogramFromProto(value.histo());
                break;
            case pb::Summary::Value::kImage:
                item.kind = ValueKind::Image;
                item.blobCount = 1;
                break;
            case pb::Summary::Value::kAudio:
                item.kind = ValueKind::Audio;
                item.blobCount = 1;
                break;
            case pb::Summary::Value::kTensor:
                if (const std::string error = normalizeTensor(value.tensor(), item);
                    !error.empty()) {
                    out.rejectedValues.push_back("the " + std::string(valueKindName(item.kind))
                        + " value of tag '" + item.tag + "' at step " + std::to_string(out.step)
                        + " was skipped: " + error);
                    continue;
                }
                break;
            case pb::Summary::Value::VALUE_NOT_SET:
                // TF 2.1's hp.hparams writes metadata-only values: the data is the metadata.
                if (item.pluginName != "hparams")
                    continue;
                item.kind = ValueKind::HParams;
                break;
            default:
                continue; // obsolete histograms carry nothing to show
            }
            out.items.push_back(std::move(item));
        }
        break;
    case pb::Event::WHAT_NOT_SET:
        break;
    }
    return out;
}

} // namespace lantern::core
