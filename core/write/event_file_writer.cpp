// Event files the way TensorFlow writes them. Message layouts follow TensorFlow's and
// TensorBoard's writers: SummaryFileWriter puts numeric tensors in tensor_content and strings
// in string_val; tf.summary.histogram's 30 equal-width buckets; TF1's Histogram class with its
// default exponential limits; the hparams plugin's null tensor carrying metadata only.

#include "core/write/event_file_writer.h"

#include "core/events/custom_scalars_layout.h"
#include "core/io/little_endian.h"
#include "core/io/open_file.h"
#include "core/io/record_writer.h"

#include "event.pb.h"
#include "graph.pb.h"
#include "plugins.pb.h"
#include "run_metadata.pb.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <zlib.h>

#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

namespace lantern::core {
namespace {

std::string hostName()
{
#if defined(_WIN32)
    const char* name = std::getenv("COMPUTERNAME");
    return name ? name : "localhost";
#else
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
        return "localhost";
    return name;
#endif
}

int processId()
{
#if defined(_WIN32)
    return _getpid();
#else
    return static_cast<int>(getpid());
#endif
}

pb::Event eventAt(double wallTime, std::int64_t step)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    if (step != 0) // proto3 writers leave a zero step out
        event.set_step(step);
    return event;
}

// DATA_CLASS_UNKNOWN leaves data_class unset, as the hparams plugin's writer does.
void setPlugin(pb::Summary::Value& value, std::string_view plugin, pb::DataClass dataClass,
    std::string content = {})
{
    pb::SummaryMetadata* metadata = value.mutable_metadata();
    metadata->mutable_plugin_data()->set_plugin_name(std::string(plugin));
    metadata->mutable_plugin_data()->set_content(std::move(content));
    if (dataClass != pb::DATA_CLASS_UNKNOWN)
        metadata->set_data_class(dataClass);
}

// Raw little-endian doubles, as Tensor::AsProtoTensorContent stores them.
void setDoubleContent(pb::TensorProto& tensor, std::span<const double> numbers)
{
    std::string content(numbers.size() * 8, '\0');
    for (std::size_t i = 0; i < numbers.size(); ++i)
        storeLittleEndian64(content.data() + 8 * i, std::bit_cast<std::uint64_t>(numbers[i]));
    tensor.set_dtype(pb::DT_DOUBLE);
    tensor.set_tensor_content(std::move(content));
}

void setShape(pb::TensorProto& tensor, std::span<const std::int64_t> dims)
{
    pb::TensorShapeProto* shape = tensor.mutable_tensor_shape(); // present even for rank 0
    for (const std::int64_t size : dims)
        shape->add_dim()->set_size(size);
}

void setShape(pb::TensorProto& tensor, std::initializer_list<std::int64_t> dims)
{
    setShape(tensor, std::span<const std::int64_t>(dims.begin(), dims.size()));
}

// TensorFlow's Histogram::EncodeToProto (preserve_zero_buckets = false): runs of empty
// buckets collapse into one entry ending at the run's last limit.
pb::HistogramProto histogramProto(std::span<const double> values)
{
    const std::vector<double>& limits = defaultHistogramBucketLimits();
    std::vector<double> counts(limits.size(), 0.0);
    double min = limits.back(), max = -DBL_MAX, sum = 0, sumSquares = 0;
    for (const double value : values) {
        const auto bucket = std::upper_bound(limits.begin(), limits.end(), value) - limits.begin();
        counts[std::min<std::size_t>(std::size_t(bucket), counts.size() - 1)] += 1;
        min = std::min(min, value);
        max = std::max(max, value);
        sum += value;
        sumSquares += value * value;
    }
    pb::HistogramProto proto;
    proto.set_min(min);
    proto.set_max(max);
    proto.set_num(double(values.size()));
    proto.set_sum(sum);
    proto.set_sum_squares(sumSquares);
    for (std::size_t i = 0; i < counts.size();) {
        double end = limits[i];
        double count = counts[i];
        ++i;
        if (count <= 0.0) {
            while (i < counts.size() && counts[i] <= 0.0) {
                end = limits[i];
                count = counts[i];
                ++i;
            }
        }
        proto.add_bucket_limit(end);
        proto.add_bucket(count);
    }
    return proto;
}

// tensorboard/plugins/histogram/summary_v2.py: `bucket_count` equal-width buckets from min to
// max, the last one closed; all-equal data gets one bucket of width 1 around the value.
std::vector<double> histogramRows(std::span<const double> values, int bucketCount)
{
    std::vector<double> rows;
    if (values.empty())
        return rows;
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    const double min = *lowest, max = *highest;
    if (min == max) {
        rows = {min - 0.5, min + 0.5, double(values.size())};
        return rows;
    }
    const double width = (max - min) / bucketCount;
    std::vector<double> counts(std::size_t(bucketCount), 0.0);
    for (const double value : values) {
        const int index = std::min(int(std::floor((value - min) / width)), bucketCount - 1);
        counts[std::size_t(std::max(index, 0))] += 1;
    }
    for (int i = 0; i < bucketCount; ++i) {
        rows.push_back(min + i * width);
        rows.push_back(i + 1 == bucketCount ? max : min + (i + 1) * width);
        rows.push_back(counts[std::size_t(i)]);
    }
    return rows;
}

google::protobuf::Value protobufValue(const HParamValue& value)
{
    google::protobuf::Value out;
    if (const auto* number = std::get_if<double>(&value))
        out.set_number_value(*number);
    else if (const auto* text = std::get_if<std::string>(&value))
        out.set_string_value(*text);
    else
        out.set_bool_value(std::get<bool>(value));
    return out;
}

HParamType hparamTypeOf(const HParamValue& value)
{
    if (std::holds_alternative<double>(value))
        return HParamType::Float64;
    if (std::holds_alternative<std::string>(value))
        return HParamType::String;
    return HParamType::Bool;
}

// TensorBoard's protos are proto3, which writes no field holding its default (0, "", false);
// ours are proto2, which writes every field set: the hparams messages below set only what
// proto3 would write.

pb::HParamInfo protobufHParamInfo(const HParamInfo& info)
{
    pb::HParamInfo out;
    if (!info.name.empty())
        out.set_name(info.name);
    if (!info.displayName.empty())
        out.set_display_name(info.displayName);
    if (!info.description.empty())
        out.set_description(info.description);
    if (info.type != HParamType::Unset) // HParamType follows the proto's order
        out.set_type(pb::HParamInfo::Type(info.type));
    if (!info.discreteDomain.empty()) {
        for (const HParamValue& value : info.discreteDomain)
            *out.mutable_domain_discrete()->add_values() = protobufValue(value);
    } else if (info.intervalDomain) {
        pb::HParamsInterval* interval = out.mutable_domain_interval();
        if (info.intervalDomain->first != 0)
            interval->set_min_value(info.intervalDomain->first);
        if (info.intervalDomain->second != 0)
            interval->set_max_value(info.intervalDomain->second);
    }
    if (info.differs)
        out.set_differs(true);
    return out;
}

pb::HParamsMetricInfo protobufMetricInfo(const MetricInfo& metric)
{
    pb::HParamsMetricInfo out;
    pb::HParamsMetricName* name = out.mutable_name();
    if (!metric.group.empty())
        name->set_group(metric.group);
    if (!metric.tag.empty())
        name->set_tag(metric.tag);
    if (!metric.displayName.empty())
        out.set_display_name(metric.displayName);
    if (!metric.description.empty())
        out.set_description(metric.description);
    if (metric.datasetType != DatasetType::Unknown) // DatasetType follows the proto's order
        out.set_dataset_type(pb::HParamsMetricInfo::DatasetType(metric.datasetType));
    return out;
}

} // namespace

