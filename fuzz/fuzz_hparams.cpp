// decodeHParamsContent on fuzzed HParamsPluginData bytes (the hparams plugin's metadata
// content), then every decoded value rendered as text.
// Checks: no crash, leak or runaway memory; each call sets exactly one part or adds one error;
// plain decoded strings never outgrow the input.

#include "core/events/hparams_decoder.h"

#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

using namespace lantern::core;
using lantern::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    RunHParams hparams;
    decodeHParamsContent(content, hparams);
    const int parts = int(hparams.experiment.has_value()) + int(hparams.sessionStart.has_value())
        + int(hparams.sessionEnd.has_value());
    check(parts + int(hparams.errors.size()) == 1, "one part or one error");

    // Names and other plain strings come straight from the input, so they cannot outgrow it
    // (struct and list values become JSON, which can).
    std::size_t plainBytes = 0;
    if (hparams.sessionStart) {
        for (const auto& [name, value] : hparams.sessionStart->hparams) {
            check(!hparamValueText(value).empty() || std::holds_alternative<std::string>(value),
                "a number or bool rendered as nothing");
            plainBytes += name.size();
        }
        plainBytes += hparams.sessionStart->groupName.size() + hparams.sessionStart->modelUri.size()
            + hparams.sessionStart->monitorUrl.size();
    }
    if (hparams.experiment) {
        for (const HParamInfo& info : hparams.experiment->hparams) {
            plainBytes += info.name.size() + info.displayName.size() + info.description.size();
            for (const HParamValue& value : info.discreteDomain)
                hparamValueText(value);
        }
        for (const MetricInfo& metric : hparams.experiment->metrics)
            plainBytes += metric.group.size() + metric.tag.size();
    }
    check(plainBytes <= size, "decoded strings outgrew the input");
    return 0;
}
