#pragma once
// Writes event files as TensorFlow does, byte for byte in framing and message layout: the
// file name, the file_version record, and TF1- or TF2-style summaries of every kind Lantern
// reads. Used by `lantern-cli gen` and by tests that need real-looking logs.

#include "core/events/decoded_event.h"
#include "core/events/hparams.h"
#include "core/io/record_compression.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

namespace lantern::pb {
class Event;
class GraphDef;
class HParamsPluginData;
} // namespace lantern::pb

namespace lantern::core {

struct CustomScalarsLayout;

// TF1 summaries use Summary.Value's dedicated fields (simple_value, histo, image); TF2 ones
// are tensors tagged with a plugin name.
enum class SummaryStyle { Tf1, Tf2 };

struct EncodedImage {
    int width = 0;
    int height = 0;
    int channels = 3; // TF1's Image.colorspace
    std::string bytes; // PNG, JPEG or GIF
};

struct EncodedAudio {
    std::string bytes; // a WAV file (see wav_encoder.h)
    float sampleRate = 0;
    int channels = 1;
    std::int64_t frames = 0;
    std::string label; // TF2 only: the clip's markdown label
};

// A PR curve's counts at each of N thresholds, linspace(0, 1, N).
struct PrCurveCounts {
    std::vector<double> truePositives;
    std::vector<double> falsePositives;
    std::vector<double> trueNegatives;
    std::vector<double> falseNegatives;
};

struct EventFileWriterOptions {
    std::string fileName; // replaces the standard name when not empty
    std::string suffix; // appended to the standard name (TensorFlow 2 uses ".v2")
    // Gzip or Zlib wrap the whole stream of framed records, as TFRecordWriter's options do.
    RecordCompression compression = RecordCompression::None;
    std::optional<double> wallTime; // of the file name and file_version event; default now
};

class EventFileWriter {
public:
    // Creates `directory` if needed and starts a new event file there.
    explicit EventFileWriter(
        const std::filesystem::path& directory, EventFileWriterOptions options = {});
    ~EventFileWriter();
    EventFileWriter(const EventFileWriter&) = delete;
    EventFileWriter& operator=(const EventFileWriter&) = delete;

    // False once opening or any write failed.
    bool ok() const { return m_ok; }
    const std::filesystem::path& path() const { return m_path; }

    // Seconds since the epoch, with microseconds.
    static double now();
    // events.out.tfevents.<10-digit unix time>.<host>.<pid>.<n><suffix>, n counting the files
    // this process has named.
    static std::string standardFileName(double wallTime, std::string_view suffix = {});

