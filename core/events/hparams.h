#pragma once
// The hparams plugin's data as plain structs (FORMATS-PLUGINS.md §4): the experiment that
// declares hyperparameters and metrics, and each session's start (values) and end (status).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lantern::core {

// google.protobuf.Value as the hparams plugin uses it: number, string or bool.
using HParamValue = std::variant<double, std::string, bool>;

enum class HParamType : std::uint8_t { Unset, String, Bool, Float64 };

struct HParamInfo {
    std::string name;
    std::string displayName;
    std::string description;
    HParamType type = HParamType::Unset;
    std::vector<HParamValue> discreteDomain; // domain_discrete, when given
    std::optional<std::pair<double, double>> intervalDomain; // domain_interval [min, max]
    bool differs = false;
};

enum class DatasetType : std::uint8_t { Unknown, Training, Validation };

struct MetricInfo {
    std::string group; // a run relative to the session's run ("" = the session's own)
    std::string tag;
    std::string displayName;
    std::string description;
    DatasetType datasetType = DatasetType::Unknown;
};

struct HParamsExperiment {
    std::string name;
    std::string description;
    std::string user;
    double timeCreatedSecs = 0;
    std::vector<HParamInfo> hparams;
    std::vector<MetricInfo> metrics;
};

struct SessionStartInfo {
    std::map<std::string, HParamValue> hparams;
    std::string modelUri;
    std::string monitorUrl;
    std::string groupName;
    double startTimeSecs = 0;
};

// In the order of the proto's Status values (0 to 3).
enum class SessionEndStatus : std::uint8_t { Unknown, Success, Failure, Running };

struct SessionEndInfo {
    SessionEndStatus status = SessionEndStatus::Unknown;
    double endTimeSecs = 0;
};

// What one run declares; each part is absent when the run did not write it.
struct RunHParams {
    std::optional<HParamsExperiment> experiment;
    std::optional<SessionStartInfo> sessionStart;
    std::optional<SessionEndInfo> sessionEnd;
    std::vector<std::string> errors; // contents that could not be decoded, and why

    bool empty() const { return !experiment && !sessionStart && !sessionEnd; }
};

} // namespace lantern::core
