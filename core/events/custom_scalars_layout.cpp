// Decoding and merging the custom_scalars plugin's Layout proto (proto/custom_scalars.proto).

#include "core/events/custom_scalars_layout.h"

#include "core/events/wire_bounds.h"

#include "custom_scalars.pb.h"

#include <algorithm>

namespace lantern::core {
namespace {

// Every pattern is matched against every scalar tag on each rebuild of the Scalars tab: a
// layout naming more (a hostile or broken one) is cut short rather than stalling the window.
constexpr int kMostPatternsAndSeries = 512;

std::string inQuotes(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

// A margin series needs all three tags; returns the first one missing, or empty.
std::string_view missingMarginTag(const pb::MarginChartContent::Series& series)
{
    if (series.value().empty())
        return "value";
    if (series.lower().empty())
        return "lower";
    if (series.upper().empty())
        return "upper";
    return {};
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : ", ") + part;
    return out;
}

} // namespace

CustomScalarsLayout decodeCustomScalarsLayout(std::string_view bytes, std::string_view source)
{
    CustomScalarsLayout layout;
    const std::string where = std::string(source) + ": ";
    pb::CustomScalarsLayout message;
    if (!lengthsFitTheirMessages(bytes, pb::CustomScalarsLayout::descriptor())
        || !message.ParseFromArray(bytes.data(), int(bytes.size()))) {
        layout.problems.push_back(where + "the custom scalars layout ("
            + std::to_string(bytes.size()) + " bytes) is not a Layout proto");
        return layout;
    }
    if (message.version() != 0)
        layout.problems.push_back(where + "layout version " + std::to_string(message.version())
            + " is unknown; read as version 0");
    int budget = kMostPatternsAndSeries;
    for (const pb::CustomScalarsCategory& category : message.category()) {
        CustomCategory out {category.title(), {}, category.closed()};
        for (const pb::CustomScalarsChart& chart : category.chart()) {
            budget -= chart.multiline().tag_size() + chart.margin().series_size();
            if (budget < 0) {
                layout.problems.push_back(where + "the layout names more than "
                    + std::to_string(kMostPatternsAndSeries)
                    + " tag patterns and margin series; the charts past them are left out");
                break;
            }
            CustomChart made {chart.title(), {}, {}};
            for (const std::string& pattern : chart.multiline().tag())
                made.tagPatterns.push_back(pattern);
            for (int i = 0; i < chart.margin().series_size(); ++i) {
                const auto& series = chart.margin().series(i);
                if (const std::string_view missing = missingMarginTag(series); !missing.empty()) {
                    layout.problems.push_back(where + "margin series " + std::to_string(i + 1)
                        + " of " + chartName(made) + " has no " + std::string(missing)
                        + " tag; left out");
                    continue;
                }
                made.margins.push_back({series.value(), series.lower(), series.upper()});
            }
            if (made.tagPatterns.empty() && made.margins.empty()) {
                layout.problems.push_back(where + "chart " + inQuotes(chart.title())
                    + " in category " + inQuotes(category.title()) + " names no tags; left out");
                continue;
            }
            out.charts.push_back(std::move(made));
        }
        layout.categories.push_back(std::move(out));
        if (budget < 0)
            break;
    }
    // Random bytes may read as a message of unknown fields only.
    if (layout.categories.empty())
        layout.problems.push_back(where + "the custom scalars layout holds no categories");
    return layout;
}

std::string encodeCustomScalarsLayout(const CustomScalarsLayout& layout)
{
    pb::CustomScalarsLayout message;
    for (const CustomCategory& category : layout.categories) {
        pb::CustomScalarsCategory* out = message.add_category();
        out->set_title(category.title);
        out->set_closed(category.closed);
        for (const CustomChart& chart : category.charts) {
            pb::CustomScalarsChart* made = out->add_chart();
            made->set_title(chart.title);
            if (chart.isMargin()) {
                for (const MarginSeries& series : chart.margins) {
                    auto* added = made->mutable_margin()->add_series();
                    added->set_value(series.value);
                    added->set_lower(series.lower);
                    added->set_upper(series.upper);
                }
            } else {
                for (const std::string& pattern : chart.tagPatterns)
                    made->mutable_multiline()->add_tag(pattern);
            }
        }
    }
    return message.SerializeAsString();
}

void mergeCustomScalarsLayout(CustomScalarsLayout& into, const CustomScalarsLayout& more)
{
    for (const CustomCategory& category : more.categories) {
        const auto same = std::find_if(into.categories.begin(), into.categories.end(),
            [&](const CustomCategory& held) { return held.title == category.title; });
        if (same == into.categories.end()) {
            into.categories.push_back(category);
            continue;
        }
        for (const CustomChart& chart : category.charts)
            if (std::find(same->charts.begin(), same->charts.end(), chart) == same->charts.end())
                same->charts.push_back(chart);
    }
    into.problems.insert(into.problems.end(), more.problems.begin(), more.problems.end());
}

std::string chartName(const CustomChart& chart)
{
    return "chart " + inQuotes(chartTitle(chart));
}

std::string chartTitle(const CustomChart& chart)
{
    if (!chart.title.empty())
        return chart.title;
    if (!chart.isMargin())
        return joined(chart.tagPatterns);
    std::vector<std::string> values;
    for (const MarginSeries& series : chart.margins)
        values.push_back(series.value);
    return joined(values);
}

} // namespace lantern::core
