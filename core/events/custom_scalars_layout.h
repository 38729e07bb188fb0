#pragma once
// The custom_scalars plugin's layout as plain structs: categories of charts, each chart either
// lines of the tags some regular expressions match or margin series (a value between a lower
// and an upper bound). Decoded from the bytes of a run's `custom_scalars__config__` tensor and
// merged across runs by category title, as TensorBoard's Custom Scalars dashboard shows them.

#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

inline constexpr std::string_view kCustomScalarsTag = "custom_scalars__config__";
inline constexpr std::string_view kCustomScalarsPlugin = "custom_scalars";

struct MarginSeries {
    std::string value;
    std::string lower;
    std::string upper;
    bool operator==(const MarginSeries&) const = default;
};

struct CustomChart {
    std::string title; // as written; may be empty (see chartTitle)
    std::vector<std::string> tagPatterns; // a multiline chart's regular expressions
    std::vector<MarginSeries> margins; // a margin chart's series
    bool isMargin() const { return !margins.empty(); }
    bool operator==(const CustomChart&) const = default;
};

struct CustomCategory {
    std::string title;
    std::vector<CustomChart> charts;
    bool closed = false;
    bool operator==(const CustomCategory&) const = default;
};

struct CustomScalarsLayout {
    std::vector<CustomCategory> categories;
    // What was wrong with the bytes, each saying where; what could be read is kept.
    std::vector<std::string> problems;
    bool operator==(const CustomScalarsLayout&) const = default;
};

// Decodes a serialized Layout. Garbage, a chart with no content and a margin series missing a
// tag are reported in `problems` (prefixed by `source`, e.g. the run) and left out.
CustomScalarsLayout decodeCustomScalarsLayout(std::string_view bytes, std::string_view source);

// Serializes `layout` exactly as TensorBoard's Layout.SerializeToString does.
std::string encodeCustomScalarsLayout(const CustomScalarsLayout& layout);

// Adds `more` to `into`: a category of a title already there gains the charts it lacks; a new
// title is appended. Problems are appended.
void mergeCustomScalarsLayout(CustomScalarsLayout& into, const CustomScalarsLayout& more);

// The title shown: the chart's, else its patterns or value tags joined by ", ".
std::string chartTitle(const CustomChart& chart);
// "chart 'title'", as problems name a chart.
std::string chartName(const CustomChart& chart);

} // namespace lantern::core
