#pragma once
// Saves the graph a GraphView shows — its whole layout with the scopes open as shown, not only
// the part in sight — as PNG (at the view's zoom, capped in size) or SVG (vector, through Qt Svg's
// QSvgGenerator).

#include <QString>

namespace lantern::ui {

class GraphView;

// Both return an empty string on success, else what went wrong.
QString exportGraphPng(const GraphView& view, const QString& path);
QString exportGraphSvg(const GraphView& view, const QString& path);

} // namespace lantern::ui