const std::vector<double>& defaultHistogramBucketLimits()
{
    static const std::vector<double> limits = [] {
        std::vector<double> positive;
        for (double v = 1.0e-12; v < 1.0e20; v *= 1.1)
            positive.push_back(v);
        positive.push_back(DBL_MAX);
        std::vector<double> all;
        for (auto it = positive.rbegin(); it != positive.rend(); ++it)
            all.push_back(-*it);
        all.push_back(0.0);
        all.insert(all.end(), positive.begin(), positive.end());
        return all;
    }();
    return limits;
}

// Deflates the framed records into the file: GZIP (window bits 15 + 16) or ZLIB framing.
struct EventFileWriter::Compressor {
    z_stream stream {};
    char buffer[64 * 1024];

    // Feeds `size` bytes (possibly none) through deflate with `mode`, writing what comes out.
    template <typename Write>
    bool deflateAll(const char* data, std::size_t size, int mode, Write&& write)
    {
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
        stream.avail_in = static_cast<uInt>(size);
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            if (deflate(&stream, mode) == Z_STREAM_ERROR)
                return false;
            write(buffer, sizeof buffer - stream.avail_out);
        } while (stream.avail_out == 0);
        return true;
    }
};

EventFileWriter::EventFileWriter(
    const std::filesystem::path& directory, EventFileWriterOptions options)
{
    const double startTime = options.wallTime.value_or(now());
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    m_path = directory
        / (options.fileName.empty() ? standardFileName(startTime, options.suffix)
                                    : options.fileName);
    m_file.reset(openFile(m_path, "wb"));
    m_ok = m_file != nullptr;
    if (m_ok
        && (options.compression == RecordCompression::Gzip
            || options.compression == RecordCompression::Zlib)) {
        m_compressor = std::make_unique<Compressor>();
        const int windowBits = options.compression == RecordCompression::Gzip ? 15 + 16 : 15;
        m_ok = deflateInit2(&m_compressor->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8,
                   Z_DEFAULT_STRATEGY)
            == Z_OK;
        if (!m_ok) {
            m_compressor.reset();
            m_file.reset(); // never write an uncompressed stream in its place
        }
    }
    pb::Event event = eventAt(startTime, 0);
    event.set_file_version("brain.Event:2");
    writeEvent(event);
}

