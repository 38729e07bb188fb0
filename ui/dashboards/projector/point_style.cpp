#include "ui/dashboards/projector/point_style.h"

#include "ui/dashboards/projector/metadata_colors.h"

#include <algorithm>

namespace lantern::ui {
namespace {

// Longer labels are cut: the view shows a few dozen characters at most.
constexpr qsizetype kMaxLabelLength = 200;

} // namespace

PointLabels::PointLabels(const std::vector<QString>& labels)
{
    m_ends.reserve(labels.size());
    for (const QString& label : labels)
        append(label);
}

void PointLabels::append(QStringView label)
{
    m_text += label.left(kMaxLabelLength);
    m_ends.push_back(m_text.size());
}

PointStyle stylePoints(const core::MetadataTable& metadata, const std::vector<std::size_t>& rows,
    int colorColumn, int labelColumn)
{
    PointStyle style;
    const auto columns = int(metadata.columns.size());
    style.colorColumn = colorColumn >= 0 && colorColumn < columns ? colorColumn : -1;
    style.labelColumn = labelColumn >= 0 && labelColumn < columns ? labelColumn : -1;
    if (style.colorColumn >= 0) {
        const ColumnColoring coloring = coloringForColumn(metadata, std::size_t(colorColumn));
        if (!coloring.colors.empty()) {
            style.colors.reserve(rows.size());
            for (const std::size_t row : rows)
                style.colors.push_back(
                    row < coloring.colors.size() ? coloring.colors[row] : kMissingValueColor);
            ProjectorLegend& legend = style.legend;
            legend.title = QString::fromStdString(metadata.columns[std::size_t(colorColumn)].name);
            for (const auto& [value, color] : coloring.categories)
                legend.categories.emplace_back(QString::fromStdString(value), color);
            legend.gradient = coloring.gradient;
            legend.low = coloring.low;
            legend.high = coloring.high;
            legend.lowColor = coloring.lowColor;
            legend.highColor = coloring.highColor;
        }
    }
    if (style.labelColumn >= 0) {
        const auto column = std::size_t(style.labelColumn);
        for (const std::size_t row : rows) {
            const std::string_view cell
                = row < metadata.rows.size() ? metadata.cell(row, column) : std::string_view();
            const auto length = qsizetype(std::min<std::size_t>(cell.size(), kMaxLabelLength * 4));
            style.labels.append(QString::fromUtf8(cell.data(), length));
        }
    }
    return style;
}

} // namespace lantern::ui
