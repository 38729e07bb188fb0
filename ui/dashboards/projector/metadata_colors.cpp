#include "ui/dashboards/projector/metadata_colors.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <string>

namespace lantern::ui {
namespace {

// Twenty distinguishable hues, strong ones first.
constexpr QRgb kPalette[kMaxCategories] = {0xff1f77b4, 0xffff7f0e, 0xff2ca02c, 0xffd62728,
    0xff9467bd, 0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf, 0xffaec7e8, 0xffffbb78,
    0xff98df8a, 0xffff9896, 0xffc5b0d5, 0xffc49c94, 0xfff7b6d2, 0xffc7c7c7, 0xffdbdb8d, 0xff9edae5};

std::optional<double> numberIn(std::string_view cell)
{
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size())
        return std::nullopt;
    return value;
}

QRgb gradient(double fraction)
{
    // Dark blue to orange through pale yellow: readable on white at both ends.
    const QColor low(0x2c, 0x4c, 0x9a), middle(0xf2, 0xe0, 0x8a), high(0xd9, 0x4f, 0x04);
    const auto mix = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
            float(a.greenF() + (b.greenF() - a.greenF()) * t),
            float(a.blueF() + (b.blueF() - a.blueF()) * t))
            .rgba();
    };
    return fraction < 0.5 ? mix(low, middle, fraction * 2) : mix(middle, high, fraction * 2 - 1);
}

} // namespace

std::vector<QRgb> colorsForColumn(const core::MetadataTable& table, std::size_t column)
{
    if (column >= table.columns.size())
        return {};
    const std::size_t rows = table.rows.size();
    std::map<std::string_view, std::size_t> categories;
    for (std::size_t row = 0; row < rows && categories.size() <= kMaxCategories; ++row)
        if (const auto cell = table.cell(row, column); !cell.empty())
            categories.emplace(cell, 0);
    std::vector<QRgb> colors(rows, kMissingValueColor);
    if (categories.size() <= kMaxCategories) {
        std::size_t next = 0;
        for (auto& [value, index] : categories)
            index = next++;
        for (std::size_t row = 0; row < rows; ++row)
            if (const auto cell = table.cell(row, column); !cell.empty())
                colors[row] = kPalette[categories.at(cell)];
        return colors;
    }
    if (!table.columns[column].numeric)
        return {};
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t row = 0; row < rows; ++row)
        if (const auto value = numberIn(table.cell(row, column))) {
            low = std::min(low, *value);
            high = std::max(high, *value);
        }
    const double span = high > low ? high - low : 1;
    for (std::size_t row = 0; row < rows; ++row)
        if (const auto value = numberIn(table.cell(row, column)))
            colors[row] = gradient((*value - low) / span);
    return colors;
}

} // namespace lantern::ui