EventFileWriter::~EventFileWriter()
{
    if (m_compressor) {
        m_compressor->deflateAll(nullptr, 0, Z_FINISH,
            [this](const char* data, std::size_t size) { writeBytes(data, size); });
        deflateEnd(&m_compressor->stream);
    }
}

double EventFileWriter::now()
{
    const auto since = std::chrono::system_clock::now().time_since_epoch();
    return double(std::chrono::duration_cast<std::chrono::microseconds>(since).count()) / 1e6;
}

std::string EventFileWriter::standardFileName(double wallTime, std::string_view suffix)
{
    static std::atomic<int> filesNamed {0};
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%010lld", static_cast<long long>(wallTime));
    return "events.out.tfevents." + std::string(seconds) + "." + hostName() + "."
        + std::to_string(processId()) + "." + std::to_string(filesNamed++) + std::string(suffix);
}

void EventFileWriter::writeBytes(const char* data, std::size_t size)
{
    if (m_file && size > 0 && std::fwrite(data, 1, size, m_file.get()) != size)
        m_ok = false;
}

void EventFileWriter::writeRecord(std::string_view data)
{
    if (!m_file)
        return;
    const std::string framed = frameRecord(data);
    if (!m_compressor) {
        writeBytes(framed.data(), framed.size());
        return;
    }
    if (!m_compressor->deflateAll(framed.data(), framed.size(), Z_NO_FLUSH,
            [this](const char* bytes, std::size_t size) { writeBytes(bytes, size); }))
        m_ok = false;
}

void EventFileWriter::writeEvent(const pb::Event& event)
{
    writeRecord(event.SerializeAsString());
}

bool EventFileWriter::flush()
{
    if (!m_file)
        return false;
    if (m_compressor
        && !m_compressor->deflateAll(nullptr, 0, Z_SYNC_FLUSH,
            [this](const char* data, std::size_t size) { writeBytes(data, size); }))
        m_ok = false;
    if (std::fflush(m_file.get()) != 0)
        m_ok = false;
    return m_ok;
}

bool EventFileWriter::isFirstValue(std::string_view tag)
{
    return m_tagsWithMetadata.emplace(tag).second;
}

void EventFileWriter::addScalar(
    std::string_view tag, std::int64_t step, float value, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    summaryValue->set_simple_value(value);
    writeEvent(event);
}

void EventFileWriter::addScalarTensor(
    std::string_view tag, std::int64_t step, double value, ScalarType type, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    if (isFirstValue(tag))
        setPlugin(*summaryValue, "scalars", pb::DATA_CLASS_SCALAR);
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    setShape(*tensor, {});
    switch (type) {
    case ScalarType::Float32: {
        std::string content(4, '\0');
        storeLittleEndian32(content.data(), std::bit_cast<std::uint32_t>(float(value)));
        tensor->set_dtype(pb::DT_FLOAT);
        tensor->set_tensor_content(std::move(content));
        break;
    }
    case ScalarType::Float64:
        setDoubleContent(*tensor, std::span(&value, 1));
        break;
    case ScalarType::Integer: {
        std::string content(8, '\0');
        storeLittleEndian64(content.data(), std::uint64_t(std::int64_t(value)));
        tensor->set_dtype(pb::DT_INT64);
        tensor->set_tensor_content(std::move(content));
        break;
    }
    }
    writeEvent(event);
}

