#include "ui/dashboards/projector/metadata_colors.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <optional>

namespace lantern::ui {
namespace {

// Twenty distinguishable hues, strong ones first; further categories get hues spread by the
// golden angle.
constexpr QRgb kPalette[] = {0xff1f77b4, 0xffff7f0e, 0xff2ca02c, 0xffd62728, 0xff9467bd, 0xff8c564b,
    0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf, 0xffaec7e8, 0xffffbb78, 0xff98df8a, 0xffff9896,
    0xffc5b0d5, 0xffc49c94, 0xfff7b6d2, 0xffc7c7c7, 0xffdbdb8d, 0xff9edae5};

QRgb categoryColor(std::size_t index)
{
    constexpr std::size_t kFixed = std::size(kPalette);
    if (index < kFixed)
        return kPalette[index];
    return QColor::fromHsv(int((index - kFixed) * 137 % 360), 170, 200).rgba();
}

std::optional<double> numberIn(std::string_view cell)
{
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size())
        return std::nullopt;
    return value;
}

// Dark blue to orange through pale yellow: readable on white at both ends.
const QColor kLow(0x2c, 0x4c, 0x9a), kMiddle(0xf2, 0xe0, 0x8a), kHigh(0xd9, 0x4f, 0x04);

QRgb gradient(double fraction)
{
    const auto mix = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
            float(a.greenF() + (b.greenF() - a.greenF()) * t),
            float(a.blueF() + (b.blueF() - a.blueF()) * t))
            .rgba();
    };
    return fraction < 0.5 ? mix(kLow, kMiddle, fraction * 2)
                          : mix(kMiddle, kHigh, fraction * 2 - 1);
}

// Numbers in numeric order (2 before 10), then text.
bool legendOrder(std::string_view a, std::string_view b)
{
    const auto x = numberIn(a), y = numberIn(b);
    if (x && y)
        return *x != *y ? *x < *y : a < b;
    if (x || y)
        return bool(x);
    return a < b;
}

} // namespace

ColumnColoring coloringForColumn(const core::MetadataTable& table, std::size_t column)
{
    ColumnColoring coloring;
    if (column >= table.columns.size())
        return coloring;
    const std::size_t rows = table.rows.size();
    std::map<std::string_view, std::size_t, decltype(&legendOrder)> categories(&legendOrder);
    for (std::size_t row = 0; row < rows && categories.size() <= kMaxCategories; ++row)
        if (const auto cell = table.cell(row, column); !cell.empty())
            categories.emplace(cell, 0);
    if (categories.size() <= kMaxCategories) {
        coloring.colors.assign(rows, kMissingValueColor);
        for (auto& [value, index] : categories) {
            index = coloring.categories.size();
            coloring.categories.emplace_back(std::string(value), categoryColor(index));
        }
        for (std::size_t row = 0; row < rows; ++row)
            if (const auto cell = table.cell(row, column); !cell.empty())
                coloring.colors[row] = coloring.categories[categories.at(cell)].second;
        return coloring;
    }
    if (!table.columns[column].numeric)
        return coloring;
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t row = 0; row < rows; ++row)
        if (const auto value = numberIn(table.cell(row, column))) {
            low = std::min(low, *value);
            high = std::max(high, *value);
        }
    const double span = high > low ? high - low : 1;
    coloring.colors.assign(rows, kMissingValueColor);
    for (std::size_t row = 0; row < rows; ++row)
        if (const auto value = numberIn(table.cell(row, column)))
            coloring.colors[row] = gradient((*value - low) / span);
    coloring.gradient = true;
    coloring.low = low;
    coloring.high = high;
    coloring.lowColor = gradient(0);
    coloring.highColor = gradient(1);
    return coloring;
}

} // namespace lantern::ui
