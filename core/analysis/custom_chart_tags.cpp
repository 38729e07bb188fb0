#include "core/analysis/custom_chart_tags.h"

#include <algorithm>
#include <memory>
#include <re2/re2.h>

namespace lantern::core {
namespace {

void matchPatterns(const CustomChart& chart, std::span<const std::string> available, ChartTags& out)
{
    // RE2 runs in linear time whatever the pattern: a layout cannot hang the viewer.
    RE2::Options options;
    options.set_never_capture(true);
    options.set_log_errors(false);
    std::vector<std::unique_ptr<RE2>> expressions;
    for (const std::string& pattern : chart.tagPatterns) {
        auto expression = std::make_unique<RE2>(re2::StringPiece(pattern), options);
        if (!expression->ok()) {
            out.problems.push_back(chartName(chart) + ": '" + pattern
                + "' is not a valid regular expression: " + expression->error());
            continue;
        }
        expressions.push_back(std::move(expression));
    }
    std::vector<bool> matchedAny(expressions.size(), false);
    for (const std::string& tag : available) {
        const re2::StringPiece text(tag);
        bool matched = false;
        for (std::size_t i = 0; i < expressions.size(); ++i)
            if (expressions[i]->Match(text, 0, text.size(), RE2::ANCHOR_START, nullptr, 0))
                matched = matchedAny[i] = true;
        if (matched)
            out.tags.push_back(tag);
    }
    for (std::size_t i = 0; i < expressions.size(); ++i)
        if (!matchedAny[i])
            out.problems.push_back(
                chartName(chart) + ": no scalar tag matches '" + expressions[i]->pattern() + "'");
}

void findMargins(const CustomChart& chart, std::span<const std::string> available, ChartTags& out)
{
    const auto held = [&](const std::string& tag) {
        return std::find(available.begin(), available.end(), tag) != available.end();
    };
    for (const MarginSeries& series : chart.margins) {
        bool complete = true;
        for (const std::string* tag : {&series.value, &series.lower, &series.upper})
            if (!held(*tag)) {
                complete = false;
                out.problems.push_back(
                    chartName(chart) + ": no run holds scalar tag '" + *tag + "'");
            }
        if (!complete)
            continue;
        out.margins.push_back(series);
        out.tags.insert(out.tags.end(), {series.value, series.lower, series.upper});
    }
}

} // namespace

ChartTags chartTags(const CustomChart& chart, std::span<const std::string> available)
{
    ChartTags out;
    if (chart.isMargin())
        findMargins(chart, available, out);
    else
        matchPatterns(chart, available, out);
    return out;
}

} // namespace lantern::core