void EventFileWriter::addHistogram(std::string_view tag, std::int64_t step,
    std::span<const double> values, SummaryStyle style, double wallTime)
{
    if (style == SummaryStyle::Tf2) {
        const std::vector<double> rows = histogramRows(values, 30);
        std::vector<HistogramBucket> buckets;
        for (std::size_t i = 0; i + 3 <= rows.size(); i += 3)
            buckets.push_back({rows[i], rows[i + 1], rows[i + 2]});
        addHistogramBuckets(tag, step, buckets, wallTime);
        return;
    }
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    *summaryValue->mutable_histo() = histogramProto(values);
    writeEvent(event);
}

void EventFileWriter::addHistogramBuckets(std::string_view tag, std::int64_t step,
    std::span<const HistogramBucket> buckets, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    if (isFirstValue(tag))
        setPlugin(*summaryValue, "histograms", pb::DATA_CLASS_TENSOR);
    std::vector<double> rows;
    rows.reserve(buckets.size() * 3);
    for (const HistogramBucket& bucket : buckets)
        rows.insert(rows.end(), {bucket.left, bucket.right, bucket.count});
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    setShape(*tensor, {std::int64_t(buckets.size()), 3});
    setDoubleContent(*tensor, rows);
    writeEvent(event);
}

void EventFileWriter::addImage(std::string_view tag, std::int64_t step,
    std::span<const EncodedImage> images, SummaryStyle style, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary* summary = event.mutable_summary();
    if (style == SummaryStyle::Tf1) {
        for (std::size_t i = 0; i < images.size(); ++i) {
            pb::Summary::Value* summaryValue = summary->add_value();
            summaryValue->set_tag(images.size() == 1
                    ? std::string(tag)
                    : std::string(tag) + "/image/" + std::to_string(i));
            pb::Summary::Image* image = summaryValue->mutable_image();
            image->set_height(images[i].height);
            image->set_width(images[i].width);
            image->set_colorspace(images[i].channels);
            image->set_encoded_image_string(images[i].bytes);
        }
    } else {
        pb::Summary::Value* summaryValue = summary->add_value();
        summaryValue->set_tag(std::string(tag));
        if (isFirstValue(tag))
            setPlugin(*summaryValue, "images", pb::DATA_CLASS_BLOB_SEQUENCE);
        pb::TensorProto* tensor = summaryValue->mutable_tensor();
        tensor->set_dtype(pb::DT_STRING);
        setShape(*tensor, {std::int64_t(images.size()) + 2});
        // The batch shares one size; TensorFlow takes it from the tensor's shape.
        tensor->add_string_val(std::to_string(images.empty() ? 0 : images.front().width));
        tensor->add_string_val(std::to_string(images.empty() ? 0 : images.front().height));
        for (const EncodedImage& image : images)
            tensor->add_string_val(image.bytes);
    }
    writeEvent(event);
}

void EventFileWriter::addAudio(std::string_view tag, std::int64_t step,
    std::span<const EncodedAudio> clips, SummaryStyle style, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary* summary = event.mutable_summary();
    if (style == SummaryStyle::Tf1) {
        for (std::size_t i = 0; i < clips.size(); ++i) {
            pb::Summary::Value* summaryValue = summary->add_value();
            summaryValue->set_tag(clips.size() == 1
                    ? std::string(tag)
                    : std::string(tag) + "/audio/" + std::to_string(i));
            pb::Summary::Audio* audio = summaryValue->mutable_audio();
            audio->set_sample_rate(clips[i].sampleRate);
            audio->set_num_channels(clips[i].channels);
            audio->set_length_frames(clips[i].frames);
            audio->set_encoded_audio_string(clips[i].bytes);
            audio->set_content_type("audio/wav");
        }
    } else {
        pb::Summary::Value* summaryValue = summary->add_value();
        summaryValue->set_tag(std::string(tag));
        if (isFirstValue(tag)) {
            pb::AudioPluginData data;
            data.set_encoding(pb::AudioPluginData::WAV);
            setPlugin(
                *summaryValue, "audio", pb::DATA_CLASS_BLOB_SEQUENCE, data.SerializeAsString());
        }
        pb::TensorProto* tensor = summaryValue->mutable_tensor();
        tensor->set_dtype(pb::DT_STRING);
        setShape(*tensor, {std::int64_t(clips.size()), 2});
        for (const EncodedAudio& clip : clips) {
            tensor->add_string_val(clip.bytes);
            tensor->add_string_val(clip.label);
        }
    }
    writeEvent(event);
}

