// decodeHParamsContent on fuzzed HParamsPluginData bytes (the hparams plugin's metadata
// content), then every decoded value rendered as text. The same bytes as a custom_scalars
// Layout (another small plugin proto), each chart's patterns matched against a few tags.
// Checks: no crash, leak or runaway memory; each call sets exactly one part or adds one error;
// a layout is read or a problem said; plain decoded strings never outgrow the input.

#include "core/analysis/custom_chart_tags.h"
#include "core/events/custom_scalars_layout.h"
#include "core/events/hparams_decoder.h"

#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

void checkCustomScalarsLayout(std::string_view bytes)
{
    const CustomScalarsLayout layout = decodeCustomScalarsLayout(bytes, "run");
    check(!layout.categories.empty() || !layout.problems.empty(), "no layout and no problem");
    const std::string tags[] = {"loss", "loss/train", "acc/lower", "acc/upper", ""};
    std::size_t plainBytes = 0;
    for (const CustomCategory& category : layout.categories) {
        plainBytes += category.title.size();
        for (const CustomChart& chart : category.charts) {
            plainBytes += chart.title.size();
            const ChartTags shown = chartTags(chart, tags);
            check(shown.tags.size() <= std::size(tags) || chart.isMargin(), "a tag shown twice");
        }
    }
    check(plainBytes <= bytes.size(), "layout titles outgrew the input");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    checkCustomScalarsLayout(content);
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
