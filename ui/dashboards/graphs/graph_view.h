#pragma once
// Draws a graph with scopes opened in place, as core::layOutExpanded placed it: open groups as
// titled boxes holding their children, closed scopes and series as rounded boxes with their op
// count and a "+" badge, ops as ellipses with their op type, auxiliary areas as dashed panels,
// and the counted edges between visible boxes as arrows, thicker for more inputs and dashed
// when only control inputs. Drag to pan, wheel to zoom, click to select, double-click a group
// (or click its badge) to open or close it, Ctrl+double-click to show it alone, right-click
// to move a node in or out of the auxiliary area ("A" does the same for the selection).
//
// Other features reach the canvas through a small API: where a node is drawn (boxRect,
// centreOf), what to highlight and whether to dim the rest, and centring on a node. The
// exploring tools (graph_explorer.h) add fills, search rings and a traced set, each indexed
// by hierarchy node: a box, open or closed, shows the value of the node it draws.

#include "core/analysis/graph_expanded_layout.h"
#include "core/analysis/graph_hierarchy.h"
#include "ui/dashboards/graphs/graph_edge_shapes.h"
#include "ui/widgets/interactive_plot.h"

#include <QColor>
#include <QFont>
#include <QStaticText>

#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace lantern::ui {

class GraphView : public InteractivePlot {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);

    // Shows `layout`; `graph` keeps the NodeDefs the hierarchy refers to alive. With an
    // `anchor` drawn before and after, the view keeps it where it was (a scope opened in
    // place stays under the cursor); otherwise it opens on the graph's input end.
    void setLayout(std::shared_ptr<const core::GraphHierarchy> hierarchy,
        std::shared_ptr<const pb::GraphDef> graph, core::GraphExpansion expansion,
        core::ExpandedLayout layout, std::optional<std::uint32_t> anchor = std::nullopt);
    void clear();
    std::uint32_t group() const { return m_expansion.root; } // the group drawn as the canvas
    bool hasLevel() const { return m_hierarchy != nullptr; }
    const core::ExpandedLayout& layout() const { return m_layout; }
    const core::GraphExpansion& expansion() const { return m_expansion; }
    double scale() const { return m_scale; }

    void select(std::optional<std::uint32_t> node);
    std::optional<std::uint32_t> selected() const { return m_selected; }
    // Nodes drawn with a highlight; with `dimOthers`, every other box and edge fades.
    void setHighlighted(std::set<std::uint32_t> nodes, bool dimOthers = false);
    const std::set<std::uint32_t>& highlighted() const { return m_highlighted; }
    // Where a visible node is drawn: its box in widget coordinates, and its centre.
    std::optional<QRectF> boxRect(std::uint32_t node) const;
    std::optional<QPoint> centreOf(std::uint32_t node) const;
    // The +/- badge of a visible group, in widget coordinates.
    std::optional<QPoint> badgeOf(std::uint32_t group) const;
    void centreOn(std::uint32_t node);
    // Shows the drawn boxes of `nodes` at a readable scale, filling the view with them when
    // they fit in it; when they do not, centres on `first` (which must be drawn).
    void frame(const std::vector<std::uint32_t>& nodes, std::uint32_t first);
    // The whole graph when it fits at a readable scale; else its input end at that scale.
    void showInputEnd();

    // A fill per hierarchy node (invalid: the kind's own), nodes ringed (search matches and
    // the groups above them) and, when `kept` is not empty, every box whose node is outside
    // it drawn faint (trace inputs; a group holding a traced op is kept).
    // `mixed` (per hierarchy node, or empty): boxes hatched over their fill.
    void setFills(std::vector<QColor> fills, std::vector<bool> mixed = {});
    void setRinged(std::vector<bool> ringed);
    void setKept(std::vector<bool> kept);
    QColor fillOf(std::uint32_t node) const;
    bool isRinged(std::uint32_t node) const { return node < m_ringed.size() && m_ringed[node]; }
    bool isMixed(std::uint32_t node) const { return node < m_mixed.size() && m_mixed[node]; }
    bool isFaint(std::uint32_t node) const;
    // The whole layout in scene coordinates (export, minimap), and which part of it shows.
    QSizeF sceneSize() const { return {m_layout.width, m_layout.height}; }
    void renderScene(QPainter& painter) const;
    QRectF visibleSceneRect() const;
    void centreOn(QPointF scenePoint);

signals:
    void nodeClicked(std::uint32_t node);
    void expandToggled(std::uint32_t group); // open or close in place
    void groupActivated(std::uint32_t group); // show it alone (drill down)
    void auxiliaryToggled(std::uint32_t node); // move into or out of the auxiliary area
    void viewMoved(); // panned, zoomed or given another layout

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool pressed(const Press& press) override;
    void dragged(const Press& press, QPointF from, QPointF to) override;
    void released(const Press& press, QPointF at, bool wasDrag) override;
    void doubleClicked(QPointF at, Qt::MouseButton button) override;
    bool wheelTurned(QPointF at, int angleDelta) override;

private:
    QPointF toScene(QPointF widgetPoint) const;
    QRectF sceneBox(std::size_t box) const;
    QRectF badgeBox(std::size_t box) const; // in scene coordinates
    std::optional<std::size_t> boxAt(QPointF widgetPoint) const; // the innermost
    bool isDimmed(std::size_t box) const;
    bool touchesFocus(const core::ExpandedLayout::Edge& edge) const; // selected or highlighted
    void drawContainers(QPainter& painter, const QRectF& visible) const;
    void drawEdges(QPainter& painter, const QRectF& visible) const;
    void drawNodes(QPainter& painter, const QRectF& visible) const;
    void drawBadge(QPainter& painter, std::size_t box) const;
    // A box's texts, elided to its width and laid out once, then drawn as static text: text
    // shaping was most of a repaint's cost.
    struct BoxTexts {
        QStaticText label; // an open group's title; a closed box's name
        QStaticText detail; // its op count or op type (none for an open group)
        bool made = false;
    };
    const BoxTexts& textsOf(std::size_t box, const QFont& font) const;

    std::shared_ptr<const core::GraphHierarchy> m_hierarchy;
    std::shared_ptr<const pb::GraphDef> m_graph;
    core::GraphExpansion m_expansion;
    core::ExpandedLayout m_layout;
    std::vector<EdgeShapes> m_edgeShapes; // one per edge of m_layout, made with it
    // Per box of m_layout, made as boxes come into sight (with m_textFont: another font, such
    // as an export's, starts them again).
    mutable std::vector<BoxTexts> m_boxTexts;
    mutable QFont m_textFont;
    std::optional<std::uint32_t> m_selected;
    std::set<std::uint32_t> m_highlighted;
    bool m_dimOthers = false;
    std::vector<QColor> m_fills;
    std::vector<bool> m_mixed;
    std::vector<bool> m_ringed;
    std::vector<bool> m_kept;
    double m_scale = 1;
    QPointF m_offset; // widget position of the scene origin
    bool m_placePending = false;
};

} // namespace lantern::ui