void EventFileWriter::addText(
    std::string_view tag, std::int64_t step, std::string_view text, double wallTime)
{
    const std::string strings[] = {std::string(text)};
    addTextTensor(tag, step, {}, strings, wallTime);
}

void EventFileWriter::addTextTensor(std::string_view tag, std::int64_t step,
    std::span<const std::int64_t> shape, std::span<const std::string> strings, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    if (isFirstValue(tag))
        setPlugin(*summaryValue, "text", pb::DATA_CLASS_TENSOR);
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    tensor->set_dtype(pb::DT_STRING);
    setShape(*tensor, shape);
    for (const std::string& text : strings)
        tensor->add_string_val(text);
    writeEvent(event);
}

void EventFileWriter::addPrCurve(
    std::string_view tag, std::int64_t step, const PrCurveCounts& counts, double wallTime)
{
    constexpr double kMinimumCount = 1e-7; // keeps 0 / 0 out of precision and recall
    const std::size_t n = counts.truePositives.size();
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    if (isFirstValue(tag)) {
        pb::PrCurvePluginData data; // version 0 is left out, as proto3 writers do
        data.set_num_thresholds(std::uint32_t(n));
        setPlugin(*summaryValue, "pr_curves", pb::DATA_CLASS_UNKNOWN, data.SerializeAsString());
    }
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    tensor->set_dtype(pb::DT_FLOAT);
    setShape(*tensor, {6, std::int64_t(n)});
    for (const std::vector<double>* row : {&counts.truePositives, &counts.falsePositives,
             &counts.trueNegatives, &counts.falseNegatives})
        for (std::size_t i = 0; i < n; ++i)
            tensor->add_float_val(float(row->at(i)));
    for (std::size_t i = 0; i < n; ++i) {
        const double tp = counts.truePositives[i];
        tensor->add_float_val(
            float(tp / std::max(kMinimumCount, tp + counts.falsePositives.at(i))));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double tp = counts.truePositives[i];
        tensor->add_float_val(
            float(tp / std::max(kMinimumCount, tp + counts.falseNegatives.at(i))));
    }
    writeEvent(event);
}

void EventFileWriter::addGraph(const pb::GraphDef& graph, double wallTime)
{
    pb::Event event = eventAt(wallTime, 0);
    event.set_graph_def(graph.SerializeAsString());
    writeEvent(event);
}

void EventFileWriter::addMetaGraph(const pb::GraphDef& graph, double wallTime)
{
    pb::MetaGraphDef meta;
    meta.mutable_meta_info_def()->set_meta_graph_version("v2.0.0");
    *meta.mutable_graph_def() = graph;
    pb::Event event = eventAt(wallTime, 0);
    event.set_meta_graph_def(meta.SerializeAsString());
    writeEvent(event);
}

// A rank-0 string tensor whose plugin content is "1", as TensorFlow's graph summaries write.
void EventFileWriter::writeStringScalar(std::string_view tag, std::int64_t step,
    std::string_view plugin, std::string_view text, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    if (isFirstValue(tag))
        setPlugin(*summaryValue, plugin, pb::DATA_CLASS_UNKNOWN, "1");
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    tensor->set_dtype(pb::DT_STRING);
    setShape(*tensor, {});
    tensor->add_string_val(std::string(text));
    writeEvent(event);
}

void EventFileWriter::addKerasModel(std::string_view json, double wallTime)
{
    writeStringScalar("keras", 0, "graph_keras_model", json, wallTime);
}

void EventFileWriter::addRunMetadataGraph(
    std::string_view tag, std::int64_t step, const pb::GraphDef& graph, double wallTime)
{
    pb::RunMetadata metadata;
    *metadata.add_function_graphs()->mutable_pre_optimization_graph() = graph;
    writeStringScalar(
        tag, step, "graph_run_metadata_graph", metadata.SerializeAsString(), wallTime);
}

void EventFileWriter::addCustomScalarsLayout(const CustomScalarsLayout& layout, double wallTime)
{
    pb::Event event = eventAt(wallTime, 0);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(kCustomScalarsTag));
    // The plugin's metadata names it and holds nothing else: no content, no data class.
    summaryValue->mutable_metadata()->mutable_plugin_data()->set_plugin_name(
        std::string(kCustomScalarsPlugin));
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    tensor->set_dtype(pb::DT_STRING);
    setShape(*tensor, {});
    tensor->add_string_val(encodeCustomScalarsLayout(layout));
    writeEvent(event);
}

