#pragma once
// The legend of the Graphs tab's "colour by": a swatch and a text per entry, and a note.

#include "ui/dashboards/graphs/graph_colour_schemes.h"

#include <QLabel>

namespace lantern::ui {

class GraphLegend : public QLabel {
    Q_OBJECT
public:
    explicit GraphLegend(QWidget* parent = nullptr);

    void showEntries(const std::vector<LegendEntry>& entries, const QString& note);
    const QStringList& entryTexts() const { return m_texts; }

private:
    QStringList m_texts;
};

} // namespace lantern::ui
