#pragma once
// Decodes the hparams plugin's SummaryMetadata content (HParamsPluginData) into plain structs.

#include "core/events/hparams.h"

#include <string>
#include <string_view>

namespace lantern::core {

inline constexpr std::string_view kHParamsExperimentTag = "_hparams_/experiment";
inline constexpr std::string_view kHParamsSessionStartTag = "_hparams_/session_start_info";
inline constexpr std::string_view kHParamsSessionEndTag = "_hparams_/session_end_info";

// Merges one tag's plugin content into `run`: the part it holds (experiment, session start or
// end) is set, or a reason is added to run.errors when the bytes are not HParamsPluginData.
void decodeHParamsContent(std::string_view content, RunHParams& run);

// A value as text: numbers in the shortest form that reads back exactly, bools as true/false.
std::string hparamValueText(const HParamValue& value);

} // namespace lantern::core