// Each hparams summary is a null tensor (float 0, rank 0): the data is in the metadata.
void EventFileWriter::writeHParams(
    std::string_view tag, const pb::HParamsPluginData& data, double wallTime)
{
    pb::Event event; // at step 0, which proto3 leaves unwritten
    event.set_wall_time(wallTime);
    pb::Summary::Value* summaryValue = event.mutable_summary()->add_value();
    summaryValue->set_tag(std::string(tag));
    setPlugin(*summaryValue, "hparams", pb::DATA_CLASS_UNKNOWN, data.SerializeAsString());
    // The plugin's NULL_TENSOR: a length-0 float vector, the shortest valid tensor (6 bytes:
    // the dtype and one dimension whose size, 0, proto3 leaves unwritten).
    pb::TensorProto* tensor = summaryValue->mutable_tensor();
    tensor->set_dtype(pb::DT_FLOAT);
    tensor->mutable_tensor_shape()->add_dim();
    writeEvent(event);
}

void EventFileWriter::addHParamsExperiment(const HParamsExperiment& experiment, double wallTime)
{
    pb::HParamsPluginData data; // version 0: left unset, as proto3 writes it
    pb::HParamsExperiment* out = data.mutable_experiment();
    if (!experiment.name.empty())
        out->set_name(experiment.name);
    if (!experiment.description.empty())
        out->set_description(experiment.description);
    if (!experiment.user.empty())
        out->set_user(experiment.user);
    if (experiment.timeCreatedSecs != 0)
        out->set_time_created_secs(experiment.timeCreatedSecs);
    for (const HParamInfo& info : experiment.hparams)
        *out->add_hparam_infos() = protobufHParamInfo(info);
    for (const MetricInfo& metric : experiment.metrics)
        *out->add_metric_infos() = protobufMetricInfo(metric);
    writeHParams("_hparams_/experiment", data, wallTime);
}

void EventFileWriter::addHParamsSessionStart(const SessionStartInfo& start, double wallTime)
{
    pb::HParamsPluginData data;
    pb::HParamsSessionStartInfo* out = data.mutable_session_start_info();
    for (const auto& [name, value] : start.hparams)
        (*out->mutable_hparams())[name] = protobufValue(value);
    if (!start.modelUri.empty())
        out->set_model_uri(start.modelUri);
    if (!start.monitorUrl.empty())
        out->set_monitor_url(start.monitorUrl);
    if (!start.groupName.empty())
        out->set_group_name(start.groupName);
    if (start.startTimeSecs != 0)
        out->set_start_time_secs(start.startTimeSecs);
    writeHParams("_hparams_/session_start_info", data, wallTime);
}

void EventFileWriter::addHParams(const std::map<std::string, HParamValue>& hparams,
    std::span<const std::string> metricTags, double wallTime)
{
    HParamsExperiment experiment;
    experiment.timeCreatedSecs = wallTime;
    for (const auto& [name, value] : hparams) {
        HParamInfo& info = experiment.hparams.emplace_back();
        info.name = name;
        info.type = hparamTypeOf(value);
    }
    for (const std::string& tag : metricTags)
        experiment.metrics.emplace_back().tag = tag;
    addHParamsExperiment(experiment, wallTime);
    SessionStartInfo start;
    start.hparams = hparams;
    start.startTimeSecs = wallTime;
    addHParamsSessionStart(start, wallTime);
}

void EventFileWriter::addHParamsSessionEnd(SessionEndStatus status, double wallTime)
{
    pb::HParamsPluginData data;
    pb::HParamsSessionEndInfo* end = data.mutable_session_end_info();
    // SessionEndStatus follows the proto's order: UNKNOWN, SUCCESS, FAILURE, RUNNING.
    if (status != SessionEndStatus::Unknown)
        end->set_status(pb::HParamsSessionEndInfo::Status(status));
    end->set_end_time_secs(wallTime);
    writeHParams("_hparams_/session_end_info", data, wallTime);
}

void EventFileWriter::addSessionStart(std::int64_t step, double wallTime)
{
    pb::Event event = eventAt(wallTime, step);
    event.mutable_session_log()->set_status(pb::SessionLog::START);
    writeEvent(event);
}

} // namespace lantern::core
