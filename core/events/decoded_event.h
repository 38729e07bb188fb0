#pragma once
// One event record after decoding and normalizing TF1/TF2 summary styles into plain data.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

enum class ValueKind : std::uint8_t {
    Scalar,
    Histogram,
    Image,
    Audio,
    Text,
    PrCurve,
    HParams,
    KerasModel,
    RunMetadata,
    Tensor, // any other tensor summary
};

inline constexpr ValueKind kAllValueKinds[] = {
    ValueKind::Scalar,
    ValueKind::Histogram,
    ValueKind::Image,
    ValueKind::Audio,
    ValueKind::Text,
    ValueKind::PrCurve,
    ValueKind::HParams,
    ValueKind::KerasModel,
    ValueKind::RunMetadata,
    ValueKind::Tensor,
};

std::string_view valueKindName(ValueKind kind);

// How a scalar was written, so it can be shown and exported exactly.
enum class ScalarType : std::uint8_t { Float32, Float64, Integer };

struct HistogramBucket {
    double left = 0;
    double right = 0;
    double count = 0;
    bool operator==(const HistogramBucket&) const = default;
};

struct SummaryItem {
    std::string tag;
    ValueKind kind = ValueKind::Tensor;
    std::string pluginName;
    double scalar = 0; // Scalar
    ScalarType scalarType = ScalarType::Float32;
    std::vector<HistogramBucket> histogram; // Histogram
    std::vector<std::string> strings; // Text (every element)
    std::vector<double> numbers; // PrCurve, Tensor: every element
    std::vector<std::int64_t> shape; // Text, PrCurve, Tensor
    std::uint32_t blobCount = 0; // Image, Audio: how many in this value
    std::uint32_t valueIndex = 0; // position in Summary.value, to find it again on disk
};

enum class EventKind : std::uint8_t {
    Empty,
    FileVersion,
    Summary,
    GraphDef,
    MetaGraphDef,
    SessionLog,
    TaggedRunMetadata,
    LogMessage,
};

enum class SessionStatus : std::uint8_t { Unspecified, Start, Stop, Checkpoint };

struct DecodedEvent {
    double wallTime = 0;
    std::int64_t step = 0;
    EventKind kind = EventKind::Empty;
    std::string fileVersion; // FileVersion
    SessionStatus sessionStatus = SessionStatus::Unspecified;
    std::vector<SummaryItem> items; // Summary
    std::string runMetadataTag; // TaggedRunMetadata
    // Summary values left out because their values do not fit their declared shape, each
    // saying which tag and step and why.
    std::vector<std::string> rejectedValues;
};

} // namespace lantern::core
