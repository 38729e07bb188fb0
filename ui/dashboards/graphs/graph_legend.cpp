#include "ui/dashboards/graphs/graph_legend.h"

namespace lantern::ui {

GraphLegend::GraphLegend(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("graphLegend"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    hide();
}

void GraphLegend::showEntries(const std::vector<LegendEntry>& entries, const QString& note)
{
    m_texts.clear();
    QString html;
    for (const LegendEntry& entry : entries) {
        m_texts.append(entry.text);
        // Device names and scope paths come from the log: escaped, never markup.
        const QString swatch = entry.colour.isValid()
            ? QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span>")
                  .arg(entry.colour.name())
            : QStringLiteral(
                "<span style=\"border:1px solid gray\">&nbsp;&nbsp;&nbsp;&nbsp;</span>");
        html += swatch + QStringLiteral("&nbsp;") + entry.text.toHtmlEscaped()
            + QStringLiteral("&nbsp;&nbsp; ");
    }
    if (!note.isEmpty())
        html += QStringLiteral("<i>%1</i>").arg(note.toHtmlEscaped());
    setText(html);
    setVisible(!html.isEmpty());
}

} // namespace lantern::ui