    // TF1: Summary.Value.simple_value, a float.
    void addScalar(std::string_view tag, std::int64_t step, float value, double wallTime = now());
    // TF2: a rank-0 tensor (float, double or int64) with plugin "scalars".
    void addScalarTensor(std::string_view tag, std::int64_t step, double value,
        ScalarType type = ScalarType::Float32, double wallTime = now());
    // TF1: HistogramProto over TensorFlow's default exponential buckets. TF2: a [30, 3] double
    // tensor of equal-width buckets between min and max, as tf.summary.histogram makes.
    void addHistogram(std::string_view tag, std::int64_t step, std::span<const double> values,
        SummaryStyle style = SummaryStyle::Tf2, double wallTime = now());
    // TF2: the given (left, right, count) rows as a [k, 3] double tensor.
    void addHistogramBuckets(std::string_view tag, std::int64_t step,
        std::span<const HistogramBucket> buckets, double wallTime = now());
    // TF1: one Summary.Image per image (tagged `tag/image/<i>` when there are several).
    // TF2: one string tensor [width, height, encoded...] with plugin "images".
    void addImage(std::string_view tag, std::int64_t step, std::span<const EncodedImage> images,
        SummaryStyle style = SummaryStyle::Tf2, double wallTime = now());
    // TF1: one Summary.Audio per clip (tagged `tag/audio/<i>` when there are several).
    // TF2: one [k, 2] string tensor of (wav, label) rows with plugin "audio".
    void addAudio(std::string_view tag, std::int64_t step, std::span<const EncodedAudio> clips,
        SummaryStyle style = SummaryStyle::Tf2, double wallTime = now());
    // A rank-0 string tensor with plugin "text" (markdown).
    void addText(
        std::string_view tag, std::int64_t step, std::string_view text, double wallTime = now());
    // A string tensor of any shape with plugin "text" (rank 1 and 2 are shown as tables);
    // `strings` in row-major order.
    void addTextTensor(std::string_view tag, std::int64_t step, std::span<const std::int64_t> shape,
        std::span<const std::string> strings, double wallTime = now());
    // Plugin "pr_curves" with PrCurvePluginData {version 0, num_thresholds N}: a [6, N] float
    // tensor (float_val) of rows TP, FP, TN, FN, precision = TP / max(TP + FP, 1e-7) and
    // recall = TP / max(TP + FN, 1e-7), as torch.utils.tensorboard's add_pr_curve writes it.
    // Every row of `counts` must hold N values.
    void addPrCurve(std::string_view tag, std::int64_t step, const PrCurveCounts& counts,
        double wallTime = now());
    void addGraph(const pb::GraphDef& graph, double wallTime = now());
    // Event.meta_graph_def: a MetaGraphDef around `graph`, as tf.compat.v1 savers write it.
    void addMetaGraph(const pb::GraphDef& graph, double wallTime = now());
    // Tag `keras`, plugin "graph_keras_model": the model's JSON as a rank-0 string tensor.
    void addKerasModel(std::string_view json, double wallTime = now());
    // TF2's trace export: a RunMetadata whose function graph holds `graph`, as a rank-0 string
    // tensor with plugin "graph_run_metadata_graph".
    void addRunMetadataGraph(std::string_view tag, std::int64_t step, const pb::GraphDef& graph,
        double wallTime = now());
    // `_hparams_/experiment`, every field as given, as hp.hparams_config writes it (usually
    // into the logdir's root run).
    void addHParamsExperiment(const HParamsExperiment& experiment, double wallTime = now());
    // `_hparams_/session_start_info`, as hp.hparams writes it into one trial's run.
    void addHParamsSessionStart(const SessionStartInfo& start, double wallTime = now());
    // Plugin "hparams": `_hparams_/experiment` declaring the hparams and metric tags, then
    // `_hparams_/session_start_info` with their values for this run (PyTorch's add_hparams).
    void addHParams(const std::map<std::string, HParamValue>& hparams,
        std::span<const std::string> metricTags = {}, double wallTime = now());
    // `_hparams_/session_end_info`, as the Keras hparams callback writes when training ends.
    void addHParamsSessionEnd(SessionEndStatus status, double wallTime = now());
    // `custom_scalars__config__` at step 0: the serialized layout as a rank-0 string tensor,
    // plugin "custom_scalars" with no content, as TensorBoard's custom_scalar summary.pb and
    // PyTorch's add_custom_scalars write it. Problems in `layout` are not written.
    void addCustomScalarsLayout(const CustomScalarsLayout& layout, double wallTime = now());
    // SessionLog START: readers drop earlier points with step >= `step` (a restart).
    void addSessionStart(std::int64_t step, double wallTime = now());
    // Any hand-made event, for fixtures.
    void writeEvent(const pb::Event& event);

    // Pushes buffered records to the file (a sync flush of the compressed stream, if any), so
    // readers see every whole record written so far.
    bool flush();

private:
    struct Compressor;
    void writeRecord(std::string_view data);
    void writeBytes(const char* data, std::size_t size);
    void writeStringScalar(std::string_view tag, std::int64_t step, std::string_view plugin,
        std::string_view text, double wallTime);
    void writeHParams(std::string_view tag, const pb::HParamsPluginData& data, double wallTime);
    // True the first time a tag is seen: writers attach plugin metadata to first values only.
    bool isFirstValue(std::string_view tag);

    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::filesystem::path m_path;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::unique_ptr<Compressor> m_compressor;
    std::unordered_set<std::string> m_tagsWithMetadata;
    bool m_ok = false;
};

// TensorFlow's default histogram bucket limits: ±1e-12 growing by 10% up to ±1e20, ±DBL_MAX
// at the ends and 0 in the middle. Bucket i counts values in [limit[i-1], limit[i]).
const std::vector<double>& defaultHistogramBucketLimits();

} // namespace lantern::core
