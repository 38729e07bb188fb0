#pragma once
// What the point view paints for each point besides its position: a colour from one metadata
// column with the legend that explains it, and a label from another. Built off the GUI thread
// (with a projection, or when the columns change) as plain data the view takes as it is, so
// that showing 100,000 points costs the GUI thread no per-point work.

#include "core/projector/metadata_table.h"
#include "ui/dashboards/projector/projector_legend.h"

#include <QRgb>
#include <QString>
#include <QStringView>

#include <memory>
#include <vector>

namespace lantern::ui {

// One label per point, held as one string and where each ends: handing it over and freeing it
// are a few allocations, not one per point.
class PointLabels {
public:
    PointLabels() = default;
    explicit PointLabels(const std::vector<QString>& labels);

    void append(QStringView label);
    void clear()
    {
        m_text.clear();
        m_ends.clear();
    }
    std::size_t size() const { return m_ends.size(); }
    bool empty() const { return m_ends.empty(); }
    QStringView at(std::size_t index) const
    {
        const qsizetype begin = index == 0 ? 0 : m_ends[index - 1];
        return QStringView(m_text).mid(begin, m_ends[index] - begin);
    }

private:
    QString m_text;
    std::vector<qsizetype> m_ends;
};

struct PointStyle {
    int colorColumn = -1; // metadata columns the style was made from; -1 for none
    int labelColumn = -1;
    std::vector<QRgb> colors; // one per point shown, or empty for the default colour
    ProjectorLegend legend;
    PointLabels labels; // one per point shown, or empty for none
};
using PointStylePtr = std::shared_ptr<const PointStyle>;

// The style of the points showing `rows` of `metadata`, in that order.
PointStyle stylePoints(const core::MetadataTable& metadata, const std::vector<std::size_t>& rows,
    int colorColumn, int labelColumn);

} // namespace lantern::ui
