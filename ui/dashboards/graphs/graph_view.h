#pragma once
// Draws one level of a graph hierarchy: the children of a group as boxes placed by a
// GraphLayout — scopes and series as rounded boxes with their op count, ops as ellipses with
// their op type — and the counted edges between them as arrows, thicker for more inputs and
// dashed when only control inputs. Drag to pan, wheel to zoom, click to select, double-click
// a group to enter it.

#include "core/analysis/graph_hierarchy.h"
#include "core/analysis/graph_layout.h"
#include "ui/widgets/interactive_plot.h"

#include <memory>
#include <optional>

namespace lantern::ui {

class GraphView : public InteractivePlot {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);

    // Shows `group`'s children; `graph` keeps the NodeDefs the hierarchy refers to alive.
    void setLevel(std::shared_ptr<const core::GraphHierarchy> hierarchy,
        std::shared_ptr<const pb::GraphDef> graph, std::uint32_t group, core::GraphLayout layout);
    void clear();
    std::uint32_t group() const { return m_group; }
    bool hasLevel() const { return m_hierarchy != nullptr; }

    void select(std::optional<std::uint32_t> node);
    std::optional<std::uint32_t> selected() const { return m_selected; }
    // Where a child of the shown group is drawn, in widget coordinates.
    std::optional<QPoint> centreOf(std::uint32_t node) const;
    void fitToView();

signals:
    void nodeClicked(std::uint32_t node);
    void groupActivated(std::uint32_t group);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // Drag to pan, click to select, double-click a group to enter it, wheel to zoom.
    bool pressed(const Press& press) override;
    void dragged(const Press& press, QPointF from, QPointF to) override;
    void released(const Press& press, QPointF at, bool wasDrag) override;
    void doubleClicked(QPointF at, Qt::MouseButton button) override;
    bool wheelTurned(QPointF at, int angleDelta) override;

private:
    QPointF toScene(QPointF widgetPoint) const;
    QRectF boxOf(std::size_t child) const; // in scene coordinates
    std::optional<std::size_t> childAt(QPointF widgetPoint) const;
    void drawEdges(QPainter& painter) const;
    void drawNodes(QPainter& painter) const;

    std::shared_ptr<const core::GraphHierarchy> m_hierarchy;
    std::shared_ptr<const pb::GraphDef> m_graph;
    std::uint32_t m_group = 0;
    core::GraphLayout m_layout;
    core::GraphLayoutOptions m_options;
    std::optional<std::uint32_t> m_selected;
    double m_scale = 1;
    QPointF m_offset; // widget position of the scene origin
    bool m_fitPending = false;
};

} // namespace lantern::ui
